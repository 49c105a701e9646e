/**
 * Fixtures for the tenant-isolation test (test/support/route-fixtures.ts): a submitted incident of
 * organisation A, reported by A's user, whose description is A's secret, with one open task; a person
 * on A's contact list (named with A's secret).
 */
import { A_SECRET } from '../../../test/support/isolation-world.js';
import type { IsolationWorld } from '../../../test/support/route-fixtures.js';

const made = new WeakMap<IsolationWorld, Promise<{ incidentId: string; taskId: string }>>();

function incidentOf(w: IsolationWorld) {
  let p = made.get(w);
  if (!p) {
    p = (async () => {
      const [row] = await w.database.query<{ id: string }>(
        `insert into incidents (organisation_id, state, reporter_user_id, description, forms, submitted_at)
         values ($1, 'gemeld', $2, $3, '{threat}', now()) returning id`,
        [w.orgA.id, w.userA.id, A_SECRET],
      );
      const [task] = await w.database.query<{ id: string }>(
        "insert into incident_tasks (incident_id, kind, due_on) values ($1, 'first_contact', current_date) returning id",
        [row!.id],
      );
      return { incidentId: row!.id, taskId: task!.id };
    })();
    made.set(w, p);
  }
  return p;
}

export const isolationIncident = async (w: IsolationWorld) => (await incidentOf(w)).incidentId;
export const isolationTask = async (w: IsolationWorld) => (await incidentOf(w)).taskId;

/** A person on organisation A's contact list. */
export async function isolationContact(w: IsolationWorld): Promise<string> {
  const [row] = await w.database.query<{ id: string }>(
    `insert into incident_contacts (organisation_id, email, name) values ($1, 'contact-a@example.org', $2)
     on conflict (organisation_id, email) do update set name = excluded.name returning id`,
    [w.orgA.id, A_SECRET],
  );
  return row!.id;
}

/** A file of evidence of A's incident (its name is A's secret; the content is not encrypted here). */
export async function isolationEvidence(w: IsolationWorld): Promise<string> {
  const incidentId = await isolationIncident(w);
  const [row] = await w.database.query<{ id: string }>(
    `insert into incident_evidence (id, incident_id, file_name, content_type, size_bytes, wrapped_key, sealed, uploaded_by)
     values (gen_random_uuid(), $1, $2, 'application/pdf', 4, 'v1:x', '\\x00', $3) returning id`,
    [incidentId, A_SECRET, w.userA.id],
  );
  return row!.id;
}
