/** The texts of every chart (src/platform/charts): the text alternative, the table and its note. */
export const chartsNl = {
  'chart.suppressed': 'onderdrukt',
  'chart.noValue': 'geen gegevens',
  'chart.suppressedNote':
    '– Niet getoond: te weinig antwoorden om dit cijfer te publiceren (onthullingscontrole). Het is geen nul.',
  'chart.interval': '95%-betrouwbaarheidsinterval',
  'chart.intervalValue': '{lo} tot {hi}',
  'chart.tableCaption': 'Gegevens bij de grafiek: {title}',
  'chart.alt.bar': 'Staafdiagram. {items}.',
  'chart.alt.groupedBar': 'Gegroepeerd staafdiagram. {items}.',
  'chart.alt.stackedBar': 'Gestapeld staafdiagram. {items}.',
  'chart.alt.trend': 'Lijndiagram. {items}.',
  'chart.alt.item': '{category}: {values}',
  'chart.alt.seriesValue': '{series} {value}',
  'chart.alt.withInterval': '{value} (interval {lo} tot {hi})',
  'chart.alt.marks': 'Gemarkeerd: {marks}.',
  'chart.alt.mark': '{label} op {category}',
  'chart.empty': 'Er zijn nog geen gegevens voor deze grafiek.',
} as const;

export const chartsEn: Record<keyof typeof chartsNl, string> = {
  'chart.suppressed': 'suppressed',
  'chart.noValue': 'no data',
  'chart.suppressedNote':
    '– Not shown: too few answers to publish this figure (disclosure control). It is not zero.',
  'chart.interval': '95% confidence interval',
  'chart.intervalValue': '{lo} to {hi}',
  'chart.tableCaption': 'Data of the chart: {title}',
  'chart.alt.bar': 'Bar chart. {items}.',
  'chart.alt.groupedBar': 'Grouped bar chart. {items}.',
  'chart.alt.stackedBar': 'Stacked bar chart. {items}.',
  'chart.alt.trend': 'Line chart. {items}.',
  'chart.alt.item': '{category}: {values}',
  'chart.alt.seriesValue': '{series} {value}',
  'chart.alt.withInterval': '{value} (interval {lo} to {hi})',
  'chart.alt.marks': 'Marked: {marks}.',
  'chart.alt.mark': '{label} on {category}',
  'chart.empty': 'There are no data for this chart yet.',
};
