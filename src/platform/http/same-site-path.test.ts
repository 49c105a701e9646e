import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { safeNext } from '../auth/login.js';
import { withLang } from '../ui/layout.js';
import { isSameSitePath, sameSitePath } from './same-site-path.js';

// A browser resolves a Location header or an href against the page it is on (WHATWG URL, as here).
const PAGE = 'https://weerbaar.example/some/page?x=1';
const staysOnSite = (target: string) => new URL(target, PAGE).origin === new URL(PAGE).origin;

/** Known bypass forms of open-redirect filters (issue 13, row 2, and OWASP's list). */
const BYPASSES = [
  '/.//evil.example/phish',
  '/a/..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/a/%2e%2e//evil.example',
  '/./\\evil.example',
  '/a/../\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/.\t//evil.example',
  '/\\/evil.example',
  '//evil.example',
  '///evil.example',
  '/././/evil.example',
  '/x/../..//evil.example',
  'https://evil.example',
  'javascript:alert(1)',
];

test('no known bypass form leads off-site: safeNext and the language link', () => {
  for (const evil of BYPASSES) {
    const next = safeNext(evil);
    assert.ok(staysOnSite(next), `safeNext(${JSON.stringify(evil)}) = ${next}`);
    assert.ok(!next.startsWith('//'), `safeNext(${JSON.stringify(evil)}) = ${next}`);
    const link = withLang(evil, 'en');
    assert.ok(staysOnSite(link), `withLang(${JSON.stringify(evil)}) = ${link}`);
    assert.ok(!link.startsWith('//'), `withLang(${JSON.stringify(evil)}) = ${link}`);
  }
  assert.equal(safeNext('/.//evil.example/phish'), '/');
  assert.equal(withLang('/.//evil.example/phish', 'en'), '/?lang=en');
});

test('ordinary paths survive', () => {
  assert.equal(safeNext('/users?q=a'), '/users?q=a');
  assert.equal(safeNext('/a/../users'), '/users');
  assert.equal(safeNext('/%2fx'), '/%2fx');
  assert.equal(withLang('/monitor/waves?page=2', 'en'), '/monitor/waves?page=2&lang=en');
  assert.equal(sameSitePath('/a/b?c=d'), '/a/b?c=d');
});

// Strings made of the pieces that filters get wrong: dots, slashes, backslashes, their encodings,
// control characters, a host name.
const piece = fc.constantFrom(
  '/',
  '//',
  '\\',
  '.',
  '..',
  '%2e',
  '%2E',
  '%2f',
  '%2F',
  '%5c',
  '%09',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0000',
  'evil.example',
  'a',
  '?',
  '#',
  ':',
  '@',
  'http:',
  '%00',
);
const trick = fc.array(piece, { maxLength: 10 }).map((ps) => ps.join(''));

test('property: whatever the input, the result stays on this site and is a fixed point', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        trick,
        trick.map((s) => `/${s}`),
        fc.string(),
      ),
      (input) => {
        const next = safeNext(input);
        assert.ok(next === '/' || isSameSitePath(next), next);
        assert.ok(staysOnSite(next), next);
        assert.equal(safeNext(next), next);
        const link = withLang(input.startsWith('/') ? input : `/${input}`, 'nl');
        assert.ok(staysOnSite(link) && !link.startsWith('//') && !link.startsWith('/\\'), link);
        const path = sameSitePath(input);
        if (path !== undefined) {
          assert.ok(staysOnSite(path) && isSameSitePath(path), path);
          assert.equal(sameSitePath(path), path);
        }
      },
    ),
    { numRuns: 3000 },
  );
});
