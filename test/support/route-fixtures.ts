/**
 * Values for route path parameters in the tenant-isolation test (src/platform/http/isolation.db.test.ts).
 * That test enumerates every registered route and calls it as an anonymous visitor and as a user of
 * organisation B, with parameters that point at organisation A's resources. Every path parameter
 * name used by any route must have an entry here; the test fails for a route whose parameter is missing.
 *
 * A fixture gets the world (two organisations with their users) and the database, and returns the
 * parameter value, creating A's resource if needed.
 */
import type { Database } from '../../src/platform/db/database.js';

export interface IsolationWorld {
  database: Database;
  orgA: { id: string; code: string };
  orgB: { id: string; code: string };
  /** Coordinator (and every other organisation role) in A. */
  userA: { id: string; email: string };
  /** Every organisation role in B, no platform role. */
  userB: { id: string; email: string };
}

export type ParamFixture = (world: IsolationWorld) => string | Promise<string>;

export const paramFixtures: Record<string, ParamFixture> = {
  orgId: (w) => w.orgA.id,
  code: (w) => w.orgA.code,
  userId: (w) => w.userA.id,
  tokenId: async (w) =>
    (
      await w.database.query<{ id: string }>('select id from api_tokens where user_id = $1 limit 1', [
        w.userA.id,
      ])
    )[0]!.id,
  sessionId: async (w) =>
    (
      await w.database.query<{ id: string }>('select id from sessions where user_id = $1 limit 1', [
        w.userA.id,
      ])
    )[0]!.id,
  role: () => 'coordinator',
  /** An OpenID Connect provider id (none is configured in the isolation test: the routes answer 404). */
  provider: () => 'test',
  /** A mail message about organisation A (admins only may read it). */
  messageId: async (w) => {
    const { queueMail } = await import('../../src/platform/mail/mail.js');
    const m = await queueMail(w.database.db, {
      to: w.userA.email,
      rendered: { subject: 'isolation', text: 'for A', html: '<p>for A</p>' },
      idempotencyKey: `isolation:${w.orgA.id}`,
      purpose: 'test',
      organisationId: w.orgA.id,
    });
    return m.id;
  },
  /** A job (the mail.send job of that message). */
  jobId: async (w) => {
    const { queueMail } = await import('../../src/platform/mail/mail.js');
    const m = await queueMail(w.database.db, {
      to: w.userA.email,
      rendered: { subject: 'isolation', text: 'for A', html: '<p>for A</p>' },
      idempotencyKey: `isolation:${w.orgA.id}`,
      purpose: 'test',
      organisationId: w.orgA.id,
    });
    const rows = await w.database.query<{ job_id: string }>(
      "select job_id from job_keys where queue = 'mail.send' and key = $1",
      [m.id],
    );
    return rows[0]!.job_id;
  },
  /** A respondent's link (an open anonymous wave, answering started) and a section of its questionnaire. */
  token: async (w) => (await import('../../src/monitor/answering/fixtures.js')).startedLink(w.database),
  section: () => 'agressie',
  waveId: async (w) => (await import('../../src/monitor/answering/fixtures.js')).startedWaveId(w.database),
  /** A questionnaire (platform-wide, not per organisation: users of an organisation without a researcher role are refused). */
  questionnaireId: async (w) =>
    (await import('../../src/monitor/questionnaires/fixtures.js')).isolationQuestionnaire(w.database),
  version: () => '1',
  targetGroup: () => 'office_holders',
  /** A report in A's integrity channel (set up by userA) and userA's handler key. */
  reportId: async (w) => (await import('../../src/meldpunt/integrity/fixtures.js')).isolationReport(w),
  keyId: async (w) => (await import('../../src/meldpunt/integrity/fixtures.js')).isolationKey(w),
  attachmentId: async (w) =>
    (await import('../../src/meldpunt/integrity/fixtures.js')).isolationAttachment(w),
  /** A submitted incident of organisation A (its description is A's secret) and one of its tasks. */
  incidentId: async (w) =>
    (await import('../../src/meldpunt/incidents/test-fixtures.js')).isolationIncident(w),
  /** An indicator of the monitor results (built-in definitions are platform-wide). */
  indicatorId: () => 'agr_any_12m',
  /** A publication of a wave (products are listed per wave; an unknown one is a 404). */
  kind: () => 'summary',
  key: () => 'main',
  taskId: async (w) => (await import('../../src/meldpunt/incidents/test-fixtures.js')).isolationTask(w),
  /** A person on organisation A's Meldpunt contact list, and a magic sign-in link (public routes). */
  contactId: async (w) => (await import('../../src/meldpunt/incidents/test-fixtures.js')).isolationContact(w),
  linkToken: () => 'not-a-valid-link',
  /** A file of evidence of A's incident. */
  evidenceId: async (w) =>
    (await import('../../src/meldpunt/incidents/test-fixtures.js')).isolationEvidence(w),
};
