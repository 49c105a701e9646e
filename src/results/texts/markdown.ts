/**
 * The Markdown subset of narrative texts, rendered with everything escaped (pure). No library: the
 * subset is small and raw HTML must never pass, so every character of the source reaches the page as
 * text except the markup below.
 *
 * Blocks (separated by blank lines): paragraphs; subheadings `### ` and `#### ` (a product section
 * carries its own h2, so `#` and `##` are refused); bullet lists (`- ` or `* `) and numbered lists
 * (`1. `), a line indented by two or more spaces continues the item. Inline: `**strong**`,
 * `*emphasis*` or `_emphasis_`, `[text](https://…)` links (http, https, mailto, or a path in the app
 * starting with `/`), and `\` before any of `\ * _ [ ] ( ) #` for the character itself.
 */
import { escapeHtml } from '../../platform/mail/templates.js';
import { lineIndex, type TextError, textError } from './placeholders.js';

export interface RenderedMarkdown {
  html: string;
  errors: TextError[];
}

type Block =
  | { type: 'p'; lines: Line[] }
  | { type: 'h'; level: 3 | 4; line: Line }
  | { type: 'ul' | 'ol'; items: Line[][] };

interface Line {
  text: string;
  /** Offset of `text` in the source. */
  offset: number;
}

const HEADING = /^(#{1,6})(\s+|$)/;
const BULLET = /^[-*]\s+/;
const NUMBERED = /^\d{1,9}\.\s+/;

export function renderMarkdown(source: string): RenderedMarkdown {
  const at = lineIndex(source);
  const errors: TextError[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  let current: Block | undefined;
  const close = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (const raw of source.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const text = raw.replace(/\r$/, '');
    const trimmed = text.trimStart();
    const indent = text.length - trimmed.length;
    const content: Line = { text: trimmed.trimEnd(), offset: lineStart + indent };
    if (trimmed.trim() === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading && indent < 4) {
      close();
      const level = heading[1]!.length;
      if (level !== 3 && level !== 4) {
        errors.push(
          textError(
            at(content.offset),
            'heading-level',
            'Gebruik ### of #### voor een tussenkop: de paragraaf heeft zelf al een kop.',
            'use ### or #### for a subheading: the section has its own heading',
          ),
        );
      }
      const skip = heading[0].length;
      blocks.push({
        type: 'h',
        level: level <= 3 ? 3 : 4,
        line: { text: content.text.slice(skip), offset: content.offset + skip },
      });
      continue;
    }
    const bullet = BULLET.exec(trimmed) ?? NUMBERED.exec(trimmed);
    if (bullet && indent < 2) {
      const type = BULLET.test(trimmed) ? 'ul' : 'ol';
      if (current?.type !== type) {
        close();
        current = { type, items: [] };
      }
      const skip = bullet[0].length;
      (current as { items: Line[][] }).items.push([
        { text: content.text.slice(skip), offset: content.offset + skip },
      ]);
      continue;
    }
    if (current && current.type !== 'p' && current.type !== 'h' && indent >= 2) {
      current.items.at(-1)!.push(content);
      continue;
    }
    if (current?.type !== 'p') {
      close();
      current = { type: 'p', lines: [] };
    }
    current.lines.push(content);
  }
  close();
  const inline = (lines: Line[]) => lines.map((l) => renderInline(l, at, errors)).join('\n');
  const html = blocks
    .map((b) => {
      switch (b.type) {
        case 'p':
          return `<p>${inline(b.lines)}</p>`;
        case 'h':
          return `<h${b.level}>${inline([b.line])}</h${b.level}>`;
        default:
          return `<${b.type}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${b.type}>`;
      }
    })
    .join('\n');
  return { html, errors };
}

const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '#', '{', '}']);
const SAFE_URL = /^(https?:\/\/[^\s<>"']+|mailto:[^\s<>"']+|\/[^\s<>"']*)$/;

/** Inline markup of one line; unmatched markers are literal text. */
function renderInline(line: Line, at: ReturnType<typeof lineIndex>, errors: TextError[]): string {
  return inline(line.text, line.offset, at, errors);
}

function inline(s: string, base: number, at: ReturnType<typeof lineIndex>, errors: TextError[]): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.has(s[i + 1]!)) {
      out += escapeHtml(s[i + 1]!);
      i += 2;
      continue;
    }
    if (s.startsWith('**', i)) {
      const end = s.indexOf('**', i + 2);
      if (end > i + 2) {
        out += `<strong>${inline(s.slice(i + 2, end), base + i + 2, at, errors)}</strong>`;
        i = end + 2;
        continue;
      }
    }
    const wordBefore = i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]!);
    if ((c === '*' || (c === '_' && !wordBefore)) && s[i + 1] !== c && s[i + 1] !== ' ' && i + 1 < s.length) {
      const end = findClosing(s, c, i + 1);
      if (end > i + 1) {
        out += `<em>${inline(s.slice(i + 1, end), base + i + 1, at, errors)}</em>`;
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const mid = s.indexOf('](', i + 1);
      const end = mid < 0 ? -1 : s.indexOf(')', mid + 2);
      if (mid > i + 1 && end > mid + 2) {
        const url = s.slice(mid + 2, end).trim();
        const label = inline(s.slice(i + 1, mid), base + i + 1, at, errors);
        if (SAFE_URL.test(url) && !url.startsWith('//')) out += `<a href="${escapeHtml(url)}">${label}</a>`;
        else {
          errors.push(
            textError(
              at(base + mid + 2),
              'unsafe-link',
              'Een link moet beginnen met https://, http://, mailto: of /.',
              'a link must start with https://, http://, mailto: or /',
            ),
          );
          out += label;
        }
        i = end + 1;
        continue;
      }
    }
    out += escapeHtml(c);
    i++;
  }
  return out;
}

/** The closing emphasis marker (not preceded by a space, not doubled). */
function findClosing(s: string, marker: string, from: number): number {
  for (let j = from + 1; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    const wordAfter = j + 1 < s.length && /[\p{L}\p{N}]/u.test(s[j + 1]!);
    if (s[j] === marker && s[j - 1] !== ' ' && s[j + 1] !== marker && !(marker === '_' && wordAfter))
      return j;
  }
  return -1;
}

/** A plain text as Markdown text: every markup character backslash-escaped (for resolved values). */
export function markdownLiteral(text: string): string {
  return text.replace(/[\\*_[\]()#{}]/g, (c) => `\\${c}`);
}
