/** Texts of the publications pages (issue #15). */
export const publicationsNl = {
  'publications.title': 'Publicaties van {wave}',
  'publications.intro':
    'Alle publicaties van deze meting, gemaakt uit de berekende resultaten. Elk getal komt uit de berekening en gaat door de onthullingscontrole.',
  'publications.none': 'Er zijn nog geen publicaties: bereken eerst de resultaten van deze meting.',
  'publications.kind.report-safety': 'Rapport, deel Veiligheid',
  'publications.kind.report-integrity': 'Rapport, deel Integriteit',
  'publications.kind.summary': '5-minutenversie',
  'publications.kind.factsheet': 'Factsheets',
  'publications.kind.letter': 'Brieven aan deelnemende organisaties',
  'publications.kind.annex': 'Bijlage bij de Kamerbrief',
  'publications.open': 'Bekijken',
  'publications.file': 'HTML-bestand',
  'publications.back': 'Terug naar de publicaties',
} as const;

export const publicationsEn: Record<keyof typeof publicationsNl, string> = {
  'publications.title': 'Publications of {wave}',
  'publications.intro':
    'Every publication of this wave, made from the computed results. Every number comes from the computation and passes disclosure control.',
  'publications.none': 'There are no publications yet: compute the results of this wave first.',
  'publications.kind.report-safety': 'Report, part Safety',
  'publications.kind.report-integrity': 'Report, part Integrity',
  'publications.kind.summary': '5-minute version',
  'publications.kind.factsheet': 'Factsheets',
  'publications.kind.letter': 'Letters to participating organisations',
  'publications.kind.annex': 'Annex to the letter to parliament',
  'publications.open': 'View',
  'publications.file': 'HTML file',
  'publications.back': 'Back to the publications',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof publicationsNl, string> {}
}
