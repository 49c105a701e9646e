/** Texts of the response-over-time chart on the monitoring page (./views/response-days.tsx). */
export const responseDaysNl = {
  'wave.overTime.title': 'Respons per dag',
  'wave.overTime.chart': 'Ingevulde vragenlijsten per dag',
  'wave.overTime.day': 'Dag',
  'wave.overTime.completed': 'Ingevuld',
  'wave.overTime.stratum': 'Doelgroep · bestuurslaag',
  'wave.overTime.layer': 'Bestuurslaag',
  'wave.overTime.reminder': 'Herinnering ({n})',
  'wave.overTime.reminderCol': 'Herinneringen verstuurd',
  'wave.overTime.noteRecorded':
    'Anonieme meting: een dag telt de ingevulde vragenlijsten die die dag zijn verwerkt, in groepen van ten minste 10 per stratum. Dat is niet de dag waarop iemand invulde; bij de sluiting komen de laatste telkens bij de laatste dag van hun stratum.',
  'wave.overTime.noteCompleted': 'Een dag telt de vragenlijsten die die dag zijn ingevuld.',
  'wave.overTime.none':
    'Er is (nog) geen telling per dag voor deze meting: er zijn nog geen ingevulde vragenlijsten geteld en geen herinneringen verstuurd.',
} as const;

export const responseDaysEn: Record<keyof typeof responseDaysNl, string> = {
  'wave.overTime.title': 'Response per day',
  'wave.overTime.chart': 'Completed questionnaires per day',
  'wave.overTime.day': 'Day',
  'wave.overTime.completed': 'Completed',
  'wave.overTime.stratum': 'Target group · layer',
  'wave.overTime.layer': 'Layer',
  'wave.overTime.reminder': 'Reminder ({n})',
  'wave.overTime.reminderCol': 'Reminders sent',
  'wave.overTime.noteRecorded':
    'Anonymous wave: a day counts the completed questionnaires recorded that day, in groups of at least 10 per stratum. That is not the day anyone answered; at the close the last ones are added to the last day of their stratum.',
  'wave.overTime.noteCompleted': 'A day counts the questionnaires completed that day.',
  'wave.overTime.none':
    'There is no count per day for this wave (yet): no completed questionnaires have been counted and no reminders sent.',
};

// These keys join the typed catalogue (registered at runtime through the monitor's module descriptor).
declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof responseDaysNl, string> {}
}
