/**
 * Demo data: organisations, users for every role, and (from other domains) a demo wave and more.
 * Each domain contributes a step; steps run in order, in one transaction, once per database.
 */
import { type Actor, audit, cliActor } from '../audit/audit.js';
import type { Database, Tx } from '../db/database.js';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

export interface DemoStep {
  name: string;
  /** Adds the step's data; returns the logins it created (printed at start-up). */
  run(tx: Tx, actor: Actor): Promise<DemoLogin[] | undefined>;
}

export const demoSteps: Array<() => Promise<{ default: DemoStep }>> = [
  () => import('../orgs/demo-step.js'),
  () => import('../auth/demo-step.js'),
  () => import('../../monitor/questionnaires/demo-step.js'),
  () => import('../../monitor/fieldwork/demo-step.js'),
  () => import('../../results/demo/demo-step.js'),
  () => import('../mail/demo-step.js'),
];

const MARKER = 'demo-loaded';

export async function demoLoaded(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'demo.load' and resource_id = $1",
    [MARKER],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** Loads the demo data unless it is there already. Returns the demo logins. */
export async function loadDemoData(
  database: Database,
  actor: Actor = cliActor('demo'),
): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  await database.db.transaction(async (tx) => {
    for (const load of demoSteps) {
      const step = (await load()).default;
      logins.push(...((await step.run(tx, actor)) ?? []));
    }
    await audit(tx, actor, { action: 'demo.load', resourceType: 'demo', resourceId: MARKER });
  });
  return logins;
}

/** Demo logins are fixed and documented in the README; this lists them without touching the database. */
export async function demoLogins(): Promise<DemoLogin[]> {
  const out: DemoLogin[] = [];
  for (const load of demoSteps) {
    const step = (await load()).default as DemoStep & { logins?: DemoLogin[] };
    out.push(...(step.logins ?? []));
  }
  return out;
}
