/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${item} is the questionnaires' expression syntax. */
/**
 * Texts of the computation in the background, the comparison page and the downloads (nl is the
 * source). Kept apart from ../messages.ts so that branches adding results texts merge cleanly.
 */
export const resultsPagesNl = {
  'results.notice.queued':
    'De berekening is gestart. Zij loopt op de achtergrond; vernieuw deze pagina om de voortgang te zien.',
  'results.computation.title': 'Berekening',
  'results.computation.queued': 'Berekening aangevraagd door {who} op {time}: wacht op zijn beurt.',
  'results.computation.running': 'Berekening loopt (gestart door {who} op {time}): stap {done} van {total}.',
  'results.computation.progress': 'Voortgang van de berekening',
  'results.computation.step.read': 'gegevens lezen: {group}',
  'results.computation.step.estimate': 'wegen en schatten: {group}',
  'results.computation.step.store': 'opslaan',
  'results.computation.failed': 'De berekening van {time} is mislukt: {error}',
  'results.computation.refresh': 'Vernieuwen',
  'results.computation.shown':
    'Hieronder staat steeds de laatste volledige berekening; een berekening die nog loopt, is niet zichtbaar.',
  'results.compare.link': 'Twee groepen vergelijken',
  'results.compare.title': 'Groepen vergelijken',
  'results.compare.intro':
    'Kies twee groepen van één indeling. Het verschil wordt getoetst met een toets op het steekproefontwerp (svyby met covariantiematrix en contrast, Wald z), gecorrigeerd voor meervoudig toetsen met de methode van Holm over alle toetsen van deze indicator in deze berekening. Dezelfde uitkomst staat overal waar dit verschil wordt getoond.',
  'results.compare.groupA': 'Groep A',
  'results.compare.groupB': 'Groep B',
  'results.compare.submit': 'Vergelijken',
  'results.compare.caption': '{indicator}: {b} vergeleken met {a}',
  'results.compare.group': 'Groep',
  'results.compare.differenceRow': 'Verschil ({b} − {a})',
  'results.compare.pRaw': 'p (zonder correctie)',
  'results.compare.pHolm': 'p (Holm)',
  'results.compare.noTest':
    'Voor deze twee groepen is geen toets opgeslagen in deze berekening (een groep heeft geen respondenten, of de berekening is van vóór deze vergelijking). Bereken de resultaten opnieuw.',
  'results.compare.same': 'Kies twee verschillende groepen.',
  'results.compare.unknownGroup': 'Groep {group} komt niet voor in de indeling {breakdown}.',
  'results.compare.differentBreakdowns':
    'Kies twee groepen van dezelfde indeling (bijvoorbeeld twee bestuurslagen, of vrouw en man).',
  'results.compare.testNamed': 'Toets: {test}.',
  'results.download.csv': 'Download als CSV',
  'results.download.xlsx': 'Download als Excel (XLSX)',
  'results.download.tables': 'Tabellen downloaden',
  'results.download.method':
    'Methode: gewogen percentages (raking naar de populatie van het steekproefkader), 95%-betrouwbaarheidsinterval volgens svyciprop (logit), variantie van het gekalibreerde ontwerp met eindige-populatiecorrectie; verschillen met svyby (covariantiematrix) + svycontrast, Wald z, Holm-gecorrigeerd per indicator.',
  'results.download.trendMethod':
    'Gepubliceerde cijfers van vóór Weerbaar hebben geen bekende standaardfout: een verandering ten opzichte daarvan is niet getoetst.',
  'results.download.weightingMethod':
    'Weging: ontwerpgewichten N_h/n_h per laag × functie, daarna raking naar de marges van het steekproefkader (R rake(), epsilon 1e-10).',
  'results.download.col.indicator': 'Indicator',
  'results.download.col.version': 'Versie',
  'results.download.col.breakdown': 'Indeling',
  'results.download.col.groupCode': 'Groep (code)',
  'results.download.col.ciLower': 'Ondergrens 95%-interval',
  'results.download.col.ciUpper': 'Bovengrens 95%-interval',
  'results.download.col.se': 'Standaardfout',
  'results.download.col.previousWave': 'Vorige meting',
  'results.download.col.change': 'Verandering',
  'results.download.col.footnotes': 'Voetnoten (code)',
  'results.download.col.footnoteText': 'Voetnoten',
  'results.download.col.publishedSource': 'Bron gepubliceerd cijfer',
  'results.download.col.changeTested': 'Verandering getoetst',
  'results.download.col.targetGroup': 'Doelgroep',
  'results.download.col.margin': 'Marge',
  'results.download.col.effectiveN': 'Effectieve n',
  'results.indicatorForm.listTitle': 'Indicatoren',
  'results.indicatorForm.listIntro':
    'De huidige versie van elke indicator. Een wijziging wordt een nieuwe versie; eerdere berekeningen houden de versie die zij gebruikten.',
  'results.indicatorForm.newTitle': 'Nieuwe indicator',
  'results.indicatorForm.editTitle': '{label} wijzigen (nu versie {version})',
  'results.indicatorForm.edit': 'Wijzigen',
  'results.indicatorForm.editLink': '{label} wijzigen',
  'results.indicatorForm.back': 'Terug naar de indicatoren',
  'results.indicatorForm.intro':
    'Opslaan maakt een nieuwe versie. De formule wordt gecontroleerd tegen de vragenlijst van de doelgroep: onbekende vraagcodes en antwoordcodes worden bij het veld gemeld.',
  'results.indicatorForm.fixed': 'Code {code}, doelgroep {group} (vast voor deze indicator).',
  'results.indicatorForm.code': 'Code',
  'results.indicatorForm.codeHint': 'Kleine letters, cijfers en _; begint met een letter.',
  'results.indicatorForm.targetGroup': 'Doelgroep',
  'results.indicatorForm.theme': 'Thema',
  'results.indicatorForm.labelNl': 'Naam (Nederlands)',
  'results.indicatorForm.labelEn': 'Naam (Engels)',
  'results.indicatorForm.numerator': 'Teller: wanneer telt een respondent mee?',
  'results.indicatorForm.numeratorHint':
    "Een formule over vraagcodes, bijvoorbeeld ${agr_verbal_12m} != 'nooit' of selected(${agr_target_personal}, 'geslacht_gender').",
  'results.indicatorForm.population': 'Populatie (leeg: alle respondenten)',
  'results.indicatorForm.populationHint':
    'Een formule: wie hoort bij de noemer, bijvoorbeeld alleen wie een incident had.',
  'results.indicatorForm.answered': 'Vragen die beantwoord moeten zijn',
  'results.indicatorForm.answeredHint': 'Vraagcodes, gescheiden door komma’s.',
  'results.indicatorForm.breakdowns': 'Indelingen in de tabellen',
  'results.indicatorForm.save': 'Opslaan als nieuwe versie',
  'results.indicatorForm.saved': 'Indicator {code} is opgeslagen als versie {version}.',
  'results.indicatorForm.unchanged': 'Er is niets gewijzigd; indicator {code} blijft versie {version}.',
  'results.indicatorForm.link': 'Indicatoren beheren',
} as const;

export const resultsPagesEn: Record<keyof typeof resultsPagesNl, string> = {
  'results.notice.queued':
    'The computation has started. It runs in the background; refresh this page to see its progress.',
  'results.computation.title': 'Computation',
  'results.computation.queued': 'Computation requested by {who} on {time}: waiting for its turn.',
  'results.computation.running': 'Computation running (started by {who} on {time}): step {done} of {total}.',
  'results.computation.progress': 'Progress of the computation',
  'results.computation.step.read': 'reading data: {group}',
  'results.computation.step.estimate': 'weighting and estimating: {group}',
  'results.computation.step.store': 'storing',
  'results.computation.failed': 'The computation of {time} failed: {error}',
  'results.computation.refresh': 'Refresh',
  'results.computation.shown':
    'Below is always the latest complete computation; one still running is not shown.',
  'results.compare.link': 'Compare two groups',
  'results.compare.title': 'Compare groups',
  'results.compare.intro':
    'Choose two groups of one breakdown. The difference is tested with a design-based test (svyby with covariance matrix and contrast, Wald z), corrected for multiple testing with Holm’s method over all tests of this indicator in this run. The same verdict appears wherever this difference is shown.',
  'results.compare.groupA': 'Group A',
  'results.compare.groupB': 'Group B',
  'results.compare.submit': 'Compare',
  'results.compare.caption': '{indicator}: {b} compared with {a}',
  'results.compare.group': 'Group',
  'results.compare.differenceRow': 'Difference ({b} − {a})',
  'results.compare.pRaw': 'p (uncorrected)',
  'results.compare.pHolm': 'p (Holm)',
  'results.compare.noTest':
    'No test of these two groups is stored in this run (a group has no respondents, or the run predates this comparison). Compute the results again.',
  'results.compare.same': 'Choose two different groups.',
  'results.compare.unknownGroup': 'Group {group} does not occur in the breakdown {breakdown}.',
  'results.compare.differentBreakdowns':
    'Choose two groups of the same breakdown (for example two layers, or woman and man).',
  'results.compare.testNamed': 'Test: {test}.',
  'results.download.csv': 'Download as CSV',
  'results.download.xlsx': 'Download as Excel (XLSX)',
  'results.download.tables': 'Download tables',
  'results.download.method':
    'Method: weighted percentages (raking to the population of the sample frame), 95% confidence interval by svyciprop (logit), variance of the calibrated design with finite population correction; differences by svyby (covariance matrix) + svycontrast, Wald z, Holm-corrected per indicator.',
  'results.download.trendMethod':
    'Published figures from before Weerbaar have no known standard error: a change from them is not tested.',
  'results.download.weightingMethod':
    'Weighting: design weights N_h/n_h per layer × role, then raking to the margins of the sample frame (R rake(), epsilon 1e-10).',
  'results.download.col.indicator': 'Indicator',
  'results.download.col.version': 'Version',
  'results.download.col.breakdown': 'Breakdown',
  'results.download.col.groupCode': 'Group (code)',
  'results.download.col.ciLower': 'Lower bound 95% interval',
  'results.download.col.ciUpper': 'Upper bound 95% interval',
  'results.download.col.se': 'Standard error',
  'results.download.col.previousWave': 'Previous wave',
  'results.download.col.change': 'Change',
  'results.download.col.footnotes': 'Footnotes (code)',
  'results.download.col.footnoteText': 'Footnotes',
  'results.download.col.publishedSource': 'Source of published figure',
  'results.download.col.changeTested': 'Change tested',
  'results.download.col.targetGroup': 'Target group',
  'results.download.col.margin': 'Margin',
  'results.download.col.effectiveN': 'Effective n',
  'results.indicatorForm.listTitle': 'Indicators',
  'results.indicatorForm.listIntro':
    'The current version of every indicator. A change becomes a new version; earlier runs keep the version they used.',
  'results.indicatorForm.newTitle': 'New indicator',
  'results.indicatorForm.editTitle': 'Edit {label} (now version {version})',
  'results.indicatorForm.edit': 'Edit',
  'results.indicatorForm.editLink': 'Edit {label}',
  'results.indicatorForm.back': 'Back to the indicators',
  'results.indicatorForm.intro':
    'Saving makes a new version. The expression is checked against the target group’s questionnaire: unknown item codes and option codes are reported at the field.',
  'results.indicatorForm.fixed': 'Code {code}, target group {group} (fixed for this indicator).',
  'results.indicatorForm.code': 'Code',
  'results.indicatorForm.codeHint': 'Lower-case letters, digits and _; starts with a letter.',
  'results.indicatorForm.targetGroup': 'Target group',
  'results.indicatorForm.theme': 'Theme',
  'results.indicatorForm.labelNl': 'Name (Dutch)',
  'results.indicatorForm.labelEn': 'Name (English)',
  'results.indicatorForm.numerator': 'Numerator: when does a respondent count?',
  'results.indicatorForm.numeratorHint':
    "An expression over item codes, e.g. ${agr_verbal_12m} != 'nooit' or selected(${agr_target_personal}, 'geslacht_gender').",
  'results.indicatorForm.population': 'Population (empty: all respondents)',
  'results.indicatorForm.populationHint':
    'An expression: who is in the denominator, e.g. only those with an incident.',
  'results.indicatorForm.answered': 'Items that must be answered',
  'results.indicatorForm.answeredHint': 'Item codes, separated by commas.',
  'results.indicatorForm.breakdowns': 'Breakdowns in the tables',
  'results.indicatorForm.save': 'Save as a new version',
  'results.indicatorForm.saved': 'Indicator {code} has been saved as version {version}.',
  'results.indicatorForm.unchanged': 'Nothing changed; indicator {code} stays at version {version}.',
  'results.indicatorForm.link': 'Manage indicators',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof resultsPagesNl, string> {}
}
