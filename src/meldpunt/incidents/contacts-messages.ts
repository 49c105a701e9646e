/** Texts of the contact list and the magic sign-in link (issue 16, item 1): Dutch (B1, "u") and English. */
export const incidentContactsNl = {
  'incidents.contacts.title': 'Contactlijst van het meldpunt',
  'incidents.contacts.intro':
    'Mensen op deze lijst kunnen zonder wachtwoord aanmelden met een link per e-mail. Zij kunnen dan een melding doen en hun eigen meldingen volgen. Deze lijst staat los van de Monitor.',
  'incidents.contacts.count': '{count, plural, one {# persoon op de lijst} other {# personen op de lijst}}',
  'incidents.contacts.empty': 'Er staat nog niemand op de lijst.',
  'incidents.contacts.name': 'Naam',
  'incidents.contacts.email': 'E-mailadres',
  'incidents.contacts.role': 'Functie',
  'incidents.contacts.actions': 'Acties',
  'incidents.contacts.remove': 'Verwijderen van de lijst',
  'incidents.contacts.removed': 'De persoon is van de lijst verwijderd.',
  'incidents.contacts.import.title': 'Lijst inlezen',
  'incidents.contacts.import.hint':
    'Kies een CSV- of Excel-bestand (.xlsx) met de kolommen naam en e-mail, en eventueel functie. Het bestand wordt de nieuwe lijst: wie er niet in staat, gaat van de lijst af. Hoogstens {rows} personen en {mb} MB.',
  'incidents.contacts.import.file': 'Bestand',
  'incidents.contacts.import.submit': 'Lijst inlezen',
  'incidents.contacts.import.missing': 'Kies een bestand.',
  'incidents.contacts.import.done':
    'De lijst is ingelezen: {added} nieuw, {updated} bijgewerkt, {removed} verwijderd.',
  'incidents.contacts.import.failed': 'Er is niets ingelezen. De lijst is niet veranderd.',
  'incidents.contacts.problems.caption': 'Problemen in het bestand',
  'incidents.contacts.problems.line': 'Regel',
  'incidents.contacts.problems.column': 'Kolom',
  'incidents.contacts.problems.problem': 'Probleem',
  'incidents.home.contacts': 'Contactlijst van {org}',
  'incidents.concerned.title': 'Betrokkene op de contactlijst',
  'incidents.concerned.hint':
    'Staat de betrokkene op de contactlijst? Dan kan die de melding zien na aanmelden met een link per e-mail.',
  'incidents.concerned.contact': 'Betrokkene',
  'incidents.concerned.none': 'Niemand van de lijst',
  'incidents.concerned.submit': 'Opslaan',
  'incidents.link.title': 'Aanmelden met een link per e-mail',
  'incidents.link.intro':
    'Staat u op de contactlijst van het meldpunt van uw organisatie? Vul uw e-mailadres in. U krijgt dan een link waarmee u kunt aanmelden. U heeft geen wachtwoord nodig.',
  'incidents.link.email': 'Uw e-mailadres',
  'incidents.link.submit': 'Stuur mij een link',
  'incidents.link.emailInvalid': 'Vul een e-mailadres in, zoals naam@voorbeeld.nl.',
  'incidents.link.sent.title': 'Kijk in uw e-mail',
  'incidents.link.sent':
    'Als dit e-mailadres op een contactlijst staat, krijgt u binnen enkele minuten een e-mail met een link. De link werkt één keer en is {minutes} minuten geldig. Geen e-mail gekregen? Kijk ook bij ongewenste e-mail, of vraag de coördinator van het meldpunt of u op de lijst staat.',
  'incidents.link.confirm.title': 'Aanmelden bij het meldpunt',
  'incidents.link.confirm.intro':
    'Klik op de knop om aan te melden. Daarna kunt u een melding doen of uw meldingen bekijken.',
  'incidents.link.confirm.submit': 'Aanmelden',
  'incidents.link.invalid.title': 'Deze link werkt niet meer',
  'incidents.link.invalid': 'De link is al gebruikt of verlopen. Vraag een nieuwe link aan.',
  'incidents.link.again': 'Vraag een nieuwe link aan',
  'incidents.link.ordinary.title': 'Meld u aan met uw wachtwoord',
  'incidents.link.ordinary':
    'U heeft een account met meer rechten. Meld u daarom aan op de gewone manier, met uw wachtwoord.',
  'incidents.link.toLogin': 'Naar aanmelden',
};

export const incidentContactsEn: Record<keyof typeof incidentContactsNl, string> = {
  'incidents.contacts.title': 'Contact list of the reporting desk',
  'incidents.contacts.intro':
    'People on this list can sign in without a password, with a link by e-mail. They can then report an incident and follow their own reports. This list is separate from the Monitor.',
  'incidents.contacts.count': '{count, plural, one {# person on the list} other {# people on the list}}',
  'incidents.contacts.empty': 'Nobody is on the list yet.',
  'incidents.contacts.name': 'Name',
  'incidents.contacts.email': 'E-mail address',
  'incidents.contacts.role': 'Role',
  'incidents.contacts.actions': 'Actions',
  'incidents.contacts.remove': 'Remove from the list',
  'incidents.contacts.removed': 'The person was removed from the list.',
  'incidents.contacts.import.title': 'Import the list',
  'incidents.contacts.import.hint':
    'Choose a CSV or Excel file (.xlsx) with the columns naam (name) and e-mail, and optionally functie (role). The file becomes the new list: whoever is not in it leaves the list. At most {rows} people and {mb} MB.',
  'incidents.contacts.import.file': 'File',
  'incidents.contacts.import.submit': 'Import the list',
  'incidents.contacts.import.missing': 'Choose a file.',
  'incidents.contacts.import.done':
    'The list was imported: {added} new, {updated} updated, {removed} removed.',
  'incidents.contacts.import.failed': 'Nothing was imported. The list has not changed.',
  'incidents.contacts.problems.caption': 'Problems in the file',
  'incidents.contacts.problems.line': 'Line',
  'incidents.contacts.problems.column': 'Column',
  'incidents.contacts.problems.problem': 'Problem',
  'incidents.home.contacts': 'Contact list of {org}',
  'incidents.concerned.title': 'Person concerned on the contact list',
  'incidents.concerned.hint':
    'Is the person concerned on the contact list? Then they can see the incident after signing in with a link by e-mail.',
  'incidents.concerned.contact': 'Person concerned',
  'incidents.concerned.none': 'Nobody on the list',
  'incidents.concerned.submit': 'Save',
  'incidents.link.title': 'Sign in with a link by e-mail',
  'incidents.link.intro':
    "Are you on the contact list of your organisation's reporting desk? Enter your e-mail address. You will get a link to sign in with. You do not need a password.",
  'incidents.link.email': 'Your e-mail address',
  'incidents.link.submit': 'Send me a link',
  'incidents.link.emailInvalid': 'Enter an e-mail address, such as name@example.org.',
  'incidents.link.sent.title': 'Check your e-mail',
  'incidents.link.sent':
    "If this e-mail address is on a contact list, you will get an e-mail with a link within a few minutes. The link works once and is valid for {minutes} minutes. No e-mail? Also check your spam folder, or ask the reporting desk's coordinator whether you are on the list.",
  'incidents.link.confirm.title': 'Sign in to the reporting desk',
  'incidents.link.confirm.intro':
    'Press the button to sign in. Then you can report an incident or view your reports.',
  'incidents.link.confirm.submit': 'Sign in',
  'incidents.link.invalid.title': 'This link no longer works',
  'incidents.link.invalid': 'The link has been used or has expired. Ask for a new link.',
  'incidents.link.again': 'Ask for a new link',
  'incidents.link.ordinary.title': 'Sign in with your password',
  'incidents.link.ordinary':
    'You have an account with more rights. Please sign in the ordinary way, with your password.',
  'incidents.link.toLogin': 'To sign in',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof incidentContactsNl, string> {}
}
