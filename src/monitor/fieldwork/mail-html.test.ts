/**
 * The invitation mail's HTML part: only the template's own links are links; a name or organisation
 * from the sample frame that holds a URL or markup stays inert text (issue 13, row 13).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { renderWaveMail } from './invitations.js';
import { defaultMailTemplates } from './model.js';

const LINK = 'https://weerbaar.example/r/abcDEF123';
const OPT_OUT = `${LINK}/afmelden`;
const hrefs = (html: string) => [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
/** What a mail client would auto-link in the visible text. */
const linkable = (html: string) =>
  html
    .replace(/<a\b[^>]*>.*?<\/a>/g, '')
    .replace(/<[^>]+>/g, '')
    .match(/\b(https?:\/\/|www\.)[\w-]|\b[a-z0-9-]+\.(example|nl|com)\b/gi) ?? [];

test('a frame name or organisation with a URL is not a link in the invitation or reminder', () => {
  for (const kind of ['invitation', 'reminder'] as const) {
    for (const lang of ['nl', 'en'] as const) {
      const m = renderWaveMail(defaultMailTemplates, kind, lang, {
        name: 'http://evil.example/phish <a href="https://evil.example">klik</a>',
        link: LINK,
        optOutLink: OPT_OUT,
        organisation: 'www.evil.example',
        end: '2026-12-31',
      });
      assert.deepEqual(hrefs(m.html), [LINK, OPT_OUT], `${kind} ${lang}`);
      assert.deepEqual(linkable(m.html), [], `${kind} ${lang}: ${m.html}`);
      assert.match(m.html, /&lt;a href=&quot;/, 'markup from the frame is escaped');
      assert.match(m.text, /http:\/\/evil\.example\/phish/, 'the text part keeps the value as it is');
    }
  }
});

test('property: whatever the frame holds, the HTML has exactly the two links of the template', () => {
  fc.assert(
    fc.property(
      fc.string({
        unit: fc.constantFrom(
          'http',
          'https',
          '://',
          'www',
          '.',
          'evil',
          'nl',
          '/',
          '<a href="',
          '">',
          ' ',
          '@',
          'x',
        ),
      }),
      fc.string(),
      (name, organisation) => {
        const m = renderWaveMail(defaultMailTemplates, 'invitation', 'nl', {
          name,
          link: LINK,
          optOutLink: OPT_OUT,
          organisation,
          end: null,
        });
        assert.deepEqual(hrefs(m.html), [LINK, OPT_OUT]);
        assert.doesNotMatch(m.html.replace(/<a\b[^>]*>.*?<\/a>/g, ''), /https?:\/\/|www\.[a-z]/i);
      },
    ),
    { numRuns: 300 },
  );
});

test("a researcher's own URL in the template body is still a link", () => {
  const templates = structuredClone(defaultMailTemplates);
  templates.invitation.nl.body += '\n\nMeer informatie: https://www.gemeente.example/monitor';
  const m = renderWaveMail(templates, 'invitation', 'nl', {
    name: 'Ann',
    link: LINK,
    optOutLink: OPT_OUT,
    organisation: 'Gemeente',
    end: null,
  });
  assert.deepEqual(hrefs(m.html), [LINK, OPT_OUT, 'https://www.gemeente.example/monitor']);
});
