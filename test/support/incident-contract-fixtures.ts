/**
 * Valid requests to the incident API (src/meldpunt/incidents/api.ts) for the contract test, merged into
 * test/support/api-fixtures.ts. An incident is visible only to its reporter, the person concerned, the
 * organisation's coordinator and the assigned case handlers (src/meldpunt/incidents/access.ts), never to
 * a platform admin, so these are sent by organisation A's user of the isolation world, who holds every
 * organisation role in A. A fixture that changes an incident reports one of its own.
 */
import { randomUUID } from 'node:crypto';
import { completeReport } from '../../src/meldpunt/incidents/fixtures.js';
import type { ContractContext, OperationFixture, RequestFixture, Sender } from './api-fixtures.js';

const as: Sender = 'coordinatorA';
const byCoordinator = (request: RequestFixture): OperationFixture => ({ as, request });

interface Reported {
  id: string;
  tasks: Array<{ id: string; doneAt: string | null }>;
}

/** A contact on organisation A's list, made for one fixture. */
async function contact(c: ContractContext): Promise<string> {
  const [row] = await c.database.query<{ id: string }>(
    `insert into incident_contacts (organisation_id, email, name) values ($1, $2, 'Contract Contact') returning id`,
    [c.world.orgA.id, `contract-${randomUUID()}@example.org`],
  );
  return row!.id;
}

/** A PNG's signature and a few bytes: what the evidence sniffer takes for a screenshot. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(24, 7),
]);
const octet = { contentType: 'application/octet-stream', payload: PNG };

/** A submitted incident of organisation A, reported by A's user (who is also its coordinator). */
const reported = (c: ContractContext): Promise<Reported> =>
  c.call('POST', '/api/v1/incidents', { organisationId: c.world.orgA.id, ...completeReport() }, as);

export const incidentFixtures: Record<string, OperationFixture> = {
  'GET /incidents': byCoordinator((c) => ({ query: { organisationId: c.world.orgA.id } })),
  'POST /incidents': byCoordinator((c) => ({
    body: { organisationId: c.world.orgA.id, ...completeReport() },
  })),
  'GET /incidents/{incidentId}': byCoordinator(() => ({})),
  'POST /incidents/{incidentId}/state-changes': byCoordinator(async (c) => ({
    params: { incidentId: (await reported(c)).id },
    body: { state: 'in_behandeling', note: 'Opgepakt' },
  })),
  'POST /incidents/{incidentId}/assignees': byCoordinator(async (c) => ({
    params: { incidentId: (await reported(c)).id },
    body: { userId: c.world.userA.id },
  })),
  'DELETE /incidents/{incidentId}/assignees/{userId}': byCoordinator(async (c) => {
    const { id } = await reported(c);
    await c.call('POST', `/api/v1/incidents/${id}/assignees`, { userId: c.world.userA.id }, as);
    return { params: { incidentId: id, userId: c.world.userA.id } };
  }),
  'POST /incidents/{incidentId}/tasks': byCoordinator(async (c) => ({
    params: { incidentId: (await reported(c)).id },
    body: { title: 'Terugbellen', dueOn: '2026-12-31' },
  })),
  'POST /incidents/{incidentId}/tasks/{taskId}/completion': byCoordinator(async (c) => {
    const incident = await reported(c);
    const open = incident.tasks.find((t) => t.doneAt === null);
    if (!open) throw new Error('a reported incident has open tasks');
    return { params: { incidentId: incident.id, taskId: open.id } };
  }),
  'POST /incidents/{incidentId}/measures': byCoordinator(async (c) => ({
    params: { incidentId: (await reported(c)).id },
    body: { kind: 'talk', decidedOn: '2026-12-02', note: 'Gesprek met de dader' },
  })),
  'PUT /incidents/{incidentId}/referral': byCoordinator(async (c) => ({
    params: { incidentId: (await reported(c)).id },
    body: { consentOn: '2026-12-02', referredOn: '2026-12-03' },
  })),
  'GET /organisations/{orgId}/incident-contacts': byCoordinator(() => ({})),
  'PUT /organisations/{orgId}/incident-contacts': byCoordinator(() => ({
    body: {
      contacts: [
        { name: 'Contact A', email: 'contact-a@example.org', role: 'raadslid' },
        { name: 'Ander Contact', email: 'ander@example.org' },
      ],
    },
  })),
  'POST /organisations/{orgId}/incident-contact-imports': byCoordinator(() => ({
    query: { fileName: 'contacten.csv' },
    raw: {
      contentType: 'text/csv',
      payload: Buffer.from('naam,e-mail,functie\nContact A,contact-a@example.org,raadslid\n', 'utf8'),
    },
  })),
  'DELETE /organisations/{orgId}/incident-contacts/{contactId}': byCoordinator(async (c) => ({
    params: { orgId: c.world.orgA.id, contactId: await contact(c) },
  })),
  'PUT /incidents/{incidentId}/concerned-contact': byCoordinator(async (c) => ({
    params: { incidentId: (await reported(c)).id },
    body: { contactId: await contact(c) },
  })),
  'GET /incidents/{incidentId}/evidence': byCoordinator(() => ({})),
  'POST /incidents/{incidentId}/evidence': byCoordinator(async (c) => ({
    params: { incidentId: (await reported(c)).id },
    query: { fileName: 'scherm.png' },
    raw: octet,
  })),
  'GET /incidents/{incidentId}/evidence/{evidenceId}': byCoordinator(async (c) => {
    const { id } = await reported(c);
    const res = await c.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${id}/evidence?fileName=scherm.png`,
      headers: { authorization: `Bearer ${c.bearers[as]}`, 'content-type': octet.contentType },
      payload: octet.payload,
    });
    if (res.statusCode !== 201)
      throw new Error(`evidence upload: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { params: { incidentId: id, evidenceId: res.json().id } };
  }),
  'GET /organisations/{orgId}/incident-settings': byCoordinator(() => ({})),
  'PATCH /organisations/{orgId}/incident-settings': byCoordinator(() => ({
    body: { retentionYears: 7, draftRetentionDays: 60 },
  })),
};
