import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { markdownLiteral, renderMarkdown } from './markdown.js';

test('the subset: subheadings, paragraphs, emphasis, lists and links', () => {
  const { html, errors } = renderMarkdown(
    '### Kop\n\nEen **sterke** en *schuine* _tekst_ met [een link](https://example.org/a?b=1&c=2).\nTweede regel.\n\n- een\n- twee\n  vervolg\n\n1. eerste\n2. tweede',
  );
  assert.deepEqual(errors, []);
  assert.equal(
    html,
    [
      '<h3>Kop</h3>',
      '<p>Een <strong>sterke</strong> en <em>schuine</em> <em>tekst</em> met <a href="https://example.org/a?b=1&amp;c=2">een link</a>.\nTweede regel.</p>',
      '<ul><li>een</li><li>twee\nvervolg</li></ul>',
      '<ol><li>eerste</li><li>tweede</li></ol>',
    ].join('\n'),
  );
});

test('raw HTML and unsafe links never pass', () => {
  const { html, errors } = renderMarkdown(
    '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=y>',
  );
  assert.doesNotMatch(html, /<script|<img|href="javascript/);
  assert.equal(errors[0]!.code, 'unsafe-link');
  assert.equal(errors[0]!.column, 31);
});

test('# and ## are refused with their position; intraword underscores stay text', () => {
  const { errors, html } = renderMarkdown('tekst\n\n## Kop\n\nagr_any_12m en int_obs_any');
  assert.deepEqual(
    errors.map((e) => [e.code, e.line, e.column]),
    [['heading-level', 3, 1]],
  );
  assert.match(html, /agr_any_12m en int_obs_any/);
});

test('any input renders to HTML whose only tags are the subset, with every < escaped', () => {
  fc.assert(
    fc.property(
      fc.string({
        unit: fc.constantFrom(
          '<',
          '>',
          '"',
          '&',
          '*',
          '_',
          '[',
          ']',
          '(',
          ')',
          '#',
          '-',
          ' ',
          '\n',
          'a',
          '1. ',
          'javascript:',
          'https://x',
        ),
      }),
      (s) => {
        const { html } = renderMarkdown(s);
        const tags = html.match(/<\/?([a-z0-9]+)/g) ?? [];
        for (const t of tags) assert.match(t, /^<\/?(p|h3|h4|ul|ol|li|strong|em|a)$/);
        for (const href of html.match(/href="[^"]*"/g) ?? [])
          assert.match(href, /^href="(https?:|mailto:|\/)/);
      },
    ),
  );
});

test('a literal renders as exactly its text', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('*', '_', '[', ']', '(', ')', '\\', 'a', ' ', '{', '}', '%') }),
      (s) => {
        const t = s.trim();
        fc.pre(t !== '' && !/^[-*]\s|^\d+\.\s/.test(t));
        const { html } = renderMarkdown(markdownLiteral(t));
        assert.equal(html, `<p>${t.replaceAll('&', '&amp;')}</p>`);
      },
    ),
  );
});
