import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { openEvidence, sealEvidence } from './evidence-crypto.js';
import { evidenceTypes, sniffEvidence } from './evidence-sniff.js';

const config = {
  ENCRYPTION_KEY: undefined,
  isProduction: false,
  NODE_ENV: 'test',
  WEERBAAR_DATA_DIR: '/nonexistent',
} as const;

const heads: Array<[string, Buffer]> = [
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
  ['image/gif', Buffer.from('GIF89a')],
  ['image/webp', Buffer.from('RIFF\x10\x00\x00\x00WEBP', 'latin1')],
  ['image/heic', Buffer.from('\x00\x00\x00\x18ftypheic', 'latin1')],
  ['application/pdf', Buffer.from('%PDF-1.7\n')],
  ['audio/mpeg', Buffer.from('ID3\x04', 'latin1')],
  ['audio/mp4', Buffer.from('\x00\x00\x00\x20ftypM4A ', 'latin1')],
  ['video/mp4', Buffer.from('\x00\x00\x00\x20ftypisom', 'latin1')],
  ['audio/wav', Buffer.from('RIFF\x24\x00\x00\x00WAVE', 'latin1')],
  ['audio/ogg', Buffer.from('OggS\x00', 'latin1')],
];

test('every accepted kind is recognised by its first bytes, whatever follows', () => {
  assert.deepEqual([...new Set(heads.map(([t]) => t))].sort(), [...evidenceTypes].sort());
  fc.assert(
    fc.property(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 64 }), ([type, head], tail) => {
      assert.equal(sniffEvidence(Buffer.concat([head, Buffer.from(tail)])), type);
    }),
  );
});

test('markup, scripts and archives are refused, also when they start with white space', () => {
  for (const s of [
    '<!doctype html><script>alert(1)</script>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    '  %PDF-1.7',
    '#!/bin/sh\nrm -rf /',
    'PK\x03\x04docx',
    'MZ\x90\x00',
    'RIFF\x10\x00\x00\x00AVI ',
    '',
  ])
    assert.equal(sniffEvidence(Buffer.from(s, 'latin1')), undefined, JSON.stringify(s));
  // Text that starts with a printable character is never taken for an accepted kind.
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 80 }), (s) => {
      if (/^(GIF8|%PDF-|OggS|ID3|RIFF)/.test(s)) return;
      if (s.charCodeAt(0) < 0x20 || s.charCodeAt(0) > 0x7e) return;
      assert.equal(sniffEvidence(Buffer.from(s)), undefined);
    }),
  );
});

test('sealed evidence opens only with its own ids and unaltered bytes', () => {
  const ids = { organisationId: 'org-1', incidentId: 'inc-1', evidenceId: 'ev-1' };
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 256 }), (bytes) => {
      const content = Buffer.from(bytes);
      const stored = sealEvidence(config, ids, content);
      assert.deepEqual(openEvidence(config, ids, stored), content);
      assert.throws(() => openEvidence(config, { ...ids, evidenceId: 'ev-2' }, stored));
      assert.throws(() => openEvidence(config, { ...ids, organisationId: 'org-2' }, stored));
      const altered = Buffer.from(stored.sealed);
      altered[altered.length - 1]! ^= 1;
      assert.throws(() => openEvidence(config, ids, { ...stored, sealed: altered }));
    }),
    { numRuns: 50 },
  );
  const big = Buffer.alloc(4096, 0x41);
  assert.equal(sealEvidence(config, ids, big).sealed.includes(Buffer.alloc(64, 0x41)), false);
});
