/**
 * Demo: the wave "Monitor 2026 (demo)" with a frame of 60 invented office holders (addresses at
 * @voorbeeld.nl) in a few organisations. With the built-in office-holders questionnaire (loaded by the
 * questionnaires demo step) it is opened and the invitations are queued, so the outbox and the
 * monitoring page have content; without it the wave stays a draft.
 */
import { loadConfig } from '../../platform/config/config.js';
import type { DemoStep } from '../../platform/demo/demo.js';
import { importFrame } from './frame-service.js';
import { inviteAll } from './invitations.js';
import { dutchToday } from './model.js';
import { latestPublishedVersionOf } from './questionnaire-link.js';
import { createWave, findWave, setWaveQuestionnaire, transitionWave } from './waves-service.js';

export const DEMO_WAVE_CODE = 'monitor-2026-demo';

const first = [
  'Anna',
  'Bram',
  'Chantal',
  'Daan',
  'Eva',
  'Fatima',
  'Gert',
  'Hanneke',
  'Ibrahim',
  'Joke',
  'Kees',
  'Lotte',
];
const last = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'El Amrani',
  'de Boer',
  'Mulder',
  'Yılmaz',
];

/** 60 persons: per gemeente a burgemeester, wethouders and raadsleden; a province and a water board. */
export function demoFrameCsv(): string {
  const rows: string[] = ['naam,email,rol,organisatie,geslacht,leeftijdsgroep'];
  const plan: Array<[string, string, number]> = [
    ['GM0344', 'burgemeester', 1],
    ['GM0344', 'wethouder', 4],
    ['GM0344', 'raadslid', 12],
    ['GM0307', 'burgemeester', 1],
    ['GM0307', 'wethouder', 3],
    ['GM0307', 'raadslid', 10],
    ['GM0310', 'burgemeester', 1],
    ['GM0310', 'wethouder', 2],
    ['GM0310', 'raadslid', 8],
    ['PV26', 'cdk', 1],
    ['PV26', 'gedeputeerde', 3],
    ['PV26', 'statenlid', 6],
    ['ws0155', 'dijkgraaf', 1],
    ['ws0155', 'lid_db', 2],
    ['ws0155', 'lid_ab', 5],
  ];
  const genders = ['vrouw', 'man', 'man', 'vrouw', ''];
  const ages = ['tot_35', 'van_35_tot_50', 'van_50_tot_65', 'vanaf_65', ''];
  let i = 0;
  for (const [org, role, n] of plan) {
    for (let k = 0; k < n; k++, i++) {
      const name = `${first[i % first.length]} ${last[(i * 7) % last.length]}`;
      const email = `demo.${role}.${String(i + 1).padStart(2, '0')}@voorbeeld.nl`;
      rows.push([name, email, role, org, genders[i % genders.length], ages[(i * 3) % ages.length]].join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

const step: DemoStep = {
  name: 'fieldwork',
  async run(tx, actor) {
    const existing = await findWave(tx, DEMO_WAVE_CODE).catch(() => undefined);
    if (existing) return [];
    const wave = await createWave(
      tx,
      {
        code: DEMO_WAVE_CODE,
        name: 'Monitor 2026 (demo)',
        anonymity: 'anonymous',
        // From today for ten weeks: the demo's links work whenever it is loaded.
        fieldworkStart: dutchToday(),
        fieldworkEnd: dutchToday(Date.now() + 70 * 86_400_000),
        reminderDays: [7, 14],
      },
      actor,
    );
    const report = await importFrame(
      tx,
      wave.id,
      {
        fileName: 'demo-kader.csv',
        data: Buffer.from(demoFrameCsv(), 'utf8'),
        targetGroup: 'office_holders',
      },
      actor,
    );
    if (!report.written) throw new Error(`demo frame: ${JSON.stringify(report.problems.slice(0, 3))}`);
    const version = await latestPublishedVersionOf(tx, 'office_holders');
    if (!version) return [];
    await setWaveQuestionnaire(tx, wave.id, 'office_holders', version, actor);
    await transitionWave(tx, wave.id, 'open', actor);
    let publicUrl: string | undefined;
    try {
      publicUrl = loadConfig().publicUrl;
    } catch {
      publicUrl = undefined;
    }
    if (publicUrl) await inviteAll(tx, { publicUrl }, wave.id, actor);
    return [];
  },
};
export default step;
