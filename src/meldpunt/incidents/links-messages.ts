/** Texts of the links between incidents by the same perpetrator: Dutch (B1) and English. */
export const incidentLinksNl = {
  'incidents.linked.title': 'Andere meldingen over dezelfde dader',
  'incidents.linked.none': 'Er zijn geen andere meldingen met dezelfde naam van de dader.',
  'incidents.linked.intro':
    '{count, plural, one {Er is # andere melding} other {Er zijn # andere meldingen}} met dezelfde naam van de dader. Houd daar rekening mee bij een maatregel.',
  'incidents.linked.measures': 'maatregelen: {measures}',
  'incidents.home.myData': 'Download uw gegevens bij het meldpunt (AVG)',
};

export const incidentLinksEn: Record<keyof typeof incidentLinksNl, string> = {
  'incidents.linked.title': 'Other incidents by the same perpetrator',
  'incidents.linked.none': "There are no other incidents with the same perpetrator's name.",
  'incidents.linked.intro':
    "{count, plural, one {There is # other incident} other {There are # other incidents}} with the same perpetrator's name. Take this into account when deciding on a measure.",
  'incidents.linked.measures': 'measures: {measures}',
  'incidents.home.myData': 'Download your data held by the reporting desk (GDPR)',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof incidentLinksNl, string> {}
}
