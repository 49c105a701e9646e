/**
 * The synthetic population of office holders (and of employees and organisation contacts) for the
 * demo waves, built from the organisation registry with the public rules and counts per role.
 * Pure: organisations and a seed in, frame rows out. Names and addresses are invented (@voorbeeld.nl).
 *
 * Counts per role and their sources (rounded public figures, good enough for realistic strata):
 * - raadsleden: the council size of each gemeente from its inhabitants (Gemeentewet art. 8), about
 *   8,400 seats over the 342 gemeenten of the registry;
 * - wethouders: at most 20% of the council (Gemeentewet art. 36); colleges are usually smaller, so
 *   16.5% of the seats, at least 2 [approximation]; about 1,300;
 * - burgemeesters: one per gemeente (342);
 * - statenleden: the seats per province after the 2023 Provinciale Statenverkiezingen (Kiesraad),
 *   570 in total; gedeputeerden: 6 per province, about the size of the colleges of Gedeputeerde
 *   Staten after 2023 [approximation]; commissarissen van de Koning: 12;
 * - waterschappen (21): one dijkgraaf each; dagelijks bestuur 4 members besides the dijkgraaf
 *   [approximation]; algemeen bestuur 21–31 seats (Waterschapswet art. 12; elected and appointed
 *   seats after the 2023 waterschapsverkiezingen, about 590 in total) [approximation].
 * Gender shares per role approximate the public figures on women in local politics (about a third
 * of raadsleden and wethouders are women; fewer among burgemeesters and in waterschappen).
 */
import { pickFrom, type Rng } from './random.js';

export interface RegistryOrganisation {
  code: string;
  name: string;
  layer: string;
  provinceCode: string | null;
  inhabitants: number | null;
}

export interface SyntheticPerson {
  targetGroup: 'office_holders' | 'organisation_policy' | 'employees';
  name: string;
  email: string;
  role: string;
  organisation: string;
  layer: string;
  provinceCode: string | null;
  gender: 'vrouw' | 'man';
  ageGroup: 'tot_35' | 'van_35_tot_50' | 'van_50_tot_65' | 'vanaf_65';
}

/** Gemeentewet art. 8: council seats by inhabitants. */
export function councilSeats(inhabitants: number): number {
  const steps: Array<[number, number]> = [
    [3_000, 9],
    [6_000, 11],
    [10_000, 13],
    [15_000, 15],
    [20_000, 17],
    [25_000, 19],
    [30_000, 21],
    [35_000, 23],
    [40_000, 25],
    [45_000, 27],
    [50_000, 29],
    [60_000, 31],
    [70_000, 33],
    [80_000, 35],
    [100_000, 37],
    [200_000, 39],
  ];
  for (const [upTo, seats] of steps) if (inhabitants <= upTo) return seats;
  return 45;
}

/** Gemeentewet art. 36 caps the college at 20% of the council; real colleges are a little smaller. */
export const aldermen = (seats: number) =>
  Math.max(2, Math.min(Math.floor(seats * 0.2), Math.round(seats * 0.165)));

/** Seats in Provinciale Staten 2023 (Kiesraad), by CBS province code. */
export const statenSeats: Record<string, number> = {
  PV20: 43,
  PV21: 43,
  PV22: 41,
  PV23: 47,
  PV24: 41,
  PV25: 55,
  PV26: 49,
  PV27: 55,
  PV28: 55,
  PV29: 39,
  PV30: 55,
  PV31: 47,
};

/** Share of women per role [approximation of public figures, see the file comment]. */
export const womenShare: Record<string, number> = {
  burgemeester: 0.3,
  wethouder: 0.33,
  raadslid: 0.37,
  cdk: 0.33,
  gedeputeerde: 0.36,
  statenlid: 0.4,
  dijkgraaf: 0.2,
  lid_db: 0.3,
  lid_ab: 0.3,
  secretaris: 0.45,
  medewerker: 0.52,
};

const ageTable = { tot_35: 0.12, van_35_tot_50: 0.32, van_50_tot_65: 0.4, vanaf_65: 0.16 } as const;
const youngerTable = { tot_35: 0.3, van_35_tot_50: 0.38, van_50_tot_65: 0.28, vanaf_65: 0.04 } as const;

/** Office-holder seats of one organisation, as [role, count] pairs. */
export function seatsOf(org: RegistryOrganisation): Array<[string, number]> {
  if (org.layer === 'gemeente') {
    const seats = councilSeats(org.inhabitants ?? 20_000);
    return [
      ['burgemeester', 1],
      ['wethouder', aldermen(seats)],
      ['raadslid', seats],
    ];
  }
  if (org.layer === 'provincie')
    return [
      ['cdk', 1],
      ['gedeputeerde', 6],
      ['statenlid', statenSeats[org.code] ?? 45],
    ];
  if (org.layer === 'waterschap') {
    // 21–31 seats, spread deterministically by the code so the registry gives the same frame each time
    const digits = Number.parseInt(org.code.replace(/\D/g, ''), 10) || 0;
    return [
      ['dijkgraaf', 1],
      ['lid_db', 4],
      ['lid_ab', 21 + (digits % 11)],
    ];
  }
  return [];
}

const decentral = (o: RegistryOrganisation) => ['gemeente', 'provincie', 'waterschap'].includes(o.layer);
const byCode = (a: RegistryOrganisation, b: RegistryOrganisation) => (a.code < b.code ? -1 : 1);

function person(
  rng: Rng,
  targetGroup: SyntheticPerson['targetGroup'],
  role: string,
  org: RegistryOrganisation,
  serial: number,
  ages: Record<SyntheticPerson['ageGroup'], number> = ageTable,
): SyntheticPerson {
  const gender = rng.next() < (womenShare[role] ?? 0.4) ? 'vrouw' : 'man';
  const nr = String(serial).padStart(5, '0');
  return {
    targetGroup,
    name: `${role === 'medewerker' ? 'Medewerker' : 'Ambtsdrager'} ${nr}`,
    email: `${role}.${nr}@voorbeeld.nl`,
    role,
    organisation: org.code,
    layer: org.layer,
    provinceCode: org.provinceCode,
    gender,
    ageGroup: pickFrom(rng, ages),
  };
}

/** Every office holder of every decentral organisation: the census frame of the office-holder survey. */
export function officeHolderFrame(orgs: readonly RegistryOrganisation[], rng: Rng): SyntheticPerson[] {
  const out: SyntheticPerson[] = [];
  for (const org of [...orgs].filter(decentral).sort(byCode))
    for (const [role, n] of seatsOf(org))
      for (let k = 0; k < n; k++) out.push(person(rng, 'office_holders', role, org, out.length + 1));
  return out;
}

/** One contact (the secretaris) per decentral organisation: the organisation-policy census. */
export function organisationFrame(orgs: readonly RegistryOrganisation[], rng: Rng): SyntheticPerson[] {
  return [...orgs]
    .filter(decentral)
    .sort(byCode)
    .map((org, i) => person(rng, 'organisation_policy', 'secretaris', org, i + 1));
}

/**
 * Employees: a list of `size` employees of the organisations, spread by size (gemeenten by
 * inhabitants, provincies and waterschappen a fixed share), as a wave's employee module would hold.
 */
export function employeeFrame(
  orgs: readonly RegistryOrganisation[],
  rng: Rng,
  size: number,
): SyntheticPerson[] {
  const list = [...orgs].filter(decentral).sort(byCode);
  const weight = (o: RegistryOrganisation) =>
    o.layer === 'gemeente' ? Math.sqrt(o.inhabitants ?? 20_000) : o.layer === 'provincie' ? 600 : 400;
  const weights = list.map(weight);
  const total = weights.reduce((a, b) => a + b, 0);
  const out: SyntheticPerson[] = [];
  list.forEach((org, i) => {
    const n = Math.max(1, Math.round((size * weights[i]!) / total));
    for (let k = 0; k < n; k++)
      out.push(person(rng, 'employees', 'medewerker', org, out.length + 1, youngerTable));
  });
  return out;
}
