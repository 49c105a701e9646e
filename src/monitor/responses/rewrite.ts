/**
 * When an anonymous wave closes, its response rows are written again in random order
 * (docs/anonymity.md, "Order and timing"). During fieldwork each row was inserted when its
 * respondent pressed "Begin", so the rows' physical order (`ctid`) and their transaction ids
 * (`xmin`) followed the order of starting, which a person with database access could line up with
 * the invitations' "started" updates. After the rewrite every row of the wave is a new row
 * version: inserted in random order (so `ctid` order is a random permutation) by one transaction
 * (so every row has the same `xmin`: that of the close). Everything a row holds stays the same,
 * including its id, answers and revision, except the dates: during fieldwork they are kept to the day
 * (for resuming and monitoring); at the close they become the wave's period (started: the day the
 * wave opened; completed: the day it closed), because a day of answering together with who was
 * reminded on which day (invitations, the outbox) would narrow down whose answers a row holds.
 *
 * It runs in the caller's transaction (the close transition): delete the wave's rows, insert them
 * again from the deleted set ordered by random(), in one statement. Deleting cascades to
 * `response_recodes`, so the wave's recodings are read first and inserted again afterwards.
 *
 * After the commit, the job `fieldwork.seal-closed` (../fieldwork/jobs.ts) records the wave's
 * remaining invitation progress, rewrites its invitations the same way and runs VACUUM FULL, so the
 * old row versions leave the table files too. The write-ahead log and backups made before the close
 * keep what they had. See docs/anonymity.md.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { responseRecodes, responses } from './schema.js';

/** Rewrites the wave's responses in random order; returns how many rows were rewritten. */
export async function rewriteResponsesInRandomOrder(tx: DbOrTx, waveId: string): Promise<number> {
  const ids = tx.select({ id: responses.id }).from(responses).where(eq(responses.waveId, waveId));
  const recodes = await tx.select().from(responseRecodes).where(inArray(responseRecodes.responseId, ids));
  await tx.execute(sql`
    update ${responses}
       set started_on = (select coalesce(opened_at, now()) at time zone 'Europe/Amsterdam' from waves where id = ${waveId})::date,
           completed_on = case when completed_on is null then null else (now() at time zone 'Europe/Amsterdam')::date end
     where wave_id = ${waveId}`);
  const result = await tx.execute(sql`
    with moved as (delete from ${responses} where wave_id = ${waveId} returning *),
         again as (insert into ${responses} select * from moved order by random() returning 1)
    select count(*)::int as n from again`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    n: number;
  }>;
  if (recodes.length) await tx.insert(responseRecodes).values(recodes);
  return rows[0]?.n ?? 0;
}
