/**
 * Incidents by the same perpetrator within one organisation (issue 16, item 2 ★), so that earlier
 * incidents are in view when the coordinator decides on a measure. Names are compared through a
 * pseudonymous key, never as text: HMAC-SHA256 of the normalised name (case, accents and spacing do not
 * count) under the organisation's own key, HKDF-SHA256 of ENCRYPTION_KEY for the purpose
 * `incident-perpetrator:<organisation id>`. The same name in two organisations gives two unrelated keys.
 * Keys are computed when needed (a new or changed name has none yet) and removed with the name.
 * Only the coordinator sees the links (the same rule as the name itself); the incidents shown are
 * audited as viewed.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Principal } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/auth/actor.js';
import { encryptionKeyFor } from '../../platform/auth/secret-box.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import { mayReadPerpetratorName } from './access.js';
import { incidentRow, partiesOf } from './repository.js';
import { incidentMeasures, incidentPerpetratorNames, incidents } from './schema.js';
import { incidentAudit } from './service.js';

type KeyConfig = Parameters<typeof encryptionKeyFor>[0];

/** The name as compared: lower case, without accents, punctuation or repeated spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function perpetratorKey(config: KeyConfig, organisationId: string, name: string): string {
  const key = Buffer.from(
    hkdfSync(
      'sha256',
      encryptionKeyFor(config),
      Buffer.alloc(0),
      `weerbaar:incident-perpetrator:${organisationId}`,
      32,
    ),
  );
  return createHmac('sha256', key).update(normaliseName(name), 'utf8').digest('base64url');
}

/** Computes the missing keys of an organisation's names (new or changed since). */
export async function ensureKeys(db: DbOrTx, config: KeyConfig, organisationId: string): Promise<number> {
  const missing = await db
    .select({ incidentId: incidentPerpetratorNames.incidentId, name: incidentPerpetratorNames.name })
    .from(incidentPerpetratorNames)
    .innerJoin(incidents, eq(incidents.id, incidentPerpetratorNames.incidentId))
    .where(
      and(eq(incidents.organisationId, organisationId), isNull(incidentPerpetratorNames.perpetratorKey)),
    );
  for (const m of missing) {
    if (!normaliseName(m.name)) continue;
    await db
      .update(incidentPerpetratorNames)
      .set({ perpetratorKey: perpetratorKey(config, organisationId, m.name) })
      .where(eq(incidentPerpetratorNames.incidentId, m.incidentId));
  }
  return missing.length;
}

export interface LinkedIncident {
  id: string;
  occurredOn: string | null;
  state: string;
  forms: string[];
  severity: string | null;
  measures: string[];
}

/**
 * Other submitted incidents of the organisation with the same perpetrator, newest first; [] for anyone
 * who may not read the perpetrator's name, and for incidents without a name.
 */
export async function linkedIncidents(
  db: Db,
  config: KeyConfig,
  p: Principal,
  incidentId: string,
): Promise<LinkedIncident[]> {
  return db.transaction(async (tx) => {
    const row = await incidentRow(tx, incidentId);
    if (!row || !mayReadPerpetratorName(p, await partiesOf(tx, row)) || row.state === 'draft') return [];
    await ensureKeys(tx, config, row.organisationId);
    const [own] = await tx
      .select({ key: incidentPerpetratorNames.perpetratorKey })
      .from(incidentPerpetratorNames)
      .where(eq(incidentPerpetratorNames.incidentId, incidentId));
    if (!own?.key) return [];
    const others = await tx
      .select({
        id: incidents.id,
        occurredOn: incidents.occurredOn,
        state: incidents.state,
        forms: incidents.forms,
        severity: incidents.severity,
      })
      .from(incidentPerpetratorNames)
      .innerJoin(incidents, eq(incidents.id, incidentPerpetratorNames.incidentId))
      .where(
        and(
          eq(incidentPerpetratorNames.perpetratorKey, own.key),
          eq(incidents.organisationId, row.organisationId),
          ne(incidents.id, incidentId),
          ne(incidents.state, 'draft'),
        ),
      )
      .orderBy(desc(incidents.occurredOn))
      .limit(50);
    if (!others.length) return [];
    const measures = await tx
      .select({ incidentId: incidentMeasures.incidentId, kind: incidentMeasures.kind })
      .from(incidentMeasures)
      .where(
        inArray(
          incidentMeasures.incidentId,
          others.map((o) => o.id),
        ),
      );
    for (const o of others)
      await incidentAudit(
        tx,
        actorOf(p),
        'incident.view-linked',
        { id: o.id, organisationId: row.organisationId },
        {
          from: incidentId,
        },
      );
    return others.map((o) => ({
      ...o,
      measures: measures.filter((m) => m.incidentId === o.id).map((m) => m.kind),
    }));
  });
}
