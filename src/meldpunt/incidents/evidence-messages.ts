/** Texts of the evidence of an incident (issue 16, item 1): Dutch (B1, "u") and English. */
export const incidentEvidenceNl = {
  'incidents.evidence.title': 'Bewijs bij de melding',
  'incidents.evidence.back': 'Terug naar de melding van {date}',
  'incidents.evidence.intro':
    'Voeg schermafbeeldingen, foto’s, brieven of opnames toe. De bestanden worden versleuteld bewaard. Alleen wie de melding mag zien, kan ze downloaden.',
  'incidents.evidence.files': 'Bestanden',
  'incidents.evidence.none': 'Er is nog geen bewijs toegevoegd.',
  'incidents.evidence.file': 'Bestand',
  'incidents.evidence.hint':
    'Een foto of schermafbeelding, een PDF, een geluidsopname of een MP4-video. Hoogstens {mb} MB per bestand.',
  'incidents.evidence.submit': 'Bestand toevoegen',
  'incidents.evidence.missing': 'Kies een bestand.',
  'incidents.evidence.added': 'Het bestand is toegevoegd.',
  'incidents.evidence.link': 'Bewijs bekijken of toevoegen',
};

export const incidentEvidenceEn: Record<keyof typeof incidentEvidenceNl, string> = {
  'incidents.evidence.title': 'Evidence for the incident',
  'incidents.evidence.back': 'Back to the incident of {date}',
  'incidents.evidence.intro':
    'Add screenshots, photos, letters or recordings. The files are stored encrypted. Only those who may see the incident can download them.',
  'incidents.evidence.files': 'Files',
  'incidents.evidence.none': 'No evidence has been added yet.',
  'incidents.evidence.file': 'File',
  'incidents.evidence.hint':
    'A photo or screenshot, a PDF, a sound recording or an MP4 video. At most {mb} MB per file.',
  'incidents.evidence.submit': 'Add the file',
  'incidents.evidence.missing': 'Choose a file.',
  'incidents.evidence.added': 'The file has been added.',
  'incidents.evidence.link': 'View or add evidence',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof incidentEvidenceNl, string> {}
}
