/**
 * The demo waves monitor-2022 and monitor-2024: who is in the frame, who responds, and what they
 * answer. Pure and seeded: the same registry gives the same waves, answer for answer.
 *
 * The "truth" each wave is drawn from is set so that the population values match what was published
 * for that wave (published-figures.json): any aggression 49% (2022) and 45% (2024) with women 55% and
 * men 37% in 2024; belangenverstrengeling seen 40% and 35%; employees 36% and 29%. Note that 55% and
 * 37% average to 45% only if about 44% of office holders were women; with the real share (about a
 * third) the 2024 truth is set at women 56.5%, men 38%, so that all three published figures lie well
 * inside the intervals of the demo's estimates. Roles differ in risk (burgemeesters and wethouders more, waterschap
 * members less); the role factors are normalised within each gender so the gender rates hold.
 * Response rates differ by role and gender (raadsleden lowest), so weighting has work to do.
 */
import { contextOf } from '../../monitor/answering/strata.js';
import { frameStrata, orgSizeCode } from '../../monitor/fieldwork/model.js';
import type { Answers, QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { sizeClassOf } from '../../platform/orgs/model.js';
import { fillQuestionnaire, type ItemModel } from './fill.js';
import { drawForms, type Form, officeHolderModel } from './office-holder-model.js';
import {
  employeeFrame,
  officeHolderFrame,
  organisationFrame,
  type RegistryOrganisation,
  type SyntheticPerson,
} from './population.js';
import { chance, pickFrom, type Rng, seededRng } from './random.js';

export interface WaveTruth {
  year: 2022 | 2024;
  code: string;
  name: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  /** Population share with any aggression in the past 12 months, by gender. */
  aggression: { vrouw: number; man: number };
  /** Population share that saw some form of conflict of interest. */
  conflictOfInterest: number;
  /** Employees with any aggression from outsiders. */
  employeeAggression: number;
  employees: number;
}

export const demoWaveTruths: readonly WaveTruth[] = [
  {
    year: 2022,
    code: 'monitor-2022',
    name: 'Monitor Integriteit en Veiligheid 2022',
    fieldworkStart: '2022-01-17',
    fieldworkEnd: '2022-03-25',
    aggression: { vrouw: 0.58, man: 0.44 },
    conflictOfInterest: 0.4,
    employeeAggression: 0.36,
    employees: 3500,
  },
  {
    year: 2024,
    code: 'monitor-2024',
    name: 'Monitor Integriteit en Veiligheid 2024',
    fieldworkStart: '2024-01-15',
    fieldworkEnd: '2024-03-22',
    aggression: { vrouw: 0.565, man: 0.38 },
    conflictOfInterest: 0.35,
    employeeAggression: 0.29,
    employees: 3500,
  },
];

/** Relative risk of aggression by role (normalised within gender over the frame). */
const roleRisk: Record<string, number> = {
  burgemeester: 1.55,
  wethouder: 1.3,
  raadslid: 0.95,
  cdk: 1.4,
  gedeputeerde: 1.2,
  statenlid: 0.95,
  dijkgraaf: 0.85,
  lid_db: 0.75,
  lid_ab: 0.65,
};

/** Response rate by role; women respond a little less often. */
const responseRate: Record<string, number> = {
  burgemeester: 0.4,
  wethouder: 0.37,
  raadslid: 0.27,
  cdk: 0.42,
  gedeputeerde: 0.38,
  statenlid: 0.32,
  dijkgraaf: 0.4,
  lid_db: 0.36,
  lid_ab: 0.3,
  secretaris: 0.6,
  medewerker: 0.3,
};
const womenResponse = 0.92;

export interface SyntheticResponse {
  targetGroup: SyntheticPerson['targetGroup'];
  /** The frame person (by e-mail address) who answered: used only to mark the invitation completed. */
  email: string;
  answers: Answers;
  completedOn: string;
}

export interface SyntheticWave {
  truth: WaveTruth;
  frame: SyntheticPerson[];
  responses: SyntheticResponse[];
}

/** The response-row strata of a synthetic person, as the monitor stores them (frameStrata). */
export function strataOf(p: SyntheticPerson, org: RegistryOrganisation): Record<string, string> {
  const sizeClass = orgSizeCode(p.layer, sizeClassOf(org.inhabitants));
  const all = frameStrata({ ...p, sizeClass, strata: {} });
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => !!e[1]));
}

function completedOn(rng: Rng, truth: WaveTruth): string {
  const start = Date.parse(`${truth.fieldworkStart}T12:00:00Z`);
  const end = Date.parse(`${truth.fieldworkEnd}T12:00:00Z`);
  const days = Math.floor(((end - start) / 86_400_000) * rng.next() ** 1.6);
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

function normalisedRisk(frame: SyntheticPerson[]): Record<'vrouw' | 'man', number> {
  const sum = { vrouw: 0, man: 0 };
  const n = { vrouw: 0, man: 0 };
  for (const p of frame) {
    sum[p.gender] += roleRisk[p.role] ?? 1;
    n[p.gender]++;
  }
  return { vrouw: sum.vrouw / n.vrouw, man: sum.man / n.man };
}

export interface Questionnaires {
  office_holders: QuestionnaireDefinition;
  organisation_policy: QuestionnaireDefinition;
  employees: QuestionnaireDefinition;
}

/** One demo wave: frames of all three target groups and the completed responses. */
export function generateWave(
  truth: WaveTruth,
  orgs: readonly RegistryOrganisation[],
  defs: Questionnaires,
  seed = `weerbaar-demo-${truth.code}`,
): SyntheticWave {
  const rng = seededRng(seed);
  const orgOf = new Map(orgs.map((o) => [o.code, o]));
  const holders = officeHolderFrame(orgs, rng);
  const policy = organisationFrame(orgs, rng);
  const staff = employeeFrame(orgs, rng, truth.employees);
  const risk = normalisedRisk(holders);
  const responses: SyntheticResponse[] = [];
  const responders = (persons: SyntheticPerson[]) =>
    persons.filter((p) =>
      chance(rng, (responseRate[p.role] ?? 0.3) * (p.gender === 'vrouw' ? womenResponse : 1)),
    );
  const respond = (p: SyntheticPerson, model: ItemModel, def: QuestionnaireDefinition) => {
    const strata = strataOf(p, orgOf.get(p.organisation)!);
    const answers = fillQuestionnaire(def, contextOf(strata), model, rng);
    responses.push({
      targetGroup: p.targetGroup,
      email: p.email,
      answers,
      completedOn: completedOn(rng, truth),
    });
  };
  const holderResponders = responders(holders);
  const pAny = (p: SyntheticPerson) =>
    Math.min(0.97, (truth.aggression[p.gender] * (roleRisk[p.role] ?? 1)) / risk[p.gender]);
  const victim = balanced(rng, holderResponders, (p) => `${p.role}|${p.gender}`, pAny);
  const sawConflict = balanced(
    rng,
    holderResponders,
    (p) => `${p.role}|${p.gender}`,
    () => truth.conflictOfInterest,
  );
  for (const p of holderResponders) {
    const latent = {
      gender: p.gender,
      ageGroup: p.ageGroup,
      experienced: drawForms(rng, victim.has(p)),
      sawConflictOfInterest: sawConflict.has(p),
    };
    respond(p, officeHolderModel(latent, rng), defs.office_holders);
  }
  for (const p of responders(policy)) respond(p, organisationModel(rng, truth), defs.organisation_policy);
  const staffResponders = responders(staff);
  const inGemeente = staff.filter((p) => p.layer === 'gemeente').length / Math.max(1, staff.length);
  const layerNorm = inGemeente * 1.05 + (1 - inGemeente) * 0.8;
  const staffRisk = (p: SyntheticPerson) =>
    Math.min(0.95, (truth.employeeAggression * (p.layer === 'gemeente' ? 1.05 : 0.8)) / layerNorm);
  const staffVictim = balanced(rng, staffResponders, (p) => `${p.layer}|${p.gender}`, staffRisk);
  for (const p of staffResponders) respond(p, employeeModel(rng, p, staffVictim.has(p)), defs.employees);
  return { truth, frame: [...holders, ...policy, ...staff], responses };
}

/** Organisations: most have a protocol and a code; fewer do risk analyses; a little more in 2024. */
function organisationModel(rng: Rng, truth: WaveTruth): ItemModel {
  const later = truth.year === 2024 ? 0.05 : 0;
  return (code) => {
    switch (code) {
      case 'org_protocol_aggression':
        return pickFrom(rng, { ja: 0.78 + later, in_ontwikkeling: 0.08, nee: 0.12 - later, weet_niet: 0.02 });
      case 'org_code_exists':
        return pickFrom(rng, {
          beide: 0.8 + later,
          bestuurders: 0.08,
          volksvertegenwoordigers: 0.04,
          nee: 0.08 - later,
        });
      case 'org_training_aggression_2y':
        return chance(rng, 0.55 + later) ? 'ja' : 'nee';
      case 'org_incident_registration':
        return pickFrom(rng, { alle: 0.45 + later, ernstige: 0.3, nee: 0.25 - later });
      case 'org_risk_analysis_candidates':
        return pickFrom(rng, { altijd: 0.4 + later, soms: 0.25, nee: 0.35 - later });
      case 'org_code_updated_year':
        // most codes are revised after the council elections (2018, 2022)
        return chance(rng, 0.15) ? null : truth.year - Math.floor(rng.next() ** 1.5 * 9);
      default:
        return undefined;
    }
  };
}

/** Employees: the form questions follow from whether they met any aggression. */
function employeeModel(rng: Rng, p: SyntheticPerson, any: boolean): ItemModel {
  const exp = drawForms(rng, any);
  return (code) => {
    const form = /^emp_agr_(verbal|threat|intimidation|physical)_12m$/.exec(code)?.[1];
    if (form)
      return exp.has(form as Form)
        ? pickFrom(rng, { een_keer: 0.4, twee_tot_vijf: 0.42, vaker: 0.18 })
        : 'nooit';
    if (code === 'bg_gender') return p.gender;
    if (code === 'bg_age_group') return p.ageGroup;
    return undefined;
  };
}

/**
 * Balanced allocation: within each cell (e.g. role × gender) of the responders, a random subset of
 * size p·n (randomly rounded) has the trait. The sample then carries the model's rates without the
 * extra luck of independent draws, so the demo's weighted figures sit close to the truth whatever the
 * seed; which persons have the trait is still random.
 */
function balanced(
  rng: Rng,
  persons: readonly SyntheticPerson[],
  cellOf: (p: SyntheticPerson) => string,
  p: (x: SyntheticPerson) => number,
): Set<SyntheticPerson> {
  const cells = new Map<string, SyntheticPerson[]>();
  for (const x of persons) {
    const k = cellOf(x);
    const list = cells.get(k) ?? [];
    list.push(x);
    cells.set(k, list);
  }
  const out = new Set<SyntheticPerson>();
  for (const k of [...cells.keys()].sort()) {
    const list = cells.get(k)!;
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    const exact = p(list[0]!) * list.length;
    const count = Math.floor(exact) + (chance(rng, exact - Math.floor(exact)) ? 1 : 0);
    for (const x of list.slice(0, count)) out.add(x);
  }
  return out;
}
