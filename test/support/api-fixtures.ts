/**
 * A valid request for every operation of the API document, for the contract test
 * (src/platform/http/contract.db.test.ts), keyed `METHOD /path` as in the document (relative to /api/v1).
 * An operation without an entry fails that test: add one when you add an API route.
 *
 * A fixture returns the request's parts; path parameters not given come from test/support/route-fixtures.ts
 * (organisation A's resources). Requests are sent with an API token, in the order of the document, by a
 * platform admin (also researcher) unless the fixture names another sender (`{ as, request }`): routes
 * whose access rules admit only the organisation's own people (the incidents: reporter, person concerned,
 * coordinator, assigned case handlers) are called by organisation A's coordinator. The bad requests of the
 * contract test go to that operation as the same sender. A fixture that changes state makes its own
 * resources (e.g. a new wave, a new incident).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.js';
import { incidentFixtures } from './incident-contract-fixtures.js';
import type { IsolationWorld } from './route-fixtures.js';

/**
 * Who sends a request: the platform admin (also researcher, no organisation role), or organisation A's
 * user of the isolation world (every organisation role in A: coordinator, case handler, reporter, ...).
 */
export type Sender = 'admin' | 'coordinatorA';

export interface ContractContext {
  app: FastifyInstance;
  database: Database;
  world: IsolationWorld;
  /** The admin's API token. */
  bearer: string;
  /** Every sender's API token. */
  bearers: Record<Sender, string>;
  /** Calls the API (as the admin unless told) to set up a fixture; throws unless the answer is 2xx. */
  call(method: string, url: string, body?: unknown, as?: Sender): Promise<any>;
}

export interface ValidRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** Any other body, with its content type. */
  raw?: { contentType: string; payload: string | Buffer };
}

export type RequestFixture = (ctx: ContractContext) => ValidRequest | Promise<ValidRequest>;

/** A request sent by the admin, or one with its sender named. */
export type OperationFixture = RequestFixture | { as: Sender; request: RequestFixture };

export const senderOf = (f: OperationFixture): Sender => (typeof f === 'function' ? 'admin' : f.as);
export const requestOf = (f: OperationFixture): RequestFixture => (typeof f === 'function' ? f : f.request);

const definition = (code: string) => ({
  code,
  title: { nl: 'Contracttest', en: 'Contract test' },
  sections: [
    {
      id: 'deel',
      title: { nl: 'Deel' },
      items: [
        {
          type: 'single_choice',
          code: 'contract_q',
          label: { nl: 'Vraag?' },
          options: [
            { code: 'ja', label: { nl: 'Ja' } },
            { code: 'nee', label: { nl: 'Nee' } },
          ],
        },
      ],
    },
  ],
});

/** The organisation registry, which the frame fixtures use (GM0363). */
export async function loadReferenceData(database: Database): Promise<void> {
  const { systemActor } = await import('../../src/platform/audit/audit.js');
  const { loadRegistry } = await import('../../src/platform/orgs/registry.js');
  await database.db.transaction((tx) => loadRegistry(tx, systemActor));
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

/** A draft questionnaire of its own (version 1). */
async function draftQuestionnaire(ctx: ContractContext): Promise<string> {
  const created = await ctx.call('POST', '/api/v1/questionnaires', definition(unique('contract_draft_')));
  return created.questionnaireId;
}

/** A draft wave of its own. */
async function draftWave(ctx: ContractContext): Promise<string> {
  return (await ctx.call('POST', '/api/v1/waves', { code: unique('contract-'), name: 'Contracttest' })).id;
}

/** A published questionnaire version for office holders (the one the answering tests use). */
async function officeHoldersVersion(ctx: ContractContext): Promise<string> {
  const { testQuestionnaireVersion } = await import('../../src/monitor/answering/seed-wave.js');
  return testQuestionnaireVersion(ctx.database);
}

/** A draft wave with the office holders' questionnaire, ready to open. */
async function readyWave(ctx: ContractContext): Promise<string> {
  const waveId = await draftWave(ctx);
  await ctx.call('PUT', `/api/v1/waves/${waveId}/questionnaires/office_holders`, {
    questionnaireVersionId: await officeHoldersVersion(ctx),
  });
  return waveId;
}

export const frameCsv = [
  'naam,email,rol,organisatie',
  'Anna,anna.c@voorbeeld.nl,raadslid,GM0363',
  'Bert,bert.c@voorbeeld.nl,wethouder,GM0363',
].join('\r\n');

export const operationFixtures: Record<string, OperationFixture> = {
  'GET /audit-entries': (c) => ({ query: { organisationId: c.world.orgA.id } }),

  'GET /questionnaires': () => ({}),
  'POST /questionnaires': () => ({ body: definition(unique('contract_new_')) }),
  'POST /questionnaires/import': () => ({ body: definition(unique('contract_import_')) }),
  'GET /questionnaires/{questionnaireId}': () => ({}),
  'POST /questionnaires/{questionnaireId}/versions': async (c) => {
    const code = unique('contract_versions_');
    const { questionnaireId } = await c.call('POST', '/api/v1/questionnaires', definition(code));
    await c.call('POST', `/api/v1/questionnaires/${questionnaireId}/versions/1/publish`);
    return { params: { questionnaireId }, body: definition(code) };
  },
  'GET /questionnaires/{questionnaireId}/versions/{version}': () => ({}),
  'PUT /questionnaires/{questionnaireId}/versions/{version}': async (c) => {
    const questionnaireId = await draftQuestionnaire(c);
    const current = await c.call('GET', `/api/v1/questionnaires/${questionnaireId}/versions/1/definition`);
    return { params: { questionnaireId, version: '1' }, body: { ...current, title: { nl: 'Anders' } } };
  },
  'GET /questionnaires/{questionnaireId}/versions/{version}/definition': () => ({}),
  'POST /questionnaires/{questionnaireId}/versions/{version}/publish': async (c) => ({
    params: { questionnaireId: await draftQuestionnaire(c), version: '1' },
  }),
  'GET /questionnaires/{questionnaireId}/versions/{version}/xlsform': () => ({}),

  'GET /waves/{waveId}/recodes': () => ({}),
  'POST /waves/{waveId}/recodes': async (c) => {
    const { answeredOther } = await import('./contract-answers.js');
    const { waveId, responseId } = await answeredOther(c);
    return { params: { waveId }, body: { responseId, itemCode: 'report_to', recodedTo: 'politie' } };
  },
  'GET /waves/{waveId}/open-answers': () => ({}),

  'GET /api-tokens': () => ({}),
  'POST /api-tokens': () => ({ body: { name: 'contract', scopes: ['read'] } }),
  'DELETE /api-tokens/{tokenId}': async (c) => {
    const created = await c.call('POST', '/api/v1/api-tokens', { name: 'to delete', scopes: ['read'] });
    return { params: { tokenId: created.id } };
  },

  'GET /users': () => ({}),
  'POST /users': () => ({ body: { email: `${unique('new')}@contract.test`, displayName: 'Nieuw' } }),
  'GET /users/{userId}': () => ({}),
  'PATCH /users/{userId}': () => ({ body: { displayName: 'Anders' } }),
  'GET /users/{userId}/api-tokens': () => ({}),
  'DELETE /users/{userId}/api-tokens/{tokenId}': async (c) => {
    // A token of organisation A's user made for this purpose (the world's own token stays for later fixtures).
    const created = await c.call(
      'POST',
      '/api/v1/api-tokens',
      { name: 'revoked by admin', scopes: ['read'] },
      'coordinatorA',
    );
    return { params: { userId: c.world.userA.id, tokenId: created.id } };
  },
  'POST /users/{userId}/memberships': (c) => ({
    body: { organisationId: c.world.orgB.id, role: 'reporter' },
  }),
  'DELETE /users/{userId}/memberships/{orgId}/{role}': async (c) => {
    await c.call('POST', `/api/v1/users/${c.world.userA.id}/memberships`, {
      organisationId: c.world.orgB.id,
      role: 'case_handler',
    });
    return { params: { userId: c.world.userA.id, orgId: c.world.orgB.id, role: 'case_handler' } };
  },

  'GET /organisations': () => ({}),
  'POST /organisations': () => ({
    body: { code: 'GM9101', name: 'Contractdorp', layer: 'gemeente', provinceCode: 'PV26' },
  }),
  'GET /organisations/{orgId}': () => ({}),
  'PATCH /organisations/{orgId}': () => ({ body: { inhabitants: 1000, inhabitantsDate: '2026-01-01' } }),
  'GET /organisations/{orgId}/mergers': () => ({}),
  'GET /organisation-mergers': () => ({}),
  'POST /organisation-mergers': async (c) => {
    const code = `GM${9200 + ++counter}`;
    await c.call('POST', '/api/v1/organisations', {
      code,
      name: 'Opgeheven',
      layer: 'gemeente',
      provinceCode: 'PV26',
    });
    return {
      body: {
        effectiveDate: '2026-01-01',
        type: 'uitbreiding',
        successorCode: 'GM9001',
        sources: [{ code }],
      },
    };
  },
  'GET /organisation-successors': () => ({ query: { code: 'GM9001', date: '2026-06-01' } }),
  'POST /organisation-imports': () => ({
    body: {
      files: [
        {
          name: 'x.csv',
          content: 'code,name,layer,province_code,inhabitants\r\nGM9602,Proefdorp,gemeente,PV20,100\r\n',
        },
      ],
      dryRun: true,
    },
  }),

  'GET /jobs': () => ({}),
  'POST /jobs/{jobId}/retry': async (c) => {
    const { paramFixtures } = await import('./route-fixtures.js');
    const jobId = await paramFixtures.jobId!(c.world);
    await c.database.query(`update pgboss.job set state = 'failed' where id = $1`, [jobId]);
    return { params: { jobId } };
  },
  'GET /mail-messages': () => ({}),
  'GET /mail-messages/{messageId}': () => ({}),

  'GET /waves': () => ({}),
  'POST /waves': () => ({ body: { code: unique('contract-new-'), name: 'Nieuwe meting' } }),
  'GET /waves/{waveId}': () => ({}),
  'PATCH /waves/{waveId}': async (c) => ({
    params: { waveId: await draftWave(c) },
    body: { name: 'Anders' },
  }),
  'PUT /waves/{waveId}/questionnaires/{targetGroup}': async (c) => ({
    params: { waveId: await draftWave(c), targetGroup: 'office_holders' },
    body: { questionnaireVersionId: await officeHoldersVersion(c) },
  }),
  'POST /waves/{waveId}/transitions': async (c) => {
    const waveId = await readyWave(c);
    await c.app.inject({
      method: 'POST',
      url: `/api/v1/waves/${waveId}/frame-imports`,
      headers: { authorization: `Bearer ${c.bearer}`, 'content-type': 'text/csv' },
      payload: frameCsv,
    });
    return { params: { waveId }, body: { transition: 'open' } };
  },
  'POST /waves/{waveId}/frame-imports': async (c) => ({
    params: { waveId: await draftWave(c) },
    raw: { contentType: 'text/csv', payload: frameCsv },
  }),
  'GET /waves/{waveId}/frame': () => ({}),
  'DELETE /waves/{waveId}/frame': async (c) => ({ params: { waveId: await draftWave(c) } }),
  'POST /waves/{waveId}/invitations': () => ({}),
  'POST /waves/{waveId}/reminders': () => ({}),
  'GET /waves/{waveId}/response-rates': () => ({}),
  // a wave without a run answers run: null; the trend needs the built-in indicator definitions
  'GET /waves/{waveId}/results': () => ({}),
  'GET /indicators/{indicatorId}/trend': async (c) => {
    const { ensureBuiltinIndicators } = await import('../../src/results/indicators/service.js');
    const { systemActor } = await import('../../src/platform/audit/audit.js');
    await ensureBuiltinIndicators(c.database.db, systemActor);
    return { params: { indicatorId: 'agr_any_12m' } };
  },
  'GET /waves/{waveId}/non-respondents': () => ({ query: { format: 'json' } }),
  'GET /waves/{waveId}/responses': () => ({ query: { format: 'csv' } }),
  'GET /waves/{waveId}/mail-preview': () => ({ query: { kind: 'reminder' } }),

  ...incidentFixtures,
};
