/** Texts of the report in two parts and of the factsheets (issue #15), in B1 Dutch and English. */
export const pubReportNl = {
  'pub.report.title.report-safety': 'Monitor Integriteit en Veiligheid {year}: deel Veiligheid',
  'pub.report.title.report-integrity': 'Monitor Integriteit en Veiligheid {year}: deel Integriteit',
  'pub.report.running.report-safety': 'Monitor {year} · Veiligheid',
  'pub.report.running.report-integrity': 'Monitor {year} · Integriteit',
  'pub.report.toc': 'Inhoud',
  'pub.report.noRun':
    'Er zijn nog geen vrijgegeven resultaten van deze meting. Het rapport verschijnt als de resultaten zijn berekend en vrijgegeven.',
  'pub.report.section.inleiding': 'Inleiding',
  'pub.report.section.methode': 'Methode',
  'pub.report.section.ervaringen': 'Ervaringen met agressie en intimidatie',
  'pub.report.section.gevolgen': 'Gevolgen',
  'pub.report.section.aangifte-registratie': 'Melden, aangifte en registratie',
  'pub.report.section.aanpak-beleid': 'Aanpak en beleid',
  'pub.report.section.perceptie-integriteit': 'Perceptie van integriteit',
  'pub.report.section.integriteit-praktijk': 'Integriteit in de praktijk',
  'pub.report.section.conclusies': 'Conclusies',
  'pub.report.intro.report-safety':
    'Dit deel gaat over agressie en intimidatie tegen politieke ambtsdragers en medewerkers van gemeenten, provincies en waterschappen: wat zij meemaken, wat de gevolgen zijn, of zij het melden en wat organisaties eraan doen.',
  'pub.report.intro.report-integrity':
    'Dit deel gaat over integriteit: wat politieke ambtsdragers zien bij hun collega’s, hoe zij met regels en gedragscodes omgaan en wat organisaties doen om integriteit te bevorderen.',
  'pub.report.noIndicators': 'In deze meting zijn voor dit hoofdstuk geen resultaten berekend.',
  'pub.report.employees': 'Medewerkers',
  'pub.report.chart.byLayer': '{chapter}: per bestuurslaag',
  'pub.report.chart.indicator': 'Onderwerp',
  'pub.report.chart.layer': 'Bestuurslaag',
  'pub.report.trend.title': '{indicator}: ontwikkeling sinds {from}',
  'pub.report.trend.year': 'Jaar',
  'pub.report.trend.source': 'Bron',
  'pub.report.trend.published': 'eerder gepubliceerd',
  'pub.report.trend.weerbaar': 'berekend in Weerbaar',
  'pub.report.trend.note':
    'Open punten zijn cijfers uit eerdere rapporten. Daarvan is geen foutmarge bekend, dus een verschil met zo’n cijfer is niet getoetst.',
  'pub.report.table.caption': '{indicator}',
  'pub.report.table.group': 'Groep',
  'pub.report.table.percentage': 'Percentage',
  'pub.report.table.ci': '95%-interval',
  'pub.report.table.n': 'n',
  'pub.report.table.change': 'Verschil met {wave}',
  'pub.report.table.changeNone': 'Verschil met vorige meting',
  'pub.report.table.by.bg_layer': 'Naar bestuurslaag',
  'pub.report.table.by.bg_role': 'Naar functie',
  'pub.report.table.by.bg_layer-bg_role': 'Naar bestuurslaag en functie',
  'pub.report.table.by.bg_layer-bg_role_group': 'Naar bestuurslaag en functiegroep',
  'pub.report.table.by.bg_role_group': 'Naar functiegroep',
  'pub.report.table.by.bg_gender': 'Naar geslacht',
  'pub.report.table.by.bg_age_group': 'Naar leeftijd',
  'pub.report.table.by.bg_province': 'Naar provincie',
  'pub.report.table.by.bg_org_size': 'Naar grootteklasse',
  'pub.report.change.significant': '{points} (significant)',
  'pub.report.change.notSignificant': '{points} (niet significant)',
  'pub.report.suppressed': 'niet getoond',
  'pub.report.footnote.suppressed':
    '— Niet getoond: minder dan {n} respondenten, te onzeker, of nodig om een ander verborgen cijfer te beschermen. Het is geen nul.',
  'pub.report.footnote.suppressed-few-respondents':
    'Niet getoond: minder dan {n} respondenten. Het is geen nul.',
  'pub.report.footnote.suppressed-wide-interval':
    'Niet getoond: het cijfer is te onzeker (de foutmarge is te groot). Het is geen nul.',
  'pub.report.footnote.suppressed-complementary':
    'Niet getoond: anders kan een ander, verborgen cijfer worden uitgerekend. Het is geen nul.',
  'pub.report.footnote.few-respondents': 'Minder dan 30 respondenten: lees dit cijfer als een indicatie.',
  'pub.report.footnote.no-estimate': 'Geen cijfer: niemand in deze groep.',
  'pub.report.footnote.change':
    'Significant: het verschil met de vorige meting is waarschijnlijk echt, ook na correctie voor het aantal toetsen (Holm). Niet significant: het verschil kan toeval zijn.',
} as const;

export const pubReportEn: Record<keyof typeof pubReportNl, string> = {
  'pub.report.title.report-safety': 'Integrity and Safety Monitor {year}: part Safety',
  'pub.report.title.report-integrity': 'Integrity and Safety Monitor {year}: part Integrity',
  'pub.report.running.report-safety': 'Monitor {year} · Safety',
  'pub.report.running.report-integrity': 'Monitor {year} · Integrity',
  'pub.report.toc': 'Contents',
  'pub.report.noRun':
    'There are no released results of this wave yet. The report appears once the results are computed and released.',
  'pub.report.section.inleiding': 'Introduction',
  'pub.report.section.methode': 'Method',
  'pub.report.section.ervaringen': 'Experiences of aggression and intimidation',
  'pub.report.section.gevolgen': 'Consequences',
  'pub.report.section.aangifte-registratie': 'Reporting, police reports and registration',
  'pub.report.section.aanpak-beleid': 'Approach and policy',
  'pub.report.section.perceptie-integriteit': 'Perception of integrity',
  'pub.report.section.integriteit-praktijk': 'Integrity in practice',
  'pub.report.section.conclusies': 'Conclusions',
  'pub.report.intro.report-safety':
    'This part is about aggression and intimidation against political office holders and employees of municipalities, provinces and water authorities: what they experience, its consequences, whether they report it and what organisations do about it.',
  'pub.report.intro.report-integrity':
    'This part is about integrity: what political office holders see their colleagues do, how they deal with rules and codes of conduct, and what organisations do to promote integrity.',
  'pub.report.noIndicators': 'No results were computed for this chapter in this wave.',
  'pub.report.employees': 'Employees',
  'pub.report.chart.byLayer': '{chapter}: by layer of government',
  'pub.report.chart.indicator': 'Topic',
  'pub.report.chart.layer': 'Layer of government',
  'pub.report.trend.title': '{indicator}: trend since {from}',
  'pub.report.trend.year': 'Year',
  'pub.report.trend.source': 'Source',
  'pub.report.trend.published': 'published earlier',
  'pub.report.trend.weerbaar': 'computed in Weerbaar',
  'pub.report.trend.note':
    'Open points are figures from earlier reports. Their margin of error is unknown, so a change from such a figure is not tested.',
  'pub.report.table.caption': '{indicator}',
  'pub.report.table.group': 'Group',
  'pub.report.table.percentage': 'Percentage',
  'pub.report.table.ci': '95% interval',
  'pub.report.table.n': 'n',
  'pub.report.table.change': 'Change from {wave}',
  'pub.report.table.changeNone': 'Change from previous wave',
  'pub.report.table.by.bg_layer': 'By layer of government',
  'pub.report.table.by.bg_role': 'By role',
  'pub.report.table.by.bg_layer-bg_role': 'By layer and role',
  'pub.report.table.by.bg_layer-bg_role_group': 'By layer and role group',
  'pub.report.table.by.bg_role_group': 'By role group',
  'pub.report.table.by.bg_gender': 'By gender',
  'pub.report.table.by.bg_age_group': 'By age',
  'pub.report.table.by.bg_province': 'By province',
  'pub.report.table.by.bg_org_size': 'By size class',
  'pub.report.change.significant': '{points} (significant)',
  'pub.report.change.notSignificant': '{points} (not significant)',
  'pub.report.suppressed': 'not shown',
  'pub.report.footnote.suppressed':
    '— Not shown: fewer than {n} respondents, too uncertain, or needed to protect another hidden figure. It is not zero.',
  'pub.report.footnote.suppressed-few-respondents': 'Not shown: fewer than {n} respondents. It is not zero.',
  'pub.report.footnote.suppressed-wide-interval':
    'Not shown: the figure is too uncertain (its margin of error is too wide). It is not zero.',
  'pub.report.footnote.suppressed-complementary':
    'Not shown: otherwise another hidden figure could be worked out. It is not zero.',
  'pub.report.footnote.few-respondents': 'Fewer than 30 respondents: read this figure as an indication.',
  'pub.report.footnote.no-estimate': 'No figure: nobody in this group.',
  'pub.report.footnote.change':
    'Significant: the change from the previous wave is probably real, also after correcting for the number of tests (Holm). Not significant: the change may be chance.',
};

declare module '../../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof pubReportNl, string> {}
}
