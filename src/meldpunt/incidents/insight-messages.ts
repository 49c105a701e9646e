/**
 * Texts of the Meldpunt's figures beyond the incident itself: the overview's charts, the national
 * benchmark and the registration gap. Dutch (B1) and English with the same keys.
 */
export const incidentInsightNl = {
  'incidents.settings.title': 'Instellingen van het meldpunt: {org}',
  'incidents.settings.link': 'Instellingen',
  'incidents.settings.intro':
    'Deze termijnen gelden voor nieuwe meldingen en voor het opruimen van gegevens. Elke wijziging komt in het auditlog.',
  'incidents.settings.firstContactWorkingDays': 'Eerste contact binnen (werkdagen)',
  'incidents.settings.firstContactWorkingDays.hint':
    'Zoveel werkdagen na de melding neemt iemand contact op met de persoon. Van {min} tot en met {max}.',
  'incidents.settings.retentionYears': 'Persoonsgegevens bewaren na afsluiten (jaren)',
  'incidents.settings.retentionYears.hint':
    'Daarna verwijderen we de persoonsgegevens. Alleen een geteld, anoniem record blijft. Van {min} tot en met {max}.',
  'incidents.settings.draftRetentionDays': 'Concepten bewaren (dagen)',
  'incidents.settings.draftRetentionDays.hint':
    'Een concept dat nooit is verstuurd, verwijderen we zoveel dagen na de laatste wijziging. Van {min} tot en met {max}.',
  'incidents.settings.invalid': 'Vul een heel getal in van {min} tot en met {max}.',
  'incidents.settings.save': 'Instellingen opslaan',
  'incidents.settings.saved': 'De instellingen zijn opgeslagen.',
  'incidents.overview.byMonth': 'Meldingen per maand',
  'incidents.overview.month': 'Maand',
  'incidents.overview.overdueByKind': 'Taken over de termijn, naar soort',
  'incidents.benchmark.link': 'Vergelijking met vergelijkbare organisaties',
  'incidents.gap.link': 'Registratiekloof: meldingen naast de monitor',
  'incidents.gap.allOfLayer': '{layer}: alle bestuurders en volksvertegenwoordigers',
  'incidents.gap.chartTitle': 'Geregistreerd en volgens de monitor',
  'incidents.gap.row': 'Bestuurslaag en functie',
  'incidents.gap.share': 'Per 100 ambtsdragers',
  'incidents.gap.registeredSeries': 'Met een melding bij het meldpunt',
  'incidents.gap.monitorSeries': 'Agressie meegemaakt volgens de monitor',
  'incidents.gap.source': 'Bron',
  'incidents.gap.nationalTitle': 'Registratiekloof: meldingen naast de monitor',
  'incidents.gap.orgTitle': 'Registratiekloof: {org}',
  'incidents.gap.noWave':
    'Er zijn nog geen vrijgegeven resultaten van de monitor. Zodra een meting is vrijgegeven, ziet u hier de vergelijking.',
  'incidents.gap.intro':
    'Ambtsdragers met minstens één melding bij het meldpunt over iets dat gebeurde van {from} tot en met {to}: de 12 maanden voor het veldwerk van {wave}. Per 100 ambtsdragers in de steekproef van die meting, naast het gewogen aandeel dat volgens de monitor in die 12 maanden agressie meemaakte.',
  'incidents.gap.embargo':
    'Let op: deze resultaten van de monitor zijn nog niet vrijgegeven (embargo). Deel ze nog niet.',
  'incidents.gap.nationalNote':
    'Het verschil tussen de twee getallen laat zien hoeveel agressie niet gemeld wordt.',
  'incidents.gap.orgNote':
    'De monitor heeft geen cijfers per organisatie. Naast uw eigen meldingen staat daarom het landelijke cijfer voor dezelfde bestuurslaag en functie.',
  'incidents.gap.rules':
    'Een aantal meldingen van minder dan 5, of een groep van minder dan 10 ambtsdragers, tonen we niet (–). Landelijk moet een getal ook uit minstens 3 organisaties komen, zonder dat één organisatie meer dan de helft heeft.',
  'incidents.gap.tableTitle': 'Meldingen en monitor per bestuurslaag en functie',
  'incidents.gap.frame': 'Ambtsdragers in de steekproef',
  'incidents.gap.registered': 'Met een melding',
  'incidents.gap.per100': 'Met een melding per 100',
  'incidents.gap.prevalence': 'Agressie volgens de monitor',
  'incidents.gap.interval': '95%-betrouwbaarheidsinterval',
  'incidents.gap.ci': '{lo} tot {hi}',
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
  'incidents.settings.title': 'Reporting desk settings: {org}',
  'incidents.settings.link': 'Settings',
  'incidents.settings.intro':
    'These terms apply to new incidents and to removing data. Every change is written to the audit log.',
  'incidents.settings.firstContactWorkingDays': 'First contact within (working days)',
  'incidents.settings.firstContactWorkingDays.hint':
    'Someone contacts the person this many working days after the report. From {min} to {max}.',
  'incidents.settings.retentionYears': 'Keep personal data after closure (years)',
  'incidents.settings.retentionYears.hint':
    'After that the personal data is removed. Only a counted, anonymous record stays. From {min} to {max}.',
  'incidents.settings.draftRetentionDays': 'Keep drafts (days)',
  'incidents.settings.draftRetentionDays.hint':
    'A draft that was never sent is removed this many days after its last change. From {min} to {max}.',
  'incidents.settings.invalid': 'Enter a whole number from {min} to {max}.',
  'incidents.settings.save': 'Save settings',
  'incidents.settings.saved': 'The settings have been saved.',
  'incidents.overview.byMonth': 'Incidents per month',
  'incidents.overview.month': 'Month',
  'incidents.overview.overdueByKind': 'Overdue tasks, by kind',
  'incidents.benchmark.link': 'Comparison with comparable organisations',
  'incidents.gap.link': 'Registration gap: incidents next to the monitor',
  'incidents.gap.allOfLayer': '{layer}: all office holders',
  'incidents.gap.chartTitle': 'Registered and according to the monitor',
  'incidents.gap.row': 'Layer and role',
  'incidents.gap.share': 'Per 100 office holders',
  'incidents.gap.registeredSeries': 'With an incident at the reporting desk',
  'incidents.gap.monitorSeries': 'Met aggression according to the monitor',
  'incidents.gap.source': 'Source',
  'incidents.gap.nationalTitle': 'Registration gap: incidents next to the monitor',
  'incidents.gap.orgTitle': 'Registration gap: {org}',
  'incidents.gap.noWave':
    'There are no released monitor results yet. Once a wave is released, the comparison appears here.',
  'incidents.gap.intro':
    "Office holders with at least one incident at the reporting desk about something that happened from {from} up to and including {to}: the 12 months before the fieldwork of {wave}. Per 100 office holders in that wave's sample frame, next to the weighted share who met aggression in those 12 months according to the monitor.",
  'incidents.gap.embargo':
    'Note: these monitor results have not been released yet (embargo). Do not share them yet.',
  'incidents.gap.nationalNote':
    'The difference between the two numbers shows how much aggression goes unreported.',
  'incidents.gap.orgNote':
    'The monitor has no figures per organisation. Your own incidents are therefore shown next to the national figure for the same layer and role.',
  'incidents.gap.rules':
    'A number of fewer than 5 incidents, or a group of fewer than 10 office holders, is not shown (–). Nationally a number must also come from at least 3 organisations, with no organisation having more than half of it.',
  'incidents.gap.tableTitle': 'Incidents and monitor by layer and role',
  'incidents.gap.frame': 'Office holders in the sample frame',
  'incidents.gap.registered': 'With an incident',
  'incidents.gap.per100': 'With an incident per 100',
  'incidents.gap.prevalence': 'Aggression according to the monitor',
  'incidents.gap.interval': '95% confidence interval',
  'incidents.gap.ci': '{lo} to {hi}',
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
