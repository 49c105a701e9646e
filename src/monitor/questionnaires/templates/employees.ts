/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Template M: employees (medewerkers) of decentral governments, an optional module per wave. From
 * the draft item bank, part M, with its item codes. emp_agr_exp_any_12m is derived at analysis time.
 */
import type { QuestionnaireDefinition } from '../model.js';
import {
  anders,
  anyOccurred,
  EENS,
  ERNST,
  FREQ,
  JN,
  JNW,
  multi,
  note,
  o,
  single,
  t,
  weetNiet,
} from './build.js';
import { backgroundAge, backgroundGender, employeeContext } from './shared.js';

const experienced = anyOccurred([
  'emp_agr_verbal_12m',
  'emp_agr_threat_12m',
  'emp_agr_intimidation_12m',
  'emp_agr_physical_12m',
]);

export const employees: QuestionnaireDefinition = {
  code: 'employees',
  title: t('Monitor Integriteit en Veiligheid: medewerkers', 'Integrity and Safety Monitor: employees'),
  context: employeeContext,
  sections: [
    {
      id: 'm1_agressie',
      title: t('Agressie en geweld', 'Aggression and violence'),
      items: [
        note(
          'm1_intro',
          t(
            'De vragen gaan over agressie en geweld van mensen buiten uw organisatie, zoals inwoners of ondernemers, in de afgelopen 12 maanden, en over integriteit.',
            'The questions are about aggression and violence by people outside your organisation, such as residents or business owners, in the past 12 months, and about integrity.',
          ),
        ),
        single(
          'emp_agr_verbal_12m',
          t(
            'Heeft iemand u bij uw werk uitgescholden, beledigd of vernederd? Dit kan ook online zijn.',
            'Has anyone verbally abused, insulted or humiliated you at work? This includes online.',
          ),
          FREQ,
          { required: true },
        ),
        single(
          'emp_agr_threat_12m',
          t('Heeft iemand u bij uw werk bedreigd?', 'Has anyone threatened you at work?'),
          FREQ,
          { required: true },
        ),
        single(
          'emp_agr_intimidation_12m',
          t(
            'Heeft iemand u bij uw werk geïntimideerd? Bijvoorbeeld door u te volgen of steeds lastig te vallen.',
            'Has anyone intimidated you at work? For example by following or repeatedly harassing you.',
          ),
          FREQ,
          { required: true },
        ),
        single(
          'emp_agr_physical_12m',
          t(
            'Heeft iemand u bij uw werk aangevallen? Bijvoorbeeld door te duwen, te slaan of te spugen.',
            'Has anyone physically attacked you at work? For example by pushing, hitting or spitting.',
          ),
          FREQ,
          { required: true },
        ),
      ],
    },
    {
      id: 'm2_voorval',
      title: t('Het laatste voorval', 'The most recent incident'),
      relevant: experienced,
      items: [
        single(
          'emp_agr_channel_recent',
          t('Hoe gebeurde het laatste voorval?', 'How did the most recent incident happen?'),
          [
            o('balie', 'Aan de balie of in een gesprek', 'At the counter or in a meeting'),
            o('telefoon', 'Via de telefoon', 'By phone'),
            o('buiten', 'Buiten of bij iemand thuis', 'Outdoors or at someone’s home'),
            o('email_post', 'Per e-mail of brief', 'By e-mail or letter'),
            o('sociale_media', 'Via sociale media', 'On social media'),
            anders(),
          ],
        ),
        single(
          'emp_agr_severity_worst',
          t('Hoe ernstig vond u het ergste voorval?', 'How serious was the worst incident to you?'),
          ERNST,
        ),
        multi(
          'emp_agr_consequence',
          t('Wat voor gevolgen had het voor u?', 'What consequences did it have for you?'),
          [
            o('werkplezier', 'Minder plezier in mijn werk', 'Less enjoyment of my work'),
            o('gezondheid', 'Klachten aan mijn gezondheid', 'Health complaints'),
            o('verzuim', 'Ik ben ziek thuis geweest', 'I was off sick'),
            o('behaviour', 'Ik ben voorzichtiger geworden', 'I have become more careful'),
            o('geen', 'Geen gevolgen', 'No consequences', { exclusive: true }),
            anders(),
          ],
        ),
        single(
          'emp_agr_reported_org',
          t(
            'Heeft u het voorval gemeld bij uw leidinggevende of in het meldsysteem?',
            'Did you report the incident to your manager or in the reporting system?',
          ),
          JNW,
        ),
        single('emp_agr_aangifte', t('Is er aangifte gedaan bij de politie?', 'Was a police report filed?'), [
          o('ja_zelf', 'Ja, door mij', 'Yes, by me'),
          o('ja_organisatie', 'Ja, door mijn werkgever', 'Yes, by my employer'),
          o('nee', 'Nee', 'No'),
          weetNiet,
        ]),
        single(
          'emp_agr_aftercare_need',
          t(
            'Had u behoefte aan nazorg, dus aan hulp of aandacht na het voorval?',
            'Did you need aftercare, that is help or attention after the incident?',
          ),
          JN,
        ),
        single(
          'emp_agr_aftercare_received',
          t('Heeft u die nazorg gekregen?', 'Did you receive that aftercare?'),
          [
            o('ja_goed', 'Ja, en dat was goed', 'Yes, and it was good'),
            o('ja_niet_goed', 'Ja, maar dat was niet goed', 'Yes, but it was not good'),
            o('nee', 'Nee', 'No'),
          ],
          { relevant: "${emp_agr_aftercare_need} = 'ja'" },
        ),
      ],
    },
    {
      id: 'm3_aanpak',
      title: t('Aanpak en integriteit', 'Approach and integrity'),
      items: [
        single(
          'emp_agr_know_procedure',
          t(
            'Weet u wat u moet doen als u met agressie te maken krijgt?',
            'Do you know what to do when you face aggression?',
          ),
          JN,
        ),
        single(
          'emp_agr_training_2y',
          t(
            'Heeft u in de afgelopen twee jaar een training gehad over omgaan met agressie?',
            'In the past two years, have you had training on dealing with aggression?',
          ),
          JN,
        ),
        single(
          'emp_int_aware_policy',
          t(
            'Kent u de regels en afspraken over integriteit van uw organisatie?',
            'Do you know your organisation’s rules and agreements on integrity?',
          ),
          [
            o('goed', 'Ja, goed', 'Yes, well'),
            o('enigszins', 'Ja, een beetje', 'Yes, somewhat'),
            o('nee', 'Nee', 'No'),
          ],
        ),
        single(
          'emp_int_contact_known',
          t(
            'Weet u bij wie u terecht kunt met een vraag of melding over integriteit? Bijvoorbeeld een vertrouwenspersoon.',
            'Do you know whom to turn to with a question or report about integrity, such as a confidential counsellor?',
          ),
          JN,
        ),
        single(
          'emp_int_suspicion_12m',
          t(
            'Heeft u in de afgelopen 12 maanden gedacht dat iemand in uw organisatie niet integer handelde?',
            'In the past 12 months, did you think someone in your organisation acted without integrity?',
          ),
          JNW,
        ),
        single('emp_int_reported', t('Heeft u dit vermoeden gemeld?', 'Did you report this suspicion?'), JN, {
          relevant: "${emp_int_suspicion_12m} = 'ja'",
        }),
        multi(
          'emp_int_not_reported_reason',
          t('Waarom heeft u het niet gemeld?', 'Why did you not report it?'),
          [
            o('niet_zeker', 'Ik wist het niet zeker', 'I was not sure'),
            o('helpt_niet', 'Ik denk dat melden niet helpt', 'I do not think reporting helps'),
            o('angst', 'Ik was bang voor de gevolgen', 'I was afraid of the consequences'),
            o('weet_niet_waar', 'Ik wist niet waar', 'I did not know where'),
            anders(),
          ],
          { relevant: "${emp_int_reported} = 'nee'" },
        ),
        single(
          'emp_int_dilemmas_discussed',
          t(
            'Hoe eens bent u het met deze zin? "In mijn team praten we over lastige keuzes rond integriteit."',
            'How much do you agree? "In my team we talk about difficult integrity choices."',
          ),
          EENS,
        ),
        single(
          'emp_int_leader_example',
          t(
            'Hoe eens bent u het met deze zin? "Mijn leidinggevende geeft het goede voorbeeld als het gaat om integriteit."',
            'How much do you agree? "My manager sets a good example when it comes to integrity."',
          ),
          EENS,
        ),
        single(
          'emp_int_undue_pressure',
          t(
            'Heeft een politieke ambtsdrager in de afgelopen 12 maanden op een verkeerde manier druk op u gezet? Bijvoorbeeld om een advies te veranderen.',
            'In the past 12 months, has a political office holder put undue pressure on you, for example to change advice?',
          ),
          JNW,
        ),
        single(
          'emp_nevenwerk_reported',
          t(
            'Heeft u uw nevenwerkzaamheden gemeld bij uw werkgever?',
            'Have you reported your side activities to your employer?',
          ),
          [
            o('ja', 'Ja', 'Yes'),
            o('nee', 'Nee', 'No'),
            o('geen', 'Ik heb geen nevenwerk', 'I have no side activities'),
          ],
        ),
      ],
    },
    {
      id: 'm4_over_u',
      title: t('Over u', 'About you'),
      items: [
        backgroundGender,
        backgroundAge,
        single(
          'bg_public_contact',
          t(
            'Hoe vaak heeft u voor uw werk direct contact met inwoners of bedrijven?',
            'How often do you have direct contact with residents or businesses for your work?',
          ),
          [
            o('dagelijks', 'Elke dag', 'Every day'),
            o('wekelijks', 'Elke week', 'Every week'),
            o('minder', 'Minder dan elke week', 'Less than weekly'),
            o('nooit', 'Nooit', 'Never'),
          ],
        ),
      ],
    },
  ],
};
