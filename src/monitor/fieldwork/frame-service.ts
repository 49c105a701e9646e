/**
 * The sample frame of a wave: import a file of persons, validated row by row, and the frame counts
 * per stratum (the population for weighting and for response rates).
 *
 * Every problem is reported with its line and column: unknown or ended organisation codes, duplicate
 * e-mail addresses (within the file and against the frame), invalid addresses, unknown roles, roles
 * that do not exist in the organisation's layer or the target group, a second contact for one
 * organisation in an organisation-policy frame. Mode `all` (default) writes nothing when there is any
 * problem; mode `valid` imports the rows without problems. Either way it is one transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Organisation } from '../../platform/orgs/model.js';
import { listOrganisations } from '../../platform/orgs/service.js';
import { type FrameTable, frameLimits, readFrameFile } from './frame-file.js';
import {
  normaliseAgeGroup,
  normaliseGender,
  normaliseRole,
  orgSizeCode,
  roleLayers,
  type TargetGroup,
  targetGroupRoles,
  targetGroups,
} from './model.js';
import { frameImports, framePersons, invitations } from './schema.js';
import { assertState, lockWave } from './waves-service.js';

export type ImportMode = 'all' | 'valid';

/** One problem in a frame file. `column` is the header name ('' for the row as a whole). */
export interface FrameProblem {
  line: number;
  column: string;
  /** 1-based character column (CSV) or column number (XLSX) of the value. */
  position: number;
  code:
    | 'missing_column'
    | 'required'
    | 'invalid_email'
    | 'duplicate_email_in_file'
    | 'duplicate_email_in_frame'
    | 'unknown_organisation'
    | 'organisation_ended'
    | 'unknown_role'
    | 'role_not_in_layer'
    | 'role_not_in_target_group'
    | 'second_contact'
    | 'invalid_gender'
    | 'invalid_age_group'
    | 'too_long';
  /** The offending value (trimmed, shortened). */
  value: string;
  /** English explanation (the pages translate by code). */
  message: string;
}

export interface FrameImportReport {
  fileName: string;
  mode: ImportMode;
  targetGroup: TargetGroup;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** The first `MAX_REPORTED_PROBLEMS` problems, in file order. */
  problems: FrameProblem[];
  /** All problems found (more than `problems` holds when the file has very many). */
  problemCount: number;
  /** false when nothing was written (all-or-nothing with problems). */
  written: boolean;
  importId: string | null;
}

/** Column names accepted for each field (lower case). Anything else is a free stratum column. */
export const columnAliases: Record<
  'name' | 'email' | 'role' | 'organisation' | 'gender' | 'ageGroup',
  string[]
> = {
  name: ['naam', 'name', 'volledige naam', 'full name'],
  email: ['email', 'e-mail', 'e_mail', 'emailadres', 'e-mailadres', 'email address'],
  role: ['rol', 'role', 'functie', 'bg_role'],
  organisation: [
    'organisatie',
    'organisation',
    'organization',
    'organisatiecode',
    'organisation code',
    'organisation_code',
    'code',
    'bg_org',
  ],
  gender: ['geslacht', 'gender', 'bg_gender'],
  ageGroup: ['leeftijdsgroep', 'age_group', 'age group', 'leeftijd', 'bg_age_group'],
};
const required = ['name', 'email', 'role', 'organisation'] as const;

// Pragmatic address check: one @, a dot in the domain, no spaces, sane lengths (RFC 5321 limits).
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const isEmail = (s: string) =>
  s.length <= 254 && EMAIL.test(s) && s.split('@')[0]!.length <= 64 && !s.includes('..');

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** Every organisation (ended ones too) by code, through the orgs service. */
export async function organisationsByCode(db: DbOrTx): Promise<Map<string, Organisation>> {
  const out = new Map<string, Organisation>();
  for (let page = 1; ; page++) {
    const r = await listOrganisations(db, { includeEnded: true, page, pageSize: 500 });
    for (const o of r.items) out.set(o.code.toLowerCase(), o);
    if (r.items.length === 0 || page * r.pageSize >= r.total) break;
  }
  return out;
}

interface ValidRow {
  line: number;
  name: string;
  email: string;
  role: string;
  org: Organisation;
  gender: string | null;
  ageGroup: string | null;
  strata: Record<string, string>;
}

export interface ValidationResult {
  valid: ValidRow[];
  /** The first `MAX_REPORTED_PROBLEMS`. */
  problems: FrameProblem[];
  /** All problems found. */
  problemCount: number;
  rowsRead: number;
  rejectedLines: Set<number>;
}

/** A report lists this many problems and counts the rest: a file of 200,000 bad rows stays a small answer. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** How long (ms) validation may hold the event loop before it yields. */
const SLICE_MS = 10;

/**
 * Checks every row; pure apart from its inputs. `existingEmails` and `existingOrgs` describe the
 * frame as it is (same wave and target group). Gives the event loop a turn every few milliseconds.
 * Throws AppError('invalid-file') for a file with more free stratum columns than `frameLimits`.
 */
export async function validateFrame(
  table: FrameTable,
  ctx: {
    targetGroup: TargetGroup;
    organisations: Map<string, Organisation>;
    existingEmails: Set<string>;
    existingOrgs: Set<string>;
    today?: string;
  },
): Promise<ValidationResult> {
  const problems: FrameProblem[] = [];
  const col: Partial<Record<keyof typeof columnAliases, string>> = {};
  for (const [field, names] of Object.entries(columnAliases) as Array<
    [keyof typeof columnAliases, string[]]
  >) {
    const found = table.header.find((h) => names.includes(h));
    if (found) col[field] = found;
  }
  for (const f of required) {
    if (!col[f]) {
      problems.push({
        line: 1,
        column: columnAliases[f][0]!,
        position: 1,
        code: 'missing_column',
        value: '',
        message: `the file has no column ${columnAliases[f].slice(0, 2).join(' / ')}`,
      });
    }
  }
  if (problems.length)
    return {
      valid: [],
      problems,
      problemCount: problems.length,
      rowsRead: table.rows.length,
      rejectedLines: new Set(),
    };

  const known = new Set(Object.values(col));
  const strataColumns = table.header.filter((h) => !known.has(h));
  if (strataColumns.length > frameLimits.strataColumns) {
    const max = frameLimits.strataColumns;
    const first = strataColumns[max]!;
    throw new AppError('invalid-file', {
      detail: {
        nl: `Het bestand heeft ${strataColumns.length} extra kolommen (zoals "${short(first)}"). Een kader mag hoogstens ${max} extra kolommen hebben, naast naam, e-mail, rol, organisatie, geslacht en leeftijdsgroep. Laat de kolommen weg die u niet nodig hebt.`,
        en: `the file has ${strataColumns.length} stratum columns (e.g. "${short(first)}"); a frame may have at most ${max} besides name, e-mail, role, organisation, gender and age group`,
      },
      location: { file: table.file, line: 1, column: table.header.indexOf(first) + 1 },
    });
  }
  let problemCount = 0;
  let since = performance.now();
  let k = 0;
  const today = ctx.today ?? new Date().toISOString().slice(0, 10);
  const emailsInFile = new Map<string, number>();
  const orgsInFile = new Map<string, number>();
  const valid: ValidRow[] = [];
  const rejectedLines = new Set<number>();

  // Per row, without closures made per row (a frame has 100,000 rows).
  let row = table.rows[0]!;
  const rowProblems: FrameProblem[] = [];
  const problem = (
    field: keyof typeof columnAliases,
    code: FrameProblem['code'],
    value: string,
    message: string,
  ) => {
    const header = col[field]!;
    rowProblems.push({
      line: row.line,
      column: header,
      position: row.position(header).column,
      code,
      value: short(value),
      message,
    });
  };
  const get = (field: keyof typeof columnAliases) =>
    col[field] ? (row.values[col[field]!] ?? '').trim() : '';

  for (row of table.rows) {
    rowProblems.length = 0;
    if ((++k & 255) === 0 && performance.now() - since > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }

    const name = get('name');
    if (!name) problem('name', 'required', '', 'the name is missing');
    else if (name.length > 200) problem('name', 'too_long', name, 'the name is longer than 200 characters');

    const email = get('email').toLowerCase();
    if (!email) problem('email', 'required', '', 'the e-mail address is missing');
    else if (!isEmail(email))
      problem('email', 'invalid_email', email, `"${short(email)}" is not an e-mail address`);
    else if (ctx.existingEmails.has(email)) {
      problem('email', 'duplicate_email_in_frame', email, `${email} is in the frame already`);
    } else if (emailsInFile.has(email)) {
      problem(
        'email',
        'duplicate_email_in_file',
        email,
        `${email} appears already on line ${emailsInFile.get(email)}`,
      );
    }
    if (email && !emailsInFile.has(email)) emailsInFile.set(email, row.line);

    const code = get('organisation');
    const org = code ? ctx.organisations.get(code.toLowerCase()) : undefined;
    if (!code) problem('organisation', 'required', '', 'the organisation code is missing');
    else if (!org) {
      problem(
        'organisation',
        'unknown_organisation',
        code,
        `no organisation with code ${short(code)} (e.g. GM0363, PV26, ws0155)`,
      );
    } else if (org.validTo && org.validTo <= today) {
      problem(
        'organisation',
        'organisation_ended',
        code,
        `${org.code} (${org.name}) no longer exists since ${org.validTo}`,
      );
    }

    const roleText = get('role');
    const role = roleText ? normaliseRole(roleText) : undefined;
    if (!roleText) problem('role', 'required', '', 'the role is missing');
    else if (!role) {
      problem('role', 'unknown_role', roleText, `unknown role "${short(roleText)}"`);
    } else if (!(targetGroupRoles[ctx.targetGroup] as readonly string[]).includes(role)) {
      problem(
        'role',
        'role_not_in_target_group',
        roleText,
        `${role} does not belong to the target group ${ctx.targetGroup} (${targetGroupRoles[ctx.targetGroup].join(', ')})`,
      );
    } else if (org && !roleLayers[role].includes(org.layer)) {
      problem(
        'role',
        'role_not_in_layer',
        roleText,
        `a ${role} does not exist in a ${org.layer} (${org.code})`,
      );
    }

    if (ctx.targetGroup === 'organisation_policy' && org) {
      if (ctx.existingOrgs.has(org.id)) {
        problem('organisation', 'second_contact', code, `${org.code} has a contact in the frame already`);
      } else if (orgsInFile.has(org.id)) {
        problem(
          'organisation',
          'second_contact',
          code,
          `${org.code} has a contact already on line ${orgsInFile.get(org.id)}`,
        );
      }
      if (!orgsInFile.has(org.id)) orgsInFile.set(org.id, row.line);
    }

    const genderText = get('gender');
    const gender = genderText ? normaliseGender(genderText) : null;
    if (genderText && !gender) {
      problem('gender', 'invalid_gender', genderText, `gender must be vrouw, man, anders or wil_niet_zeggen`);
    }
    const ageText = get('ageGroup');
    const ageGroup = ageText ? normaliseAgeGroup(ageText) : null;
    if (ageText && !ageGroup) {
      problem(
        'ageGroup',
        'invalid_age_group',
        ageText,
        'age group must be tot_35, van_35_tot_50, van_50_tot_65, vanaf_65 or wil_niet_zeggen',
      );
    }

    if (rowProblems.length) {
      problemCount += rowProblems.length;
      for (const p of rowProblems) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
      rejectedLines.add(row.line);
      continue;
    }
    const strata: Record<string, string> = {};
    for (const h of strataColumns) {
      const v = (row.values[h] ?? '').trim();
      if (v) strata[h] = v.slice(0, 200);
    }
    valid.push({
      line: row.line,
      name,
      email,
      role: role!,
      org: org!,
      gender: gender ?? null,
      ageGroup: ageGroup ?? null,
      strata,
    });
  }
  return { valid, problems, problemCount, rowsRead: table.rows.length, rejectedLines };
}

export interface ImportInput {
  fileName: string;
  data: Buffer;
  targetGroup: string;
  mode?: ImportMode;
}

/**
 * Imports a frame file into a draft or open wave. Returns the report; with problems in mode `all`
 * nothing is written (the report says so, `written: false`). A file that cannot be read at all
 * (not CSV/XLSX, broken quoting) throws AppError('invalid-file') with its location.
 */
export async function importFrame(
  db: DbOrTx,
  waveId: string,
  input: ImportInput,
  actor: Actor,
  onProgress?: (done: number, total: number) => void,
): Promise<FrameImportReport> {
  const mode = input.mode ?? 'all';
  if (!(targetGroups as readonly string[]).includes(input.targetGroup)) {
    const groups = targetGroups.join(', ');
    throw new AppError('validation', {
      detail: {
        nl: `Deze doelgroep bestaat niet. Kies een van deze: ${groups}.`,
        en: `target group must be one of ${groups}`,
      },
      invalidParams: [
        {
          name: 'targetGroup',
          code: 'invalid_enum_value',
          reason: { nl: `Kies een van deze: ${groups}.`, en: `one of ${groups}` },
        },
      ],
    });
  }
  if (mode !== 'all' && mode !== 'valid') {
    throw new AppError('validation', {
      detail: {
        nl: 'Kies als modus all (alles of niets) of valid (alleen de goede rijen).',
        en: 'mode must be all or valid',
      },
      invalidParams: [
        {
          name: 'mode',
          code: 'invalid_enum_value',
          reason: { nl: 'Kies all of valid.', en: 'all | valid' },
        },
      ],
    });
  }
  const targetGroup = input.targetGroup as TargetGroup;
  const table = await readFrameFile(input.fileName, input.data);
  const organisations = await organisationsByCode(db);

  return db.transaction(async (tx) => {
    const wave = await lockWave(tx, waveId);
    assertState(wave, 'importing a frame', ['draft', 'open']);
    const existing = await tx
      .select({ email: framePersons.email, organisationId: framePersons.organisationId })
      .from(framePersons)
      .where(and(eq(framePersons.waveId, waveId), eq(framePersons.targetGroup, targetGroup)));
    const result = await validateFrame(table, {
      targetGroup,
      organisations,
      existingEmails: new Set(existing.map((e) => e.email.toLowerCase())),
      existingOrgs: new Set(existing.map((e) => e.organisationId)),
    });
    const report: FrameImportReport = {
      fileName: input.fileName,
      mode,
      targetGroup,
      rowsRead: result.rowsRead,
      rowsImported: 0,
      rowsRejected: result.rejectedLines.size,
      problems: result.problems,
      problemCount: result.problemCount,
      written: false,
      importId: null,
    };
    const fileProblem = result.problems.some((p) => p.code === 'missing_column');
    if ((mode === 'all' && result.problemCount > 0) || fileProblem || result.valid.length === 0) {
      if (fileProblem) report.rowsRejected = result.rowsRead;
      return report;
    }
    const [imp] = await tx
      .insert(frameImports)
      .values({
        waveId,
        fileName: input.fileName.slice(0, 200),
        rowsImported: result.valid.length,
        rowsRejected: result.rejectedLines.size,
        report: {
          mode,
          targetGroup,
          rowsRead: result.rowsRead,
          problemCount: result.problemCount,
          problems: result.problems,
        },
      })
      .returning();
    // Rows go in as one JSON parameter per chunk (jsonb_to_recordset): far cheaper than thousands of
    // bind parameters, on PGlite and PostgreSQL alike. The embedded database runs a statement on the
    // main thread and answers without a turn of the event loop: small chunks and a turn after each keep
    // the server responsive during a big import.
    const CHUNK = 1000;
    for (let i = 0; i < result.valid.length; i += CHUNK) {
      const chunk = result.valid.slice(i, i + CHUNK).map((r) => ({
        name: r.name,
        email: r.email,
        role: r.role,
        organisation_id: r.org.id,
        layer: r.org.layer,
        province_code: r.org.provinceCode,
        size_class: orgSizeCode(r.org.layer, r.org.sizeClass),
        gender: r.gender,
        age_group: r.ageGroup,
        strata: r.strata,
      }));
      await tx.execute(sql`
        insert into frame_persons
          (wave_id, import_id, target_group, name, email, role, organisation_id, layer, province_code,
           size_class, gender, age_group, strata)
        select ${waveId}::uuid, ${imp!.id}::uuid, ${targetGroup}, r.name, r.email, r.role, r.organisation_id,
               r.layer, r.province_code, r.size_class, r.gender, r.age_group, coalesce(r.strata, '{}'::jsonb)
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(
          name text, email text, role text, organisation_id uuid, layer text, province_code text,
          size_class text, gender text, age_group text, strata jsonb)`);
      onProgress?.(Math.min(i + CHUNK, result.valid.length), result.valid.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Fresh statistics, so that the invitation batches that follow walk the frame by its key instead of
    // sorting all of it for every batch (the embedded database has no autovacuum to do this).
    if (result.valid.length >= 1000) await tx.execute(sql`analyze frame_persons`);
    await audit(tx, actor, {
      action: 'wave.frame.import',
      resourceType: 'frame_import',
      resourceId: imp!.id,
      diff: {
        waveId,
        fileName: input.fileName,
        mode,
        targetGroup,
        rowsImported: result.valid.length,
        rowsRejected: result.rejectedLines.size,
      },
    });
    return { ...report, rowsImported: result.valid.length, written: true, importId: imp!.id };
  });
}

export async function listFrameImports(db: DbOrTx, waveId: string) {
  return db
    .select({
      id: frameImports.id,
      fileName: frameImports.fileName,
      rowsImported: frameImports.rowsImported,
      rowsRejected: frameImports.rowsRejected,
      createdAt: frameImports.createdAt,
    })
    .from(frameImports)
    .where(eq(frameImports.waveId, waveId))
    .orderBy(sql`${frameImports.createdAt} desc`);
}

/** Removes persons not yet invited (draft waves only); the frame can then be imported again. */
export async function clearFrame(db: DbOrTx, waveId: string, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const wave = await lockWave(tx, waveId);
    assertState(wave, 'clearing the frame', ['draft']);
    const removed = await tx
      .delete(framePersons)
      .where(
        and(
          eq(framePersons.waveId, waveId),
          sql`not exists (select 1 from ${invitations} where ${invitations.framePersonId} = ${framePersons.id})`,
        ),
      )
      .returning({ id: framePersons.id });
    await audit(tx, actor, {
      action: 'wave.frame.clear',
      resourceType: 'wave',
      resourceId: waveId,
      diff: { removed: removed.length },
    });
    return removed.length;
  });
}

export interface StratumCount {
  targetGroup: string;
  layer: string;
  role: string;
  provinceCode: string | null;
  sizeClass: string | null;
  n: number;
}

/**
 * The frame counts per stratum (target group × layer × role × province × size class); the population
 * totals for weighting and the denominators of response rates. Aggregate them as needed
 * (`frameTotals`).
 */
export async function frameCounts(db: DbOrTx, waveId: string): Promise<StratumCount[]> {
  const rows = await db
    .select({
      targetGroup: framePersons.targetGroup,
      layer: framePersons.layer,
      role: framePersons.role,
      provinceCode: framePersons.provinceCode,
      sizeClass: framePersons.sizeClass,
      n: sql<number>`count(*)::int`,
    })
    .from(framePersons)
    .where(eq(framePersons.waveId, waveId))
    .groupBy(
      framePersons.targetGroup,
      framePersons.layer,
      framePersons.role,
      framePersons.provinceCode,
      framePersons.sizeClass,
    )
    .orderBy(framePersons.targetGroup, framePersons.layer, framePersons.role, framePersons.provinceCode);
  return rows;
}

/** Totals by one or more stratum variables, from `frameCounts`. */
export function frameTotals(
  counts: StratumCount[],
  by: Array<'targetGroup' | 'layer' | 'role' | 'provinceCode' | 'sizeClass'>,
): Array<Record<string, string | number | null>> {
  const out = new Map<string, Record<string, string | number | null>>();
  for (const c of counts) {
    const key = by.map((b) => c[b] ?? '').join('\u0000');
    const row = out.get(key) ?? { ...Object.fromEntries(by.map((b) => [b, c[b]])), n: 0 };
    row.n = (row.n as number) + c.n;
    out.set(key, row);
  }
  return [...out.values()];
}
