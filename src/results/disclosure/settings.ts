/**
 * A wave's disclosure rules: the minimum number of respondents, the widest interval published and the
 * protection of suppressed cells (src/stats/disclosure). Stored per wave; a wave without its own
 * rules uses the defaults. A results run records the rules it applied.
 */
import { eq } from 'drizzle-orm';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Database, DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { type DisclosureRules, defaultRules, validateRules } from '../../stats/disclosure/model.js';
import { disclosureSettings } from '../schema.js';

export async function disclosureRulesOf(db: DbOrTx, waveId: string): Promise<DisclosureRules> {
  const [row] = await db.select().from(disclosureSettings).where(eq(disclosureSettings.waveId, waveId));
  return { ...defaultRules, ...((row?.rules as Partial<DisclosureRules> | undefined) ?? {}) };
}

/** Sets a wave's rules (each omitted one keeps its current value), audited. */
export async function setDisclosureRules(
  database: Database,
  waveIdOrCode: string,
  change: Partial<DisclosureRules>,
  actor: Actor,
): Promise<DisclosureRules> {
  const wave = await findWave(database.db, waveIdOrCode);
  return database.db.transaction(async (tx) => {
    const before = await disclosureRulesOf(tx, wave.id);
    const rules: DisclosureRules = { ...before, ...change };
    const problems = validateRules(rules);
    if (problems.length)
      throw new AppError('validation', {
        detail: { nl: 'De regels voor onthullingscontrole kloppen niet.', en: 'invalid disclosure rules' },
        invalidParams: problems.map((p) => ({
          name: p.split(' ')[0]!,
          code: 'out_of_range',
          reason: { nl: `Buiten het toegestane bereik: ${p}`, en: p },
        })),
      });
    await tx
      .insert(disclosureSettings)
      .values({ waveId: wave.id, rules })
      .onConflictDoUpdate({ target: disclosureSettings.waveId, set: { rules, updatedAt: new Date() } });
    await audit(tx, actor, {
      action: 'results.disclosure-rules',
      resourceType: 'wave',
      resourceId: wave.id,
      diff: { before, after: rules },
    });
    return rules;
  });
}
