/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Template P: politieke ambtsdragers (office holders). From the draft item bank
 * (questionnaire-outline.md, part P), with its item codes. Derived items (agr_exp_any_12m,
 * agr_serious_12m, int_obs_any, …) are not asked: they are computed at analysis time, and the
 * routing below spells out their condition.
 */
import type { QuestionnaireDefinition } from '../model.js';
import {
  AGENDA,
  anders,
  anyIs,
  anyOccurred,
  EENS,
  ERNST,
  FREQ,
  JN,
  JNW,
  matrix,
  multi,
  note,
  num,
  o,
  occurred,
  row,
  single,
  TEVR,
  t,
  weetNiet,
} from './build.js';
import { backgroundAge, backgroundGender, officeHolderContext } from './shared.js';

const forms = ['agr_verbal_12m', 'agr_threat_12m', 'agr_intimidation_12m', 'agr_physical_12m'];
const experienced = anyOccurred(forms);
const formRows = (prefix: string) => [
  row(
    `${prefix}_verbal`,
    t('Uitschelden, beledigen of vernederen', 'Verbal abuse, insults or humiliation'),
    occurred('agr_verbal_12m'),
  ),
  row(`${prefix}_threat`, t('Bedreigen', 'Threats'), occurred('agr_threat_12m')),
  row(`${prefix}_intimidation`, t('Intimideren', 'Intimidation'), occurred('agr_intimidation_12m')),
  row(`${prefix}_physical`, t('Aanvallen', 'Physical attack'), occurred('agr_physical_12m')),
];
const rowCodes = (prefix: string) =>
  ['verbal', 'threat', 'intimidation', 'physical'].map((f) => `${prefix}_${f}`);

export const officeHolders: QuestionnaireDefinition = {
  code: 'office_holders',
  title: t(
    'Monitor Integriteit en Veiligheid: politieke ambtsdragers',
    'Integrity and Safety Monitor: political office holders',
  ),
  context: officeHolderContext,
  sections: [
    {
      id: 'p1_agressie',
      title: t('Agressie en geweld', 'Aggression and violence'),
      items: [
        note(
          'p1_intro',
          t(
            'De volgende vragen gaan over agressie en geweld van mensen buiten uw organisatie, zoals inwoners of ondernemers. Het gaat om de afgelopen 12 maanden. En het gaat om dingen die gebeurden omdat u ${functie} bent.',
            'The following questions are about aggression and violence by people outside your organisation, such as residents or business owners, in the past 12 months, because of your role as an office holder.',
          ),
        ),
        single(
          'agr_verbal_12m',
          t(
            'Heeft iemand u uitgescholden, beledigd of vernederd? Bijvoorbeeld met kwetsende of discriminerende opmerkingen. Dit kan ook online zijn.',
            'Has anyone verbally abused, insulted or humiliated you? For example with hurtful or discriminatory remarks. This includes online.',
          ),
          FREQ,
          { required: true },
        ),
        single(
          'agr_threat_12m',
          t(
            'Heeft iemand u bedreigd? Bijvoorbeeld door te zeggen dat hij u of uw familie iets wil aandoen.',
            'Has anyone threatened you? For example by saying they want to harm you or your family.',
          ),
          FREQ,
          { required: true },
        ),
        single(
          'agr_intimidation_12m',
          t(
            'Heeft iemand u geïntimideerd? Bijvoorbeeld door u te volgen, bij uw huis te komen of u steeds lastig te vallen.',
            'Has anyone intimidated you? For example by following you, coming to your home or harassing you repeatedly.',
          ),
          FREQ,
          { required: true },
        ),
        single(
          'agr_physical_12m',
          t(
            'Heeft iemand u aangevallen? Bijvoorbeeld door te duwen, te slaan, te spugen of met iets te gooien.',
            'Has anyone physically attacked you? For example by pushing, hitting, spitting or throwing something.',
          ),
          FREQ,
          { required: true },
        ),
        single(
          'agr_property_12m',
          t(
            'Heeft iemand met opzet iets van u vernield? Bijvoorbeeld uw auto of iets aan uw huis.',
            'Has anyone deliberately damaged your property? For example your car or your home.',
          ),
          FREQ,
        ),
        single(
          'agr_social_any_12m',
          t(
            'Gebeurde een deel hiervan via sociale media? Bijvoorbeeld via X, Facebook, Instagram of WhatsApp.',
            'Did some of this happen on social media? For example on X, Facebook, Instagram or WhatsApp.',
          ),
          JNW,
          { relevant: experienced },
        ),
      ],
    },
    {
      id: 'p2_melden',
      title: t('Melden en aangifte', 'Reporting'),
      relevant: experienced,
      items: [
        matrix(
          'agr_reported_org',
          t(
            'Heeft u dit gemeld bij uw ${organisatie}? Of is het daar vastgelegd?',
            'Did you report this to your organisation, or was it recorded there?',
          ),
          formRows('agr_reported_org'),
          JNW,
          { required: true },
        ),
        multi(
          'agr_not_reported_reason',
          t('Waarom heeft u het niet gemeld?', 'Why did you not report it?'),
          [
            o('niet_ernstig', 'Ik vond het niet ernstig genoeg', 'I did not think it was serious enough'),
            o('hoort_bij_vak', 'Het hoort bij mijn werk', 'It is part of the job'),
            o('zelf_opgelost', 'Ik heb het zelf opgelost', 'I solved it myself'),
            o('helpt_niet', 'Ik denk dat melden niet helpt', 'I do not think reporting helps'),
            o('weet_niet_waar', 'Ik wist niet waar ik het kon melden', 'I did not know where to report it'),
            anders(),
          ],
          { relevant: anyIs(rowCodes('agr_reported_org'), 'nee') },
        ),
        matrix(
          'agr_aangifte',
          t(
            'Heeft u bij de politie aangifte gedaan? Aangifte doen betekent: u meldt een strafbaar feit officieel bij de politie.',
            'Did you file a police report? This means you officially report a criminal offence to the police.',
          ),
          formRows('agr_aangifte'),
          JN,
          { required: true },
        ),
        multi(
          'agr_no_aangifte_reason',
          t('Waarom heeft u geen aangifte gedaan?', 'Why did you not file a police report?'),
          [
            o('niet_ernstig', 'Ik vond het niet ernstig genoeg', 'I did not think it was serious enough'),
            o('heeft_geen_zin', 'Ik denk dat het geen zin heeft', 'I do not think it makes sense'),
            o('dader_onbekend', 'Ik weet niet wie het deed', 'I do not know who did it'),
            o('te_veel_moeite', 'Het kost te veel tijd of moeite', 'It takes too much time or effort'),
            o('angst', 'Ik was bang voor de gevolgen', 'I was afraid of the consequences'),
            anders(),
          ],
          { relevant: anyIs(rowCodes('agr_aangifte'), 'nee') },
        ),
      ],
    },
    {
      id: 'p3_laatste_voorval',
      title: t('Het laatste voorval', 'The most recent incident'),
      relevant: experienced,
      items: [
        note(
          'p3_intro',
          t(
            'Denk nu aan het laatste voorval dat u heeft meegemaakt.',
            'Now think of the most recent incident.',
          ),
        ),
        single(
          'agr_recent_type',
          t('Wat gebeurde er bij het laatste voorval?', 'What happened in the most recent incident?'),
          [
            o(
              'verbal',
              'Ik werd uitgescholden, beledigd of vernederd',
              'I was verbally abused, insulted or humiliated',
            ),
            o('threat', 'Ik werd bedreigd', 'I was threatened'),
            o('intimidation', 'Ik werd geïntimideerd', 'I was intimidated'),
            o('physical', 'Ik werd aangevallen', 'I was physically attacked'),
            anders(),
          ],
        ),
        single('agr_channel_recent', t('Hoe gebeurde dit?', 'How did it happen?'), [
          o('persoonlijk', 'In het echt, oog in oog', 'In person, face to face'),
          o('telefoon', 'Via de telefoon', 'By phone'),
          o('post', 'Per brief of kaart', 'By letter or card'),
          o('email', 'Per e-mail of via een website', 'By e-mail or on a website'),
          o('sociale_media', 'Via sociale media', 'On social media'),
          anders(),
        ]),
        multi('agr_perpetrator', t('Wie deed dit?', 'Who did this?'), [
          o('inwoner', 'Een inwoner', 'A resident'),
          o('ondernemer', 'Een ondernemer', 'A business owner'),
          o('groep', 'Een groep, bijvoorbeeld actievoerders', 'A group, for example activists'),
          o(
            'onbekend',
            'Dat weet ik niet, de dader was anoniem',
            'I do not know, the perpetrator was anonymous',
          ),
          anders(),
        ]),
        multi('agr_motive', t('Waarom gebeurde het volgens u?', 'Why do you think it happened?'), [
          o(
            'besluit',
            'Om een besluit of standpunt van mij of mijn ${organisatie}',
            'Because of a decision or position of mine or of my organisation',
          ),
          o('ongenoegen', 'Om boosheid over een situatie', 'Because of anger about a situation'),
          o('persoon', 'Om wie ik ben', 'Because of who I am'),
          weetNiet,
          anders(),
        ]),
        multi(
          'agr_target_personal',
          t('Ging het ook over iets persoonlijks van u?', 'Was it also about something personal?'),
          [
            o('geslacht_gender', 'Mijn geslacht of gender', 'My sex or gender'),
            o('afkomst', 'Mijn afkomst of huidskleur', 'My origin or skin colour'),
            o('geloof', 'Mijn geloof', 'My religion'),
            o('seksuele_orientatie', 'Mijn seksuele oriëntatie', 'My sexual orientation'),
            anders('Iets anders, namelijk', 'Something else, namely'),
            o('nee', 'Nee', 'No', { exclusive: true }),
          ],
        ),
        single(
          'agr_discussed',
          t('Heeft u met iemand over dit voorval gepraat?', 'Did you talk to anyone about this incident?'),
          JN,
          {
            required: true,
          },
        ),
        multi(
          'agr_discussed_with',
          t('Met wie heeft u erover gepraat?', 'Who did you talk to about it?'),
          [
            o('collega_ambtsdrager', 'Een andere politieke ambtsdrager', 'Another political office holder'),
            o('voorzitter', 'De ${voorzitter}', 'The chair (mayor, King’s Commissioner or dijkgraaf)'),
            o('griffier_secretaris', 'De griffier of secretaris', 'The clerk or secretary'),
            o(
              'medewerker',
              'Een andere medewerker, bijvoorbeeld de veiligheidscoördinator',
              'Another employee, for example the security coordinator',
            ),
            o('fractie_partij', 'Mijn fractie of partij', 'My political group or party'),
            o('naasten', 'Mijn partner, familie of vrienden', 'My partner, family or friends'),
            o('politie', 'De politie', 'The police'),
            o(
              'ondersteuningsteam',
              'Het Ondersteuningsteam Weerbaar Bestuur',
              'The Ondersteuningsteam Weerbaar Bestuur (support team)',
            ),
            anders(),
          ],
          { relevant: "${agr_discussed} = 'ja'" },
        ),
        multi(
          'agr_not_discussed_reason',
          t('Waarom heeft u er met niemand over gepraat?', 'Why did you not talk to anyone about it?'),
          [
            o('niet_ernstig', 'Ik vond het niet ernstig genoeg', 'I did not think it was serious enough'),
            o('hoort_bij_vak', 'Het hoort bij mijn werk', 'It is part of the job'),
            o('zelf_opgelost', 'Ik heb het zelf opgelost', 'I solved it myself'),
            o('weet_niet_bij_wie', 'Ik wist niet bij wie ik terecht kon', 'I did not know who to turn to'),
            anders(),
          ],
          { relevant: "${agr_discussed} = 'nee'" },
        ),
      ],
    },
    {
      id: 'p4_gevolgen',
      title: t('Gevolgen en nazorg', 'Consequences and aftercare'),
      items: [
        single(
          'agr_severity_worst',
          t(
            'Denk aan het ergste voorval van de afgelopen 12 maanden. Hoe ernstig vond u dat?',
            'Think of the worst incident in the past 12 months. How serious was it to you?',
          ),
          ERNST,
          { relevant: experienced },
        ),
        single(
          'agr_consequence_any',
          t(
            'Heeft u last gehad van wat er gebeurd is? Bijvoorbeeld in uw werk, uw gezondheid of uw privéleven.',
            'Were you affected by what happened? For example in your work, your health or your private life.',
          ),
          JN,
          { relevant: experienced },
        ),
        multi(
          'agr_consequence',
          t('Wat voor gevolgen had het voor u?', 'What consequences did it have for you?'),
          [
            o('werkplezier', 'Ik heb minder plezier in mijn werk', 'I enjoy my work less'),
            o(
              'mental',
              'Ik heb psychische klachten, bijvoorbeeld angst, stress of slecht slapen',
              'I have mental health complaints, such as anxiety, stress or poor sleep',
            ),
            o('lichamelijk', 'Ik heb lichamelijke klachten', 'I have physical complaints'),
            o(
              'behaviour',
              'Ik ben voorzichtiger geworden met inwoners en ondernemers',
              'I have become more careful with residents and business owners',
            ),
            o('sociale_media', 'Ik ben minder actief op sociale media', 'I am less active on social media'),
            o('naasten', 'Mijn partner of gezin heeft er last van', 'My partner or family is affected'),
            anders(),
          ],
          { relevant: "${agr_consequence_any} = 'ja'" },
        ),
        single(
          'agr_aftercare_need',
          t(
            'Had u na het voorval behoefte aan hulp of aandacht? Dit heet nazorg.',
            'After the incident, did you need help or attention (aftercare)?',
          ),
          JN,
          { relevant: experienced },
        ),
        single(
          'agr_aftercare_received',
          t('Heeft u die nazorg gekregen?', 'Did you receive that aftercare?'),
          [o('ja', 'Ja', 'Yes'), o('deels', 'Een deel', 'Partly'), o('nee', 'Nee', 'No')],
          { relevant: "${agr_aftercare_need} = 'ja'" },
        ),
        multi(
          'agr_aftercare_from',
          t('Van wie kreeg u nazorg?', 'From whom did you receive aftercare?'),
          [
            o('organisatie', 'Van mijn ${organisatie}', 'From my organisation'),
            o(
              'ondersteuningsteam',
              'Van het Ondersteuningsteam Weerbaar Bestuur',
              'From the Ondersteuningsteam Weerbaar Bestuur',
            ),
            o('fractie_partij', 'Van mijn fractie of partij', 'From my political group or party'),
            o('professional', 'Van een arts of psycholoog', 'From a doctor or psychologist'),
            anders(),
          ],
          { relevant: "${agr_aftercare_received} = 'ja' or ${agr_aftercare_received} = 'deels'" },
        ),
        single(
          'agr_aftercare_quality',
          t('Hoe tevreden bent u over de nazorg?', 'How satisfied are you with the aftercare?'),
          TEVR,
          {
            relevant: "${agr_aftercare_received} = 'ja' or ${agr_aftercare_received} = 'deels'",
          },
        ),
        single(
          'agr_decisions_influenced',
          t(
            'Heeft de kans op agressie of geweld invloed op uw eigen beslissingen als ${functie}?',
            'Does the risk of aggression or violence influence your own decisions as an office holder?',
          ),
          [
            o('nee', 'Nee', 'No'),
            o('soms', 'Ja, soms', 'Yes, sometimes'),
            o('vaak', 'Ja, vaak', 'Yes, often'),
            weetNiet,
          ],
        ),
        single(
          'agr_considered_quitting',
          t(
            'Heeft u er wel eens aan gedacht om te stoppen als ${functie} door de agressie die u meemaakt?',
            'Have you ever considered quitting as an office holder because of the aggression you experience?',
          ),
          JN,
        ),
      ],
    },
    {
      id: 'p5_normen',
      title: t('Normen, steun en training', 'Norms, support and training'),
      items: [
        single(
          'agr_norm_clear',
          t(
            'Is het voor u duidelijk waar in uw ${organisatie} de grens ligt? Dus welk gedrag van anderen niet wordt geaccepteerd?',
            'Is it clear to you where your organisation draws the line, that is, which behaviour by others is not accepted?',
          ),
          [o('ja', 'Ja', 'Yes'), o('deels', 'Een beetje', 'Somewhat'), o('nee', 'Nee', 'No')],
        ),
        single(
          'agr_part_of_job',
          t(
            'Hoe eens bent u het met deze zin? "Agressie hoort nu eenmaal bij mijn werk."',
            'How much do you agree? "Aggression is simply part of my job."',
          ),
          EENS,
        ),
        single(
          'agr_training_2y',
          t(
            'Heeft u in de afgelopen twee jaar een training of voorlichting gehad over omgaan met agressie en geweld?',
            'In the past two years, have you had training or information on dealing with aggression and violence?',
          ),
          JN,
        ),
        single(
          'agr_knows_support',
          t(
            'Weet u waar u terecht kunt als u zich onveilig voelt of iets meemaakt? Bijvoorbeeld bij een meldpunt in uw ${organisatie} of bij het Ondersteuningsteam Weerbaar Bestuur.',
            'Do you know where to go if you feel unsafe or experience something? For example a reporting point in your organisation or the Ondersteuningsteam Weerbaar Bestuur.',
          ),
          [
            o('ja', 'Ja', 'Yes'),
            o('nee', 'Nee', 'No'),
            o('twijfel', 'Ik weet het niet zeker', 'I am not sure'),
          ],
        ),
        single(
          'agr_feel_safe',
          t('Hoe veilig voelt u zich als ${functie}?', 'How safe do you feel as an office holder?'),
          [
            o('zeer_veilig', 'Zeer veilig', 'Very safe'),
            o('veilig', 'Veilig', 'Safe'),
            o('neutraal', 'Niet veilig, niet onveilig', 'Neither safe nor unsafe'),
            o('onveilig', 'Onveilig', 'Unsafe'),
            o('zeer_onveilig', 'Zeer onveilig', 'Very unsafe'),
          ],
        ),
      ],
    },
    {
      id: 'p6_integriteit',
      title: t('Integriteit', 'Integrity'),
      items: [
        matrix(
          'int_obs',
          t(
            'Heeft u in de afgelopen 12 maanden gezien of vermoed dat een collega-ambtsdrager in uw ${organisatie} het volgende deed?',
            'In the past 12 months, have you seen or suspected a fellow office holder in your organisation doing the following?',
          ),
          [
            row(
              'int_obs_belangen_familie',
              t(
                'Het werk als ambtsdrager mengen met de belangen van familie, vrienden of collega’s',
                'Mixing the office with the interests of family, friends or colleagues',
              ),
            ),
            row(
              'int_obs_info_vertrouwelijk',
              t(
                'Gevoelige informatie misbruiken of niet geheim houden',
                'Misusing sensitive information or not keeping it confidential',
              ),
            ),
            row(
              'int_obs_meestemmen_belang',
              t(
                'Meestemmen over een onderwerp waarbij hij of zij zelf belang heeft',
                'Voting on a matter in which he or she has a personal interest',
              ),
            ),
            row(
              'int_obs_adviseur_geschil',
              t(
                'Iemand helpen als adviseur of gemachtigde in een conflict met ${de_organisatie}',
                'Acting as adviser or representative for someone in a dispute with the organisation',
              ),
            ),
            row(
              'int_obs_druk_ambtenaren',
              t(
                'Ambtenaren op een verkeerde manier onder druk zetten',
                'Putting undue pressure on civil servants',
              ),
            ),
            row(
              'int_obs_nevenfuncties_niet_gemeld',
              t('Niet alle nevenfuncties melden', 'Not reporting all side positions'),
            ),
            row(
              'int_obs_declaraties',
              t(
                'Vergoedingen of declaraties niet goed gebruiken, bijvoorbeeld de fractievergoeding of onkosten',
                'Misusing allowances or expense claims',
              ),
            ),
            row(
              'int_obs_uitnodigingen_reizen',
              t(
                'Ingaan op uitnodigingen voor reizen, congressen, evenementen of diners terwijl dat niet hoort',
                'Accepting improper invitations to trips, conferences, events or dinners',
              ),
            ),
            row(
              'int_obs_geschenken',
              t(
                'Cadeaus of diensten aannemen die volgens de regels of de gedragscode niet mogen',
                'Accepting gifts or services that the rules or code of conduct do not allow',
              ),
            ),
          ],
          JNW,
          { required: true },
        ),
        single(
          'int_aware_codes',
          t(
            'Kent u de regels, de gedragscode en de afspraken over integriteit van uw ${organisatie}?',
            'Do you know the rules, the code of conduct and the agreements on integrity of your organisation?',
          ),
          [
            o('goed', 'Ja, goed', 'Yes, well'),
            o('enigszins', 'Ja, een beetje', 'Yes, somewhat'),
            o('nee', 'Nee', 'No'),
          ],
          { required: true },
        ),
        single(
          'int_apply_codes',
          t(
            'Gebruikt u deze regels en afspraken in uw werk?',
            'Do you apply these rules and agreements in your work?',
          ),
          [o('ja', 'Ja', 'Yes'), o('soms', 'Soms', 'Sometimes'), o('nee', 'Nee', 'No')],
          { relevant: "${int_aware_codes} != '' and ${int_aware_codes} != 'nee'" },
        ),
        single(
          'int_colleagues_conscious',
          t(
            'Hoe eens bent u het met deze zin? "Mijn collega-ambtsdragers gaan bewust om met integriteit. Ze laten het meewegen in wat ze doen."',
            'How much do you agree? "My fellow office holders are conscious of integrity and take it into account in what they do."',
          ),
          EENS,
        ),
        single(
          'int_abstained_belang',
          t(
            'Heeft u in de afgelopen 12 maanden niet meegedaan aan een stemming of bespreking, omdat u (misschien) een persoonlijk belang had?',
            'In the past 12 months, did you abstain from a vote or discussion because you (possibly) had a personal interest?',
          ),
          JN,
        ),
        multi(
          'int_abstain_reason',
          t('Waarom deed u niet mee?', 'Why did you abstain?'),
          [
            o(
              'regels_onduidelijk',
              'De regels waren niet duidelijk voor mij',
              'The rules were not clear to me',
            ),
            o(
              'schijn',
              'Ik wilde de schijn van belangenverstrengeling vermijden',
              'I wanted to avoid the appearance of a conflict of interest',
            ),
            o(
              'media',
              'Ik was bang voor kritiek van media of anderen',
              'I feared criticism from the media or others',
            ),
            o('advies', 'Iemand raadde het mij aan', 'Someone advised me to'),
            anders(),
          ],
          { relevant: "${int_abstained_belang} = 'ja'" },
        ),
        multi(
          'int_sought_advice',
          t(
            'Aan wie vraagt u advies als u twijfelt of iets integer is?',
            'Whom do you ask for advice when you doubt whether something is appropriate?',
          ),
          [
            o('voorzitter', 'De ${voorzitter}', 'The chair'),
            o('griffier_secretaris', 'De griffier of secretaris', 'The clerk or secretary'),
            o(
              'integriteitsadviseur',
              'Een integriteitsadviseur of vertrouwenspersoon',
              'An integrity adviser or confidential counsellor',
            ),
            o('fractie_partij', 'Mijn fractie of partij', 'My political group or party'),
            o('collega', 'Een collega-ambtsdrager', 'A fellow office holder'),
            o('niemand', 'Niemand', 'No one', { exclusive: true }),
            anders(),
          ],
        ),
        single(
          'int_dilemma_training_2y',
          t(
            'Heeft u in de afgelopen twee jaar een training over integriteit gevolgd? Bijvoorbeeld een dilemmatraining.',
            'In the past two years, have you taken an integrity training, such as a dilemma training?',
          ),
          JN,
        ),
        single(
          'int_agenda_freq',
          t(
            'Hoe vaak staat integriteit op de agenda van ${de_vertegenwoordiging} of ${het_bestuur}?',
            'How often is integrity on the agenda of the council or the executive board?',
          ),
          AGENDA,
        ),
        single(
          'int_risk_analysis_self',
          t(
            'Is er bij uw kandidaatstelling of benoeming onderzocht of er risico’s waren voor uw integriteit? Dit heet een risicoanalyse.',
            'When you were nominated or appointed, were risks to your integrity assessed (a risk analysis)?',
          ),
          [
            o('ja_organisatie', 'Ja, door ${de_organisatie}', 'Yes, by the organisation'),
            o('ja_partij', 'Ja, door mijn partij', 'Yes, by my party'),
            o('nee', 'Nee', 'No'),
            weetNiet,
          ],
        ),
        single(
          'int_undue_pressure',
          t(
            'Heeft iemand in de afgelopen 12 maanden geprobeerd u op een oneerlijke manier onder druk te zetten bij een besluit? Bijvoorbeeld met geld, gunsten of dreiging.',
            'In the past 12 months, has anyone tried to put undue pressure on you over a decision? For example with money, favours or threats.',
          ),
          JNW,
        ),
        single(
          'int_knows_report_channel',
          t(
            'Weet u waar u een vermoeden van een integriteitsschending van een collega-ambtsdrager kunt melden?',
            'Do you know where to report a suspected integrity violation by a fellow office holder?',
          ),
          JN,
        ),
        single(
          'int_chair_attention',
          t(
            'Hoe eens bent u het met deze zin? "De ${voorzitter} besteedt genoeg aandacht aan integriteit."',
            'How much do you agree? "The chair pays enough attention to integrity."',
          ),
          EENS,
          { relevant: "${bg_role} != 'burgemeester' and ${bg_role} != 'cdk' and ${bg_role} != 'dijkgraaf'" },
        ),
      ],
    },
    {
      id: 'p7_over_u',
      title: t('Over u', 'About you'),
      items: [
        backgroundGender,
        backgroundAge,
        num(
          'bg_years_in_office',
          t(
            'Hoeveel jaar bent u in totaal al politiek ambtsdrager? Tel al uw functies mee.',
            'How many years in total have you been a political office holder? Count all your positions.',
          ),
          0,
          60,
          { hint: t('Vul een heel getal in, bijvoorbeeld 4.', 'Enter a whole number, for example 4.') },
        ),
      ],
    },
  ],
};
