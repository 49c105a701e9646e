/**
 * The Meldpunt settings of an organisation (issue 16, items 2 and 3), kept by its coordinator: the term
 * for first contact in working days, how many years after closure personal data is removed
 * (./retention.ts), and after how many days a draft never sent is removed. Changes are audited with the
 * old and new numbers (no personal data).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { assertCan, type Principal } from '../../platform/access/policy.js';
import { audit } from '../../platform/audit/audit.js';
import { actorOf } from '../../platform/auth/actor.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import { incidentSettings } from './schema.js';

export const settingLimits = {
  firstContactWorkingDays: { min: 1, max: 10 },
  retentionYears: { min: 1, max: 10 },
  draftRetentionDays: { min: 14, max: 365 },
} as const;

export const defaultSettings = { firstContactWorkingDays: 1, retentionYears: 5, draftRetentionDays: 90 };

export type IncidentSettings = typeof defaultSettings;

const int = (k: keyof typeof settingLimits) =>
  z.number().int().min(settingLimits[k].min).max(settingLimits[k].max);

/** A change: any of the settings; those left out stay as they are. */
export const settingsChange = z.strictObject({
  firstContactWorkingDays: int('firstContactWorkingDays').optional(),
  retentionYears: int('retentionYears').optional(),
  draftRetentionDays: int('draftRetentionDays').optional(),
});

async function current(db: DbOrTx, organisationId: string): Promise<IncidentSettings> {
  const [row] = await db
    .select()
    .from(incidentSettings)
    .where(eq(incidentSettings.organisationId, organisationId));
  return row
    ? {
        firstContactWorkingDays: row.firstContactWorkingDays,
        retentionYears: row.retentionYears,
        draftRetentionDays: row.draftRetentionDays,
      }
    : { ...defaultSettings };
}

export async function settingsOf(
  db: DbOrTx,
  p: Principal,
  organisationId: string,
): Promise<IncidentSettings> {
  assertCan(p, 'incident.settings', organisationId);
  return current(db, organisationId);
}

export async function changeSettings(
  db: Db,
  p: Principal,
  organisationId: string,
  change: z.infer<typeof settingsChange>,
): Promise<IncidentSettings> {
  assertCan(p, 'incident.settings', organisationId);
  const c = settingsChange.parse(change);
  return db.transaction(async (tx) => {
    const before = await current(tx, organisationId);
    const after = { ...before, ...c };
    await tx
      .insert(incidentSettings)
      .values({ organisationId, ...after, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: incidentSettings.organisationId,
        set: { ...after, updatedAt: new Date() },
      });
    const changed = (Object.keys(after) as Array<keyof IncidentSettings>).filter(
      (k) => after[k] !== before[k],
    );
    if (changed.length)
      await audit(tx, actorOf(p), {
        action: 'incident.settings',
        resourceType: 'incident-settings',
        resourceId: organisationId,
        organisationId,
        diff: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])),
      });
    return after;
  });
}
