/**
 * A large body is read only on an upload route, and only after access is granted (issue 13, row 5).
 * Over a real socket: the client sends the headers of a 64 MB upload and a first kilobyte, then
 * nothing more. The server must answer from the headers alone (415 on a route that takes no file,
 * 401/403 on an upload route for someone who may not upload) and close the connection; before the
 * fix it waited for the 64 MB, so no answer came.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';

let t: TestApp;
let port: number;
let researcher: TestUser;
let viewer: TestUser;
let waveId: string;

before(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
  const wave = await t.app.inject({
    method: 'POST',
    url: '/api/v1/waves',
    headers: { authorization: `Bearer ${researcher.bearer}` },
    payload: { code: 'upload-gate', name: 'Upload gate' },
  });
  waveId = wave.json().id;
});
after(() => t.close());

const BIG = 64 * 1024 * 1024;

/**
 * Sends the head of a big request and one kilobyte of its body, never the rest. Resolves with the
 * status the server answered and whether it closed the connection; rejects if no answer comes at all.
 */
function partialUpload(path: string, type: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; closed: boolean }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let status = 0;
    const noAnswer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${path}: no answer while the body was incomplete (the server waits for it)`));
    }, 20_000);
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      status ||= Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(noAnswer);
      if (status) resolve({ status, closed: true });
      else reject(new Error(`${path}: closed without an answer`));
    });
    const head = Object.entries({ 'content-type': type, 'content-length': String(BIG), ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}\r\n`);
    socket.write('x'.repeat(1024));
  });
}

test('public and non-upload routes refuse upload content types from the headers alone (415)', async () => {
  for (const [path, type] of [
    ['/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/afmelden', 'text/csv'],
    ['/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/afmelden', 'multipart/form-data; boundary=x'],
    ['/api/v1/waves', 'multipart/form-data; boundary=x'],
    ['/api/v1/waves', 'application/octet-stream'],
    ['/login', 'text/csv'],
  ] as const) {
    const res = await partialUpload(path, type);
    assert.equal(res.status, 415, `${path} ${type}`);
  }
});

test('an upload route refuses who may not upload before reading the body (401, 403)', async () => {
  const path = `/api/v1/waves/${waveId}/frame-imports`;
  assert.equal((await partialUpload(path, 'text/csv')).status, 401);
  const forbidden = await partialUpload(path, 'text/csv', { authorization: `Bearer ${viewer.bearer}` });
  assert.equal(forbidden.status, 403);
});

test('the upload routes still take their files; JSON and forms still work elsewhere', async () => {
  const csv = 'naam,email,rol,organisatie\r\nAnna,anna.g@voorbeeld.nl,raadslid,GM0363\r\n';
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/waves/${waveId}/frame-imports`,
    headers: { authorization: `Bearer ${researcher.bearer}`, 'content-type': 'text/csv' },
    payload: csv,
  });
  assert.notEqual(res.statusCode, 415, res.body);
  assert.ok(res.statusCode < 500, res.body);
  const octet = await t.app.inject({
    method: 'POST',
    url: '/api/v1/waves',
    headers: { authorization: `Bearer ${researcher.bearer}`, 'content-type': 'application/octet-stream' },
    payload: Buffer.from('{}'),
  });
  assert.equal(octet.statusCode, 415);
  assert.equal(octet.json().type, 'urn:weerbaar:problem:unsupported-media-type');
});
