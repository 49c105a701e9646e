/**
 * The one error type of Weerbaar and its catalogue. Every failure that reaches a person goes through
 * here: HTTP turns it into application/problem+json, the CLI into one line and an exit code.
 * Nothing matches errors by message text; code is the stable identifier.
 */

export type Lang = 'nl' | 'en';
/** A text in both languages. Dutch is plain (B1) and addresses people with "u". */
export type Localised = Readonly<Record<Lang, string>>;
/** What a throw site gives: both languages, or one string (only for texts no HTTP client sees). */
export type Text = string | Localised;

export const textIn = (text: Text, lang: Lang): string => (typeof text === 'string' ? text : text[lang]);

interface CatalogueEntry {
  status: number;
  title: Localised;
  /** Exit code when the error ends a CLI command. */
  exitCode?: number;
}

export const errorCatalogue = {
  'bad-request': { status: 400, title: { nl: 'Ongeldig verzoek', en: 'Bad request' }, exitCode: 2 },
  validation: { status: 400, title: { nl: 'Ongeldige invoer', en: 'Invalid input' }, exitCode: 2 },
  'invalid-json': { status: 400, title: { nl: 'Ongeldige JSON', en: 'Invalid JSON' }, exitCode: 2 },
  'invalid-file': { status: 400, title: { nl: 'Ongeldig bestand', en: 'Invalid file' }, exitCode: 2 },
  'invalid-spec': {
    status: 400,
    title: { nl: 'Ongeldige analysespecificatie', en: 'Invalid analysis spec' },
    exitCode: 2,
  },
  'stats-design': {
    status: 422,
    title: { nl: 'Steekproefontwerp niet te schatten', en: 'Design cannot be estimated' },
    exitCode: 2,
  },
  'stats-calibration': {
    status: 422,
    title: { nl: 'Weging niet mogelijk', en: 'Calibration failed' },
    exitCode: 2,
  },
  'import-rejected': {
    status: 422,
    title: { nl: 'Bestand niet ingelezen', en: 'File not imported' },
    exitCode: 2,
  },
  unauthenticated: { status: 401, title: { nl: 'Niet aangemeld', en: 'Not signed in' }, exitCode: 1 },
  'invalid-credentials': {
    status: 401,
    title: { nl: 'Aanmelden mislukt', en: 'Sign-in failed' },
    exitCode: 1,
  },
  'account-locked': {
    status: 429,
    title: { nl: 'Account tijdelijk geblokkeerd', en: 'Account temporarily locked' },
    exitCode: 1,
  },
  forbidden: { status: 403, title: { nl: 'Geen toegang', en: 'Forbidden' }, exitCode: 1 },
  csrf: {
    status: 403,
    title: { nl: 'Formulier verlopen of ongeldig', en: 'Form expired or invalid' },
    exitCode: 1,
  },
  'not-found': { status: 404, title: { nl: 'Niet gevonden', en: 'Not found' }, exitCode: 1 },
  'method-not-allowed': {
    status: 405,
    title: { nl: 'Methode niet toegestaan', en: 'Method not allowed' },
    exitCode: 1,
  },
  conflict: {
    status: 409,
    title: { nl: 'Conflict met bestaande gegevens', en: 'Conflict with existing data' },
    exitCode: 2,
  },
  'payload-too-large': {
    status: 413,
    title: { nl: 'Verzoek te groot', en: 'Payload too large' },
    exitCode: 2,
  },
  'file-too-large': {
    status: 413,
    title: { nl: 'Bestand te groot', en: 'File too large' },
    exitCode: 2,
  },
  'export-too-large': {
    status: 422,
    title: { nl: 'Export past niet in dit formaat', en: 'Export does not fit this format' },
    exitCode: 2,
  },
  'unsupported-media-type': {
    status: 415,
    title: { nl: 'Onbekend inhoudstype', en: 'Unsupported media type' },
    exitCode: 2,
  },
  'rate-limited': { status: 429, title: { nl: 'Te veel verzoeken', en: 'Too many requests' }, exitCode: 1 },
  'data-dir-locked': {
    status: 503,
    title: { nl: 'Database in gebruik', en: 'Database in use' },
    exitCode: 3,
  },
  config: { status: 500, title: { nl: 'Ongeldige configuratie', en: 'Invalid configuration' }, exitCode: 2 },
  'not-ready': { status: 503, title: { nl: 'Nog niet gereed', en: 'Not ready' }, exitCode: 1 },
  'audit-chain-broken': {
    status: 500,
    title: { nl: 'Auditlog is gewijzigd', en: 'Audit log was tampered with' },
    exitCode: 4,
  },
  'integrity-keys-locked': {
    status: 403,
    title: { nl: 'Sleutel niet ontgrendeld', en: 'Key not unlocked' },
    exitCode: 1,
  },
  'integrity-no-key': {
    status: 403,
    title: { nl: 'Geen sleutel voor deze melding', en: 'No key for this report' },
    exitCode: 1,
  },
  'integrity-passphrase': {
    status: 400,
    title: { nl: 'Sleutelwachtwoord onjuist', en: 'Wrong key passphrase' },
    exitCode: 1,
  },
  'integrity-receipt': {
    status: 401,
    title: { nl: 'Meldcode niet herkend', en: 'Receipt code not recognised' },
    exitCode: 1,
  },
  'integrity-destroyed': {
    status: 410,
    title: { nl: 'Inhoud vernietigd', en: 'Content destroyed' },
    exitCode: 1,
  },
  'integrity-access-withdrawn': {
    status: 410,
    title: { nl: 'Toegang ingetrokken', en: 'Access withdrawn' },
    exitCode: 1,
  },
  internal: { status: 500, title: { nl: 'Interne fout', en: 'Internal error' }, exitCode: 1 },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** One invalid field, as in the NL API problem+json `invalidParams` extension. */
export interface InvalidParam {
  /** JSON path or form field name, e.g. `body.email` or `estimates[2].ci`. Stable; clients match on it. */
  name: string;
  /** Machine-readable reason, e.g. `required`, `invalid_type`, `unknown_organisation`. Stable. */
  code: string;
  /** For people, in Dutch and English. */
  reason: Text;
}

/** An invalid field as a client receives it: the reason in one language. */
export interface ProblemParam {
  name: string;
  code: string;
  reason: string;
}

/** `name: reason; name: reason` in both languages (the usual `detail` of a validation error). */
export function reasonsOf(params: readonly InvalidParam[]): Localised {
  const join = (lang: Lang) => params.map((p) => `${p.name}: ${textIn(p.reason, lang)}`).join('; ');
  return { nl: join('nl'), en: join('en') };
}

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface AppErrorOptions {
  detail?: Text;
  invalidParams?: InvalidParam[];
  location?: SourceLocation;
  exitCode?: number;
  cause?: unknown;
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** The texts as thrown, in both languages where an HTTP client can see them. */
  readonly localised: { readonly detail?: Text; readonly invalidParams: readonly InvalidParam[] };
  readonly location?: SourceLocation;
  readonly exitCode: number;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    const entry: CatalogueEntry = errorCatalogue[code];
    const detail = options.detail;
    super(detail === undefined ? entry.title.en : textIn(detail, 'en'), { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = entry.status;
    this.localised = { detail, invalidParams: options.invalidParams ?? [] };
    this.location = options.location;
    this.exitCode = options.exitCode ?? entry.exitCode ?? 1;
    this.headers = options.headers ?? {};
  }

  /** The detail in English (CLI, logs); `detailIn(lang)` for people. */
  get detail(): string | undefined {
    return this.detailIn('en');
  }

  detailIn(lang: Lang): string | undefined {
    const d = this.localised.detail;
    return d === undefined ? undefined : textIn(d, lang);
  }

  /** The invalid fields in English (CLI, logs); `invalidParamsIn(lang)` for people. */
  get invalidParams(): ProblemParam[] {
    return this.invalidParamsIn('en');
  }

  invalidParamsIn(lang: Lang): ProblemParam[] {
    return this.localised.invalidParams.map((p) => ({
      name: p.name,
      code: p.code,
      reason: textIn(p.reason, lang),
    }));
  }

  title(lang: Lang): string {
    return errorCatalogue[this.code].title[lang];
  }

  /** `file:line:column: detail` — the form editors and terminals recognise. */
  cliMessage(): string {
    const where = this.location
      ? [this.location.file, this.location.line, this.location.column]
          .filter((x) => x !== undefined)
          .join(':') + ': '
      : '';
    const params = this.invalidParams.map((p) => `\n  ${p.name}: ${p.reason}`).join('');
    return `${where}${this.detail ?? this.title('en')}${params}`;
  }
}

export const problemType = (code: ErrorCode) => `urn:weerbaar:problem:${code}`;

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
