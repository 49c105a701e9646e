/**
 * Demo: gemeente Utrecht's integrity channel, set up by the demo integrity officer (Ineke Integriteit,
 * integriteit.utrecht@weerbaar.demo) with a documented key passphrase, and reports in every stage of
 * the handreiking, some overdue. One report has a fixed receipt code, printed at start-up, to try the
 * reporter's side at /integriteit/GM0344. Runs with the production argon2id costs, except under
 * NODE_ENV=test (the DemoStep interface carries no config, so the environment decides, as in options.ts).
 */
import { getUserByEmail } from '../../platform/auth/users-service.js';
import type { DemoLogin, DemoStep } from '../../platform/demo/demo.js';
import { AppError } from '../../platform/errors.js';
import { getOrganisationByCode } from '../../platform/orgs/service.js';
import { addNote, moveReport } from './history-service.js';
import {
  certifyHandlerKey,
  createHandlerKey,
  findChannel,
  openKeyWithPassphrase,
  setUpChannel,
} from './keys-service.js';
import type { Category, ReportState } from './model.js';
import { type IntegrityOptions, optionsFor } from './options.js';
import {
  acknowledge,
  handlerMessage,
  openWithReceipt,
  reporterMessage,
  submitReport,
} from './reports-service.js';
import { chairDecides } from './workflow.js';

export const DEMO_KEY_PASSPHRASE = 'Weerbaar-sleutel-2026';
export const DEMO_RECEIPT_CODE = '2026034400170017';
const OFFICER = 'integriteit.utrecht@weerbaar.demo';
/** The chair (the mayor), who takes the decisions the handreiking reserves to her (workflow.ts). */
const CHAIR = 'burgemeester.utrecht@weerbaar.demo';

const logins: DemoLogin[] = [
  { role: 'integrity key passphrase', email: OFFICER, password: DEMO_KEY_PASSPHRASE },
  { role: 'integrity key passphrase (chair)', email: CHAIR, password: DEMO_KEY_PASSPHRASE },
  { role: 'receipt code (reporter)', email: '/integriteit/GM0344', password: DEMO_RECEIPT_CODE },
];

interface DemoReport {
  daysAgo: number;
  category: Category;
  what: string;
  /** Days after receipt the officer acknowledged (none: not acknowledged). */
  acknowledgedAfter?: number;
  steps?: ReportState[];
  feedback?: boolean;
  identity?: { name: string; contact: string };
  conversation?: boolean;
  receiptCode?: string;
}

const reports: DemoReport[] = [
  {
    daysAgo: 2,
    category: 'geschenken',
    what: 'Een wethouder kreeg kaarten voor een voetbalwedstrijd van een aannemer die meedoet aan een aanbesteding.',
  },
  {
    daysAgo: 10,
    category: 'belangenverstrengeling',
    what: 'Een raadslid stemde over een bestemmingsplan waarin zijn eigen perceel ligt.',
  },
  {
    daysAgo: 40,
    category: 'misbruik_bevoegdheden',
    what: 'Een leidinggevende liet een vergunning versneld behandelen voor een vriend.',
    acknowledgedAfter: 3,
    steps: ['vooronderzoek'],
    conversation: true,
    receiptCode: DEMO_RECEIPT_CODE,
  },
  {
    daysAgo: 100,
    category: 'ondermijning',
    what: 'Een bestuurder heeft contact met iemand die verdacht wordt van witwassen.',
    acknowledgedAfter: 5,
    steps: ['vooronderzoek', 'besluit', 'onderzoek'],
  },
  {
    daysAgo: 60,
    category: 'fraude_diefstal_corruptie',
    what: 'Facturen van een adviesbureau lijken dubbel betaald.',
    acknowledgedAfter: 2,
    steps: ['vooronderzoek', 'besluit', 'onderzoek', 'hoor_en_wederhoor'],
    feedback: true,
    identity: { name: 'Demo Melder', contact: 'melder@example.org' },
  },
  {
    daysAgo: 150,
    category: 'declaraties',
    what: 'Reiskosten naar een congres zijn twee keer gedeclareerd.',
    acknowledgedAfter: 1,
    steps: ['vooronderzoek', 'besluit', 'communicatie', 'gearchiveerd'],
    feedback: true,
  },
];

const step: DemoStep & { logins: DemoLogin[] } = {
  name: 'integrity',
  logins,
  async run(tx, actor) {
    const org = await getOrganisationByCode(tx, 'GM0344').catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not-found') return undefined;
      throw err;
    });
    const officer = await getUserByEmail(tx, OFFICER);
    if (!org || !officer || (await findChannel(tx, org.id))) return logins;
    const base = optionsFor(process.env.NODE_ENV ?? 'production');
    await setUpChannel(
      tx,
      actor,
      { organisationId: org.id, userId: officer.id, passphrase: DEMO_KEY_PASSPHRASE },
      base,
    );
    const key = await openKeyWithPassphrase(tx, {
      organisationId: org.id,
      userId: officer.id,
      passphrase: DEMO_KEY_PASSPHRASE,
    });
    // the chair's key, certified by the officer before any report arrives, so every report is wrapped for it
    const chair = await getUserByEmail(tx, CHAIR);
    const chairKey = chair
      ? await (async () => {
          const { keyId } = await createHandlerKey(
            tx,
            actor,
            { organisationId: org.id, userId: chair.id, passphrase: DEMO_KEY_PASSPHRASE },
            base,
          );
          await certifyHandlerKey(tx, actor, key, keyId);
          return openKeyWithPassphrase(tx, {
            organisationId: org.id,
            userId: chair.id,
            passphrase: DEMO_KEY_PASSPHRASE,
          });
        })()
      : key;
    const today = Date.now();
    for (const r of reports) {
      let now = new Date(today - r.daysAgo * 86_400_000);
      const opts: IntegrityOptions = { ...base, clock: () => now };
      const at = (days: number) => (now = new Date(today - (r.daysAgo - days) * 86_400_000));
      const { reportId, receiptCode } = await submitReport(
        tx,
        org.id,
        {
          category: r.category,
          content: { what: r.what, involved: '', when: '' },
          identityMode: r.identity ? 'confidential' : 'anonymous',
          identity: r.identity,
        },
        opts,
        r.receiptCode,
      );
      if (r.acknowledgedAfter === undefined) continue;
      at(r.acknowledgedAfter);
      await acknowledge(
        tx,
        actor,
        key,
        reportId,
        'Wij hebben uw melding ontvangen. Binnen 3 maanden laten wij u weten wat wij ermee doen.',
        opts,
      );
      if (r.conversation) {
        await handlerMessage(tx, actor, key, reportId, 'Weet u om welke vergunning het gaat?', false, opts);
        at(r.acknowledgedAfter + 2);
        await reporterMessage(
          tx,
          org.id,
          await openWithReceipt(tx, org.id, receiptCode),
          'Een omgevingsvergunning voor een dakopbouw, in maart.',
          opts,
        );
      }
      for (const [i, to] of (r.steps ?? []).entries()) {
        at(r.acknowledgedAfter + 3 + i * 5);
        if (r.feedback && to === r.steps!.at(-1))
          await handlerMessage(
            tx,
            actor,
            key,
            reportId,
            'Wij hebben uw melding beoordeeld. Hierbij leest u wat wij gaan doen.',
            true,
            opts,
          );
        const from = i === 0 ? 'intake' : r.steps![i - 1]!;
        const decider = chairDecides(from) ? chairKey : key;
        await moveReport(tx, actor, decider, reportId, { to, note: `Demo: stap ${to}.` }, opts);
      }
      if (r.steps?.includes('onderzoek'))
        await addNote(
          tx,
          actor,
          key,
          reportId,
          'Demo: extern onderzoeksbureau gevraagd (Wpbr-vergunning gecontroleerd).',
          opts,
        );
    }
    return logins;
  },
};
export default step;
