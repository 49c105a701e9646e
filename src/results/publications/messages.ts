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
  'publications.pdf.pageLabel': 'Pagina {page} van {pages}',
  'publications.files': 'Bestanden',
  'publications.files.none': 'nog niet gemaakt',
  'publications.files.link': '{format} ({lang}, {size})',
  'publications.files.linkPages':
    "{format} ({lang}, {pages, plural, one {# pagina} other {# pagina's}}, {size})",
  'publications.product': 'Publicatie',
  'publications.lang.nl': 'Nederlands',
  'publications.lang.en': 'Engels',
  'publications.render.title': 'Bestanden maken',
  'publications.render.intro':
    'Maak de HTML- en PDF-bestanden van de publicaties. Ze worden bij de meting bewaard en vervangen de vorige bestanden pas als alles gelukt is.',
  'publications.render.kind': 'Welke publicaties',
  'publications.render.kind.all': 'Alle publicaties',
  'publications.render.lang': 'Taal',
  'publications.render.lang.both': 'Nederlands en Engels',
  'publications.render.submit': 'Bestanden maken',
  'publications.render.queued': 'Bestanden maken staat klaar (gevraagd door {who} op {time}).',
  'publications.render.running':
    'Bezig met bestanden maken: {done} van {total} klaar (gevraagd door {who} op {time}).',
  'publications.render.progress': 'Voortgang bestanden maken',
  'publications.render.refresh': 'Voortgang bijwerken',
  'publications.render.done': 'De bestanden zijn gemaakt op {time}: {done} bestanden.',
  'publications.render.failed':
    'Bestanden maken is mislukt op {time}. De vorige bestanden zijn bewaard. Wat misging:',
  'publications.render.noticeQueued':
    'Bestanden maken is gestart. Vernieuw deze pagina om de voortgang te zien.',
  'publications.pdf.unavailable':
    'PDF-bestanden kunnen op deze server niet gemaakt worden: Chromium ontbreekt ({path}). Installeer het Debian-pakket chromium (apt install chromium) of zet de omgevingsvariabele CHROMIUM_PATH op het programma Chromium, en start Weerbaar opnieuw. HTML-bestanden worden wel gemaakt.',
  'publications.embargo': 'De bestanden zijn te downloaden zodra de resultaten zijn vrijgegeven.',
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
  'publications.pdf.pageLabel': 'Page {page} of {pages}',
  'publications.files': 'Files',
  'publications.files.none': 'not made yet',
  'publications.files.link': '{format} ({lang}, {size})',
  'publications.files.linkPages': '{format} ({lang}, {pages, plural, one {# page} other {# pages}}, {size})',
  'publications.product': 'Publication',
  'publications.lang.nl': 'Dutch',
  'publications.lang.en': 'English',
  'publications.render.title': 'Make files',
  'publications.render.intro':
    'Make the HTML and PDF files of the publications. They are stored with the wave and replace the previous files only when everything succeeded.',
  'publications.render.kind': 'Which publications',
  'publications.render.kind.all': 'All publications',
  'publications.render.lang': 'Language',
  'publications.render.lang.both': 'Dutch and English',
  'publications.render.submit': 'Make files',
  'publications.render.queued': 'Making files is queued (asked for by {who} on {time}).',
  'publications.render.running': 'Making files: {done} of {total} done (asked for by {who} on {time}).',
  'publications.render.progress': 'Progress of making files',
  'publications.render.refresh': 'Update progress',
  'publications.render.done': 'The files were made on {time}: {done} files.',
  'publications.render.failed':
    'Making files failed on {time}. The previous files were kept. What went wrong:',
  'publications.render.noticeQueued': 'Making files has started. Reload this page to see the progress.',
  'publications.pdf.unavailable':
    'PDF files cannot be made on this server: Chromium is missing ({path}). Install the Debian package chromium (apt install chromium) or set the environment variable CHROMIUM_PATH to the Chromium program, and restart Weerbaar. HTML files are made all the same.',
  'publications.embargo': 'The files can be downloaded once the results are released.',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof publicationsNl, string> {}
}
