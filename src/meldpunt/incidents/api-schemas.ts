/**
 * The schemas of the incident API (./api.ts): parameters, bodies and outputs (they become the OpenAPI
 * document), and the mapping of an incident view to its output.
 */
import { z } from 'zod';
import {
  channels,
  consequences,
  draftSchema,
  followUpStates,
  forms,
  incidentStates,
  locations,
  measureKinds,
  perpetratorKinds,
  perpetratorKnowns,
  recurrences,
  reporterRelations,
  roles,
  severities,
  taskKinds,
  traits,
} from './model.js';
import type { IncidentView } from './service.js';

export const tags = ['incidents'];
const blank = (v: unknown) => (v === '' ? undefined : v);

export const incidentParams = z.object({ incidentId: z.uuid().describe('incident id') });
export const taskParams = incidentParams.extend({ taskId: z.uuid().describe('task id') });
export const userParams = incidentParams.extend({ userId: z.uuid().describe('case handler (user id)') });

export const taskOut = z
  .object({
    id: z.uuid(),
    kind: z.enum(taskKinds),
    title: z.string().nullable(),
    dueOn: z.string(),
    doneAt: z.string().nullable(),
  })
  .meta({ id: 'IncidentTask' });

export const incidentOut = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    state: z.enum(incidentStates),
    reporterRelation: z.enum(reporterRelations).nullable(),
    concernedName: z.string().nullable(),
    concernedRole: z.enum(roles).nullable(),
    occurredOn: z.string().nullable(),
    occurredTime: z.string().nullable(),
    recurrence: z.enum(recurrences).nullable(),
    location: z.enum(locations).nullable(),
    channel: z.enum(channels).nullable(),
    channelDetail: z.string().nullable(),
    forms: z.array(z.enum(forms)),
    traits: z.array(z.enum(traits)),
    perpetratorKnown: z.enum(perpetratorKnowns).nullable(),
    perpetratorKind: z.enum(perpetratorKinds).nullable(),
    perpetratorDescription: z.string().nullable(),
    perpetratorName: z
      .string()
      .nullable()
      .describe('only for the coordinator (and the reporter while a draft); null otherwise'),
    severity: z.enum(severities).nullable(),
    consequences: z.array(z.enum(consequences)),
    description: z.string().nullable(),
    policeContacted: z.boolean(),
    aangifteMade: z.boolean(),
    aangifteWanted: z.boolean(),
    wantsContact: z.boolean(),
    wantsSupport: z.boolean(),
    wantsAftercare: z.boolean(),
    referralConsentOn: z.string().nullable(),
    referredOn: z.string().nullable(),
    assignees: z.array(z.uuid()),
    history: z.array(
      z.object({
        fromState: z.string().nullable(),
        toState: z.string(),
        at: z.string(),
        actor: z.string(),
        note: z.string().nullable(),
      }),
    ),
    tasks: z.array(taskOut),
    measures: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(measureKinds),
        decidedOn: z.string(),
        note: z.string().nullable(),
      }),
    ),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Incident' });

export const summaryOut = z
  .object({
    id: z.uuid(),
    state: z.enum(incidentStates),
    occurredOn: z.string().nullable(),
    submittedAt: z.string().nullable(),
    forms: z.array(z.enum(forms)),
    severity: z.enum(severities).nullable(),
    concernedRole: z.enum(roles).nullable(),
    channel: z.enum(channels).nullable(),
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    nextDueOn: z.string().nullable(),
  })
  .meta({ id: 'IncidentSummary' });

type Out = z.infer<typeof incidentOut>;
export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toOut(v: IncidentView): Out {
  const i = v.incident;
  return {
    id: i.id,
    organisationId: i.organisationId,
    state: i.state as Out['state'],
    reporterRelation: i.reporterRelation as Out['reporterRelation'],
    concernedName: i.concernedName,
    concernedRole: i.concernedRole as Out['concernedRole'],
    occurredOn: i.occurredOn,
    occurredTime: i.occurredTime,
    recurrence: i.recurrence as Out['recurrence'],
    location: i.location as Out['location'],
    channel: i.channel as Out['channel'],
    channelDetail: i.channelDetail,
    forms: i.forms as Out['forms'],
    traits: i.traits as Out['traits'],
    perpetratorKnown: i.perpetratorKnown as Out['perpetratorKnown'],
    perpetratorKind: i.perpetratorKind as Out['perpetratorKind'],
    perpetratorDescription: i.perpetratorDescription,
    perpetratorName: v.perpetratorName,
    severity: i.severity as Out['severity'],
    consequences: i.consequences as Out['consequences'],
    description: i.description,
    policeContacted: i.policeContacted,
    aangifteMade: i.aangifteMade,
    aangifteWanted: i.aangifteWanted,
    wantsContact: i.wantsContact,
    wantsSupport: i.wantsSupport,
    wantsAftercare: i.wantsAftercare,
    referralConsentOn: i.referralConsentOn,
    referredOn: i.referredOn,
    assignees: [...v.parties.assignees],
    history: v.history.map((h) => ({
      fromState: h.fromState,
      toState: h.toState,
      at: h.at.toISOString(),
      actor: h.actorLabel,
      note: h.note,
    })),
    tasks: v.tasks.map((t) => ({
      id: t.id,
      kind: t.kind as z.infer<typeof taskOut>['kind'],
      title: t.title,
      dueOn: t.dueOn,
      doneAt: iso(t.doneAt),
    })),
    measures: v.measures.map((m) => ({
      id: m.id,
      kind: m.kind as (typeof measureKinds)[number],
      decidedOn: m.decidedOn,
      note: m.note,
    })),
    createdAt: i.createdAt.toISOString(),
    submittedAt: iso(i.submittedAt),
    closedAt: iso(i.closedAt),
  };
}

export const createBody = draftSchema.extend({
  organisationId: z.uuid().describe('the organisation the incident is reported to'),
  draft: z.boolean().default(false).describe('true: save as a draft (nothing required yet)'),
});

export const listQuery = z.object({
  organisationId: z.uuid(),
  state: z.preprocess(blank, z.enum(followUpStates).optional()),
  form: z.preprocess(blank, z.enum(forms).optional()),
  severity: z.preprocess(blank, z.enum(severities).optional()),
  overdue: z
    .preprocess(blank, z.enum(['true', 'false']).optional())
    .describe('only incidents with overdue tasks'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const day = z.iso.date();
