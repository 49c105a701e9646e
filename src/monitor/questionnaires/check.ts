/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Structural checks of a definition that the zod schema cannot express: unique codes, parseable
 * expressions, references only to earlier answers (or context variables), consistent options.
 * Every problem is reported, with the JSON path of the offending value.
 */
import type { z } from 'zod';
import type { Localised } from '../../platform/errors.js';
import { zodReason } from '../../platform/i18n/zod-issues.js';
import { type Expr, parseExpression, referencesOf } from './expression.js';
import { type Item, type LocalText, otherTextCode, type QuestionnaireDefinition } from './model.js';

export interface DefinitionProblem {
  /** JSON path, e.g. `sections[1].items[4].relevant`. */
  path: string;
  /** Machine-readable: duplicate_code, bad_expression, unknown_reference, forward_reference, … */
  code: string;
  /** In Dutch (B1, "u") and English. */
  message: Localised;
  /** For expressions: 0-based position in the expression text. */
  position?: number;
}

const PIPE = /\$\{([^}]*)\}/g;

/** The Dutch of the definition schema's own messages (zod keeps them in English only). */
const schemaMessagesNl: Record<string, string> = {
  'a code starts with a letter and has only letters, digits and _':
    'Een code begint met een letter en heeft alleen letters, cijfers en _.',
  'an option code has only letters, digits, _, - and . (no spaces)':
    'Een antwoordcode heeft alleen letters, cijfers, _, - en . (geen spaties).',
  'Dutch text is required': 'De Nederlandse tekst is verplicht. Vul die in.',
};

/** A zod issue of the definition schema in Dutch and English. */
export function schemaIssueReason(issue: z.core.$ZodIssue): Localised {
  const nl = schemaMessagesNl[issue.message];
  return nl ? { nl, en: issue.message } : zodReason(issue);
}

/** What a reference check is about, as the start of a sentence. */
type Checked = 'relevant' | 'constraint' | 'text';
const checkedNl: Record<Checked, string> = {
  relevant: 'De voorwaarde (relevant)',
  constraint: 'De controle (constraint)',
  text: 'De tekst',
};

/** `${name}` references in a text (labels, hints). */
export function pipedReferences(text: string): string[] {
  return [...text.matchAll(PIPE)].map((m) => m[1]!.trim());
}

type Known = { kind: 'answer' | 'context' | 'matrix' | 'note'; order: number };

export function checkDefinition(def: QuestionnaireDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, code: string, message: Localised, position?: number) =>
    problems.push(position === undefined ? { path, code, message } : { path, code, message, position });

  // Pass 1: every name and where it is first defined (order = item index; context = -1).
  const known = new Map<string, Known>();
  const firstPath = new Map<string, string>();
  const claim = (name: string, path: string, k: Known) => {
    const earlier = firstPath.get(name);
    if (earlier) {
      add(path, 'duplicate_code', {
        nl: `De code '${name}' is al gebruikt bij ${earlier}. Kies een andere code.`,
        en: `code '${name}' is already used at ${earlier}`,
      });
      return;
    }
    firstPath.set(name, path);
    known.set(name, k);
  };
  (def.context ?? []).forEach((c, i) => {
    claim(c.name, `context[${i}].name`, { kind: 'context', order: -1 });
  });
  const sectionIds = new Map<string, number>();
  let order = 0;
  def.sections.forEach((section, s) => {
    const prev = sectionIds.get(section.id);
    if (prev !== undefined)
      add(`sections[${s}].id`, 'duplicate_section', {
        nl: `Het id '${section.id}' is ook het id van onderdeel ${prev + 1}. Geef elk onderdeel een eigen id.`,
        en: `section id '${section.id}' is also section ${prev + 1}`,
      });
    else sectionIds.set(section.id, s);
    section.items.forEach((item, i) => {
      const path = `sections[${s}].items[${i}]`;
      const kind = item.type === 'note' ? 'note' : item.type === 'matrix' ? 'matrix' : 'answer';
      claim(item.code, `${path}.code`, { kind, order });
      if (item.type === 'matrix')
        item.rows.forEach((row, r) => {
          claim(row.code, `${path}.rows[${r}].code`, { kind: 'answer', order });
        });
      if (item.type === 'single_choice' || item.type === 'multiple_choice')
        item.options.forEach((o, k) => {
          if (o.other)
            claim(otherTextCode(item.code, o.code), `${path}.options[${k}]`, { kind: 'answer', order });
        });
      order++;
    });
  });

  // Pass 2: per item.
  order = 0;
  const checkRefs = (names: string[], path: string, before: number, what: Checked, self?: string[]) => {
    const w = checkedNl[what];
    for (const name of names) {
      if (self?.includes(name)) continue;
      const k = known.get(name);
      if (!k)
        add(path, 'unknown_reference', {
          nl: `${w} verwijst naar \${${name}}, maar dat is geen vraag en geen contextvariabele. Controleer de naam.`,
          en: `${what} refers to \${${name}}, which is not a question or context variable`,
        });
      else if (k.kind === 'note')
        add(path, 'bad_reference', {
          nl: `${w} verwijst naar \${${name}}. Dat is een toelichting (note) en die heeft geen antwoord.`,
          en: `${what} refers to \${${name}}, a note, which has no answer`,
        });
      else if (k.kind === 'matrix')
        add(path, 'bad_reference', {
          nl: `${w} verwijst naar \${${name}}. Dat is een matrix: verwijs naar een van de rijen.`,
          en: `${what} refers to \${${name}}, a matrix; refer to one of its rows`,
        });
      else if (k.kind !== 'context' && k.order >= before)
        add(path, 'forward_reference', {
          nl: `${w} verwijst naar \${${name}}, maar die vraag komt pas later. Verwijs alleen naar eerdere vragen.`,
          en: `${what} refers to \${${name}}, which is not asked before this point`,
        });
    }
  };
  const checkExpr = (
    src: string | undefined,
    path: string,
    before: number,
    what: Checked,
    self?: string[],
  ) => {
    if (src === undefined) return;
    const r = parseExpression(src);
    if (!r.ok) {
      const at = r.error.position + 1;
      add(
        path,
        'bad_expression',
        {
          nl: `${checkedNl[what]}: ${r.error.message.nl} (bij teken ${at}). Verbeter de expressie.`,
          en: `${what}: ${r.error.message.en} (at character ${at})`,
        },
        r.error.position,
      );
      return;
    }
    checkRefs(referencesOf(r.expr), path, before, what, self);
    return r.expr as Expr;
  };
  const checkText = (text: LocalText | undefined, path: string, before: number) => {
    if (!text) return;
    for (const lang of ['nl', 'en'] as const) {
      const t = text[lang];
      if (t) checkRefs(pipedReferences(t), `${path}.${lang}`, before, 'text');
    }
  };

  checkText(def.title, 'title', 0);
  def.sections.forEach((section, s) => {
    const sp = `sections[${s}]`;
    checkText(section.title, `${sp}.title`, order);
    checkExpr(section.relevant, `${sp}.relevant`, order, 'relevant');
    section.items.forEach((item, i) => {
      const path = `${sp}.items[${i}]`;
      checkText(item.label, `${path}.label`, order);
      checkText(item.hint, `${path}.hint`, order);
      checkExpr(item.relevant, `${path}.relevant`, order, 'relevant');
      if ('constraint' in item)
        checkExpr(item.constraint, `${path}.constraint`, order, 'constraint', [item.code]);
      checkItem(item, path, add);
      if (item.type === 'matrix') {
        item.rows.forEach((row, r) => {
          checkText(row.label, `${path}.rows[${r}].label`, order);
          checkExpr(row.relevant, `${path}.rows[${r}].relevant`, order, 'relevant');
        });
      }
      if ('options' in item)
        item.options.forEach((o, k) => {
          checkText(o.label, `${path}.options[${k}].label`, order);
        });
      order++;
    });
  });
  return problems;
}

function checkItem(item: Item, path: string, add: (path: string, code: string, message: Localised) => void) {
  if ('options' in item) {
    const seen = new Set<string>();
    item.options.forEach((o, k) => {
      if (seen.has(o.code))
        add(`${path}.options[${k}].code`, 'duplicate_option', {
          nl: `De antwoordcode '${o.code}' staat twee keer in ${item.code}. Geef elke keuze een eigen code.`,
          en: `option code '${o.code}' appears twice in ${item.code}`,
        });
      seen.add(o.code);
      if (o.exclusive && item.type !== 'multiple_choice' && !(item.type === 'matrix' && item.multiple))
        add(`${path}.options[${k}].exclusive`, 'bad_exclusive', {
          nl: 'Alleen keuzes van een vraag met meer antwoorden (multiple choice) kunnen exclusief zijn. Haal exclusive weg.',
          en: 'only options of a multiple choice can be exclusive',
        });
      if (o.other && item.type === 'matrix')
        add(`${path}.options[${k}].other`, 'bad_other', {
          nl: '"Anders, namelijk" kan niet in een matrix. Haal deze keuze weg.',
          en: '"anders, namelijk" is not possible in a matrix',
        });
    });
    if (item.options.filter((o) => o.other).length > 1)
      add(`${path}.options`, 'bad_other', {
        nl: `${item.code} heeft meer dan één keuze "anders, namelijk". Houd er één over.`,
        en: `${item.code} has more than one "anders, namelijk" option`,
      });
  }
  if (item.type === 'number' && item.min !== undefined && item.max !== undefined && item.min > item.max)
    add(`${path}.min`, 'bad_range', {
      nl: `Het minimum ${item.min} is hoger dan het maximum ${item.max}. Pas een van de twee aan.`,
      en: `minimum ${item.min} is above maximum ${item.max}`,
    });
}
