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
};

export const incidentInsightEn: Record<keyof typeof incidentInsightNl, string> = {
  'incidents.overview.byMonth': 'Incidents per month',
  'incidents.overview.month': 'Month',
  'incidents.overview.overdueByKind': 'Overdue tasks, by kind',
  'incidents.benchmark.link': 'Comparison with comparable organisations',
  'incidents.gap.link': 'Registration gap: incidents next to the monitor',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof incidentInsightNl, string> {}
}
