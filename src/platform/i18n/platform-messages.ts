/** Texts of the platform pages. Dutch is the source; English must have every key (the type checks it). */
export const platformNl = {
  'app.name': 'Weerbaar',
  'app.tagline': 'Monitor Integriteit en Veiligheid',
  'layout.skip': 'Naar de inhoud',
  'layout.nav': 'Hoofdmenu',
  'layout.language': 'Taal',
  'layout.switchLang': 'English',
  'layout.signedInAs': 'Aangemeld als {name}',
  'layout.signOut': 'Afmelden',
  'layout.footer': 'Weerbaar is open-source software voor gemeenten, provincies, waterschappen en BZK.',
  'nav.home': 'Start',
  'nav.organisations': 'Organisaties',
  'nav.users': 'Gebruikers',
  'nav.tokens': 'API-sleutels',
  'nav.account': 'Mijn account',
  'nav.audit': 'Auditlog',
  'home.title': 'Welkom bij Weerbaar',
  'home.intro': 'Kies hieronder waar u mee aan de slag wilt.',
  'error.title': 'Er ging iets mis',
  'error.back': 'Terug naar de startpagina',
  'error.notFound': 'Deze pagina bestaat niet (meer).',
  'error.forbidden': 'U heeft geen toegang tot deze pagina.',
  'error.csrf': 'Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
  'form.errorSummary': 'Er {count, plural, one {is # fout} other {zijn # fouten}} gevonden',
  'form.save': 'Opslaan',
  'form.cancel': 'Annuleren',
  'form.search': 'Zoeken',
  'form.required': 'verplicht',
  'table.none': 'Geen resultaten.',
  'pager.previous': 'Vorige',
  'pager.next': 'Volgende',
  'pager.label': 'Paginering',
  'nav.pillar.monitor': 'Monitor',
  'nav.pillar.meldpunt': 'Meldpunt',
  'nav.pillar.beheer': 'Beheer',
  'nav.pillar.account': 'Mijn account',
  'home.attention': 'Wat aandacht vraagt',
  'home.coming': 'Wat hier voor u komt',
  'home.coming.admin':
    'Als beheerder vindt u organisaties, gebruikers, het auditlog, taken, uitgaande mail en beveiliging in het menu onder Beheer.',
  'home.coming.researcher':
    'Als onderzoeker ziet u hier de lopende uitvragen met hun respons en de volgende herinnering.',
  'home.coming.viewer':
    'Als meekijker ziet u hier de nieuwste resultaten van de Monitor. Die komen met de resultatenmodule.',
  'home.coming.coordinator':
    'Als coördinator ziet u hier straks de open meldingen en taken van uw organisatie (met het Meldpunt) en de laatste brief van de Monitor over uw organisatie.',
  'home.coming.case_handler':
    'Als behandelaar ziet u hier straks de meldingen die u behandelt, met wat bijna te laat is (met het Meldpunt).',
  'home.coming.integrity_officer':
    'Als integriteitsfunctionaris ziet u hier straks de integriteitsmeldingen met hun termijnen (met het Meldpunt).',
  'home.coming.reporter':
    'Als melder ziet u hier straks uw meldingen en wat ermee gebeurt (met het Meldpunt).',
} as const;

export const platformEn: Record<keyof typeof platformNl, string> = {
  'app.name': 'Weerbaar',
  'app.tagline': 'Integrity and Safety Monitor',
  'layout.skip': 'Skip to content',
  'layout.nav': 'Main menu',
  'layout.language': 'Language',
  'layout.switchLang': 'Nederlands',
  'layout.signedInAs': 'Signed in as {name}',
  'layout.signOut': 'Sign out',
  'layout.footer':
    'Weerbaar is open-source software for municipalities, provinces, water boards and the ministry.',
  'nav.home': 'Home',
  'nav.organisations': 'Organisations',
  'nav.users': 'Users',
  'nav.tokens': 'API tokens',
  'nav.account': 'My account',
  'nav.audit': 'Audit log',
  'home.title': 'Welcome to Weerbaar',
  'home.intro': 'Choose what you want to work on.',
  'error.title': 'Something went wrong',
  'error.back': 'Back to the home page',
  'error.notFound': 'This page does not exist (any more).',
  'error.forbidden': 'You do not have access to this page.',
  'error.csrf': 'This form has expired. Reload the page and try again.',
  'form.errorSummary': '{count, plural, one {# error was} other {# errors were}} found',
  'form.save': 'Save',
  'form.cancel': 'Cancel',
  'form.search': 'Search',
  'form.required': 'required',
  'table.none': 'No results.',
  'pager.previous': 'Previous',
  'pager.next': 'Next',
  'pager.label': 'Pagination',
  'nav.pillar.monitor': 'Monitor',
  'nav.pillar.meldpunt': 'Reports',
  'nav.pillar.beheer': 'Admin',
  'nav.pillar.account': 'My account',
  'home.attention': 'What needs attention',
  'home.coming': 'What will come here for you',
  'home.coming.admin':
    'As an administrator you find organisations, users, the audit log, jobs, outgoing mail and security in the menu under Administration.',
  'home.coming.researcher':
    'As a researcher you see the open waves here, with their response and the next reminder.',
  'home.coming.viewer':
    'As a viewer you see the latest results of the Monitor here. They come with the results module.',
  'home.coming.coordinator':
    "As a coordinator you will see your organisation's open incidents and tasks here (with the reporting desk) and the latest Monitor letter about your organisation.",
  'home.coming.case_handler':
    'As a case handler you will see the incidents you handle here, with what is nearly overdue (with the reporting desk).',
  'home.coming.integrity_officer':
    'As an integrity officer you will see the integrity reports with their deadlines here (with the reporting desk).',
  'home.coming.reporter':
    'As a reporter you will see your reports here and what happens with them (with the reporting desk).',
};
