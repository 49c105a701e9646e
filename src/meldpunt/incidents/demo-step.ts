/**
 * Demo: a year of invented incidents for Utrecht (GM0344) and the province of Zeeland (PV29), in every
 * state, with their history, default tasks (some done, some due, some overdue), assignments to the
 * Utrecht case handler, measures and referrals, so that the follow-up pages have content for the demo
 * users coordinator, case handler and reporter of Utrecht. Deterministic (a seeded generator), dated
 * relative to the day the demo is loaded. Names are invented.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import { organisationByCode } from '../../platform/auth/organisations.js';
import { getUserByEmail } from '../../platform/auth/users-service.js';
import type { Tx } from '../../platform/db/database.js';
import type { DemoStep } from '../../platform/demo/demo.js';
import { type FollowUpState, type IncidentForm, measureKinds, type roles } from './model.js';
import {
  incidentAssignments,
  incidentMeasures,
  incidentPerpetratorNames,
  incidentStateChanges,
  incidents,
  incidentTasks,
} from './schema.js';
import { defaultTasks } from './tasks.js';
import { addDays, addWorkingDays, dutchDate } from './working-days.js';

/** mulberry32: a small seeded generator, so every demo install has the same incidents. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** One of the values, weighted. */
  const weighted = <T>(pairs: ReadonlyArray<[T, number]>): T => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = next() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  };
  return { next, pick, weighted };
}

const scenarios: ReadonlyArray<{
  forms: IncidentForm[];
  channel: string;
  location: string;
  description: string;
}> = [
  {
    forms: ['verbal_scolding', 'verbal_insult'],
    channel: 'social_media',
    location: 'online',
    description: 'Onder een bericht over het raadsbesluit werd ik uitgescholden en beledigd.',
  },
  {
    forms: ['threat'],
    channel: 'social_media',
    location: 'online',
    description: 'In een privébericht stond dat ik "wel zou zien wat er gebeurt" als ik zo bleef stemmen.',
  },
  {
    forms: ['intimidation', 'verbal_scolding'],
    channel: 'in_person',
    location: 'work',
    description: 'Na de raadsvergadering werd ik bij de uitgang opgewacht en luid toegesproken.',
  },
  {
    forms: ['verbal_discriminatory'],
    channel: 'mail',
    location: 'online',
    description: 'Ik kreeg een e-mail met kleinerende opmerkingen over mijn afkomst.',
  },
  {
    forms: ['threat', 'against_family'],
    channel: 'letter',
    location: 'home',
    description: 'Er lag een brief in de bus met een bedreiging gericht aan mijn gezin.',
  },
  {
    forms: ['physical_violence'],
    channel: 'in_person',
    location: 'public',
    description: 'Tijdens een bijeenkomst in de wijk werd ik geduwd en vastgegrepen.',
  },
  {
    forms: ['stalking', 'intimidation'],
    channel: 'in_person',
    location: 'home',
    description: 'Dezelfde persoon staat al weken regelmatig bij mijn huis en maakt foto’s.',
  },
  {
    forms: ['doxing', 'threat'],
    channel: 'social_media',
    location: 'online',
    description: 'Mijn huisadres werd online gezet met de oproep om "eens langs te gaan".',
  },
  {
    forms: ['verbal_insult'],
    channel: 'phone',
    location: 'work',
    description: 'Een beller werd boos over een vergunning en schold mij aan de telefoon uit.',
  },
  {
    forms: ['sexual_intimidation'],
    channel: 'social_media',
    location: 'online',
    description: 'Ik ontving herhaaldelijk seksueel getinte berichten na een interview.',
  },
  {
    forms: ['property_damage', 'intimidation'],
    channel: 'in_person',
    location: 'home',
    description: 'De banden van mijn auto voor mijn huis waren lek gestoken, met een briefje erbij.',
  },
];

const perpetratorNames = ['J. de Wit', 'M. Verhoeven', 'R. Kok', 'S. van Dam', 'T. Hendriks'];
const demoRoles = {
  GM0344: ['burgemeester', 'wethouder', 'raadslid', 'raadslid', 'raadslid', 'griffier', 'employee'],
  PV29: ['commissaris', 'gedeputeerde', 'statenlid', 'statenlid', 'employee'],
} as const;

interface OrgPlan {
  code: keyof typeof demoRoles;
  count: number;
  seed: number;
  reporter: string;
  coordinator: string;
  handler?: string;
}

const plans: OrgPlan[] = [
  {
    code: 'GM0344',
    count: 64,
    seed: 344,
    reporter: 'melder.utrecht@weerbaar.demo',
    coordinator: 'coordinator.utrecht@weerbaar.demo',
    handler: 'casehandler.utrecht@weerbaar.demo',
  },
  {
    code: 'PV29',
    count: 26,
    seed: 29,
    reporter: 'coordinator.zeeland@weerbaar.demo',
    coordinator: 'coordinator.zeeland@weerbaar.demo',
  },
];

/** The state an incident has reached, by its age in days (older ones are further along). */
function stateFor(age: number, r: number): FollowUpState {
  if (age < 3) return r < 0.7 ? 'gemeld' : 'in_behandeling';
  if (age < 30)
    return r < 0.15 ? 'gemeld' : r < 0.7 ? 'in_behandeling' : r < 0.9 ? 'maatregelen' : 'afgesloten';
  if (age < 120) return r < 0.3 ? 'in_behandeling' : r < 0.6 ? 'maatregelen' : 'afgesloten';
  return r < 0.08 ? 'in_behandeling' : r < 0.2 ? 'maatregelen' : 'afgesloten';
}

const path: FollowUpState[] = ['gemeld', 'in_behandeling', 'maatregelen', 'afgesloten'];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+01:00`);

/** The first four incidents of an organisation: one in every state. */
const fixed: Array<[number, FollowUpState]> = [
  [1, 'gemeld'],
  [9, 'in_behandeling'],
  [45, 'maatregelen'],
  [200, 'afgesloten'],
];

async function loadOrg(tx: Tx, plan: OrgPlan, today: string): Promise<number> {
  const org = await organisationByCode(tx, plan.code);
  const reporter = await getUserByEmail(tx, plan.reporter);
  const coordinator = await getUserByEmail(tx, plan.coordinator);
  if (!org || !reporter || !coordinator) return 0;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(eq(incidents.organisationId, org.id));
  if (n > 0) return 0;
  const handler = plan.handler ? await getUserByEmail(tx, plan.handler) : undefined;
  const g = generator(plan.seed);
  const rows = {
    incidents: [] as Array<typeof incidents.$inferInsert>,
    names: [] as Array<typeof incidentPerpetratorNames.$inferInsert>,
    history: [] as Array<typeof incidentStateChanges.$inferInsert>,
    assignments: [] as Array<typeof incidentAssignments.$inferInsert>,
    tasks: [] as Array<typeof incidentTasks.$inferInsert>,
    measures: [] as Array<typeof incidentMeasures.$inferInsert>,
  };
  for (let k = 0; k < plan.count; k++) {
    // Spread over the past year, denser in recent months.
    const age = k < fixed.length ? fixed[k]![0] : Math.floor(365 * g.next() ** 1.3);
    const submittedOn = addDays(today, -age);
    const occurredOn = addDays(submittedOn, -Math.floor(g.next() * 4));
    const s = g.pick(scenarios);
    const drawn = stateFor(age, g.next());
    const state = k < fixed.length ? fixed[k]![1] : drawn;
    const byPhone = g.next() < 0.2;
    const by = byPhone ? coordinator : reporter;
    const known = g.next() < 0.55;
    const referred =
      state !== 'gemeld' && s.forms.some((f) => f === 'threat' || f === 'against_family') && g.next() < 0.4;
    const id = randomUUID();
    rows.incidents.push({
      id,
      organisationId: org.id,
      state,
      reporterUserId: by.id,
      concernedUserId: byPhone ? null : reporter.id,
      reporterRelation: byPhone ? 'coordinator_phone' : 'self',
      concernedName: byPhone ? g.pick(['A. Jansen', 'B. el Idrissi', 'C. de Graaf', 'D. Willems']) : null,
      concernedRole: g.pick(demoRoles[plan.code]) as (typeof roles)[number],
      occurredOn,
      occurredTime: `${String(8 + Math.floor(g.next() * 14)).padStart(2, '0')}:${g.pick(['00', '15', '30', '45'])}`,
      recurrence: g.weighted([
        ['once', 6],
        ['repeated', 3],
        ['ongoing', 1],
      ]),
      location: s.location,
      channel: s.channel,
      channelDetail: s.channel === 'social_media' ? g.pick(['X', 'Facebook', 'Instagram', 'TikTok']) : null,
      forms: s.forms,
      traits: g.next() < 0.2 ? [g.pick(['gender', 'origin', 'religion', 'sexual_orientation'])] : [],
      perpetratorKnown: known ? 'known' : 'unknown',
      perpetratorKind: known
        ? g.weighted([
            ['individual', 8],
            ['group', 1],
            ['organisation', 1],
          ])
        : null,
      perpetratorDescription: known ? 'Inwoner die eerder contact had met de gemeente.' : null,
      severity: g.weighted([
        ['not_serious', 3],
        ['serious', 5],
        ['very_serious', 2],
      ]),
      consequences:
        g.next() < 0.5 ? [g.pick(['work', 'family', 'decisions', 'considered_quitting', 'absence'])] : [],
      description: s.description,
      policeContacted: s.forms.includes('physical_violence') || g.next() < 0.2,
      aangifteMade: g.next() < 0.1,
      aangifteWanted: g.next() < 0.25,
      wantsContact: g.next() < 0.8,
      wantsSupport: g.next() < 0.4,
      wantsAftercare: g.next() < 0.5,
      referralConsentOn: referred ? addWorkingDays(submittedOn, 1) : null,
      referredOn: referred ? addWorkingDays(submittedOn, 2) : null,
      createdAt: at(submittedOn, 9),
      updatedAt: at(submittedOn, 9),
      submittedAt: at(submittedOn, 9),
      closedAt: state === 'afgesloten' ? at(addWorkingDays(submittedOn, Math.min(age, 20)), 16) : null,
    });
    if (known && g.next() < 0.6) rows.names.push({ incidentId: id, name: g.pick(perpetratorNames) });
    // History: along the path up to the state reached, spread over the incident's age.
    const steps = path.slice(0, path.indexOf(state) + 1);
    steps.forEach((to, i) => {
      const day = i === 0 ? submittedOn : addDays(submittedOn, Math.round((age * i) / steps.length));
      rows.history.push({
        incidentId: id,
        fromState: i === 0 ? null : steps[i - 1]!,
        toState: to,
        actorId: i === 0 ? by.id : coordinator.id,
        actorLabel: i === 0 ? by.email : coordinator.email,
        at: at(day, 10 + i),
      });
    });
    if (handler && state !== 'gemeld' && g.next() < 0.8) {
      rows.assignments.push({
        incidentId: id,
        userId: handler.id,
        assignedBy: coordinator.id,
        assignedAt: at(submittedOn, 11),
      });
    }
    // Tasks: done when past (mostly), some forgotten (overdue), the future ones open.
    for (const task of defaultTasks(submittedOn, s.forms)) {
      const done = task.dueOn < today && (state === 'afgesloten' || g.next() < 0.75);
      rows.tasks.push({
        incidentId: id,
        kind: task.kind,
        dueOn: task.dueOn,
        doneAt: done ? at(task.dueOn, 14) : null,
        doneBy: done ? (handler ?? coordinator).id : null,
        createdAt: at(submittedOn, 9),
      });
    }
    if (state === 'maatregelen' || (state === 'afgesloten' && g.next() < 0.5)) {
      const police = s.forms.includes('physical_violence') || s.forms.includes('threat');
      rows.measures.push({
        incidentId: id,
        kind: police ? 'police_report' : g.pick(measureKinds),
        decidedOn: addWorkingDays(submittedOn, 3),
        recordedBy: coordinator.id,
      });
    }
  }
  await tx.insert(incidents).values(rows.incidents);
  if (rows.names.length) await tx.insert(incidentPerpetratorNames).values(rows.names);
  await tx.insert(incidentStateChanges).values(rows.history);
  if (rows.assignments.length) await tx.insert(incidentAssignments).values(rows.assignments);
  await tx.insert(incidentTasks).values(rows.tasks);
  if (rows.measures.length) await tx.insert(incidentMeasures).values(rows.measures);
  return plan.count;
}

const step: DemoStep = {
  name: 'incidents',
  async run(tx, actor) {
    const today = dutchDate(new Date());
    for (const plan of plans) {
      const added = await loadOrg(tx, plan, today);
      if (added > 0) {
        const org = await organisationByCode(tx, plan.code);
        await audit(tx, actor, {
          action: 'incident.demo',
          resourceType: 'incident',
          organisationId: org?.id ?? null,
          diff: { count: added },
        });
      }
    }
    return undefined;
  },
};
export default step;
