/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${item} is the questionnaires' expression syntax. */
/**
 * The built-in indicators on the built-in questionnaires (DOMAIN.md §4), version 1. The codes of the
 * published figures (published-figures.json) are used where one exists, so a trend can join them.
 */
import type { IndicatorInput } from './model.js';

const forms = ['verbal', 'threat', 'intimidation', 'physical'];
const occurred = (code: string) => `(\${${code}} != '' and \${${code}} != 'nooit')`;
const anyForm = (prefix: string, which = forms) =>
  which.map((f) => occurred(`${prefix}${f}_12m`)).join(' or ');
const victim = anyForm('agr_');
const anyRowIs = (prefix: string, value: string) =>
  forms.map((f) => `\${${prefix}_${f}} = '${value}'`).join(' or ');

const officeBreakdowns: IndicatorInput['breakdowns'] = [
  [],
  ['bg_layer'],
  ['bg_role'],
  ['bg_role_group'],
  ['bg_layer', 'bg_role'],
  // executives and representatives per layer: the factsheets of small roles combined with related
  // ones (CdK with gedeputeerden, dijkgraaf with DB-leden) publish these cells, so disclosure control
  // decides them with every other cell
  ['bg_layer', 'bg_role_group'],
  ['bg_gender'],
  ['bg_age_group'],
  ['bg_province'],
];
const officeComparisons: IndicatorInput['comparisons'] = [
  { variable: 'bg_gender', from: 'man', to: 'vrouw' },
  { variable: 'bg_role_group', from: 'volksvertegenwoordiger', to: 'bestuurder' },
  { variable: 'bg_layer', from: 'provincie', to: 'gemeente' },
  { variable: 'bg_layer', from: 'waterschap', to: 'gemeente' },
];

type Short = Pick<IndicatorInput, 'code' | 'theme' | 'numerator' | 'population' | 'answered'> & {
  nl: string;
  en: string;
};

const office = (s: Short): IndicatorInput => ({
  code: s.code,
  version: 1,
  theme: s.theme,
  targetGroup: 'office_holders',
  label: { nl: s.nl, en: s.en },
  numerator: s.numerator,
  ...(s.population ? { population: s.population } : {}),
  answered: s.answered ?? [],
  statistic: 'proportion',
  breakdowns: officeBreakdowns,
  comparisons: officeComparisons,
});

const victims = { population: victim };

const formLabels: Record<string, [string, string]> = {
  verbal: ['Uitgescholden, beledigd of vernederd', 'Verbal abuse, insults or humiliation'],
  threat: ['Bedreigd', 'Threatened'],
  intimidation: ['Geïntimideerd', 'Intimidated'],
  physical: ['Aangevallen', 'Physically attacked'],
};

const integrityTypes: Record<string, [string, string]> = {
  belangen_familie: [
    'Belangen van familie of vrienden gemengd met het ambt',
    'Interests of family or friends',
  ],
  info_vertrouwelijk: ['Gevoelige informatie misbruikt of gelekt', 'Confidential information misused'],
  meestemmen_belang: ['Meegestemd bij eigen belang', 'Voted despite a personal interest'],
  adviseur_geschil: [
    'Adviseur in een geschil met de organisatie',
    'Adviser in a dispute with the organisation',
  ],
  druk_ambtenaren: ['Ambtenaren onder druk gezet', 'Undue pressure on civil servants'],
  nevenfuncties_niet_gemeld: ['Nevenfuncties niet gemeld', 'Side positions not reported'],
  declaraties: ['Declaraties of vergoedingen misbruikt', 'Expense claims misused'],
  uitnodigingen_reizen: ['Ongepaste uitnodigingen aangenomen', 'Improper invitations accepted'],
  geschenken: ['Ongepaste geschenken aangenomen', 'Improper gifts accepted'],
};

export const builtinIndicators: readonly IndicatorInput[] = [
  office({
    code: 'agr_any_12m',
    theme: 'aggression',
    numerator: victim,
    nl: 'Agressie en intimidatie ervaren in de afgelopen 12 maanden',
    en: 'Experienced aggression and intimidation in the past 12 months',
  }),
  ...forms.map((f) =>
    office({
      code: `agr_${f}_12m`,
      theme: 'aggression',
      numerator: occurred(`agr_${f}_12m`),
      nl: `${formLabels[f]![0]} in de afgelopen 12 maanden`,
      en: `${formLabels[f]![1]} in the past 12 months`,
    }),
  ),
  office({
    code: 'agr_serious_12m',
    theme: 'aggression',
    numerator: anyForm('agr_', ['threat', 'intimidation', 'physical']),
    nl: 'Ernstige vormen (bedreiging, intimidatie, fysiek geweld) in de afgelopen 12 maanden',
    en: 'Serious forms (threats, intimidation, physical violence) in the past 12 months',
  }),
  office({
    code: 'agr_severity_serious',
    theme: 'aggression',
    ...victims,
    numerator: "${agr_severity_worst} = 'zeer_ernstig' or ${agr_severity_worst} = 'ernstig'",
    answered: ['agr_severity_worst'],
    nl: 'Ergste voorval (zeer) ernstig gevonden, van wie iets meemaakte',
    en: 'Found the worst incident (very) serious, of those who experienced any',
  }),
  office({
    code: 'agr_social_any_12m',
    theme: 'aggression',
    ...victims,
    numerator: "${agr_social_any_12m} = 'ja'",
    answered: ['agr_social_any_12m'],
    nl: 'Een deel gebeurde via sociale media, van wie iets meemaakte',
    en: 'Some of it happened on social media, of those who experienced any',
  }),
  office({
    code: 'agr_channel_social_recent',
    theme: 'aggression',
    ...victims,
    numerator: "${agr_channel_recent} = 'sociale_media'",
    answered: ['agr_channel_recent'],
    nl: 'Laatste voorval via sociale media',
    en: 'Most recent incident on social media',
  }),
  office({
    code: 'agr_target_gender',
    theme: 'aggression',
    ...victims,
    numerator: "selected(${agr_target_personal}, 'geslacht_gender')",
    answered: ['agr_target_personal'],
    nl: 'Laatste voorval ging (ook) over geslacht of gender',
    en: 'Most recent incident (also) targeted sex or gender',
  }),
  office({
    code: 'agr_target_personal_any',
    theme: 'aggression',
    ...victims,
    numerator: "${agr_target_personal} != '' and not(selected(${agr_target_personal}, 'nee'))",
    answered: ['agr_target_personal'],
    nl: 'Laatste voorval ging (ook) over een persoonlijk kenmerk',
    en: 'Most recent incident (also) targeted a personal trait',
  }),
  office({
    code: 'agr_consequence_any',
    theme: 'consequences',
    ...victims,
    numerator: "${agr_consequence_any} = 'ja'",
    answered: ['agr_consequence_any'],
    nl: 'Last gehad van wat er gebeurde',
    en: 'Affected by what happened',
  }),
  office({
    code: 'agr_considered_quitting',
    theme: 'consequences',
    numerator: "${agr_considered_quitting} = 'ja'",
    answered: ['agr_considered_quitting'],
    nl: 'Overwogen te stoppen door agressie',
    en: 'Considered quitting because of aggression',
  }),
  office({
    code: 'agr_decisions_influenced',
    theme: 'consequences',
    numerator: "${agr_decisions_influenced} = 'soms' or ${agr_decisions_influenced} = 'vaak'",
    answered: ['agr_decisions_influenced'],
    nl: 'Kans op agressie beïnvloedt eigen beslissingen',
    en: 'The risk of aggression influences own decisions',
  }),
  office({
    code: 'agr_discussed',
    theme: 'follow_up',
    ...victims,
    numerator: "${agr_discussed} = 'ja'",
    answered: ['agr_discussed'],
    nl: 'Over het laatste voorval gepraat',
    en: 'Talked about the most recent incident',
  }),
  office({
    code: 'agr_reported_org_any',
    theme: 'follow_up',
    ...victims,
    numerator: anyRowIs('agr_reported_org', 'ja'),
    nl: 'Gemeld bij of vastgelegd door de eigen organisatie',
    en: 'Reported to or recorded by the own organisation',
  }),
  office({
    code: 'agr_aangifte_any',
    theme: 'follow_up',
    ...victims,
    numerator: anyRowIs('agr_aangifte', 'ja'),
    nl: 'Aangifte gedaan bij de politie',
    en: 'Filed a police report',
  }),
  office({
    code: 'agr_aftercare_need',
    theme: 'follow_up',
    ...victims,
    numerator: "${agr_aftercare_need} = 'ja'",
    answered: ['agr_aftercare_need'],
    nl: 'Behoefte aan nazorg',
    en: 'Needed aftercare',
  }),
  office({
    code: 'int_obs_belangen_any',
    theme: 'integrity',
    numerator: "${int_obs_belangen_familie} = 'ja' or ${int_obs_meestemmen_belang} = 'ja'",
    nl: 'Een vorm van belangenverstrengeling gezien of vermoed bij collega’s',
    en: 'Saw or suspected some form of conflict of interest among colleagues',
  }),
  office({
    code: 'int_obs_any',
    theme: 'integrity',
    numerator: Object.keys(integrityTypes)
      .map((k) => `\${int_obs_${k}} = 'ja'`)
      .join(' or '),
    nl: 'Een integriteitsschending gezien of vermoed bij collega’s',
    en: 'Saw or suspected an integrity violation among colleagues',
  }),
  ...Object.entries(integrityTypes).map(([k, [nl, en]]) =>
    office({
      code: `int_obs_${k}`,
      theme: 'integrity',
      numerator: `\${int_obs_${k}} = 'ja'`,
      nl: `Gezien of vermoed: ${nl.toLowerCase()}`,
      en: `Seen or suspected: ${en.toLowerCase()}`,
    }),
  ),
  office({
    code: 'int_aware_codes',
    theme: 'integrity',
    numerator: "${int_aware_codes} = 'goed' or ${int_aware_codes} = 'enigszins'",
    answered: ['int_aware_codes'],
    nl: 'Kent de integriteitsregels en gedragscode',
    en: 'Knows the integrity rules and code of conduct',
  }),
  office({
    code: 'int_colleagues_conscious',
    theme: 'integrity',
    numerator: "${int_colleagues_conscious} = 'helemaal_eens' or ${int_colleagues_conscious} = 'eens'",
    answered: ['int_colleagues_conscious'],
    nl: 'Collega’s gaan bewust om met integriteit',
    en: 'Colleagues are conscious of integrity',
  }),
  {
    code: 'emp_agr_any_12m',
    version: 1,
    theme: 'aggression',
    targetGroup: 'employees',
    label: {
      nl: 'Medewerkers die agressie en intimidatie van externen ervoeren in de afgelopen 12 maanden',
      en: 'Employees who experienced aggression and intimidation from outsiders in the past 12 months',
    },
    numerator: anyForm('emp_agr_'),
    answered: [],
    statistic: 'proportion',
    breakdowns: [[], ['bg_layer'], ['bg_gender'], ['bg_age_group'], ['bg_province']],
    comparisons: [{ variable: 'bg_gender', from: 'man', to: 'vrouw' }],
  },
  ...organisationIndicators(),
];

function organisationIndicators(): IndicatorInput[] {
  const org = (s: Short): IndicatorInput => ({
    code: s.code,
    version: 1,
    theme: 'policy',
    targetGroup: 'organisation_policy',
    label: { nl: s.nl, en: s.en },
    numerator: s.numerator,
    ...(s.population ? { population: s.population } : {}),
    answered: s.answered ?? [],
    statistic: 'proportion',
    breakdowns: [[], ['bg_layer'], ['bg_org_size']],
    comparisons: [],
  });
  const hasCode = "${org_code_exists} != '' and ${org_code_exists} != 'nee'";
  return [
    org({
      code: 'org_protocol_aggression',
      theme: 'policy',
      numerator: "${org_protocol_aggression} = 'ja'",
      answered: ['org_protocol_aggression'],
      nl: 'Protocol of huisregels voor agressie en geweld',
      en: 'Protocol or house rules on aggression and violence',
    }),
    org({
      code: 'org_protocol_specific_pa',
      theme: 'policy',
      population: "${org_protocol_aggression} = 'ja'",
      numerator: "${org_protocol_specific_pa} = 'ja_alle' or ${org_protocol_specific_pa} = 'ja_bestuurders'",
      answered: ['org_protocol_specific_pa'],
      nl: 'Protocol met iets speciaal voor politieke ambtsdragers',
      en: 'Protocol with provisions specific to office holders',
    }),
    org({
      code: 'org_training_aggression_2y',
      theme: 'policy',
      numerator: "${org_training_aggression_2y} = 'ja'",
      answered: ['org_training_aggression_2y'],
      nl: 'Training over agressie in de afgelopen twee jaar',
      en: 'Training on aggression in the past two years',
    }),
    org({
      code: 'org_incident_registration',
      theme: 'policy',
      numerator: "${org_incident_registration} = 'alle' or ${org_incident_registration} = 'ernstige'",
      answered: ['org_incident_registration'],
      nl: 'Voorvallen worden vastgelegd',
      en: 'Incidents are recorded',
    }),
    org({
      code: 'org_risk_analysis_candidates',
      theme: 'policy',
      numerator: "${org_risk_analysis_candidates} = 'altijd' or ${org_risk_analysis_candidates} = 'soms'",
      answered: ['org_risk_analysis_candidates'],
      nl: 'Risicoanalyse van kandidaat-bestuurders',
      en: 'Risk analysis of candidate executives',
    }),
    org({
      code: 'org_code_age_4y',
      theme: 'policy',
      population: hasCode,
      numerator: '${org_code_updated_year} >= ${wave_year} - 4',
      answered: ['org_code_updated_year'],
      nl: 'Gedragscode in de afgelopen vier jaar bijgewerkt',
      en: 'Code of conduct updated within the past four years',
    }),
    org({
      code: 'org_integrity_agenda',
      theme: 'policy',
      numerator: "${org_integrity_agenda} = 'jaarlijks' or ${org_integrity_agenda} = 'vaker'",
      answered: ['org_integrity_agenda'],
      nl: 'Integriteit staat minstens jaarlijks op de agenda',
      en: 'Integrity is on the agenda at least once a year',
    }),
  ];
}
