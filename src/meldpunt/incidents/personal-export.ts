/**
 * The person's own data (AVG art. 15, issue 16 item 3): every incident they reported or that concerns
 * them — the report, its states, measures, referral and the list of evidence — and their entries on
 * contact lists, as JSON. Not included: the perpetrator's name (a third party's data, for the
 * coordinator only) and who handled the incident. The export is audited (ids only).
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Principal } from '../../platform/access/policy.js';
import { audit } from '../../platform/audit/audit.js';
import { actorOf } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import {
  incidentContacts,
  incidentEvidence,
  incidentMeasures,
  incidentStateChanges,
  incidents,
} from './schema.js';

export async function personalExport(db: Db, p: Principal, now = new Date()) {
  return db.transaction(async (tx) => {
    const own = await tx
      .select()
      .from(incidents)
      .where(or(eq(incidents.reporterUserId, p.userId), eq(incidents.concernedUserId, p.userId)))
      .orderBy(asc(incidents.createdAt));
    const ids = own.map((i) => i.id);
    const [history, measures, evidence] = ids.length
      ? await Promise.all([
          tx
            .select({
              incidentId: incidentStateChanges.incidentId,
              fromState: incidentStateChanges.fromState,
              toState: incidentStateChanges.toState,
              at: incidentStateChanges.at,
            })
            .from(incidentStateChanges)
            .where(inArray(incidentStateChanges.incidentId, ids))
            .orderBy(asc(incidentStateChanges.seq)),
          tx
            .select({
              incidentId: incidentMeasures.incidentId,
              kind: incidentMeasures.kind,
              decidedOn: incidentMeasures.decidedOn,
            })
            .from(incidentMeasures)
            .where(inArray(incidentMeasures.incidentId, ids)),
          tx
            .select({
              incidentId: incidentEvidence.incidentId,
              fileName: incidentEvidence.fileName,
              contentType: incidentEvidence.contentType,
              sizeBytes: incidentEvidence.sizeBytes,
              createdAt: incidentEvidence.createdAt,
            })
            .from(incidentEvidence)
            .where(inArray(incidentEvidence.incidentId, ids)),
        ])
      : [[], [], []];
    const contacts = await tx
      .select({
        organisationId: incidentContacts.organisationId,
        name: incidentContacts.name,
        email: incidentContacts.email,
        role: incidentContacts.role,
      })
      .from(incidentContacts)
      .where(eq(incidentContacts.email, p.email.toLowerCase()));
    await audit(tx, actorOf(p), {
      action: 'incident.personal-export',
      resourceType: 'user',
      resourceId: p.userId,
      diff: { incidents: ids },
    });
    const of = <T extends { incidentId: string }>(rows: T[], id: string) =>
      rows.filter((r) => r.incidentId === id).map(({ incidentId: _i, ...rest }) => rest);
    return {
      exportedAt: now.toISOString(),
      person: { email: p.email, displayName: p.displayName },
      contactLists: contacts,
      incidents: own.map((i) => ({
        id: i.id,
        organisationId: i.organisationId,
        yourRelation: [
          i.reporterUserId === p.userId && 'reporter',
          i.concernedUserId === p.userId && 'concerned',
        ].filter(Boolean),
        state: i.state,
        reporterRelation: i.reporterRelation,
        concernedName: i.concernedName,
        concernedRole: i.concernedRole,
        occurredOn: i.occurredOn,
        occurredTime: i.occurredTime,
        recurrence: i.recurrence,
        location: i.location,
        channel: i.channel,
        channelDetail: i.channelDetail,
        forms: i.forms,
        traits: i.traits,
        perpetratorKnown: i.perpetratorKnown,
        perpetratorKind: i.perpetratorKind,
        perpetratorDescription: i.perpetratorDescription,
        severity: i.severity,
        consequences: i.consequences,
        description: i.description,
        policeContacted: i.policeContacted,
        aangifteMade: i.aangifteMade,
        aangifteWanted: i.aangifteWanted,
        wantsContact: i.wantsContact,
        wantsSupport: i.wantsSupport,
        wantsAftercare: i.wantsAftercare,
        referralConsentOn: i.referralConsentOn,
        referredOn: i.referredOn,
        createdAt: i.createdAt,
        submittedAt: i.submittedAt,
        closedAt: i.closedAt,
        history: of(history, i.id),
        measures: of(measures, i.id),
        evidence: of(evidence, i.id),
      })),
    };
  });
}
