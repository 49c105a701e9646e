/**
 * The access policy: the one place that decides who may do what to which organisation's data.
 * Routes declare an action (and how to find the organisation it concerns); the HTTP layer asks
 * `can` before the handler runs. Services call `assertCan` for object-level checks.
 */
import { AppError } from '../errors.js';

export const platformRoles = ['admin', 'researcher', 'viewer'] as const;
export type PlatformRole = (typeof platformRoles)[number];
export const organisationRoles = [
  'coordinator',
  'case_handler',
  'integrity_officer',
  'reporter',
  'integrity_chair',
  'integrity_investigator',
] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

/** Who is asking: a signed-in user (session) or a script (API token with scopes). */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  platformRoles: ReadonlySet<PlatformRole>;
  /** organisationId → roles there */
  memberships: ReadonlyMap<string, ReadonlySet<OrganisationRole>>;
  via: 'session' | 'token';
  /** For tokens: read | write. Sessions have both. */
  scopes: ReadonlySet<'read' | 'write'>;
  sessionId?: string;
  tokenId?: string;
}

type Rule = (p: Principal, organisationId: string | undefined) => boolean;

const isAdmin = (p: Principal) => p.platformRoles.has('admin');
const hasPlatform =
  (...roles: PlatformRole[]) =>
  (p: Principal) =>
    roles.some((r) => p.platformRoles.has(r));
const hasOrgRole =
  (...roles: OrganisationRole[]) =>
  (p: Principal, org: string | undefined) =>
    org !== undefined && roles.some((r) => p.memberships.get(org)?.has(r) ?? false);
const memberOf = (p: Principal, org: string | undefined) => org !== undefined && p.memberships.has(org);
const any =
  (...rules: Rule[]): Rule =>
  (p, org) =>
    rules.some((r) => r(p, org));
const signedIn: Rule = () => true;
/** Coordinates at least one organisation (for national figures, which belong to no organisation). */
const coordinatesAny: Rule = (p) => [...p.memberships.values()].some((roles) => roles.has('coordinator'));

/** Every action and who may perform it. Keep this table the only source of such decisions. */
const rules = {
  // organisations: the registry itself is public knowledge; details for those involved
  'organisation.list': signedIn,
  'organisation.read': any(hasPlatform('admin', 'researcher', 'viewer'), memberOf),
  'organisation.create': isAdmin,
  'organisation.update': isAdmin,
  'organisation.merge': isAdmin,
  'organisation.import': isAdmin,
  // users and their roles
  'user.list': any(isAdmin, hasOrgRole('coordinator')),
  'user.read': any(isAdmin, hasOrgRole('coordinator')),
  'user.create': isAdmin,
  'user.update': isAdmin,
  'membership.manage': any(isAdmin, hasOrgRole('coordinator')),
  // another user's API tokens: list and revoke (admins; coordinators for users of their organisations)
  'user.tokens': any(isAdmin, hasOrgRole('coordinator')),
  // own account
  'account.read': signedIn,
  'account.update': signedIn,
  'token.manage': signedIn,
  // sign-in security settings (two-factor requirements per role)
  'security.read': isAdmin,
  'security.manage': isAdmin,
  // audit log: everything for admins, an organisation's own entries for its coordinator
  'audit.read': any(isAdmin, hasOrgRole('coordinator')),
  'audit.readAll': isAdmin,
  // operations
  'jobs.read': isAdmin,
  'jobs.retry': isAdmin,
  'mail.read': isAdmin,
  // monitor fieldwork
  'questionnaire.read': hasPlatform('admin', 'researcher'),
  'questionnaire.manage': hasPlatform('admin', 'researcher'),
  'wave.read': hasPlatform('admin', 'researcher'),
  'wave.manage': hasPlatform('admin', 'researcher'),
  'wave.monitor': hasPlatform('admin', 'researcher', 'viewer'),
  'responses.export': hasPlatform('admin', 'researcher'),
  'responses.recode': hasPlatform('admin', 'researcher'),
  // integrity reports (meldpunt): the organisation's integrity officers only, never admins by role;
  // reading content also needs the handler's own key (src/meldpunt/integrity, docs/integrity-encryption.md)
  // the chair (burgemeester, CdK, dijkgraaf) decides and reads like an officer, also only with a certified key
  'integrity.read': hasOrgRole('integrity_officer', 'integrity_chair'),
  'integrity.handle': hasOrgRole('integrity_officer', 'integrity_chair'),
  // national figures on integrity reports (aggregates of the register only, small cells suppressed)
  'integrity.statistics': hasPlatform('admin', 'researcher'),
  // an external investigator reads only the reports granted to them, for the grant's period (the
  // service checks the grant and the key copy; src/meldpunt/integrity/investigators.ts)
  'integrity.investigate': hasOrgRole('integrity_investigator'),
  // meldpunt incidents: the route checks the organisation; the service checks the incident itself
  // (reporter, person concerned, coordinator, assigned case handlers: src/meldpunt/incidents/access.ts)
  'incident.report': hasOrgRole('reporter', 'coordinator'),
  'incident.read': hasOrgRole('reporter', 'coordinator', 'case_handler'),
  'incident.list': hasOrgRole('coordinator', 'case_handler'),
  'incident.handle': hasOrgRole('coordinator', 'case_handler'),
  'incident.assign': hasOrgRole('coordinator'),
  'incident.perpetrator': hasOrgRole('coordinator'),
  'incident.overview': hasOrgRole('coordinator'),
  // the Meldpunt's start page: where one may report or follow up, and one's own reports (for anyone
  // signed in: a reporter from the contact list has no other role; the page shows only what is theirs)
  'incident.start': signedIn,
  // the contact list whose people get a magic sign-in link (src/meldpunt/incidents/contacts.ts)
  'incident.contacts': hasOrgRole('coordinator'),
  // the Meldpunt's terms and retention periods (src/meldpunt/incidents/settings.ts)
  'incident.settings': hasOrgRole('coordinator'),
  // national figures of the Meldpunt (benchmark, registration gap): aggregates only, small cells suppressed
  'incident.national': hasPlatform('admin', 'researcher', 'viewer'),
  // monitor results: viewers (BZK) and organisations' coordinators see released runs only, in the
  // publication view (disclosure-controlled national figures); researchers also those under embargo
  'results.read': any(hasPlatform('admin', 'researcher', 'viewer'), coordinatesAny),
  'results.embargoed': hasPlatform('admin', 'researcher'),
  'results.compute': hasPlatform('admin', 'researcher'),
  'results.release': hasPlatform('admin', 'researcher'),
  // the analysis file (one row per respondent) behind a table: researchers only, never viewers or
  // coordinators (strata such as burgemeester × province single people out)
  'results.reproduce': hasPlatform('researcher'),
  'results.indicators.edit': hasPlatform('admin', 'researcher'),
  // microdata exports of a closed wave (.sav, Parquet, XLSX, CSV, DDI): researchers only, not viewers
  'results.export': hasPlatform('admin', 'researcher'),
  // rendering a wave's publications to stored HTML and PDF files (src/results/publications)
  'results.publications.render': hasPlatform('admin', 'researcher'),

  // the letter to a participating organisation holds its own answers: researchers and admins read every
  // letter, an organisation's coordinator only its own; sending them is for researchers and admins
  'results.letter.read': any(hasPlatform('admin', 'researcher'), hasOrgRole('coordinator')),
  'results.letters.send': hasPlatform('admin', 'researcher'),

  // the narrative texts of the publications (src/results/texts): write and preview
  'results.texts.edit': hasPlatform('admin', 'researcher'),
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

/** Actions that change data need the write scope when the principal is an API token. */
const readOnlyActions = new Set<Action>([
  'organisation.list',
  'organisation.read',
  'user.list',
  'user.read',
  'account.read',
  'audit.read',
  'audit.readAll',
  'security.read',
  'jobs.read',
  'mail.read',
  'questionnaire.read',
  'wave.read',
  'wave.monitor',
  'responses.export',
  'integrity.read',
  'integrity.statistics',
  'integrity.investigate',
  'incident.read',
  'incident.list',
  'incident.overview',
  'incident.start',
  'incident.national',
  'results.read',
  'results.embargoed',
  'results.reproduce',
  'results.export',
  'results.letter.read',
]);

export function can(principal: Principal | undefined, action: Action, organisationId?: string): boolean {
  if (!principal) return false;
  if (!readOnlyActions.has(action) && !principal.scopes.has('write')) return false;
  if (!principal.scopes.has('read')) return false;
  return rules[action](principal, organisationId);
}

/** Throws 401 without a principal, 403 when the policy says no. */
export function assertCan(
  principal: Principal | undefined,
  action: Action,
  organisationId?: string,
): asserts principal {
  if (!principal) throw new AppError('unauthenticated');
  if (!can(principal, action, organisationId)) {
    throw new AppError('forbidden', {
      detail: { nl: `U mag dit niet doen (${action}).`, en: `not allowed: ${action}` },
    });
  }
}

/** The organisations whose data a principal may see for an action (undefined = all of them). */
export function visibleOrganisations(principal: Principal, action: Action): Set<string> | undefined {
  if (can(principal, action, undefined)) return undefined; // a platform-wide rule let it through
  return new Set([...principal.memberships.keys()].filter((org) => can(principal, action, org)));
}

/**
 * The organisation through which a principal may perform a user action on someone who holds roles in
 * `userOrganisations`: one of those organisations the policy allows (e.g. one the principal coordinates).
 * Undefined when there is none, so only a platform-wide rule (admin) can let the request through.
 */
export function organisationForUser(
  principal: Principal | undefined,
  action: Action,
  userOrganisations: Iterable<string>,
): string | undefined {
  if (!principal) return undefined;
  for (const org of userOrganisations) if (can(principal, action, org)) return org;
  return undefined;
}

/** May the principal see this user (who holds roles in `userOrganisations`) at all? */
export function canSeeUser(principal: Principal | undefined, userOrganisations: Iterable<string>): boolean {
  return (
    can(principal, 'user.read') ||
    organisationForUser(principal, 'user.read', userOrganisations) !== undefined
  );
}
