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
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof resultsPagesNl, string> {}
}
