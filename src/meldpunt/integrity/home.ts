/**
 * What the integrity panel on the home page shows (read-only): per organisation whose reports the person
 * handles, the reports with a deadline still running or missed (acknowledgement within 7 days, feedback
 * within 3 months: ./deadlines.ts), overdue ones first, then by the nearest deadline. Only the register's
 * plain-text fields: no key, nothing decrypted.
 */
import { can, type Principal } from '../../platform/access/policy.js';
import type { DbOrTx } from '../../platform/db/database.js';
import type { Countdown } from './deadlines.js';
import { productionOptions } from './options.js';
import { listRegister } from './reports-service.js';

export interface PendingReport {
  reportId: string;
  receivedAt: Date;
  category: string;
  state: string;
  acknowledgement: Countdown;
  feedback: Countdown;
  overdue: boolean;
}

export interface RegisterHome {
  organisationId: string;
  /** Reports with a deadline to meet, overdue first; at most `limit`. */
  pending: PendingReport[];
  /** How many reports have a deadline to meet, and how many of those are overdue (all, not only shown). */
  pendingCount: number;
  overdueCount: number;
}

const running = (c: Countdown) => c.state === 'open' || c.state === 'overdue';
/** The deadline that comes (or came) first among those not met yet. */
const nextDue = (r: PendingReport) =>
  Math.min(...[r.acknowledgement, r.feedback].filter(running).map((c) => c.due.getTime()));

export async function integrityHome(
  db: DbOrTx,
  principal: Principal,
  now = new Date(),
  limit = 5,
): Promise<RegisterHome[]> {
  const orgs = [...principal.memberships.keys()].filter((o) => can(principal, 'integrity.read', o)).sort();
  const out: RegisterHome[] = [];
  for (const organisationId of orgs) {
    const lines = await listRegister(db, organisationId, { ...productionOptions, clock: () => now });
    const pending = lines
      .filter((l) => l.state !== 'gearchiveerd')
      .map(
        (l): PendingReport => ({
          reportId: l.reportId,
          receivedAt: l.receivedAt,
          category: l.category,
          state: l.state,
          acknowledgement: l.deadlines.acknowledgement,
          feedback: l.deadlines.feedback,
          overdue:
            l.deadlines.acknowledgement.state === 'overdue' || l.deadlines.feedback.state === 'overdue',
        }),
      )
      .filter((r) => running(r.acknowledgement) || running(r.feedback))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || nextDue(a) - nextDue(b));
    out.push({
      organisationId,
      pending: pending.slice(0, limit),
      pendingCount: pending.length,
      overdueCount: pending.filter((r) => r.overdue).length,
    });
  }
  return out;
}
