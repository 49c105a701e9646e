/**
 * Type checks of an indicator's expressions against its questionnaire (pure): a choice item compared
 * with a value that is not one of its options, a choice item compared with a number, a number item
 * compared with text, or `selected()` on an item that is not a multiple choice. Each problem names the
 * item and the value, so the researcher sees what to change.
 */
import type { Expr } from '../../monitor/questionnaires/expression.js';
import type { QuestionnaireDefinition, Variable } from '../../monitor/questionnaires/model.js';
import { variablesOf } from '../../monitor/questionnaires/model.js';

export interface TypeProblem {
  item: string;
  nl: string;
  en: string;
}

const comparisons = new Set(['=', '!=', '<', '<=', '>', '>=']);

function optionsOf(v: Variable): string[] | undefined {
  const item = v.item as { options?: Array<{ code: string }> };
  if (v.kind === 'single_choice' || v.kind === 'multiple_choice' || v.kind === 'matrix_row')
    return item.options?.map((o) => o.code);
  return undefined;
}

/** The type problems of one parsed expression (empty when it is consistent with the questionnaire). */
export function typeProblems(expr: Expr, def: QuestionnaireDefinition): TypeProblem[] {
  const vars = new Map(variablesOf(def).map((v) => [v.code, v]));
  const out: TypeProblem[] = [];
  const literal = (ref: string, other: Expr) => {
    const v = vars.get(ref);
    if (!v) return;
    const options = optionsOf(v);
    if (options && other.kind === 'number')
      out.push({
        item: ref,
        nl: `${ref} is een keuzevraag; vergelijk met een antwoordcode (${options.slice(0, 6).join(', ')}), niet met het getal ${other.value}.`,
        en: `${ref} is a choice item: compare it with an option code (${options.slice(0, 6).join(', ')}), not with the number ${other.value}`,
      });
    else if (options && other.kind === 'string' && other.value !== '' && !options.includes(other.value))
      out.push({
        item: ref,
        nl: `'${other.value}' is geen antwoordcode van ${ref} (wel: ${options.slice(0, 8).join(', ')}).`,
        en: `'${other.value}' is not an option of ${ref} (options: ${options.slice(0, 8).join(', ')})`,
      });
    else if (v.kind === 'number' && other.kind === 'string' && other.value !== '')
      out.push({
        item: ref,
        nl: `${ref} is een getalvraag; vergelijk met een getal, niet met de tekst '${other.value}'.`,
        en: `${ref} is a number item: compare it with a number, not with the text '${other.value}'`,
      });
  };
  const walk = (e: Expr): void => {
    if (e.kind === 'binary') {
      if (comparisons.has(e.op)) {
        if (e.left.kind === 'ref') literal(e.left.name, e.right);
        if (e.right.kind === 'ref') literal(e.right.name, e.left);
      }
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'neg') walk(e.arg);
    else if (e.kind === 'call') {
      if (e.fn === 'selected' && e.args[0]?.kind === 'ref') {
        const ref = e.args[0].name;
        const v = vars.get(ref);
        const multiple =
          v &&
          (v.kind === 'multiple_choice' ||
            (v.kind === 'matrix_row' && (v.item as { multiple?: boolean }).multiple));
        if (v && !multiple)
          out.push({
            item: ref,
            nl: `selected() werkt alleen op een meerkeuzevraag; ${ref} is dat niet (gebruik =).`,
            en: `selected() needs a multiple-choice item; ${ref} is not one (use =)`,
          });
        else if (v && e.args[1]?.kind === 'string') literal(ref, e.args[1]);
      }
      for (const a of e.args) walk(a);
    }
  };
  walk(expr);
  return out;
}
