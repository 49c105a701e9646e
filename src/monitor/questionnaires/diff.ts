/**
 * What changed between two versions of a questionnaire definition, for the researcher to check before
 * publishing: the title, and per section and item (by id and code) whether it was added, removed or
 * changed. Equality ignores key order (jsonb stores keys in its own order).
 */
import type { LocalText, QuestionnaireDefinition } from './model.js';

export type ChangeKind = 'added' | 'removed' | 'changed';
export interface DefinitionChange {
  kind: ChangeKind;
  /** title | section | item */
  what: 'title' | 'section' | 'item';
  /** The section id or item code ('' for the title). */
  code: string;
  /** The label (or title) in the newer version, else the older one. */
  label: LocalText;
}

/** JSON with the keys of every object sorted: equal for equal content whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

export const sameDefinition = (a: QuestionnaireDefinition, b: QuestionnaireDefinition) =>
  canonicalJson(a) === canonicalJson(b);

type Entry = { what: 'section' | 'item'; code: string; label: LocalText; json: string };

function entriesOf(def: QuestionnaireDefinition): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const s of def.sections) {
    const { items, ...section } = s;
    out.set(`section:${s.id}`, { what: 'section', code: s.id, label: s.title, json: canonicalJson(section) });
    for (const item of items) {
      const label = item.label;
      out.set(`item:${item.code}`, {
        what: 'item',
        code: item.code,
        label,
        // Where an item sits is part of it: moving it to another section is a change.
        json: canonicalJson({ item, section: s.id }),
      });
    }
  }
  return out;
}

/** The changes from `before` to `after`, in the order of `after` (removed ones at the end). */
export function diffDefinitions(
  before: QuestionnaireDefinition,
  after: QuestionnaireDefinition,
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  if (
    canonicalJson(before.title) !== canonicalJson(after.title) ||
    canonicalJson(before.context) !== canonicalJson(after.context)
  )
    changes.push({ kind: 'changed', what: 'title', code: '', label: after.title });
  const old = entriesOf(before);
  const now = entriesOf(after);
  for (const [key, e] of now) {
    const was = old.get(key);
    if (!was) changes.push({ kind: 'added', what: e.what, code: e.code, label: e.label });
    else if (was.json !== e.json)
      changes.push({ kind: 'changed', what: e.what, code: e.code, label: e.label });
  }
  for (const [key, e] of old)
    if (!now.has(key)) changes.push({ kind: 'removed', what: e.what, code: e.code, label: e.label });
  return changes;
}
