/**
 * A real SMTP server on loopback for tests (smtp-server, no TLS). It keeps every accepted message and
 * counts deliveries per Message-ID; `reply` can refuse a message (e.g. 451 once, or 550).
 */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  raw: string;
  /** Headers of the X-Weerbaar-Mail-Id header (our message id), if present. */
  mailId: string | undefined;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  /** Deliveries per Message-ID. */
  countByMessageId(): Map<string, number>;
  /** Decide per incoming message (n = 1, 2, … counting refused ones too); return an SMTP error to refuse it. */
  reply: (n: number, raw: string) => { code: number; message: string } | undefined;
  /** Wait this long between receiving a message and replying 250. */
  delayMs: number;
  /** Called after a message was accepted (after the 250 reply was queued). */
  onAccepted?: (mail: ReceivedMail) => void;
  /**
   * Errors of client connections (a client killed mid-conversation resets its socket: ECONNRESET).
   * Kept here instead of being thrown: they are the client's doing, and the kill -9 tests cause them.
   */
  connectionErrors: Error[];
  close(): Promise<void>;
}

const header = (raw: string, name: string): string | undefined => {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  let n = 0;
  const t: TestSmtp = {
    port: 0,
    received: [],
    countByMessageId() {
      const m = new Map<string, number>();
      for (const r of t.received) m.set(r.messageId, (m.get(r.messageId) ?? 0) + 1);
      return m;
    },
    reply: () => undefined,
    delayMs: 0,
    connectionErrors: [],
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // close() waits this long for clients to hang up: the mail transport keeps pooled connections
    // open, and smtp-server's default of 30 s made every test that stops a catcher wait that long.
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        n += 1;
        const refuse = t.reply(n, raw);
        if (refuse) {
          const err = new Error(refuse.message) as Error & { responseCode: number };
          err.responseCode = refuse.code;
          callback(err);
          return;
        }
        const mail: ReceivedMail = {
          messageId: header(raw, 'Message-ID') ?? '',
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header(raw, 'Subject') ?? '',
          raw,
          mailId: header(raw, 'X-Weerbaar-Mail-Id'),
        };
        t.received.push(mail);
        const accept = () => {
          callback(null, 'queued as test');
          t.onAccepted?.(mail);
        };
        if (t.delayMs) setTimeout(accept, t.delayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // smtp-server re-emits a connection's socket error on the server when it happens inside a mail
  // transaction (after MAIL FROM); without a listener that is an uncaught 'error' event that ends the
  // test process. A client killed while sending (the kill -9 tests, more often on a loaded machine,
  // where the kill lands inside a conversation) resets its socket: ECONNRESET.
  server.on('error', (err: Error) => {
    t.connectionErrors.push(err);
  });
  t.port = (server.server.address() as { port: number }).port;
  return t;
}
