/**
 * Mail templates: subject, plain text and (optionally) HTML, in Dutch and English, with `{placeholders}`.
 * Values are inserted as they are into the subject and the text part, and HTML-escaped into the HTML part.
 * Without an explicit HTML version, the HTML part is made from the text: paragraphs, line breaks, links.
 */
import type { Lang } from '../errors.js';

export interface MailTemplate {
  subject: Record<Lang, string>;
  text: Record<Lang, string>;
  /** HTML body fragment (no <html>/<body>); placeholders are escaped. Default: derived from the text. */
  html?: Record<Lang, string>;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailParams = Record<string, string | number>;

export const defineMailTemplate = (t: MailTemplate): MailTemplate => t;

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Replaces `{name}`; an unknown placeholder is an error (a mail with `{link}` in it is worse than none). */
export function fill(template: string, params: MailParams, encode: (v: string) => string = (v) => v): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`mail template placeholder {${name}} has no value`);
    return encode(String(params[name]));
  });
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** Plain text → safe HTML: escaped, paragraphs on blank lines, line breaks, http(s) links clickable. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((para) => {
      const escaped = escapeHtml(para).replace(URL_RE, (u) => `<a href="${u}">${u}</a>`);
      return `<p>${escaped.replaceAll('\n', '<br>\n')}</p>`;
    })
    .join('\n');
}

function htmlDocument(lang: Lang, subject: string, body: string): string {
  return (
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em">\n${body}\n</body></html>\n`
  );
}

export function renderMail(template: MailTemplate, lang: Lang, params: MailParams = {}): RenderedMail {
  const subject = fill(template.subject[lang], params).replace(/[\r\n]+/g, ' ');
  const text = fill(template.text[lang], params);
  const body = template.html ? fill(template.html[lang], params, escapeHtml) : textToHtml(text);
  return { subject, text, html: htmlDocument(lang, subject, body) };
}

/** The mail `weerbaar mail test` sends. */
export const testMailTemplate = defineMailTemplate({
  subject: { nl: 'Testbericht van Weerbaar', en: 'Test message from Weerbaar' },
  text: {
    nl: 'Dit is een testbericht van Weerbaar, verstuurd op {time}.\n\nAls u dit leest, werkt het versturen van e-mail.\n\n{url}',
    en: 'This is a test message from Weerbaar, sent at {time}.\n\nIf you can read this, sending mail works.\n\n{url}',
  },
});
