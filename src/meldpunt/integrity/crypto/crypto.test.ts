import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { DecryptionError, openText, sealText } from './aead.js';
import { newX25519, unwrapWith, wrapFor } from './asymmetric.js';
import {
  acceptedHandlerKeys,
  type CertifiedHandlerKey,
  certify,
  displayRecoveryKey,
  newHandlerKeys,
  newRecoveryKey,
  openForSession,
  openWithPassphrase,
  openWithRecovery,
  parseRecoveryKey,
  sealForSession,
  sealWithPassphrase,
  wrapForRecovery,
} from './handler-keys.js';
import {
  deriveReceiptKeys,
  formatReceiptCode,
  generateReceiptCode,
  normaliseReceiptCode,
  TEST_KDF,
} from './receipt.js';
import {
  newReportKey,
  openField,
  sealField,
  unwrapReportKey,
  unwrapReportKeyWithReceipt,
  wrapReportKeyFor,
  wrapReportKeyForReceipt,
} from './report-keys.js';

test('a sealed text opens with its key and context, and with nothing else', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (text, context) => {
      const key = randomBytes(32);
      const sealed = sealText(key, text, context);
      assert.equal(openText(key, sealed, context), text);
      assert.throws(() => openText(randomBytes(32), sealed, context), DecryptionError);
      assert.throws(() => openText(key, sealed, `${context}x`), DecryptionError);
    }),
    { numRuns: 50 },
  );
});

test('a sealed text does not contain its plain text and differs each time', () => {
  const key = randomBytes(32);
  const a = sealText(key, 'de wethouder stemde over zijn eigen perceel', 'c');
  const b = sealText(key, 'de wethouder stemde over zijn eigen perceel', 'c');
  assert.notEqual(a, b);
  assert.ok(!a.includes('wethouder'));
});

test('an altered ciphertext is refused', () => {
  const key = randomBytes(32);
  const sealed = sealText(key, 'vertrouwelijk', 'c');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  raw[raw.length - 1]! ^= 1;
  assert.throws(() => openText(key, `v1.${raw.toString('base64url')}`, 'c'), DecryptionError);
  assert.throws(() => openText(key, 'v1.AAAA', 'c'), DecryptionError);
  assert.throws(() => openText(key, 'garbage', 'c'), DecryptionError);
});

test('a wrapped secret opens only for its recipient and context', () => {
  const alice = newX25519();
  const bob = newX25519();
  const secret = randomBytes(32);
  const wrapped = wrapFor(alice.publicKey, secret, 'ctx');
  assert.deepEqual(unwrapWith(alice, wrapped, 'ctx'), secret);
  assert.throws(() => unwrapWith(bob, wrapped, 'ctx'), DecryptionError);
  assert.throws(() => unwrapWith(alice, wrapped, 'other'), DecryptionError);
  assert.throws(() => unwrapWith(alice, 'x1.nonsense', 'ctx'), DecryptionError);
});

test('report fields are bound to their report, field and item', () => {
  const key = newReportKey();
  const sealed = sealField(key, 'r1', 'message', 'Kunt u meer vertellen?', 'm1');
  assert.equal(openField(key, 'r1', 'message', sealed, 'm1'), 'Kunt u meer vertellen?');
  assert.throws(() => openField(key, 'r2', 'message', sealed, 'm1'), DecryptionError);
  assert.throws(() => openField(key, 'r1', 'message', sealed, 'm2'), DecryptionError);
  assert.throws(() => openField(key, 'r1', 'identity', sealed, 'm1'), DecryptionError);
});

test('a report key wrapped for a handler key opens with that handler key only', () => {
  const handler = newHandlerKeys();
  const other = newHandlerKeys();
  const reportKey = newReportKey();
  const wrapped = wrapReportKeyFor(handler.encryption.publicKey, reportKey, 'r1', 'k1');
  assert.deepEqual(unwrapReportKey(handler.encryption, wrapped, 'r1', 'k1'), reportKey);
  assert.throws(() => unwrapReportKey(other.encryption, wrapped, 'r1', 'k1'), DecryptionError);
  assert.throws(() => unwrapReportKey(handler.encryption, wrapped, 'r2', 'k1'), DecryptionError);
});

test('receipt codes: 16 digits, normalised from what people type, formatted in fours', () => {
  for (let i = 0; i < 200; i++) assert.match(generateReceiptCode(), /^[0-9]{16}$/);
  assert.equal(normaliseReceiptCode(' 1234 5678-9012 3456 '), '1234567890123456');
  assert.equal(normaliseReceiptCode('123456789012345'), undefined);
  assert.equal(normaliseReceiptCode('12345678901234567'), undefined);
  assert.equal(normaliseReceiptCode('1234abcd90123456'), undefined);
  assert.equal(formatReceiptCode('1234567890123456'), '1234 5678 9012 3456');
  fc.assert(
    fc.property(
      fc.stringMatching(/^[0-9]{16}$/),
      (code) => normaliseReceiptCode(formatReceiptCode(code)) === code,
    ),
  );
});

test('receipt codes are not predictable: digits are spread evenly', () => {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 500; i++) for (const d of generateReceiptCode()) counts[Number(d)]!++;
  // 8000 digits, 800 expected per digit; a bias of this size would be far outside chance (σ ≈ 27).
  for (const c of counts) assert.ok(c > 650 && c < 950, `digit count ${c}`);
});

test('the receipt code unwraps the report key; the verifier is stable and does not unwrap', async () => {
  const salt = randomBytes(16);
  const code = generateReceiptCode();
  const a = await deriveReceiptKeys(code, salt, TEST_KDF);
  const b = await deriveReceiptKeys(code, salt, TEST_KDF);
  assert.equal(a.verifier, b.verifier);
  assert.deepEqual(a.wrappingKey, b.wrappingKey);
  assert.notEqual(a.wrappingKey.toString('base64url'), a.verifier);
  const reportKey = newReportKey();
  const wrapped = wrapReportKeyForReceipt(a.wrappingKey, reportKey, 'r1');
  assert.deepEqual(unwrapReportKeyWithReceipt(b.wrappingKey, wrapped, 'r1'), reportKey);
  assert.throws(
    () => unwrapReportKeyWithReceipt(Buffer.from(a.verifier, 'base64url'), wrapped, 'r1'),
    DecryptionError,
  );
  const otherCode = await deriveReceiptKeys(
    code.replace(/^./, (d) => String((Number(d) + 1) % 10)),
    salt,
    TEST_KDF,
  );
  assert.notEqual(otherCode.verifier, a.verifier);
  const otherOrg = await deriveReceiptKeys(code, randomBytes(16), TEST_KDF);
  assert.notEqual(otherOrg.verifier, a.verifier);
});

test('handler keys: sealed under a passphrase, opened only with it; re-sealing changes the passphrase', async () => {
  const keys = newHandlerKeys();
  const stored = await sealWithPassphrase(keys, 'correct horse battery', 'org:user', TEST_KDF);
  const opened = await openWithPassphrase(stored, 'correct horse battery', 'org:user');
  assert.deepEqual(opened.encryption.publicKey, keys.encryption.publicKey);
  assert.deepEqual(opened.signing.privateKey, keys.signing.privateKey);
  await assert.rejects(openWithPassphrase(stored, 'wrong horse battery', 'org:user'), DecryptionError);
  await assert.rejects(openWithPassphrase(stored, 'correct horse battery', 'org:other'), DecryptionError);
  const changed = await sealWithPassphrase(opened, 'a new key passphrase', 'org:user', TEST_KDF);
  await assert.rejects(openWithPassphrase(changed, 'correct horse battery', 'org:user'), DecryptionError);
  assert.deepEqual(
    (await openWithPassphrase(changed, 'a new key passphrase', 'org:user')).encryption,
    keys.encryption,
  );
});

test('handler keys in a session open only with that session token', () => {
  const keys = newHandlerKeys();
  const sealed = sealForSession(keys, 'token-a', 'org:user');
  assert.deepEqual(openForSession(sealed, 'token-a', 'org:user').signing, keys.signing);
  assert.throws(() => openForSession(sealed, 'token-b', 'org:user'), DecryptionError);
  assert.ok(!sealed.includes(keys.encryption.privateKey.toString('base64url')));
});

test('the recovery key: written down, read back, opens the handler keys wrapped for it', () => {
  const recovery = newRecoveryKey();
  const display = displayRecoveryKey(recovery);
  assert.match(display, /^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
  const parsed = parseRecoveryKey(display.toLowerCase().replaceAll('-', ' '));
  assert.ok(parsed);
  assert.deepEqual(parsed.signing.publicKey, recovery.signing.publicKey);
  assert.equal(parseRecoveryKey('not a key'), undefined);
  const keys = newHandlerKeys();
  const wrapped = wrapForRecovery(keys, recovery.encryption.publicKey, 'org:user');
  assert.deepEqual(openWithRecovery(wrapped, parsed, 'org:user').encryption, keys.encryption);
  assert.throws(() => openWithRecovery(wrapped, newRecoveryKey(), 'org:user'), DecryptionError);
});

function publicOf(id: string, org: string, keys = newHandlerKeys()) {
  return {
    keys,
    pub: {
      id,
      organisationId: org,
      userId: `u-${id}`,
      encryptionPublic: keys.encryption.publicKey,
      signingPublic: keys.signing.publicKey,
    },
  };
}

test('a handler key counts only when its chain of signatures ends at the recovery key', () => {
  const recovery = newRecoveryKey();
  const a = publicOf('a', 'org');
  const b = publicOf('b', 'org');
  const c = publicOf('c', 'org');
  const selfSigned = publicOf('s', 'org');
  const byOutsider = publicOf('o', 'org');
  const outsider = newHandlerKeys();
  const otherOrg = publicOf('x', 'other');
  const list: CertifiedHandlerKey[] = [
    // out of order on purpose: c is signed by b, which is signed by a, which the recovery key signed
    { ...c.pub, signedBy: 'b', signature: certify(b.keys.signing.privateKey, c.pub) },
    { ...b.pub, signedBy: 'a', signature: certify(a.keys.signing.privateKey, b.pub) },
    { ...a.pub, signedBy: 'recovery', signature: certify(recovery.signing.privateKey, a.pub) },
    {
      ...selfSigned.pub,
      signedBy: 's',
      signature: certify(selfSigned.keys.signing.privateKey, selfSigned.pub),
    },
    { ...byOutsider.pub, signedBy: 'a', signature: certify(outsider.signing.privateKey, byOutsider.pub) },
    { ...otherOrg.pub, signedBy: 'recovery', signature: certify(recovery.signing.privateKey, otherOrg.pub) },
  ];
  const accepted = acceptedHandlerKeys('org', recovery.signing.publicKey, list).map((k) => k.id);
  assert.deepEqual(accepted.sort(), ['a', 'b', 'c']);
  // a signature over one key does not vouch for another public key under the same id
  const swapped = { ...a.pub, encryptionPublic: newHandlerKeys().encryption.publicKey };
  const forged = [
    { ...swapped, signedBy: 'recovery', signature: certify(recovery.signing.privateKey, a.pub) },
  ];
  assert.deepEqual(acceptedHandlerKeys('org', recovery.signing.publicKey, forged), []);
});
