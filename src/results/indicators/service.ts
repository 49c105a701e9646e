/**
 * Indicator definitions in the database: the built-in ones (loaded once, version 1) and new versions
 * made by researchers. A new version never changes an earlier one; runs record the versions they used.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { indicators } from '../schema.js';
import { builtinIndicators } from './builtin.js';
import { type IndicatorDefinition, indicatorSchema } from './model.js';

/** Inserts the built-in definitions that are not there yet; returns how many it added. */
export async function ensureBuiltinIndicators(db: DbOrTx, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ code: indicators.code, version: indicators.version }).from(indicators);
    const have = new Set(existing.map((e) => `${e.code}@${e.version}`));
    const missing = builtinIndicators
      .map((i) => indicatorSchema.parse(i))
      .filter((i) => !have.has(`${i.code}@${i.version}`));
    if (missing.length === 0) return 0;
    await tx.insert(indicators).values(
      missing.map((d) => ({
        code: d.code,
        version: d.version,
        targetGroup: d.targetGroup,
        theme: d.theme,
        definition: d,
        builtin: true,
      })),
    );
    await audit(tx, actor, {
      action: 'results.indicators.builtin',
      resourceType: 'indicator',
      resourceId: 'builtin',
      diff: { added: missing.map((d) => `${d.code}@${d.version}`) },
    });
    return missing.length;
  });
}

/** The latest version of every indicator (of one target group, if given), by code. */
export async function currentIndicators(db: DbOrTx, targetGroup?: string): Promise<IndicatorDefinition[]> {
  const rows = await db
    .select({ definition: indicators.definition })
    .from(indicators)
    .where(
      and(
        sql`${indicators.version} = (select max(i2.version) from results_indicators i2 where i2.code = ${indicators.code})`,
        targetGroup ? eq(indicators.targetGroup, targetGroup) : undefined,
      ),
    )
    .orderBy(indicators.code);
  return rows.map((r) => r.definition as IndicatorDefinition);
}

/** One version of an indicator, or the latest. */
export async function indicatorVersion(
  db: DbOrTx,
  code: string,
  version?: number,
): Promise<IndicatorDefinition | undefined> {
  const [row] = await db
    .select({ definition: indicators.definition })
    .from(indicators)
    .where(and(eq(indicators.code, code), version ? eq(indicators.version, version) : undefined))
    .orderBy(desc(indicators.version))
    .limit(1);
  return row?.definition as IndicatorDefinition | undefined;
}
