/** Texts of the respondent pages (B1 Dutch, "u") and of the open-answer review. Dutch is the source. */
export const answeringNl = {
  'answer.start.about':
    'Met deze vragenlijst onderzoeken we hoe vaak politieke ambtsdragers en medewerkers van gemeenten, provincies en waterschappen te maken krijgen met agressie, geweld en integriteitsvragen. Uw antwoorden helpen om hen beter te beschermen.',
  'answer.start.duration': 'Het invullen duurt ongeveer {minutes} minuten.',
  'answer.start.parts': 'De vragenlijst heeft {count, plural, one {# deel} other {# delen}}.',
  'answer.start.save':
    'Uw antwoorden worden op elke pagina bewaard. U kunt stoppen en later verder gaan met dezelfde link, ook op een ander apparaat.',
  'answer.start.begin': 'Begin',
  'answer.start.resume': 'Verder waar u was',
  'answer.start.check': 'Naar de controle en verzenden',
  'answer.anonymous.title': 'Uw antwoorden zijn anoniem',
  'answer.anonymous.text':
    'Wij bewaren uw antwoorden zonder uw naam, e-mailadres of organisatie. Ook de beheerders van dit systeem kunnen niet zien welke antwoorden van u zijn. We bewaren alleen of u de vragenlijst heeft ingevuld, zodat u geen herinnering meer krijgt.',
  'answer.confidential.title': 'Uw antwoorden zijn vertrouwelijk',
  'answer.confidential.text':
    'Wij bewaren uw antwoorden met uw organisatie, maar zonder uw naam of e-mailadres. De uitkomsten worden alleen gepubliceerd als groepen groot genoeg zijn.',
  'answer.named.title': 'Uw antwoorden zijn niet anoniem',
  'answer.named.text':
    'Bij dit onderzoek bewaren wij uw antwoorden samen met uw naam. De onderzoekers gaan hier vertrouwelijk mee om.',
  'answer.organisation.text':
    'Deze vragenlijst gaat over het beleid van uw organisatie. De antwoorden worden bewaard bij uw organisatie.',
  'answer.privacyLink': 'Lees hoe wij met uw gegevens omgaan',
  'answer.keepLink':
    'Bewaar de link uit uw e-mail. Deel hem niet: wie de link heeft, kan uw antwoorden zien tot u ze verstuurt.',
  'answer.progress': 'Deel {n} van {total}',
  'answer.progressLabel': 'Voortgang',
  'answer.next': 'Volgende',
  'answer.back': 'Vorige',
  'answer.saved': 'Uw antwoorden zijn bewaard.',
  'answer.optional': '(niet verplicht)',
  'answer.otherText': 'Vul in wat u bedoelt',
  'answer.chooseOne': 'Kies één antwoord.',
  'answer.chooseAny': 'U kunt meer antwoorden kiezen.',
  'answer.error.required': 'Geef een antwoord op deze vraag.',
  'answer.error.not_a_number': 'Vul een getal in, bijvoorbeeld 12.',
  'answer.error.not_an_integer': 'Vul een heel getal in, zonder komma.',
  'answer.error.below_min': 'Vul een getal in van {min} of hoger.',
  'answer.error.above_max': 'Vul een getal in van {max} of lager.',
  'answer.error.not_a_date': 'Vul een datum in, bijvoorbeeld 2026-03-31.',
  'answer.error.unknown_option': 'Kies een van de antwoorden.',
  'answer.error.exclusive': 'Dit antwoord kunt u niet samen met andere antwoorden kiezen.',
  'answer.error.too_long': 'Uw antwoord is te lang. Gebruik hoogstens {max} tekens.',
  'answer.error.control_character':
    'Uw antwoord bevat een onzichtbaar teken dat wij niet kunnen opslaan. Typ uw antwoord opnieuw.',
  'answer.error.constraint': 'Dit antwoord klopt niet. Kijk het nog eens na.',
  'answer.check.title': 'Controleer en verzend',
  'answer.check.intro':
    'Hieronder ziet u uw antwoorden. Wilt u iets veranderen? Kies dan "Wijzigen". Klopt alles? Kies dan "Verzenden". Daarna kunt u niets meer veranderen.',
  'answer.check.change': 'Wijzigen',
  'answer.check.changeSection': 'Wijzigen: {section}',
  'answer.check.noAnswer': 'Geen antwoord',
  'answer.check.missing': 'U heeft nog niet alle verplichte vragen beantwoord.',
  'answer.check.send': 'Verzenden',
  'answer.done.title': 'Hartelijk dank',
  'answer.done.text':
    'Uw antwoorden zijn verzonden. Bedankt dat u de tijd nam om de vragenlijst in te vullen.',
  'answer.already.title': 'U heeft de vragenlijst al ingevuld',
  'answer.already.text': 'Uw antwoorden zijn al verzonden. U hoeft niets meer te doen. Dank u wel!',
  'answer.elsewhere.title': 'U bent al begonnen met een andere link',
  'answer.elsewhere.text':
    'U bent al begonnen met de link uit een eerdere e-mail. Uw antwoorden staan bij die link. Gebruik die link om verder te gaan.',
  'answer.closed.title': 'Deze vragenlijst is gesloten',
  'answer.closed.text':
    'U kunt de vragenlijst niet meer invullen, omdat de onderzoeksperiode voorbij is. Dank u wel voor uw belangstelling.',
  'answer.notOpen.title': 'Deze vragenlijst is nog niet open',
  'answer.notOpen.text': 'U kunt de vragenlijst nog niet invullen. Probeer het later nog eens.',
  'answer.unknown.title': 'Deze link werkt niet',
  'answer.unknown.text':
    'Wij kunnen deze link niet vinden. Controleer of u de hele link uit de e-mail heeft gebruikt. Lukt het niet? Neem dan contact op met de onderzoekers die u de e-mail stuurden.',
  'answer.privacy.title': 'Hoe wij met uw antwoorden omgaan',
  'answer.privacy.p1':
    'U krijgt een persoonlijke link. Met die link vinden wij uw uitnodiging en, apart daarvan, uw antwoorden. In de database staat geen verbinding tussen die twee.',
  'answer.privacy.p2':
    'Bij een anonieme vragenlijst bewaren wij bij uw antwoorden alleen algemene kenmerken: het soort organisatie, uw functie, de provincie, de grootte van de organisatie en, als die in het steekproefbestand staan, uw geslacht en leeftijdsgroep. Niet uw naam, e-mailadres of organisatie. De datum bewaren we zonder tijd.',
  'answer.privacy.p3':
    'Bij uw uitnodiging bewaren we alleen of u bent begonnen en of u klaar bent. Zo sturen we geen herinneringen meer als u klaar bent.',
  'answer.privacy.p4':
    'Uitkomsten publiceren we alleen voor groepen die groot genoeg zijn. Schrijf in open antwoorden liever geen namen, ook niet uw eigen naam.',
  'answer.privacy.p5':
    'Heeft u vragen over uw gegevens? Neem dan contact op met de onderzoekers die u de e-mail stuurden.',
  'answer.wavePrivacy.title': 'Privacy: {wave}',
  'answer.wavePrivacy.intro':
    'Hier leest u welke gegevens wij bij dit onderzoek bewaren, waarom, hoe lang, en wat uw rechten zijn.',
  'answer.wavePrivacy.storedTitle': 'Wat wij bij uw antwoorden bewaren',
  'answer.wavePrivacy.stored.answers':
    'Uw antwoorden op de vragen van de vragenlijst "{title}" ({count} vragen). Vragen die u overslaat, bewaren we niet.',
  'answer.wavePrivacy.stored.dates': 'De dag waarop u begon en de dag waarop u klaar was, zonder tijd.',
  'answer.wavePrivacy.stored.version': 'Welke versie van de vragenlijst u invulde, en voor welke groep.',
  'answer.wavePrivacy.stored.key':
    'Een code die van uw link is afgeleid. Daarmee kunt u later verder gaan. Met de code alleen is niet te zien wie u bent.',
  'answer.wavePrivacy.stored.frame':
    'Uit het steekproefbestand (dat hebben wij van uw organisatie of de onderzoekers):',
  'answer.wavePrivacy.stored.organisation': 'Uw organisatie.',
  'answer.wavePrivacy.stored.person':
    'Wie u bent: de antwoorden zijn te koppelen aan uw naam en e-mailadres.',
  'answer.wavePrivacy.stored.column': 'Kolom "{name}" uit het steekproefbestand.',
  'answer.wavePrivacy.notStoredAnonymous':
    'Wij bewaren bij uw antwoorden niet uw naam, uw e-mailadres of uw organisatie.',
  'answer.wavePrivacy.invitation':
    'Bij uw uitnodiging (apart van uw antwoorden) bewaren wij uw naam en e-mailadres uit het steekproefbestand, en of u bent begonnen of klaar bent. Zo sturen wij geen herinnering als u klaar bent.',
  'answer.wavePrivacy.var.bg_layer': 'Het soort organisatie (gemeente, provincie of waterschap).',
  'answer.wavePrivacy.var.bg_role': 'Uw functie.',
  'answer.wavePrivacy.var.bg_role_group':
    'De groep van uw functie (bijvoorbeeld bestuurder of volksvertegenwoordiger).',
  'answer.wavePrivacy.var.bg_province': 'De provincie.',
  'answer.wavePrivacy.var.bg_org_size': 'De grootte van uw organisatie.',
  'answer.wavePrivacy.var.bg_gender': 'Uw geslacht.',
  'answer.wavePrivacy.var.bg_age_group': 'Uw leeftijdsgroep.',
  'answer.wavePrivacy.controllerTitle': 'Wie is verantwoordelijk',
  'answer.wavePrivacy.legalBasisTitle': 'Waarom wij dit mogen',
  'answer.wavePrivacy.retentionTitle': 'Hoe lang wij uw gegevens bewaren',
  'answer.wavePrivacy.contactTitle': 'Vragen',
  'answer.wavePrivacy.notSet':
    'De onderzoekers hebben dit voor dit onderzoek nog niet ingevuld. Vraag het hen via de e-mail die u kreeg.',
  'answer.wavePrivacy.rightsTitle': 'Uw rechten',
  'answer.wavePrivacy.rights':
    'U mag vragen welke gegevens wij over u hebben, en vragen om ze te verbeteren of te verwijderen. U mag ook bezwaar maken. Dat vraagt u aan de onderzoekers. Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
  'answer.wavePrivacy.rightsAnonymous':
    'Uw antwoorden zijn anoniem bewaard. Daarom kunnen wij ze na het verzenden niet meer aan u koppelen, en dus ook niet voor u opzoeken, verbeteren of verwijderen. Tot u verzendt, kunt u ze zelf veranderen met uw link.',
  'answer.wavePrivacy.back': 'Terug naar de vragenlijst',
  'openAnswers.intro':
    'Antwoorden bij "anders, namelijk". Codeer een antwoord om naar een bestaand of nieuw antwoord. Het oorspronkelijke antwoord blijft bewaard; elke hercodering wordt vastgelegd.',
  'openAnswers.none': 'Er zijn nog geen open antwoorden.',
  'openAnswers.item': 'Vraag {code}',
  'openAnswers.text': 'Antwoord',
  'openAnswers.current': 'Gecodeerd als',
  'openAnswers.notRecoded': 'nog niet',
  'openAnswers.recodeTo': 'Hercoderen naar',
  'openAnswers.newCode': 'of een nieuwe code',
  'openAnswers.recode': 'Hercoderen',
  'openAnswers.recoded': 'De hercodering is vastgelegd.',
  'openAnswers.error.code': 'Kies een bestaand antwoord of vul een nieuwe code in (letters, cijfers, _ - .).',
  'openAnswers.history': 'Geschiedenis',
} as const;

export const answeringEn: Record<keyof typeof answeringNl, string> = {
  'answer.start.about':
    'With this questionnaire we study how often office holders and employees of municipalities, provinces and water boards face aggression, violence and integrity issues. Your answers help to protect them better.',
  'answer.start.duration': 'It takes about {minutes} minutes.',
  'answer.start.parts': 'The questionnaire has {count, plural, one {# part} other {# parts}}.',
  'answer.start.save':
    'Your answers are saved on every page. You can stop and continue later with the same link, also on another device.',
  'answer.start.begin': 'Start',
  'answer.start.resume': 'Continue where you left off',
  'answer.start.check': 'Go to check and send',
  'answer.anonymous.title': 'Your answers are anonymous',
  'answer.anonymous.text':
    'We store your answers without your name, e-mail address or organisation. Even the administrators of this system cannot see which answers are yours. We only store whether you completed the questionnaire, so that you get no more reminders.',
  'answer.confidential.title': 'Your answers are confidential',
  'answer.confidential.text':
    'We store your answers with your organisation, but without your name or e-mail address. Results are only published for groups that are large enough.',
  'answer.named.title': 'Your answers are not anonymous',
  'answer.named.text':
    'In this study we store your answers with your name. The researchers treat them confidentially.',
  'answer.organisation.text':
    'This questionnaire is about the policy of your organisation. The answers are stored with your organisation.',
  'answer.privacyLink': 'Read how we handle your data',
  'answer.keepLink':
    'Keep the link from your e-mail. Do not share it: whoever has the link can see your answers until you send them.',
  'answer.progress': 'Part {n} of {total}',
  'answer.progressLabel': 'Progress',
  'answer.next': 'Next',
  'answer.back': 'Previous',
  'answer.saved': 'Your answers have been saved.',
  'answer.optional': '(optional)',
  'answer.otherText': 'Please specify',
  'answer.chooseOne': 'Choose one answer.',
  'answer.chooseAny': 'You can choose more than one answer.',
  'answer.error.required': 'Please answer this question.',
  'answer.error.not_a_number': 'Enter a number, for example 12.',
  'answer.error.not_an_integer': 'Enter a whole number, without decimals.',
  'answer.error.below_min': 'Enter a number of {min} or more.',
  'answer.error.above_max': 'Enter a number of {max} or less.',
  'answer.error.not_a_date': 'Enter a date, for example 2026-03-31.',
  'answer.error.unknown_option': 'Choose one of the answers.',
  'answer.error.exclusive': 'This answer cannot be combined with other answers.',
  'answer.error.too_long': 'Your answer is too long. Use at most {max} characters.',
  'answer.error.control_character':
    'Your answer contains an invisible character we cannot store. Please type it again.',
  'answer.error.constraint': 'This answer is not valid. Please check it.',
  'answer.check.title': 'Check and send',
  'answer.check.intro':
    'Below are your answers. Want to change something? Choose "Change". Is everything right? Choose "Send". After that you cannot change anything.',
  'answer.check.change': 'Change',
  'answer.check.changeSection': 'Change: {section}',
  'answer.check.noAnswer': 'No answer',
  'answer.check.missing': 'You have not answered all required questions yet.',
  'answer.check.send': 'Send',
  'answer.done.title': 'Thank you',
  'answer.done.text':
    'Your answers have been sent. Thank you for taking the time to complete the questionnaire.',
  'answer.already.title': 'You have already completed the questionnaire',
  'answer.already.text': 'Your answers have already been sent. There is nothing more to do. Thank you!',
  'answer.elsewhere.title': 'You have already started with another link',
  'answer.elsewhere.text':
    'You already started with the link in an earlier e-mail. Your answers are saved with that link. Please use it to continue.',
  'answer.closed.title': 'This questionnaire is closed',
  'answer.closed.text':
    'You can no longer complete the questionnaire, because the fieldwork period is over. Thank you for your interest.',
  'answer.notOpen.title': 'This questionnaire is not open yet',
  'answer.notOpen.text': 'You cannot complete the questionnaire yet. Please try again later.',
  'answer.unknown.title': 'This link does not work',
  'answer.unknown.text':
    'We cannot find this link. Check that you used the whole link from the e-mail. Still not working? Contact the researchers who sent you the e-mail.',
  'answer.privacy.title': 'How we handle your answers',
  'answer.privacy.p1':
    'You get a personal link. With that link we find your invitation and, separately, your answers. The database holds no connection between the two.',
  'answer.privacy.p2':
    'In an anonymous questionnaire we store only general characteristics with your answers: the kind of organisation, your role, the province, the size of the organisation and, when the sample file has them, your sex and age group. Not your name, e-mail address or organisation. We store the date without the time.',
  'answer.privacy.p3':
    'With your invitation we only store whether you started and whether you finished, so that we send no more reminders once you are done.',
  'answer.privacy.p4':
    'We publish results only for groups that are large enough. Please do not write names in open answers, not even your own.',
  'answer.privacy.p5': 'Questions about your data? Contact the researchers who sent you the e-mail.',
  'answer.wavePrivacy.title': 'Privacy: {wave}',
  'answer.wavePrivacy.intro':
    'Here you can read which data we keep in this study, why, for how long, and what your rights are.',
  'answer.wavePrivacy.storedTitle': 'What we keep with your answers',
  'answer.wavePrivacy.stored.answers':
    'Your answers to the questions of the questionnaire "{title}" ({count} questions). Questions you skip are not kept.',
  'answer.wavePrivacy.stored.dates': 'The day you started and the day you finished, without the time.',
  'answer.wavePrivacy.stored.version':
    'Which version of the questionnaire you answered, and for which group.',
  'answer.wavePrivacy.stored.key':
    'A code derived from your link, so that you can continue later. The code alone does not show who you are.',
  'answer.wavePrivacy.stored.frame':
    'From the sample file (which we received from your organisation or the researchers):',
  'answer.wavePrivacy.stored.organisation': 'Your organisation.',
  'answer.wavePrivacy.stored.person':
    'Who you are: the answers can be linked to your name and e-mail address.',
  'answer.wavePrivacy.stored.column': 'Column "{name}" of the sample file.',
  'answer.wavePrivacy.notStoredAnonymous':
    'We do not keep your name, your e-mail address or your organisation with your answers.',
  'answer.wavePrivacy.invitation':
    'With your invitation (separately from your answers) we keep your name and e-mail address from the sample file, and whether you started or finished. That way we send no reminder once you are done.',
  'answer.wavePrivacy.var.bg_layer': 'The kind of organisation (municipality, province or water board).',
  'answer.wavePrivacy.var.bg_role': 'Your role.',
  'answer.wavePrivacy.var.bg_role_group': 'The group of your role (for example executive or representative).',
  'answer.wavePrivacy.var.bg_province': 'The province.',
  'answer.wavePrivacy.var.bg_org_size': 'The size of your organisation.',
  'answer.wavePrivacy.var.bg_gender': 'Your sex.',
  'answer.wavePrivacy.var.bg_age_group': 'Your age group.',
  'answer.wavePrivacy.controllerTitle': 'Who is responsible',
  'answer.wavePrivacy.legalBasisTitle': 'Why we may do this',
  'answer.wavePrivacy.retentionTitle': 'How long we keep your data',
  'answer.wavePrivacy.contactTitle': 'Questions',
  'answer.wavePrivacy.notSet':
    'The researchers have not filled this in for this study yet. Please ask them through the e-mail you received.',
  'answer.wavePrivacy.rightsTitle': 'Your rights',
  'answer.wavePrivacy.rights':
    'You may ask which data we hold about you, and ask us to correct or delete them. You may also object. Ask the researchers. Do you disagree with how we handle your data? Then you can file a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  'answer.wavePrivacy.rightsAnonymous':
    'Your answers are kept anonymously. Once sent, we can no longer link them to you, so we cannot look them up, correct or delete them for you. Until you send them, you can change them yourself with your link.',
  'answer.wavePrivacy.back': 'Back to the questionnaire',
  'openAnswers.intro':
    'Answers to "other, please specify". Recode an answer into an existing or new option. The original answer is kept; every recoding is logged.',
  'openAnswers.none': 'There are no open answers yet.',
  'openAnswers.item': 'Question {code}',
  'openAnswers.text': 'Answer',
  'openAnswers.current': 'Coded as',
  'openAnswers.notRecoded': 'not yet',
  'openAnswers.recodeTo': 'Recode into',
  'openAnswers.newCode': 'or a new code',
  'openAnswers.recode': 'Recode',
  'openAnswers.recoded': 'The recoding has been logged.',
  'openAnswers.error.code': 'Choose an existing answer or enter a new code (letters, digits, _ - .).',
  'openAnswers.history': 'History',
};

// These keys join the typed catalogue (registered at runtime through the monitor's module descriptor).
declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof answeringNl, string> {}
}
