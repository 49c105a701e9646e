/**
 * The placeholders of a narrative text (pure): `{{kind indicator option=value … flag}}` inside Markdown,
 * e.g. `{{value agr_any_12m}}`, `{{value agr_any_12m role=raadslid}}`, `{{change agr_any_12m since=2022}}`.
 * The syntax is documented in docs/texts.md. The parser never throws: it returns the text's segments
 * and every error with its line and column (1-based), so the editor can show each one beside the text.
 */
import type { Localised } from '../../platform/errors.js';

export const placeholderKinds = ['value', 'ci', 'n', 'change', 'label'] as const;
export type PlaceholderKind = (typeof placeholderKinds)[number];

/** A place in the source: offset (0-based, UTF-16 units), line and column (1-based). */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

export interface TextError {
  line: number;
  column: number;
  /** Stable machine-readable reason, e.g. `unknown-indicator`. */
  code: string;
  message: Localised;
}

export interface Placeholder {
  kind: PlaceholderKind;
  indicator: string;
  /** `name=value` options in the order written (breakdowns, wave, since, show). */
  options: Record<string, string>;
  /** Bare words after the indicator (e.g. `all`). */
  flags: string[];
  /** Where `{{` starts and where the placeholder ends (after `}}`). */
  start: Position;
  end: Position;
  /** The placeholder as written, `{{` … `}}` included. */
  source: string;
}

export type Segment = { type: 'text'; text: string } | { type: 'placeholder'; placeholder: Placeholder };

export interface ParsedText {
  segments: Segment[];
  errors: TextError[];
}

const INDICATOR = /^[a-z][a-z0-9_]{0,63}$/;
const NAME = /^[a-z][a-z0-9_]{0,31}$/;
const VALUE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const FLAG = /^[a-z][a-z0-9_]{0,31}$/;

/** Line starts of a text, for offset → line/column. */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

export const textError = (at: Position, code: string, nl: string, en: string): TextError => ({
  line: at.line,
  column: at.column,
  code,
  message: { nl, en },
});

/**
 * Splits a text into literal text and placeholders. `\{{` writes a literal `{{`. Text segments never
 * contain a placeholder; adjacent text is merged.
 */
export function parseText(source: string): ParsedText {
  const at = lineIndex(source);
  const segments: Segment[] = [];
  const errors: TextError[] = [];
  let text = '';
  const flush = () => {
    if (text) segments.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!source.startsWith('{{', i)) {
      text += source[i];
      i++;
      continue;
    }
    const close = source.indexOf('}}', i + 2);
    const newline = source.indexOf('\n', i + 2);
    if (close < 0 || (newline >= 0 && newline < close)) {
      errors.push(
        textError(
          at(i),
          'unclosed',
          'Deze plaatshouder is niet afgesloten met }} op dezelfde regel.',
          'this placeholder is not closed with }} on the same line',
        ),
      );
      // keep the rest of the line as text, so nothing is lost
      const end = newline < 0 ? source.length : newline;
      text += source.slice(i, end);
      i = end;
      continue;
    }
    const raw = source.slice(i, close + 2);
    const parsed = parsePlaceholder(raw, i, at, errors);
    if (parsed) {
      flush();
      segments.push({ type: 'placeholder', placeholder: parsed });
    } else text += raw;
    i = close + 2;
  }
  flush();
  return { segments, errors };
}

function parsePlaceholder(
  raw: string,
  offset: number,
  at: (offset: number) => Position,
  errors: TextError[],
): Placeholder | undefined {
  const inner = raw.slice(2, -2);
  const tokens: Array<{ text: string; offset: number }> = [];
  const re = /\S+/g;
  for (let m = re.exec(inner); m; m = re.exec(inner))
    tokens.push({ text: m[0], offset: offset + 2 + m.index });
  const before = errors.length;
  const [kind, indicator, ...rest] = tokens;
  if (!kind) {
    errors.push(textError(at(offset), 'empty', 'Deze plaatshouder is leeg.', 'this placeholder is empty'));
    return undefined;
  }
  if (!(placeholderKinds as readonly string[]).includes(kind.text))
    errors.push(
      textError(
        at(kind.offset),
        'unknown-kind',
        `Onbekende soort ${kind.text}: gebruik ${placeholderKinds.join(', ')}.`,
        `unknown kind ${kind.text}: use ${placeholderKinds.join(', ')}`,
      ),
    );
  if (!indicator)
    errors.push(
      textError(
        at(kind.offset + kind.text.length),
        'missing-indicator',
        'Noem na de soort de code van een indicator.',
        'name an indicator code after the kind',
      ),
    );
  else if (!INDICATOR.test(indicator.text))
    errors.push(
      textError(
        at(indicator.offset),
        'invalid-indicator',
        `${indicator.text} is geen indicatorcode (kleine letters, cijfers en _).`,
        `${indicator.text} is not an indicator code (lower-case letters, digits and _)`,
      ),
    );
  const options: Record<string, string> = {};
  const flags: string[] = [];
  for (const token of rest) {
    const eq = token.text.indexOf('=');
    if (eq < 0) {
      if (FLAG.test(token.text) && !flags.includes(token.text)) flags.push(token.text);
      else
        errors.push(
          textError(
            at(token.offset),
            'invalid-option',
            `${token.text} is geen geldige optie: schrijf naam=waarde.`,
            `${token.text} is not a valid option: write name=value`,
          ),
        );
      continue;
    }
    const name = token.text.slice(0, eq);
    const value = token.text.slice(eq + 1);
    if (!NAME.test(name) || !VALUE.test(value)) {
      errors.push(
        textError(
          at(token.offset),
          'invalid-option',
          `${token.text} is geen geldige optie: schrijf naam=waarde met letters, cijfers, _ . of -.`,
          `${token.text} is not a valid option: write name=value with letters, digits, _ . or -`,
        ),
      );
      continue;
    }
    if (Object.hasOwn(options, name)) {
      errors.push(
        textError(
          at(token.offset),
          'duplicate-option',
          `De optie ${name} staat er twee keer.`,
          `option ${name} is given twice`,
        ),
      );
      continue;
    }
    options[name] = value;
  }
  if (errors.length > before || !indicator) return undefined;
  return {
    kind: kind.text as PlaceholderKind,
    indicator: indicator.text,
    options,
    flags,
    start: at(offset),
    end: at(offset + raw.length),
    source: raw,
  };
}

/** Writes a placeholder back in its canonical form (one space between tokens). */
export function formatPlaceholder(p: Pick<Placeholder, 'kind' | 'indicator' | 'options' | 'flags'>): string {
  const parts = [p.kind, p.indicator, ...Object.entries(p.options).map(([k, v]) => `${k}=${v}`), ...p.flags];
  return `{{${parts.join(' ')}}}`;
}
