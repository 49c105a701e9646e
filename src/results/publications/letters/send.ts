/**
 * Sending the letters of a wave by e-mail (issue #15 item 3): a researcher confirms the number of
 * letters, one `results.letter.send` job per organisation is enqueued (audited, in one transaction),
 * and each job renders its letter and queues one mail to the organisation's contact with the letter
 * attached (./files.ts: the stored PDF when there is one, else the HTML file). Idempotent per wave and
 * organisation twice over: the job's key and the mail's idempotency key, so a job that runs again (or a
 * second "send") never sends a second mail. Letters go out only from a released run.
 */
import type { Wave } from '../../../monitor/fieldwork/model.js';
import { findWave } from '../../../monitor/fieldwork/waves-service.js';
import { type Actor, audit, systemActor } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { enqueueMany } from '../../../platform/jobs/jobs.js';
import { listMailMessages, queueMail } from '../../../platform/mail/mail.js';
import { escapeHtml } from '../../../platform/mail/templates.js';
import { productDocument } from '../document.js';
import type { ProductScope } from '../product.js';
import { renderLetterOf } from './definition.js';
import { storedLetterFile } from './files.js';
import { letterSendJob } from './jobs.js';
import { say } from './messages.js';
import { letterSource, type Participant } from './source.js';

export const LETTER_PURPOSE = 'letter';
export const letterMailKey = (waveId: string, organisationId: string) =>
  `${LETTER_PURPOSE}:${waveId}:${organisationId}`;

const released = (database: Database, wave: Wave): ProductScope => ({
  database,
  wave,
  visibility: 'released',
});

export interface LetterOverview {
  /** Every letter (participating organisation), by name. */
  participants: Participant[];
  /** Those with a contact e-mail address: the ones that can be sent. */
  sendable: Participant[];
  /** Letter mails queued or sent for this wave so far. */
  mailed: number;
}

/** The letters of a wave as a researcher sees them (the run they may see), with what was mailed. */
export async function letterOverview(scope: ProductScope): Promise<LetterOverview> {
  const source = await letterSource(scope);
  const participants = source ? [...source.participants.values()] : [];
  const mails = await listMailMessages(scope.database, {
    subjects: { purposes: [LETTER_PURPOSE], ids: [scope.wave.id] },
    limit: 500,
  });
  return {
    participants,
    sendable: participants.filter((p) => p.contact?.email),
    mailed: mails.filter((m) => m.status !== 'cancelled' && m.status !== 'failed').length,
  };
}

/**
 * Enqueues the sending of every sendable letter of a wave's released run, after the researcher
 * confirmed how many (a different number means the list changed: confirm again).
 */
export async function requestLetterSending(
  database: Database,
  waveIdOrCode: string,
  confirmed: number,
  actor: Actor,
): Promise<{ queued: number }> {
  const wave = await findWave(database.db, waveIdOrCode);
  const source = await letterSource(released(database, wave));
  if (!source)
    throw new AppError('conflict', {
      detail: {
        nl: 'Er zijn nog geen vrijgegeven resultaten van deze meting. Geef eerst een berekening vrij.',
        en: 'this wave has no released results run: release one first',
      },
    });
  const sendable = [...source.participants.values()].filter((p) => p.contact?.email);
  if (confirmed !== sendable.length)
    throw new AppError('conflict', {
      detail: {
        nl: say('nl', 'letters.error.count', { count: sendable.length }),
        en: say('en', 'letters.error.count', { count: sendable.length }),
      },
    });
  return database.db.transaction(async (tx) => {
    const jobs = await enqueueMany(
      tx,
      letterSendJob,
      sendable.map((p) => ({
        data: { waveId: wave.id, organisationId: p.organisation.id },
        options: { key: `${wave.id}:${p.organisation.id}` },
      })),
    );
    const queued = jobs.filter((j) => j.created).length;
    await audit(tx, actor, {
      action: 'results.letters.send',
      resourceType: 'wave',
      resourceId: wave.id,
      diff: { letters: sendable.length, queued, run: source.run.id },
    });
    return { queued };
  });
}

/** The job's work: one letter, one mail (once), audited when it is queued. */
export async function sendLetter(
  database: Database,
  waveId: string,
  organisationId: string,
): Promise<{ mailId: string; created: boolean } | { skipped: string }> {
  const wave = await findWave(database.db, waveId);
  const scope = released(database, wave);
  const source = await letterSource(scope);
  const p = source?.participants.get(organisationId);
  if (!p) return { skipped: 'no letter for this organisation in the released run' };
  if (!p.contact?.email) return { skipped: 'no contact address' };
  const product = await renderLetterOf({ ...scope, lang: 'nl' }, organisationId);
  const file = await storedLetterFile(
    scope,
    { organisationId, product, html: productDocument(product) },
    p.organisation.code,
  );
  const salutation = say('nl', 'letters.salutation', { name: p.contact.name });
  const text = say('nl', 'letters.mail.body', { salutation, wave: wave.name });
  return database.db.transaction(async (tx) => {
    const mail = await queueMail(tx, {
      to: p.contact!.email,
      rendered: {
        subject: say('nl', 'letters.mail.subject', { wave: wave.name }),
        text,
        html: text
          .split('\n\n')
          .map((para) => `<p>${escapeHtml(para)}</p>`)
          .join('\n'),
      },
      lang: 'nl',
      idempotencyKey: letterMailKey(wave.id, organisationId),
      purpose: LETTER_PURPOSE,
      organisationId,
      attachments: [file],
    });
    if (mail.created)
      await audit(tx, systemActor, {
        action: 'results.letter.queued',
        resourceType: 'mail_message',
        resourceId: mail.id,
        organisationId,
        diff: { waveId: wave.id, run: source!.run.id, attachment: file.filename },
      });
    return { mailId: mail.id, created: mail.created };
  });
}
