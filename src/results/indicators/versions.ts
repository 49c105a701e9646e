/**
 * Researchers' changes to indicators: validate a definition against its questionnaire (unknown item
 * codes, type mismatches, breakdown variables the wave lacks), save it as a new version (earlier runs
 * keep theirs), and import / export definitions as JSON. Every save is audited in its transaction.
 */
import { sql } from 'drizzle-orm';
import { loadDefinition } from '../../monitor/answering/questionnaire-source.js';
import { latestPublishedVersionOf } from '../../monitor/fieldwork/questionnaire-link.js';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { frameCells } from '../../monitor/responses/analysis-source.js';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, type InvalidParam } from '../../platform/errors.js';
import { indicators } from '../schema.js';
import { positionOf, syntaxErrorPosition, valueOffsets } from './json-locations.js';
import { compileIndicator, type IndicatorDefinition, indicatorSchema } from './model.js';
import { currentIndicators } from './service.js';

/**
 * Checks a definition (any `version`; it is set when saved): its fields, its expressions against the
 * questionnaire its target group answers, and, given a wave, that the wave's frame has every
 * breakdown variable. Throws a validation error whose invalidParams name the field.
 */
export async function validateIndicator(
  db: DbOrTx,
  input: unknown,
  options: { wave?: string } = {},
): Promise<IndicatorDefinition> {
  const parsed = indicatorSchema.safeParse({ version: 1, ...(input as object) });
  if (!parsed.success) {
    const params: InvalidParam[] = parsed.error.issues.map((i) => ({
      name: i.path.join('.') || 'definition',
      code: i.code,
      reason: { nl: i.message, en: i.message },
    }));
    const first = parsed.error.issues[0]!;
    const where = first.path.join('.') || 'definition';
    throw new AppError('validation', {
      detail: { nl: `Indicator: ${where}: ${first.message}`, en: `indicator: ${where}: ${first.message}` },
      invalidParams: params,
    });
  }
  const d = parsed.data;
  const version = await latestPublishedVersionOf(db, d.targetGroup);
  const questionnaire = version ? await loadDefinition(db, version) : undefined;
  if (!questionnaire)
    throw new AppError('validation', {
      detail: {
        nl: `Er is geen gepubliceerde vragenlijst voor doelgroep ${d.targetGroup}.`,
        en: `no published questionnaire for target group ${d.targetGroup}`,
      },
      invalidParams: [
        {
          name: 'targetGroup',
          code: 'no_questionnaire',
          reason: { nl: 'geen vragenlijst', en: 'no questionnaire' },
        },
      ],
    });
  compileIndicator(d, questionnaire);
  if (options.wave) {
    const wave = await findWave(db, options.wave);
    const cells = await frameCells(db, wave.id, d.targetGroup);
    for (const [j, b] of d.breakdowns.entries())
      for (const v of b)
        if (!cells.some((c) => c.strata[v]))
          throw new AppError('validation', {
            detail: {
              nl: `Indicator ${d.code}: meting ${wave.code} heeft geen ${v} in het steekproefkader van ${d.targetGroup}; deze indeling kan niet.`,
              en: `indicator ${d.code}: wave ${wave.code} has no ${v} in the frame of ${d.targetGroup}, so breakdown ${b.join(' × ')} is impossible`,
            },
            invalidParams: [
              {
                name: `breakdowns.${j}`,
                code: 'missing_variable',
                reason: { nl: `${v} ontbreekt`, en: `${v} is missing` },
              },
            ],
          });
  }
  return d;
}

/** JSON with object keys sorted (jsonb reorders keys, so plain JSON.stringify would differ). */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);
const same = (a: IndicatorDefinition, b: IndicatorDefinition) =>
  canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });

/**
 * Saves a validated definition as the next version of its code (version 1 for a new code). An
 * unchanged definition saves nothing. Returns the version now current and whether it is new.
 */
export async function saveIndicator(
  db: DbOrTx,
  input: unknown,
  actor: Actor,
  options: { wave?: string } = {},
): Promise<{ definition: IndicatorDefinition; created: boolean }> {
  const d = await validateIndicator(db, input, options);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`indicator:${d.code}`}))`);
    const current = (await currentIndicators(tx)).find((c) => c.code === d.code);
    if (current && current.targetGroup !== d.targetGroup)
      throw new AppError('validation', {
        detail: {
          nl: `Indicator ${d.code} hoort bij doelgroep ${current.targetGroup}; kies een nieuwe code voor een andere doelgroep.`,
          en: `indicator ${d.code} belongs to target group ${current.targetGroup}; use a new code for another group`,
        },
        invalidParams: [
          {
            name: 'targetGroup',
            code: 'changed',
            reason: { nl: 'andere doelgroep', en: 'other target group' },
          },
        ],
      });
    if (current && same(current, d)) return { definition: current, created: false };
    const definition = { ...d, version: (current?.version ?? 0) + 1 };
    await tx.insert(indicators).values({
      code: definition.code,
      version: definition.version,
      targetGroup: definition.targetGroup,
      theme: definition.theme,
      definition,
    });
    await audit(tx, actor, {
      action: 'results.indicator.save',
      resourceType: 'indicator',
      resourceId: `${definition.code}@${definition.version}`,
      diff: { code: definition.code, version: definition.version, previous: current?.version ?? null },
    });
    return { definition, created: true };
  });
}

/** Every current definition, as the JSON `indicators import` reads. */
export async function exportIndicators(db: DbOrTx): Promise<string> {
  return `${JSON.stringify(await currentIndicators(db), null, 2)}\n`;
}

/**
 * Imports a JSON array of definitions: all are checked first (a problem is reported as
 * `file:line:column` of the value at fault, exit 2), then each changed one becomes a new version in
 * one transaction. Returns what was saved.
 */
export async function importIndicators(
  db: DbOrTx,
  text: string,
  file: string,
  actor: Actor,
  options: { wave?: string } = {},
): Promise<Array<{ code: string; version: number; created: boolean }>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = syntaxErrorPosition(text, err as Error);
    throw new AppError('invalid-json', {
      detail: {
        nl: `geen geldige JSON: ${(err as Error).message}`,
        en: `not valid JSON: ${(err as Error).message}`,
      },
      location: { file, ...at },
    });
  }
  const offsets = valueOffsets(text);
  const list = Array.isArray(data) ? data : [data];
  const prefix = Array.isArray(data) ? (j: number) => `[${j}]` : () => '';
  const locate = (err: unknown, j: number): never => {
    if (!(err instanceof AppError)) throw err;
    const named = err.localised.invalidParams[0]?.name ?? '';
    // an unknown item code is named by itself: point at the field that holds it
    const input = (list[j] ?? {}) as Record<string, unknown>;
    const holder = ['numerator', 'population', 'answered'].find(
      (f) => !(named in input) && JSON.stringify(input[f] ?? '').includes(named),
    );
    const field = holder ?? named;
    const path = field ? `${prefix(j)}.${field.replace(/\.(\d+)/g, '[$1]')}` : prefix(j);
    const at = positionOf(text, offsets, path.startsWith('.') ? path.slice(1) : path);
    throw new AppError(err.code, {
      ...(err.localised.detail !== undefined ? { detail: err.localised.detail } : {}),
      invalidParams: err.localised.invalidParams.map((p) => ({
        ...p,
        name: path.replace(/^\./, '') || p.name,
      })),
      location: { file, ...at },
    });
  };
  for (const [j, input] of list.entries())
    await validateIndicator(db, input, options).catch((e) => locate(e, j));
  return db.transaction(async (tx) => {
    const out: Array<{ code: string; version: number; created: boolean }> = [];
    for (const [j, input] of list.entries()) {
      const r = await saveIndicator(tx, input, actor, options).catch((e) => locate(e, j));
      out.push({ code: r.definition.code, version: r.definition.version, created: r.created });
    }
    return out;
  });
}
