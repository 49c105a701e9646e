/**
 * Mail templates: subject, plain text and (optionally) HTML, in Dutch and English, with `{placeholders}`.
 * Values are inserted as they are into the subject and the text part, and HTML-escaped into the HTML part.
 * Without an explicit HTML version, the HTML part is made from the template's text: paragraphs, line
 * breaks, and links — only the template's own: URLs written in the template, and the placeholders it
 * names in `links` (the respondent's link, the opt-out link). Every other value (a name or an
 * organisation from a sample frame) is escaped and never a link: not by us, and, as far as we can
 * prevent it, not by the mail client either (a zero-width space breaks `://` and `.` in the HTML part,
 * so `http://evil.example` is not auto-linked). Issue 13, row 13.
 */
import type { Lang } from '../errors.js';

export interface MailTemplate {
  subject: Record<Lang, string>;
  text: Record<Lang, string>;
  /** HTML body fragment (no <html>/<body>); placeholders are escaped. Default: derived from the text. */
  html?: Record<Lang, string>;
  /** Placeholders whose values are Weerbaar's own http(s) URLs: links in the HTML part. No others are. */
  links?: readonly string[];
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
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A value that is text, not a link, for the HTML part: escaped, and with a zero-width space after
 * `:` before `//` and after `.` before a letter or digit, so that no mail client turns it into a link.
 */
export function inertHtml(value: string): string {
  return escapeHtml(value)
    .replace(/:(?=\/\/)/g, ':\u200b')
    .replace(/\.(?=[\p{L}\p{N}])/gu, '.\u200b')
    .replace(/@(?=[\p{L}\p{N}])/gu, '@\u200b');
}

const linkHtml = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;

/** The template's own text → HTML: escaped, its http(s) URLs clickable. */
const literalHtml = (text: string) => escapeHtml(text).replace(URL_RE, (u) => `<a href="${u}">${u}</a>`);

/** Plain text → safe HTML: escaped, paragraphs on blank lines, line breaks, http(s) links clickable. */
export function textToHtml(text: string): string {
  return templateToHtml(text, {}, []);
}

/**
 * A text template → safe HTML: paragraphs on blank lines, line breaks; URLs written in the template and
 * the `links` placeholders (when their value is an http(s) URL) are links; every other value is inert.
 */
export function templateToHtml(template: string, params: MailParams, links: readonly string[]): string {
  return template
    .trim()
    .split(/\n{2,}/)
    .map((para) => {
      let html = '';
      let at = 0;
      for (const m of para.matchAll(PLACEHOLDER)) {
        html += literalHtml(para.slice(at, m.index));
        at = m.index + m[0].length;
        const name = m[1]!;
        if (!(name in params)) throw new Error(`mail template placeholder {${name}} has no value`);
        const value = String(params[name]);
        html +=
          links.includes(name) && /^https?:\/\/[^\s<>"']+$/.test(value) ? linkHtml(value) : inertHtml(value);
      }
      html += literalHtml(para.slice(at));
      return `<p>${html.replaceAll('\n', '<br>\n')}</p>`;
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
  const body = template.html
    ? fill(template.html[lang], params, inertHtml)
    : templateToHtml(template.text[lang], params, template.links ?? []);
  return { subject, text, html: htmlDocument(lang, subject, body) };
}

/** The mail `weerbaar mail test` sends. */
export const testMailTemplate = defineMailTemplate({
  subject: { nl: 'Testbericht van Weerbaar', en: 'Test message from Weerbaar' },
  text: {
    nl: 'Dit is een testbericht van Weerbaar, verstuurd op {time}.\n\nAls u dit leest, werkt het versturen van e-mail.\n\n{url}',
    en: 'This is a test message from Weerbaar, sent at {time}.\n\nIf you can read this, sending mail works.\n\n{url}',
  },
  links: ['url'],
});
