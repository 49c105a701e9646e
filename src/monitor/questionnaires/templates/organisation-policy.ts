/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Template O: organisation policy, answered once per organisation by the secretaris and/or griffier
 * (not anonymous). From the draft item bank, part O, with its item codes. org_code_age_4y is derived
 * at analysis time from org_code_updated_year.
 */
import type { QuestionnaireDefinition } from '../model.js';
import { AGENDA, anders, JN, JNO, JNW, multi, num, o, single, t, weetNiet } from './build.js';
import { organisationContext } from './shared.js';

const hasCode = "${org_code_exists} != '' and ${org_code_exists} != 'nee'";
const registers = "${org_incident_registration} != '' and ${org_incident_registration} != 'nee'";

export const organisationPolicy: QuestionnaireDefinition = {
  code: 'organisation_policy',
  title: t(
    'Monitor Integriteit en Veiligheid: beleid van de organisatie',
    'Integrity and Safety Monitor: organisation policy',
  ),
  context: organisationContext,
  sections: [
    {
      id: 'o0_invuller',
      title: t('Wie vult de vragenlijst in?', 'Who fills in the questionnaire?'),
      items: [
        {
          type: 'note',
          code: 'o0_intro',
          label: t(
            'Deze vragenlijst gaat over het beleid van ${de_organisatie} voor politieke ambtsdragers. Per organisatie vult één persoon of één team de lijst in. Uw antwoorden zijn niet anoniem: ${de_organisatie} krijgt ze terug in een eigen brief, naast het gemiddelde van vergelijkbare organisaties.',
            'This questionnaire is about your organisation’s policy for political office holders. One person or team answers per organisation. Your answers are not anonymous: your organisation receives them back in its own letter, next to the average of similar organisations.',
          ),
        },
        single(
          'org_respondent_function',
          t('Wie vult deze vragenlijst in?', 'Who is filling in this questionnaire?'),
          [
            o('secretaris', 'De secretaris', 'The secretary'),
            o('griffier', 'De griffier', 'The clerk (griffier)'),
            o('samen', 'Secretaris en griffier samen', 'Secretary and clerk together'),
            anders(),
          ],
          { required: true },
        ),
      ],
    },
    {
      id: 'o1_agressie',
      title: t('Agressie en geweld', 'Aggression and violence'),
      items: [
        single(
          'org_protocol_aggression',
          t(
            'Heeft uw ${organisatie} een agressieprotocol of huisregels over agressie en geweld door mensen van buiten de organisatie?',
            'Does your organisation have an aggression protocol or house rules on aggression and violence by outsiders?',
          ),
          JNO,
          { required: true },
        ),
        single(
          'org_protocol_specific_pa',
          t(
            'Staat in dit protocol ook iets speciaal voor politieke ambtsdragers?',
            'Does this protocol contain anything specifically for political office holders?',
          ),
          [
            o(
              'ja_alle',
              'Ja, voor bestuurders en volksvertegenwoordigers',
              'Yes, for executives and representatives',
            ),
            o('ja_bestuurders', 'Ja, alleen voor bestuurders', 'Yes, only for executives'),
            o('nee', 'Nee', 'No'),
          ],
          { relevant: "${org_protocol_aggression} = 'ja'" },
        ),
        single(
          'org_norm_central',
          t(
            'Heeft uw ${organisatie} vastgelegd welk gedrag tegen politieke ambtsdragers niet acceptabel is?',
            'Has your organisation set down which behaviour towards political office holders is unacceptable?',
          ),
          [
            o('centraal', 'Ja, dat is voor iedereen vastgelegd', 'Yes, it is set down for everyone'),
            o(
              'individueel',
              'Nee, iedere ambtsdrager bepaalt dat zelf',
              'No, each office holder decides for themselves',
            ),
            o('geen', 'Nee, daar is niets over afgesproken', 'No, nothing has been agreed on this'),
          ],
        ),
        single(
          'org_training_aggression_2y',
          t(
            'Heeft uw ${organisatie} in de afgelopen twee jaar politieke ambtsdragers een training of voorlichting gegeven over omgaan met agressie en geweld?',
            'In the past two years, has your organisation given political office holders training or information on dealing with aggression and violence?',
          ),
          JN,
          { required: true },
        ),
        multi(
          'org_training_target',
          t('Voor wie was deze training of voorlichting?', 'Who was this training or information for?'),
          [
            o('voorzitter', 'De ${voorzitter}', 'The chair'),
            o('bestuurders', 'Leden van ${het_bestuur}', 'Members of the executive board'),
            o(
              'volksvertegenwoordigers',
              'Leden van ${de_vertegenwoordiging}',
              'Members of the representative body',
            ),
          ],
          { relevant: "${org_training_aggression_2y} = 'ja'" },
        ),
        single(
          'org_incident_registration',
          t(
            'Legt uw ${organisatie} voorvallen van agressie en geweld tegen politieke ambtsdragers vast?',
            'Does your organisation record incidents of aggression and violence against political office holders?',
          ),
          [
            o('alle', 'Ja, alle voorvallen', 'Yes, all incidents'),
            o('ernstige', 'Ja, alleen ernstige voorvallen', 'Yes, only serious incidents'),
            o('nee', 'Nee', 'No'),
          ],
          { required: true },
        ),
        single(
          'org_registration_system',
          t('Waarin legt u deze voorvallen vast?', 'Where do you record these incidents?'),
          [
            o(
              'gir',
              'In het Gemeentelijk Incidenten Registratiesysteem (GIR)',
              'In the Gemeentelijk Incidenten Registratiesysteem (GIR)',
            ),
            o('eigen_systeem', 'In een eigen systeem', 'In our own system'),
            o('lijst', 'In een lijst of spreadsheet', 'In a list or spreadsheet'),
            anders(),
          ],
          { relevant: registers },
        ),
        num(
          'org_incidents_registered_n',
          t(
            'Hoeveel voorvallen tegen politieke ambtsdragers heeft u in de afgelopen 12 maanden vastgelegd?',
            'How many incidents against political office holders did you record in the past 12 months?',
          ),
          0,
          999,
          { relevant: registers },
        ),
        single(
          'org_social_media_view',
          t(
            'Hoe goed weet uw ${organisatie} hoeveel agressie politieke ambtsdragers krijgen via sociale media?',
            'How well does your organisation know how much aggression office holders receive on social media?',
          ),
          [
            o('goed', 'Goed', 'Well'),
            o('redelijk', 'Redelijk', 'Reasonably'),
            o('slecht', 'Slecht', 'Poorly'),
            weetNiet,
          ],
        ),
        single(
          'org_aftercare_arranged',
          t(
            'Is de nazorg voor politieke ambtsdragers na een voorval geregeld?',
            'Is aftercare for political office holders arranged after an incident?',
          ),
          [o('ja', 'Ja', 'Yes'), o('deels', 'Voor een deel', 'Partly'), o('nee', 'Nee', 'No')],
        ),
        single(
          'org_aangifte_support',
          t(
            'Helpt uw ${organisatie} politieke ambtsdragers bij het doen van aangifte?',
            'Does your organisation help political office holders file a police report?',
          ),
          JN,
        ),
        single(
          'org_meld_steunpunt',
          t(
            'Kunnen politieke ambtsdragers terecht bij een meld- en steunpunt voor agressie en geweld?',
            'Can political office holders turn to a reporting and support point for aggression and violence?',
          ),
          [
            o('eigen', 'Ja, bij een eigen meldpunt', 'Yes, our own reporting point'),
            o(
              'regionaal',
              'Ja, bij een regionaal of gezamenlijk meldpunt',
              'Yes, a regional or shared reporting point',
            ),
            o('in_ontwikkeling', 'Nee, maar dit wordt nu gemaakt', 'No, but it is being set up'),
            o('nee', 'Nee', 'No'),
          ],
        ),
        single(
          'org_safety_agenda',
          t(
            'Hoe vaak staat de veiligheid van politieke ambtsdragers op de agenda van ${het_bestuur}?',
            'How often is the safety of political office holders on the agenda of the executive board?',
          ),
          AGENDA,
        ),
      ],
    },
    {
      id: 'o2_integriteit',
      title: t('Integriteit', 'Integrity'),
      items: [
        single(
          'org_code_exists',
          t(
            'Heeft uw ${organisatie} een gedragscode over integriteit voor politieke ambtsdragers?',
            'Does your organisation have a code of conduct on integrity for political office holders?',
          ),
          [
            o(
              'beide',
              'Ja, voor bestuurders en volksvertegenwoordigers',
              'Yes, for executives and representatives',
            ),
            o('bestuurders', 'Alleen voor bestuurders', 'Only for executives'),
            o('volksvertegenwoordigers', 'Alleen voor volksvertegenwoordigers', 'Only for representatives'),
            o('nee', 'Nee', 'No'),
          ],
          { required: true },
        ),
        single(
          'org_code_model_based',
          t(
            'Is de gedragscode gebaseerd op de modelgedragscode uit de Handreiking integriteit?',
            'Is the code based on the model code in the integrity guide (Handreiking integriteit)?',
          ),
          [o('ja', 'Ja', 'Yes'), o('deels', 'Voor een deel', 'Partly'), o('nee', 'Nee', 'No'), weetNiet],
          { relevant: hasCode },
        ),
        num(
          'org_code_updated_year',
          t(
            'In welk jaar is de gedragscode voor het laatst aangepast?',
            'In which year was the code of conduct last updated?',
          ),
          1990,
          2100,
          {
            relevant: hasCode,
            hint: t('Weet u het niet? Laat dit vak dan leeg.', 'Don’t know? Leave this box empty.'),
          },
        ),
        single(
          'org_code_social_media',
          t(
            'Staan er in de gedragscode regels over sociale media?',
            'Does the code contain rules about social media?',
          ),
          JNW,
          {
            relevant: hasCode,
          },
        ),
        single(
          'org_integrity_agreements_specific',
          t(
            'Zijn er afspraken over integriteit speciaal voor leden van ${het_bestuur} en ${de_vertegenwoordiging}?',
            'Are there integrity agreements specifically for members of the executive and the representative body?',
          ),
          JN,
        ),
        single(
          'org_risk_analysis_candidates',
          t(
            'Onderzoekt uw ${organisatie} de integriteitsrisico’s van kandidaat-bestuurders voordat zij worden benoemd?',
            'Does your organisation assess the integrity risks of candidate executives before they are appointed?',
          ),
          [o('altijd', 'Ja, altijd', 'Yes, always'), o('soms', 'Soms', 'Sometimes'), o('nee', 'Nee', 'No')],
        ),
        single(
          'org_basisscan_used',
          t(
            'Gebruikt u daarbij de Handleiding basisscan integriteit voor kandidaat-bestuurders?',
            'Do you use the basic integrity scan guide for candidate executives for this?',
          ),
          JNW,
          { relevant: "${org_risk_analysis_candidates} != '' and ${org_risk_analysis_candidates} != 'nee'" },
        ),
        single(
          'org_integrity_committee',
          t(
            'Heeft uw ${organisatie} een integriteitscommissie? Dat is een groep die praat over integriteit en dilemma’s, maar geen meldpunt is.',
            'Does your organisation have an integrity committee? That is a group that discusses integrity and dilemmas, not a reporting point.',
          ),
          JNO,
        ),
        single(
          'org_integrity_agenda',
          t(
            'Hoe vaak staat integriteit op de agenda van ${de_vertegenwoordiging} of ${het_bestuur}?',
            'How often is integrity on the agenda of the representative body or the executive board?',
          ),
          AGENDA,
        ),
        multi(
          'org_integrity_attention_when',
          t('Wanneer is er vooral aandacht voor integriteit?', 'When is there most attention for integrity?'),
          [
            o('verkiezingen', 'Rond de verkiezingen', 'Around elections'),
            o('installatie', 'Bij de start van nieuwe ambtsdragers', 'When new office holders start'),
            o('vast_moment', 'Op vaste momenten in de bestuursperiode', 'At fixed moments during the term'),
            o('na_voorval', 'Na een voorval', 'After an incident'),
            anders(),
          ],
        ),
        single(
          'org_dilemma_training_2y',
          t(
            'Heeft uw ${organisatie} in de afgelopen twee jaar een training over integriteit gegeven aan politieke ambtsdragers? Bijvoorbeeld een dilemmatraining.',
            'In the past two years, has your organisation given political office holders an integrity training, such as a dilemma training?',
          ),
          JN,
        ),
        single(
          'org_integrity_report_procedure',
          t(
            'Heeft uw ${organisatie} een vaste werkwijze voor vermoedens van integriteitsschendingen door politieke ambtsdragers?',
            'Does your organisation have a set procedure for suspected integrity violations by political office holders?',
          ),
          JNO,
        ),
        single(
          'org_integrity_reports_registered',
          t(
            'Legt uw ${organisatie} meldingen van integriteitsschendingen vast?',
            'Does your organisation record reports of integrity violations?',
          ),
          [
            o('altijd', 'Altijd', 'Always'),
            o('soms', 'Soms', 'Sometimes'),
            o('nooit', 'Nooit', 'Never'),
            o('geen_meldingen', 'Er waren geen meldingen', 'There were no reports'),
          ],
        ),
        num(
          'org_integrity_reports_n',
          t(
            'Hoeveel meldingen over politieke ambtsdragers kreeg u in de afgelopen 12 maanden?',
            'How many reports about political office holders did you receive in the past 12 months?',
          ),
          0,
          999,
        ),
        single(
          'org_nevenfuncties_register',
          t(
            'Heeft uw ${organisatie} een overzicht van de nevenfuncties van politieke ambtsdragers?',
            'Does your organisation keep an overview of the side positions of political office holders?',
          ),
          JN,
        ),
        single(
          'org_vulnerable_processes',
          t(
            'Weet uw ${organisatie} welke processen en functies kwetsbaar zijn voor integriteitsrisico’s en ondermijning?',
            'Does your organisation know which processes and positions are vulnerable to integrity risks and subversion?',
          ),
          [
            o('ja', 'Ja, dat staat op papier', 'Yes, it is documented'),
            o('deels', 'Voor een deel', 'Partly'),
            o('nee', 'Nee', 'No'),
          ],
        ),
        single(
          'org_weerbaarheidsscan',
          t(
            'Heeft uw ${organisatie} in de afgelopen vier jaar een weerbaarheidsscan of risicoanalyse ondermijning gedaan?',
            'In the past four years, has your organisation carried out a resilience scan or subversion risk analysis?',
          ),
          JNW,
        ),
        single(
          'org_undermining_attention',
          t(
            'Besteedt uw ${organisatie} aandacht aan het voorkomen van ondermijning en corruptie?',
            'Does your organisation pay attention to preventing subversion and corruption?',
          ),
          [
            o('structureel', 'Ja, vast onderdeel van beleid', 'Yes, a fixed part of policy'),
            o('soms', 'Soms', 'Sometimes'),
            o('nee', 'Nee', 'No'),
          ],
        ),
      ],
    },
    {
      id: 'o3_ambtelijk',
      title: t('Ambtelijke organisatie', 'Civil service'),
      relevant: "${module_medewerkers} = 'ja'",
      items: [
        single(
          'org_functiescheiding',
          t(
            'Gebruikt uw ${organisatie} functiescheiding bij kwetsbare processen? Bijvoorbeeld bij inkoop of vergunningen.',
            'Does your organisation separate duties in vulnerable processes, such as purchasing or permits?',
          ),
          JNW,
        ),
        single(
          'org_vog_functions',
          t(
            'Heeft uw ${organisatie} functies aangewezen waarvoor medewerkers een Verklaring Omtrent Gedrag (VOG) moeten laten zien?',
            'Has your organisation designated positions for which employees must show a certificate of conduct (VOG)?',
          ),
          JNW,
        ),
      ],
    },
  ],
};
