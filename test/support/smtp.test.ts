/**
 * The test SMTP server survives a client that dies inside a mail transaction (a kill -9 of a sending
 * process resets its socket after MAIL FROM): the error is recorded, the server keeps accepting.
 * Before, smtp-server's re-emitted ECONNRESET had no listener and ended the test process
 * (src/platform/mail/crash.db.test.ts failed that way on a loaded machine).
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { startTestSmtp } from './smtp.js';

function converse(port: number, lines: string[]): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', reject);
    let buffer = '';
    let i = -1; // the greeting comes first
    socket.on('data', (d) => {
      buffer += d.toString();
      if (!/\r\n$/.test(buffer) || /^\d{3}-/m.test(buffer.split('\r\n').at(-2) ?? '')) return;
      buffer = '';
      i += 1;
      if (i < lines.length) socket.write(`${lines[i]}\r\n`);
      else resolve(socket);
    });
  });
}

test('a client reset inside a mail transaction is recorded, not thrown; the server keeps working', async () => {
  const smtp = await startTestSmtp();
  try {
    const socket = await converse(smtp.port, [
      'EHLO test',
      'MAIL FROM:<a@test.example>',
      'RCPT TO:<b@test.example>',
    ]);
    socket.resetAndDestroy(); // what the kernel does for a process killed with SIGKILL: RST
    for (let i = 0; i < 50 && smtp.connectionErrors.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    assert.equal(smtp.connectionErrors.length, 1);
    assert.match(String((smtp.connectionErrors[0] as NodeJS.ErrnoException).code), /ECONNRESET|EPIPE/);

    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'a@test.example',
      to: 'b@test.example',
      subject: 'still here',
      text: 'x',
    });
    transport.close();
    assert.equal(smtp.received.length, 1);
  } finally {
    await smtp.close();
  }
});
