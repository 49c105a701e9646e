/**
 * Review and recoding of "anders, namelijk" answers. The respondent's text and choice stay as they
 * were; a recoding is a new row in response_recodes (a log: the latest row per response and item
 * counts), written with its audit record in one transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, type Localised } from '../../platform/errors.js';
import { getWave } from '../fieldwork/waves-service.js';
import {
  OPTION_CODE_PATTERN,
  type Option,
  otherTextCode,
  type QuestionnaireDefinition,
  variablesOf,
} from '../questionnaires/model.js';
import { responseRecodes, responses } from '../responses/schema.js';
import { loadDefinition } from './questionnaire-source.js';

export interface Recode {
  id: string;
  responseId: string;
  itemCode: string;
  originalText: string;
  recodedTo: string;
  recodedBy: string | null;
  recodedAt: Date;
}

export interface OpenAnswer {
  responseId: string;
  /** The item whose "anders" option was chosen. */
  itemCode: string;
  /** The "anders" option's code. */
  optionCode: string;
  text: string;
  /** The latest recoding, if any. */
  recodedTo: string | null;
  history: Recode[];
}

export interface OpenAnswerItem {
  itemCode: string;
  label: { nl: string; en?: string };
  options: Option[];
  answers: OpenAnswer[];
}

const toRecode = (r: typeof responseRecodes.$inferSelect): Recode => ({
  ...r,
  recodedAt: new Date(r.recodedAt),
});

/** Every recoding of a wave, oldest first. */
export async function listRecodes(db: DbOrTx, waveId: string): Promise<Recode[]> {
  await getWave(db, waveId);
  const rows = await db
    .select({ r: responseRecodes })
    .from(responseRecodes)
    .innerJoin(responses, eq(responses.id, responseRecodes.responseId))
    .where(eq(responses.waveId, waveId))
    .orderBy(asc(responseRecodes.recodedAt), asc(responseRecodes.id));
  return rows.map((x) => toRecode(x.r));
}

/** The current code per response and item (the latest recoding), for exports. */
export async function latestRecodes(db: DbOrTx, waveId: string): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const r of await listRecodes(db, waveId)) {
    if (!out.has(r.responseId)) out.set(r.responseId, new Map());
    out.get(r.responseId)!.set(r.itemCode, r.recodedTo);
  }
  return out;
}

/** The "anders, namelijk" texts of a wave, per item, in questionnaire order. */
export async function listOpenAnswers(db: DbOrTx, waveId: string): Promise<OpenAnswerItem[]> {
  await getWave(db, waveId);
  const rows = await db
    .select({ id: responses.id, versionId: responses.questionnaireVersionId, answers: responses.answers })
    .from(responses)
    .where(eq(responses.waveId, waveId))
    .orderBy(asc(responses.id));
  const recodes = await listRecodes(db, waveId);
  const defs = new Map<string, QuestionnaireDefinition | undefined>();
  for (const v of new Set(rows.map((r) => r.versionId))) defs.set(v, await loadDefinition(db, v));
  const items = new Map<string, OpenAnswerItem>();
  for (const row of rows) {
    const def = defs.get(row.versionId);
    if (!def) continue;
    const answers = row.answers as Record<string, unknown>;
    for (const v of variablesOf(def)) {
      if (v.kind !== 'other_text' || typeof answers[v.code] !== 'string' || !('options' in v.item)) continue;
      const item = items.get(v.item.code) ?? {
        itemCode: v.item.code,
        label: v.item.label,
        options: v.item.options,
        answers: [],
      };
      items.set(v.item.code, item);
      const history = recodes.filter((r) => r.responseId === row.id && r.itemCode === v.item.code);
      item.answers.push({
        responseId: row.id,
        itemCode: v.item.code,
        optionCode: v.option!.code,
        text: answers[v.code] as string,
        recodedTo: history.at(-1)?.recodedTo ?? null,
        history,
      });
    }
  }
  return [...items.values()];
}

export interface RecodeInput {
  responseId: string;
  itemCode: string;
  recodedTo: string;
}

const invalid = (name: string, code: string, reason: Localised) =>
  new AppError('validation', { detail: reason, invalidParams: [{ name, code, reason }] });

/** Records a recoding of one response's "anders" text into an existing or new option code. */
export async function recodeOpenAnswer(
  db: DbOrTx,
  waveId: string,
  input: RecodeInput,
  actor: Actor,
): Promise<Recode> {
  if (!OPTION_CODE_PATTERN.test(input.recodedTo) || input.recodedTo.length > 64)
    throw invalid('recodedTo', 'invalid_code', {
      nl: 'Dit is geen geldige antwoordcode. Gebruik alleen letters, cijfers, _, - en . (geen spaties), hoogstens 64 tekens.',
      en: 'an option code: letters, digits, _, - and . (no spaces)',
    });
  return db.transaction(async (tx) => {
    await getWave(tx, waveId);
    const [row] = await tx
      .select()
      .from(responses)
      .where(and(eq(responses.id, input.responseId), eq(responses.waveId, waveId)));
    if (!row)
      throw new AppError('not-found', {
        detail: {
          nl: 'Dit antwoord hoort niet bij deze meting. Kies een antwoord uit de lijst.',
          en: 'no such response in this wave',
        },
      });
    const def = await loadDefinition(tx, row.questionnaireVersionId);
    const item =
      def && variablesOf(def).find((v) => v.kind === 'other_text' && v.item.code === input.itemCode);
    const answers = row.answers as Record<string, unknown>;
    const text = item ? answers[otherTextCode(input.itemCode, item.option!.code)] : undefined;
    if (typeof text !== 'string')
      throw invalid('itemCode', 'no_open_answer', {
        nl: `Bij dit antwoord is voor ${input.itemCode} geen tekst ingevuld bij "anders". U kunt het daarom niet hercoderen.`,
        en: `this response has no "anders" text for ${input.itemCode}`,
      });
    const [created] = await tx
      .insert(responseRecodes)
      .values({
        responseId: row.id,
        itemCode: input.itemCode,
        originalText: text,
        recodedTo: input.recodedTo,
        recodedBy: actor.type === 'user' || actor.type === 'token' ? actor.id : null,
      })
      .returning();
    await audit(tx, actor, {
      action: 'responses.recode',
      resourceType: 'response',
      resourceId: row.id,
      diff: { waveId, itemCode: input.itemCode, recodedTo: [null, input.recodedTo] },
    });
    return toRecode(created!);
  });
}

/** Recodes of several responses at once (the page's list). */
export async function recodesOf(db: DbOrTx, responseIds: string[]): Promise<Recode[]> {
  if (!responseIds.length) return [];
  return (
    await db.select().from(responseRecodes).where(inArray(responseRecodes.responseId, responseIds))
  ).map(toRecode);
}
