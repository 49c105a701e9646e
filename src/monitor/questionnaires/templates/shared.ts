/**
 * What the templates share: the context variables (filled per respondent from the sample frame and
 * the organisation's layer) and the background questions asked in P and M.
 */
import type { ContextVariable } from '../model.js';
import { o, single, t } from './build.js';

const layerFills: ContextVariable[] = [
  {
    name: 'bg_layer',
    description: t(
      'Bestuurslaag: gemeente, provincie of waterschap',
      'Layer: gemeente, provincie or waterschap',
    ),
    example: 'gemeente',
  },
  {
    name: 'organisatie',
    description: t('gemeente / provincie / waterschap (na "uw")', 'the kind of organisation, after "uw"'),
    example: 'gemeente',
  },
  {
    name: 'de_organisatie',
    description: t('de gemeente / de provincie / het waterschap', 'the organisation with its article'),
    example: 'de gemeente',
  },
  {
    name: 'het_bestuur',
    description: t(
      'het college van B en W / Gedeputeerde Staten / het dagelijks bestuur',
      'the executive board',
    ),
    example: 'het college van B en W',
  },
  {
    name: 'de_vertegenwoordiging',
    description: t('de gemeenteraad / Provinciale Staten / het algemeen bestuur', 'the representative body'),
    example: 'de gemeenteraad',
  },
  {
    name: 'voorzitter',
    description: t('burgemeester / commissaris van de Koning / dijkgraaf', 'the chair'),
    example: 'burgemeester',
  },
];

/** Office holders: the layer fills plus the respondent's role. */
export const officeHolderContext: ContextVariable[] = [
  ...layerFills,
  {
    name: 'bg_role',
    description: t(
      'Functie (code uit het steekproefkader), bijvoorbeeld wethouder',
      'Role code from the sample frame, e.g. wethouder',
    ),
    example: 'raadslid',
  },
  {
    name: 'functie',
    description: t('De functie in woorden, bijvoorbeeld raadslid', 'The role in words, e.g. raadslid'),
    example: 'raadslid',
  },
];

/** Organisation policy: the layer fills, and whether the wave has the employee module. */
export const organisationContext: ContextVariable[] = [
  ...layerFills,
  {
    name: 'module_medewerkers',
    description: t('ja als de meting ook medewerkers bevraagt', 'ja when the wave also surveys employees'),
    example: 'nee',
  },
];

export const employeeContext: ContextVariable[] = [...layerFills];

export const backgroundGender = single('bg_gender', t('Wat is uw geslacht?', 'What is your sex?'), [
  o('vrouw', 'Vrouw', 'Female'),
  o('man', 'Man', 'Male'),
  o('anders', 'Anders', 'Other'),
  o('wil_niet_zeggen', 'Zeg ik liever niet', 'I prefer not to say'),
]);

export const backgroundAge = single('bg_age_group', t('Hoe oud bent u?', 'How old are you?'), [
  o('tot_35', 'Jonger dan 35 jaar', 'Under 35'),
  o('van_35_tot_50', '35 tot 50 jaar', '35 to 50'),
  o('van_50_tot_65', '50 tot 65 jaar', '50 to 65'),
  o('vanaf_65', '65 jaar of ouder', '65 or older'),
  o('wil_niet_zeggen', 'Zeg ik liever niet', 'I prefer not to say'),
]);
