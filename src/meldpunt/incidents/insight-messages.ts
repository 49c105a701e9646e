/**
 * Texts of the Meldpunt's figures beyond the incident itself: the overview's charts, the national
 * benchmark and the registration gap. Dutch (B1) and English with the same keys.
 */
export const incidentInsightNl = {
  'incidents.overview.byMonth': 'Meldingen per maand',
  'incidents.overview.month': 'Maand',
  'incidents.overview.overdueByKind': 'Taken over de termijn, naar soort',
  'incidents.benchmark.link': 'Vergelijking met vergelijkbare organisaties',
  'incidents.gap.link': 'Registratiekloof: meldingen naast de monitor',
  'incidents.benchmark.nav': 'Meldpunt: landelijke cijfers',
  'incidents.benchmark.all': 'Nederland (alle organisaties)',
  'incidents.benchmark.group': '{layer}, {size} inwoners',
  'incidents.benchmark.groupNoSize': '{layer}, alle',
  'incidents.benchmark.unit': 'Groep',
  'incidents.benchmark.perOrganisation': 'Meldingen per organisatie',
  'incidents.benchmark.perOrganisationValue': 'Meldingen per organisatie (gemiddeld)',
  'incidents.benchmark.formsByLayer': 'Soorten agressie per bestuurslaag',
  'incidents.benchmark.shareOfIncidents': 'Deel van de meldingen',
  'incidents.benchmark.ownForms': 'Soorten agressie: uw organisatie en vergelijkbare organisaties',
  'incidents.benchmark.ownSeverity': 'Ernst: uw organisatie en vergelijkbare organisaties',
  'incidents.benchmark.unknown': 'Niet ingevuld',
  'incidents.benchmark.own': 'Uw organisatie',
  'incidents.benchmark.others': 'Vergelijkbare organisaties',
  'incidents.benchmark.who': 'Wie',
  'incidents.benchmark.nationalTitle': 'Meldpunt: landelijke vergelijking',
  'incidents.benchmark.nationalIntro':
    'Meldingen van {from} tot en met {to}, van alle organisaties die het meldpunt gebruiken, per bestuurslaag en grootteklasse. Alleen totalen, nooit een melding.',
  'incidents.benchmark.rules':
    'Om niemand herkenbaar te maken tonen we een getal alleen als het uit minstens 5 meldingen en minstens 3 organisaties komt, en als geen organisatie meer dan de helft ervan heeft. Een streepje (–) betekent: niet getoond.',
  'incidents.benchmark.tableTitle': 'Kerncijfers per groep',
  'incidents.benchmark.organisations': 'Organisaties',
  'incidents.benchmark.orgTitle': 'Vergelijking: {org}',
  'incidents.benchmark.orgIntro':
    'Uw meldingen van {from} tot en met {to} naast het gemiddelde van de andere organisaties in uw groep ({group}) die het meldpunt gebruiken.',
  'incidents.benchmark.othersCount':
    '{n, plural, one {# andere organisatie} other {# andere organisaties}} in uw groep.',
  'incidents.benchmark.tooFewOthers':
    'Er zijn te weinig andere organisaties in uw groep om te vergelijken. Daarom tonen we alleen uw eigen cijfers.',
  'incidents.benchmark.keyFigures': 'Kerncijfers',
  'incidents.benchmark.incidentsPerOrganisation': 'Meldingen (bij anderen: gemiddeld per organisatie)',
};

export const incidentInsightEn: Record<keyof typeof incidentInsightNl, string> = {
  'incidents.overview.byMonth': 'Incidents per month',
  'incidents.overview.month': 'Month',
  'incidents.overview.overdueByKind': 'Overdue tasks, by kind',
  'incidents.benchmark.link': 'Comparison with comparable organisations',
  'incidents.gap.link': 'Registration gap: incidents next to the monitor',
  'incidents.benchmark.nav': 'Reporting desk: national figures',
  'incidents.benchmark.all': 'The Netherlands (all organisations)',
  'incidents.benchmark.group': '{layer}, {size} inhabitants',
  'incidents.benchmark.groupNoSize': '{layer}, all',
  'incidents.benchmark.unit': 'Group',
  'incidents.benchmark.perOrganisation': 'Incidents per organisation',
  'incidents.benchmark.perOrganisationValue': 'Incidents per organisation (average)',
  'incidents.benchmark.formsByLayer': 'Forms of aggression by layer of government',
  'incidents.benchmark.shareOfIncidents': 'Share of incidents',
  'incidents.benchmark.ownForms': 'Forms of aggression: your organisation and comparable organisations',
  'incidents.benchmark.ownSeverity': 'Severity: your organisation and comparable organisations',
  'incidents.benchmark.unknown': 'Not given',
  'incidents.benchmark.own': 'Your organisation',
  'incidents.benchmark.others': 'Comparable organisations',
  'incidents.benchmark.who': 'Who',
  'incidents.benchmark.nationalTitle': 'Reporting desk: national benchmark',
  'incidents.benchmark.nationalIntro':
    'Incidents reported from {from} up to and including {to}, of all organisations that use the reporting desk, by layer and size class. Totals only, never an incident.',
  'incidents.benchmark.rules':
    'So that nobody can be recognised, a number is shown only when it comes from at least 5 incidents and at least 3 organisations, and no organisation has more than half of it. A dash (–) means: not shown.',
  'incidents.benchmark.tableTitle': 'Key figures by group',
  'incidents.benchmark.organisations': 'Organisations',
  'incidents.benchmark.orgTitle': 'Benchmark: {org}',
  'incidents.benchmark.orgIntro':
    'Your incidents from {from} up to and including {to} next to the average of the other organisations in your group ({group}) that use the reporting desk.',
  'incidents.benchmark.othersCount':
    '{n, plural, one {# other organisation} other {# other organisations}} in your group.',
  'incidents.benchmark.tooFewOthers':
    'There are too few other organisations in your group to compare with. We show only your own figures.',
  'incidents.benchmark.keyFigures': 'Key figures',
  'incidents.benchmark.incidentsPerOrganisation': 'Incidents (others: average per organisation)',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof incidentInsightNl, string> {}
}
