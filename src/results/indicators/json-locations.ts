/**
 * Where things are in a JSON text (pure): the line and column (1-based) of a syntax error, and of the
 * value at a path such as `[2].numerator`, so an import error can say `file:line:column`.
 */
export interface Position {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

/** The position of a JSON.parse error (Node: "… in JSON at position N"), or 1:1. */
export function syntaxErrorPosition(text: string, err: Error): Position {
  const m = /position (\d+)/.exec(err.message);
  if (m) return positionAt(text, Number(m[1]));
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  return positionAt(text, text.length);
}

/**
 * Offsets of every value in a valid JSON text, by path (`[0]`, `[0].numerator`, `[0].breakdowns[1]`).
 * A small scanner: JSON.parse has already accepted the text.
 */
export function valueOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    out.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // :
        value(path ? `${path}.${key}` : key);
        ws();
        if (text[i++] === '}') return;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        ws();
        if (text[i++] === ']') return;
      }
    } else if (c === '"') str();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  value('');
  return out;
}

/** The position of the value at `path`, or of its nearest enclosing value. */
export function positionOf(text: string, offsets: Map<string, number>, path: string): Position {
  let p = path;
  for (;;) {
    const at = offsets.get(p);
    if (at !== undefined) return positionAt(text, at);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0)
      return positionAt(text, offsets.get(p.startsWith('[') ? p.slice(0, p.indexOf(']') + 1) : '') ?? 0);
    p = p.slice(0, cut);
  }
}
