/**
 * Texts of the letters to participating organisations and their pages (issue #15). The built-in letter
 * follows the 2020 model letter (seed 003); a researcher's own text (texts branch, narrative.ts)
 * replaces a section when there is one.
 */
import type { Lang } from '../../../platform/errors.js';

export const lettersNl = {
  'letters.title': 'Brief aan {organisation}',
  'letters.running': '{wave}',
  'letters.to': 'Aan: {name}, {role} van {organisation}',
  'letters.to.noContact': 'Aan: de secretaris van {organisation}',
  'letters.salutation': 'Geachte {name},',
  'letters.salutation.noContact': 'Geachte heer, mevrouw,',
  'letters.aanhef':
    'Uw organisatie heeft meegedaan aan de {wave}. Het ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK) liet dit onderzoek doen. De resultaten zijn nu bekend. Hartelijk dank voor uw medewerking. In deze brief leest u de belangrijkste uitkomsten en ziet u hoe uw organisatie zich verhoudt tot vergelijkbare organisaties.',
  'letters.kernpunten.heading': 'Belangrijkste uitkomsten',
  'letters.kernpunten.intro': 'Enkele belangrijke uitkomsten van de monitor:',
  'letters.kernpunten.none': 'De landelijke uitkomsten zijn nog niet gepubliceerd.',
  'letters.finding': '{percent}: {label} ({group}).',
  'letters.finding.up': 'Dat is meer dan in {wave}.',
  'letters.finding.down': 'Dat is minder dan in {wave}.',
  'letters.finding.same': 'Dat is niet duidelijk anders dan in {wave}.',
  'letters.group.office_holders': 'politieke ambtsdragers',
  'letters.group.organisation_policy': 'organisaties',
  'letters.own.heading': 'Uw organisatie vergeleken',
  'letters.own.intro':
    'Hieronder ziet u de antwoorden van uw organisatie op de vragen over beleid. Daarnaast ziet u hoeveel procent van de vergelijkbare organisaties hetzelfde beleid heeft. Vergelijkbaar betekent: {group}. Uw eigen organisatie telt mee.',
  'letters.own.caption': 'Beleid van uw organisatie en van vergelijkbare organisaties',
  'letters.own.topic': 'Onderwerp',
  'letters.own.answer': 'Uw organisatie',
  'letters.own.benchmark': 'Vergelijkbare organisaties',
  'letters.own.national': 'Alle organisaties',
  'letters.own.yes': 'Ja',
  'letters.own.no': 'Nee',
  'letters.own.none': 'Niet van toepassing of niet ingevuld',
  'letters.own.of': '{percent} (van {n})',
  'letters.own.withheld': 'Niet getoond ({note})',
  'letters.own.notPublished': 'Niet gepubliceerd',
  'letters.note.too-few':
    'Minder dan {threshold} andere vergelijkbare organisaties gaven antwoord op deze vraag. Dan tonen we geen vergelijking, zodat niemand de antwoorden van andere organisaties kan afleiden.',
  'letters.note.extreme':
    'In een groep van minder dan {double} organisaties tonen we geen 0% of 100%. Anders zou u weten wat elke andere organisatie heeft geantwoord.',
  'letters.notes': 'Toelichting',
  'letters.comparable.gemeente': 'gemeenten met {size}',
  'letters.comparable.layer.gemeente': 'alle gemeenten',
  'letters.comparable.layer.provincie': 'alle provincies',
  'letters.comparable.layer.waterschap': 'alle waterschappen',
  'letters.slot':
    'Het volledige rapport, de 5-minutenversie en de factsheets staan op de website van het ministerie van BZK. Heeft u vragen over deze brief? Neem dan contact op met het ministerie.',
  'letters.closing': 'Met vriendelijke groet,',
  'letters.sender': 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  'letters.mail.subject': 'Resultaten {wave}',
  'letters.mail.body':
    '{salutation}\n\nUw organisatie heeft meegedaan aan de {wave}. Hartelijk dank daarvoor. In de bijlage vindt u een brief met de belangrijkste uitkomsten en de antwoorden van uw organisatie naast die van vergelijkbare organisaties.\n\nMet vriendelijke groet,\n\nMinisterie van Binnenlandse Zaken en Koninkrijksrelaties',
  'letters.page.title': 'Brieven aan deelnemende organisaties: {wave}',
  'letters.page.intro':
    'Elke organisatie die de vragenlijst over beleid invulde, krijgt een brief. De brief gaat naar de contactpersoon uit de steekproef (secretaris of griffier).',
  'letters.page.count': '{letters} brieven, waarvan {withAddress} met een e-mailadres.',
  'letters.page.noAddress': 'Zonder e-mailadres (niet te versturen): {organisations}.',
  'letters.page.combined': 'Alle brieven in één bestand (HTML)',
  'letters.page.sent': 'Verstuurd of klaargezet: {sent} van {letters}.',
  'letters.page.send': 'Brieven versturen',
  'letters.page.confirm': 'Ja, verstuur {count} brieven per e-mail naar de contactpersonen.',
  'letters.page.button': 'Versturen',
  'letters.page.queued':
    '{count} brieven zijn klaargezet om te versturen. Een brief die al verstuurd is, gaat niet nog een keer.',
  'letters.page.none':
    'Er zijn geen brieven: geen organisatie vulde de vragenlijst in, of de resultaten zijn nog niet berekend.',
  'letters.page.link': 'Brieven aan deelnemende organisaties: bekijken en versturen',
  'letters.page.file': 'Bestand',
  'letters.page.organisation': 'Organisatie',
  'letters.page.contact': 'Contactpersoon',
  'letters.page.mail': 'E-mail',
  'letters.error.confirm': 'Vink aan dat u de brieven wilt versturen.',
  'letters.error.count': 'Het aantal brieven is veranderd ({count}). Bekijk de lijst en bevestig opnieuw.',
} as const;

export type LettersKey = keyof typeof lettersNl;

export const lettersEn: Record<LettersKey, string> = {
  'letters.title': 'Letter to {organisation}',
  'letters.running': '{wave}',
  'letters.to': 'To: {name}, {role} of {organisation}',
  'letters.to.noContact': 'To: the secretary of {organisation}',
  'letters.salutation': 'Dear {name},',
  'letters.salutation.noContact': 'Dear Sir or Madam,',
  'letters.aanhef':
    'Your organisation took part in the {wave}, carried out for the Ministry of the Interior and Kingdom Relations (BZK). The results are now available. Thank you for taking part. This letter gives the main findings and shows how your organisation compares with similar organisations.',
  'letters.kernpunten.heading': 'Main findings',
  'letters.kernpunten.intro': 'Some of the main findings of the monitor:',
  'letters.kernpunten.none': 'The national findings have not been published yet.',
  'letters.finding': '{percent}: {label} ({group}).',
  'letters.finding.up': 'That is more than in {wave}.',
  'letters.finding.down': 'That is less than in {wave}.',
  'letters.finding.same': 'That is not clearly different from {wave}.',
  'letters.group.office_holders': 'political office holders',
  'letters.group.organisation_policy': 'organisations',
  'letters.own.heading': 'Your organisation compared',
  'letters.own.intro':
    'Below are your organisation’s answers to the questions on policy, next to the share of similar organisations with the same policy. Similar means: {group}. Your own organisation is included.',
  'letters.own.caption': 'Policy of your organisation and of similar organisations',
  'letters.own.topic': 'Topic',
  'letters.own.answer': 'Your organisation',
  'letters.own.benchmark': 'Similar organisations',
  'letters.own.national': 'All organisations',
  'letters.own.yes': 'Yes',
  'letters.own.no': 'No',
  'letters.own.none': 'Not applicable or not answered',
  'letters.own.of': '{percent} (of {n})',
  'letters.own.withheld': 'Not shown ({note})',
  'letters.own.notPublished': 'Not published',
  'letters.note.too-few':
    'Fewer than {threshold} other similar organisations answered this question. We then show no comparison, so that nobody can derive other organisations’ answers.',
  'letters.note.extreme':
    'In a group of fewer than {double} organisations we show no 0% or 100%: you would otherwise know what every other organisation answered.',
  'letters.notes': 'Notes',
  'letters.comparable.gemeente': 'municipalities with {size}',
  'letters.comparable.layer.gemeente': 'all municipalities',
  'letters.comparable.layer.provincie': 'all provinces',
  'letters.comparable.layer.waterschap': 'all water authorities',
  'letters.slot':
    'The full report, the 5-minute version and the factsheets are on the website of the Ministry of the Interior. If you have questions about this letter, please contact the ministry.',
  'letters.closing': 'Kind regards,',
  'letters.sender': 'Ministry of the Interior and Kingdom Relations',
  'letters.mail.subject': 'Results: {wave}',
  'letters.mail.body':
    '{salutation}\n\nYour organisation took part in the {wave}. Thank you. Attached is a letter with the main findings and your organisation’s answers next to those of similar organisations.\n\nKind regards,\n\nMinistry of the Interior and Kingdom Relations',
  'letters.page.title': 'Letters to participating organisations: {wave}',
  'letters.page.intro':
    'Every organisation that answered the policy questionnaire gets a letter, sent to the contact person of the sample frame (secretary or clerk).',
  'letters.page.count': '{letters} letters, {withAddress} of them with an e-mail address.',
  'letters.page.noAddress': 'Without an e-mail address (cannot be sent): {organisations}.',
  'letters.page.combined': 'All letters in one file (HTML)',
  'letters.page.sent': 'Sent or queued: {sent} of {letters}.',
  'letters.page.send': 'Send the letters',
  'letters.page.confirm': 'Yes, send {count} letters by e-mail to the contact persons.',
  'letters.page.button': 'Send',
  'letters.page.queued': '{count} letters are queued. A letter sent before is not sent again.',
  'letters.page.none':
    'There are no letters: no organisation answered the questionnaire, or the results have not been computed.',
  'letters.page.link': 'Letters to participating organisations: view and send',
  'letters.page.file': 'File',
  'letters.page.organisation': 'Organisation',
  'letters.page.contact': 'Contact person',
  'letters.page.mail': 'E-mail',
  'letters.error.confirm': 'Tick the box to confirm that you want to send the letters.',
  'letters.error.count': 'The number of letters has changed ({count}). Check the list and confirm again.',
};

const texts: Record<Lang, Record<LettersKey, string>> = { nl: lettersNl, en: lettersEn };

/** A letter text in a language, with {placeholders} filled (pure: letters render outside requests). */
export function say(lang: Lang, key: LettersKey, params: Record<string, string | number> = {}): string {
  return texts[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

declare module '../../../platform/i18n/catalogue.js' {
  interface Messages extends Record<LettersKey, string> {}
}
