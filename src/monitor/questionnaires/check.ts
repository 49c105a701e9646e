/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Structural checks of a definition that the zod schema cannot express: unique codes, parseable
 * expressions, references only to earlier answers (or context variables), consistent options.
 * Every problem is reported, with the JSON path of the offending value.
 */
import { type Expr, parseExpression, referencesOf } from './expression.js';
import { type Item, type LocalText, otherTextCode, type QuestionnaireDefinition } from './model.js';

export interface DefinitionProblem {
  /** JSON path, e.g. `sections[1].items[4].relevant`. */
  path: string;
  /** Machine-readable: duplicate_code, bad_expression, unknown_reference, forward_reference, … */
  code: string;
  message: string;
  /** For expressions: 0-based position in the expression text. */
  position?: number;
}

const PIPE = /\$\{([^}]*)\}/g;

/** `${name}` references in a text (labels, hints). */
export function pipedReferences(text: string): string[] {
  return [...text.matchAll(PIPE)].map((m) => m[1]!.trim());
}

type Known = { kind: 'answer' | 'context' | 'matrix' | 'note'; order: number };

export function checkDefinition(def: QuestionnaireDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, code: string, message: string, position?: number) =>
    problems.push(position === undefined ? { path, code, message } : { path, code, message, position });

  // Pass 1: every name and where it is first defined (order = item index; context = -1).
  const known = new Map<string, Known>();
  const firstPath = new Map<string, string>();
  const claim = (name: string, path: string, k: Known) => {
    const earlier = firstPath.get(name);
    if (earlier) {
      add(path, 'duplicate_code', `code '${name}' is already used at ${earlier}`);
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
      add(`sections[${s}].id`, 'duplicate_section', `section id '${section.id}' is also section ${prev + 1}`);
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
  const checkRefs = (names: string[], path: string, before: number, what: string, self?: string[]) => {
    for (const name of names) {
      if (self?.includes(name)) continue;
      const k = known.get(name);
      if (!k)
        add(
          path,
          'unknown_reference',
          `${what} refers to \${${name}}, which is not a question or context variable`,
        );
      else if (k.kind === 'note')
        add(path, 'bad_reference', `${what} refers to \${${name}}, a note, which has no answer`);
      else if (k.kind === 'matrix')
        add(path, 'bad_reference', `${what} refers to \${${name}}, a matrix; refer to one of its rows`);
      else if (k.kind !== 'context' && k.order >= before)
        add(path, 'forward_reference', `${what} refers to \${${name}}, which is not asked before this point`);
    }
  };
  const checkExpr = (
    src: string | undefined,
    path: string,
    before: number,
    what: string,
    self?: string[],
  ) => {
    if (src === undefined) return;
    const r = parseExpression(src);
    if (!r.ok) {
      add(
        path,
        'bad_expression',
        `${what}: ${r.error.message} (at character ${r.error.position + 1})`,
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

function checkItem(item: Item, path: string, add: (path: string, code: string, message: string) => void) {
  if ('options' in item) {
    const seen = new Set<string>();
    item.options.forEach((o, k) => {
      if (seen.has(o.code))
        add(
          `${path}.options[${k}].code`,
          'duplicate_option',
          `option code '${o.code}' appears twice in ${item.code}`,
        );
      seen.add(o.code);
      if (o.exclusive && item.type !== 'multiple_choice' && !(item.type === 'matrix' && item.multiple))
        add(
          `${path}.options[${k}].exclusive`,
          'bad_exclusive',
          'only options of a multiple choice can be exclusive',
        );
      if (o.other && item.type === 'matrix')
        add(`${path}.options[${k}].other`, 'bad_other', '"anders, namelijk" is not possible in a matrix');
    });
    if (item.options.filter((o) => o.other).length > 1)
      add(`${path}.options`, 'bad_other', `${item.code} has more than one "anders, namelijk" option`);
  }
  if (item.type === 'number' && item.min !== undefined && item.max !== undefined && item.min > item.max)
    add(`${path}.min`, 'bad_range', `minimum ${item.min} is above maximum ${item.max}`);
}
