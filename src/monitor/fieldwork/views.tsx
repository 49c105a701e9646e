/**
 * Fieldwork pages: wave list, new wave, wave overview, frame upload with its problem report, mail
 * templates with preview, response monitoring, and the respondent's opt-out page. Server-rendered,
 * no JavaScript needed.
 *
 * The pages are in ./views/ (one file per page group); this file is their public API.
 */
export { framePage, problemText } from './views/frame.js';
export { mailPage } from './views/mail.js';
export { monitoringPage } from './views/monitoring.js';
export { optOutPage } from './views/opt-out.js';
export {
  type OverviewData,
  type WaveFormValues,
  waveNewPage,
  waveOverviewPage,
  wavesListPage,
} from './views/waves.js';
