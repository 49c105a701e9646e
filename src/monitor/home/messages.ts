/** Texts of the monitor's home panels (./panels.tsx). */
export const monitorHomeNl = {
  'home.monitor.openWaves': 'Lopende metingen',
  'home.monitor.noOpenWaves':
    'Er loopt nu geen meting. Open een meting bij Metingen om uitnodigingen te versturen.',
  'home.monitor.response': '{completed} van {invited} ingevuld ({rate})',
  'home.monitor.notInvited': 'nog niemand uitgenodigd',
  'home.monitor.nextReminder': 'Volgende herinnering: {at}',
  'home.monitor.noReminder': 'Geen herinnering gepland',
  'home.monitor.ends': 'Loopt tot {date}',
  'home.monitor.allWaves': 'Alle metingen',
  'home.monitor.results': 'Nieuwste resultaten',
  'home.monitor.resultsComing':
    'De resultaten van de Monitor verschijnen hier zodra ze gepubliceerd zijn. Dat komt met de resultatenmodule. Tot die tijd kunt u de respons van de metingen volgen.',
  'home.monitor.responseOf': 'Respons van {name}',
} as const;

export const monitorHomeEn: Record<keyof typeof monitorHomeNl, string> = {
  'home.monitor.openWaves': 'Open waves',
  'home.monitor.noOpenWaves': 'No wave is open now. Open a wave under Waves to send invitations.',
  'home.monitor.response': '{completed} of {invited} completed ({rate})',
  'home.monitor.notInvited': 'nobody invited yet',
  'home.monitor.nextReminder': 'Next reminder: {at}',
  'home.monitor.noReminder': 'No reminder scheduled',
  'home.monitor.ends': 'Runs until {date}',
  'home.monitor.allWaves': 'All waves',
  'home.monitor.results': 'Latest results',
  'home.monitor.resultsComing':
    'The results of the Monitor appear here once they are published. That comes with the results module. Until then you can follow the response of the waves.',
  'home.monitor.responseOf': 'Response of {name}',
};

// These keys join the typed catalogue (registered at runtime through the monitor's module descriptor).
declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof monitorHomeNl, string> {}
}
