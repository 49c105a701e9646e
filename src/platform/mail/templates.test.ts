import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadConfig } from '../config/config.js';
import { escapeHtml, renderMail, testMailTemplate, textToHtml } from './templates.js';
import { classifySmtpError, messageIdFor } from './transport.js';

test('placeholders are filled raw in text and escaped in HTML; unknown placeholders are an error', () => {
  const m = renderMail(
    {
      subject: { nl: 'Hallo {name}', en: 'Hello {name}' },
      text: { nl: 'Beste {name}\nzie {url}', en: 'Dear {name}' },
      html: { nl: '<p>Beste <b>{name}</b></p>', en: '<p>Dear {name}</p>' },
    },
    'nl',
    { name: '<Ann & "Bob">', url: 'https://x.test/a?b=1&c=2' },
  );
  assert.equal(m.subject, 'Hallo <Ann & "Bob">');
  assert.match(m.text, /Beste <Ann & "Bob">/);
  assert.match(m.html, /<p>Beste <b>&lt;Ann &amp; &quot;Bob&quot;&gt;<\/b><\/p>/);
  assert.match(m.html, /<html lang="nl">/);
  assert.throws(() => renderMail(testMailTemplate, 'en', { time: 'now' }), /\{url\}/);
  const en = renderMail(testMailTemplate, 'en', { time: 'now', url: 'https://w.test/' });
  assert.match(en.subject, /Test message/);
  assert.match(en.html, /<a href="https:\/\/w.test\/">/);
});

test('a subject never carries a line break (no header injection)', () => {
  const m = renderMail({ subject: { nl: 'A {x}', en: '' }, text: { nl: '', en: '' } }, 'nl', {
    x: 'b\r\nBcc: x@y',
  });
  assert.doesNotMatch(m.subject, /[\r\n]/);
});

test('text → HTML never lets markup through', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const html = textToHtml(s);
      const stripped = html.replace(/<\/?(p|br|a( href="[^"<>]*")?)>/g, '');
      assert.doesNotMatch(stripped, /[<>]/);
    }),
  );
  assert.equal(escapeHtml(`<'&">`), '&lt;&#39;&amp;&quot;&gt;');
});

test('SMTP failures: 5xx permanent, 4xx/connection/authentication temporary', () => {
  assert.equal(classifySmtpError({ responseCode: 550, response: '550 no such user' }).permanent, true);
  assert.equal(classifySmtpError({ responseCode: 451, response: '451 later' }).permanent, false);
  assert.equal(classifySmtpError({ responseCode: 535, response: '535 auth failed' }).permanent, false);
  assert.equal(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).permanent, false);
  assert.equal(classifySmtpError(new Error('boom')).message, 'boom');
  const config = loadConfig({ NODE_ENV: 'test', MAIL_FROM: 'W <noreply@gemeente.example>' });
  assert.equal(messageIdFor('abc', config), '<abc@gemeente.example>');
});
