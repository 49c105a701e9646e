/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/** Mapping the sheets of an XLSForm to a questionnaire definition, reporting every problem on the way. */
import ExcelJS from 'exceljs';
import type { Localised } from '../../../platform/errors.js';
import { checkDefinition, type DefinitionProblem, schemaIssueReason } from '../check.js';
import { parseExpression } from '../expression.js';
import {
  CODE_PATTERN,
  type ContextVariable,
  definitionSchema,
  type Item,
  type LocalText,
  type MatrixRow,
  OPTION_CODE_PATTERN,
  type Option,
  otherTextCode,
  type QuestionnaireDefinition,
  type Section,
} from '../model.js';
import { normaliseType, pyxformChoiceCode, pyxformCode } from './aliases.js';
import {
  type Ctx,
  jsonPath,
  type Lang,
  mapToCell,
  problem,
  reportCellIssues,
  sortProblems,
  warnColumns,
  warnDuplicateColumns,
  type XlsFormImport,
} from './problems.js';
import { languageCode, MAX_UNPACKED_BYTES, readSheet, type SheetRow } from './read.js';
import { zipRefusal } from './zip.js';

// ---------------------------------------------------------------------------------------------
// Import

const METADATA_TYPES = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
  'instanceid',
]);
/** What Weerbaar does not support, as the subject of "… are not supported" / "… zijn niet mogelijk". */
const UNSUPPORTED_TYPES: Record<string, Localised> = {
  calculate: {
    nl: 'Berekeningen (een afgeleide waarde wordt bij de analyse berekend uit de vraagcodes)',
    en: 'calculations (a derived value is computed at analysis time from item codes)',
  },
  geopoint: { nl: 'Locaties (geopoint)', en: 'locations (geopoint)' },
  geotrace: { nl: 'Locaties (geotrace)', en: 'locations (geotrace)' },
  geoshape: { nl: 'Locaties (geoshape)', en: 'locations (geoshape)' },
  image: { nl: 'Foto’s uploaden (image)', en: 'photo uploads (image)' },
  audio: { nl: 'Geluidsopnamen (audio)', en: 'audio recordings' },
  video: { nl: 'Video-opnamen (video)', en: 'video recordings' },
  file: { nl: 'Bestanden uploaden (file)', en: 'file uploads' },
  barcode: { nl: 'Barcodes scannen (barcode)', en: 'barcode scanning' },
  acknowledge: { nl: 'Bevestigingsvragen (acknowledge)', en: 'acknowledge questions' },
  trigger: { nl: 'Bevestigingsvragen (trigger)', en: 'acknowledge questions (trigger)' },
  range: {
    nl: 'Schuifregelaars (range; gebruik integer met een constraint)',
    en: 'range sliders (use integer with a constraint)',
  },
  rank: { nl: 'Rangschikvragen (rank)', en: 'ranking questions' },
  time: { nl: 'Vragen naar een tijd (time)', en: 'time questions' },
  datetime: { nl: 'Vragen naar een datum en tijd (datetime)', en: 'date-and-time questions' },
  'xml-external': { nl: 'Externe gegevens (xml-external)', en: 'external data (xml-external)' },
  'csv-external': { nl: 'Externe gegevens (csv-external)', en: 'external data (csv-external)' },
  select_one_from_file: {
    nl: 'Keuzes uit een bestand (select_one_from_file)',
    en: 'choices from a file (select_one_from_file)',
  },
  select_multiple_from_file: {
    nl: 'Keuzes uit een bestand (select_multiple_from_file)',
    en: 'choices from a file (select_multiple_from_file)',
  },
  begin_repeat: { nl: 'Herhalingen (begin_repeat)', en: 'repeats (begin_repeat)' },
  begin_kobomatrix: {
    nl: 'Kobo-matrixgroepen (begin_kobomatrix; gebruik een groep met appearance table-list)',
    en: 'Kobo matrix groups (begin_kobomatrix); use a group with appearance table-list',
  },
  begin_score: { nl: 'Kobo-scoregroepen (begin_score)', en: 'Kobo score groups' },
  begin_rank: { nl: 'Kobo-rangschikgroepen (begin_rank)', en: 'Kobo rank groups' },
  score: { nl: 'Kobo-scorevragen (score)', en: 'Kobo score questions' },
};
const SURVEY_COLUMNS = new Set([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'required_message',
  'relevant',
  'constraint',
  'constraint_message',
  'appearance',
  'choice_filter',
  'calculation',
  'default',
  'read_only',
  'repeat_count',
  'parameters',
  'guidance_hint',
  'media',
  'image',
  'audio',
  'video',
  'big-image',
  'trigger',
  'note',
]);
/** Columns whose content would change what respondents see or answer: refused when used. */
const REFUSED_COLUMNS: Record<string, Localised> = {
  choice_filter: {
    nl: 'Keuzelijsten die van een eerder antwoord afhangen (choice_filter)',
    en: 'cascading selects (choice_filter)',
  },
  calculation: { nl: 'Berekeningen', en: 'calculations' },
  read_only: { nl: 'Vragen die alleen gelezen kunnen worden', en: 'read-only questions' },
  repeat_count: { nl: 'Herhalingen', en: 'repeats' },
  parameters: { nl: 'Parameters bij vragen', en: 'question parameters' },
  media: { nl: 'Media in labels', en: 'media in labels' },
  image: { nl: 'Afbeeldingen in labels', en: 'images in labels' },
  audio: { nl: 'Geluid in labels', en: 'audio in labels' },
  video: { nl: 'Video’s in labels', en: 'video in labels' },
  'big-image': { nl: 'Grote afbeeldingen in labels', en: 'images in labels' },
  trigger: { nl: 'Triggers', en: 'triggers' },
};
const SETTINGS_KNOWN = new Set(['form_title', 'form_id', 'version', 'default_language']);

const YES = new Set(['yes', 'true', 'true()', '1', 'ja', 'y']);
const NO = new Set(['', 'no', 'false', 'false()', '0', 'nee', 'n']);

interface Choice {
  option: Option;
  row: number;
}

function localText(ctx: Ctx, sheet: string, r: SheetRow, base: string): LocalText | undefined {
  const nl = r.get(base, 'nl');
  const en = r.get(base, 'en');
  if (!nl && !en) return undefined;
  if (!nl) {
    problem(ctx, 'error', sheet, r.row, r.col(base, 'nl') ?? base, 'missing_label', {
      nl: `De Nederlandse tekst van ${base} (kolom ${base}::Nederlands (nl)) ontbreekt; er is alleen Engels. Vul de Nederlandse tekst in.`,
      en: `${base} in Dutch (${base}::Nederlands (nl)) is missing; there is only English`,
    });
    return undefined;
  }
  return en ? { nl, en } : { nl };
}

export interface ImportOptions {
  /** Questionnaire code when the settings sheet has no form_id (e.g. from the file name). */
  fallbackCode?: string;
}

export async function importXlsForm(
  data: Buffer | Uint8Array,
  options: ImportOptions = {},
): Promise<XlsFormImport> {
  const ctx: Ctx = { problems: [], origins: new Map() };
  const refused = await zipRefusal(data, { maxUnpackedBytes: MAX_UNPACKED_BYTES });
  if (refused) return { ok: false, problems: [refused] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as any);
  } catch (err) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          sheet: '(file)',
          code: 'unreadable_file',
          message: {
            nl: `Dit is geen leesbaar .xlsx-bestand (${(err as Error).message}). Sla het formulier op als Excel-werkmap (.xlsx).`,
            en: `not a readable .xlsx file (${(err as Error).message}); save the form as Excel Workbook (.xlsx)`,
          },
        },
      ],
    };
  }
  const byName = new Map(wb.worksheets.map((ws) => [ws.name.trim().toLowerCase(), ws]));
  const surveyWs = byName.get('survey');
  const choicesWs = byName.get('choices');
  const settingsWs = byName.get('settings');
  for (const ws of wb.worksheets) {
    const n = ws.name.trim().toLowerCase();
    if (!['survey', 'choices', 'settings'].includes(n) && ws.actualRowCount > 0)
      problem(ctx, 'warning', ws.name, undefined, undefined, 'ignored_sheet', {
        nl: `Het werkblad '${ws.name}' hoort niet bij XLSForm. Weerbaar slaat het over.`,
        en: `sheet '${ws.name}' is not part of XLSForm and is ignored`,
      });
  }
  if (!surveyWs) {
    problem(ctx, 'error', 'survey', undefined, undefined, 'missing_sheet', {
      nl: "Het bestand heeft geen werkblad 'survey'. Voeg dat werkblad toe, met daarin de vragen.",
      en: "the workbook has no 'survey' sheet",
    });
    return { ok: false, problems: ctx.problems };
  }

  // settings
  let defaultLang = 'nl';
  let title: LocalText | undefined;
  let code = options.fallbackCode;
  if (settingsWs) {
    const pre = readSheet(settingsWs, 'nl');
    const first = pre.rows[0];
    const dl = first?.get('default_language');
    if (dl) {
      const c = languageCode(dl);
      if (c === 'nl' || c === 'en') defaultLang = c;
      else
        problem(ctx, 'warning', 'settings', first!.row, first!.col('default_language'), 'unknown_language', {
          nl: `default_language '${dl}' is geen Nederlands en geen Engels. Kolommen zonder taal worden gelezen als Nederlands.`,
          en: `default_language '${dl}' is neither Dutch nor English; unlabelled columns are read as Dutch`,
        });
    }
    const settings = readSheet(settingsWs, defaultLang);
    reportCellIssues(ctx, settings);
    const s = settings.rows[0];
    if (s) {
      const id = s.get('form_id');
      const idKind = s.kind('form_id');
      if (id) {
        if (CODE_PATTERN.test(id) && id.length <= 64) code = id;
        else if ((idKind === 'formula' || idKind === 'date') && code)
          problem(ctx, 'warning', 'settings', s.row, s.col('form_id'), 'form_id_from_file_name', {
            nl: `form_id is een ${idKind === 'date' ? 'datum' : 'formule'} ('${id}') en geen geldige code. De code wordt '${code}', uit de bestandsnaam.`,
            en: `form_id is a ${idKind} ('${id}'), not a valid code; the code is '${code}', from the file name`,
          });
        else
          problem(ctx, 'error', 'settings', s.row, s.col('form_id'), 'bad_name', {
            nl: `form_id '${id}' is niet geldig. Begin met een letter en gebruik alleen letters, cijfers en _.`,
            en: `form_id '${id}' must start with a letter and contain only letters, digits and _`,
          });
      } else if (idKind === 'formula' && code)
        problem(ctx, 'warning', 'settings', s.row, s.col('form_id'), 'form_id_from_file_name', {
          nl: `form_id is een formule waarvan Weerbaar de uitkomst niet kan lezen. De code wordt '${code}', uit de bestandsnaam.`,
          en: `form_id is a formula whose result cannot be read; the code is '${code}', from the file name`,
        });
      const tnl = s.get('form_title', 'nl') || s.get('form_title');
      const ten = s.get('form_title', 'en');
      if (tnl) title = ten ? { nl: tnl, en: ten } : { nl: tnl };
      else if (ten) title = { nl: ten, en: ten };
      const v = s.get('version');
      if (v)
        problem(ctx, 'warning', 'settings', s.row, s.col('version'), 'ignored_setting', {
          nl: `version '${v}' wordt niet gebruikt: Weerbaar nummert de versies van een vragenlijst zelf.`,
          en: `version '${v}' is ignored: Weerbaar numbers the versions of a questionnaire itself`,
        });
      for (const c of settings.columns) {
        if (SETTINGS_KNOWN.has(c.base) || c.base.startsWith('$')) continue;
        const val = s.get(c.base, c.lang as Lang);
        if (val)
          problem(ctx, 'warning', 'settings', s.row, c, 'ignored_setting', {
            nl: `De instelling '${c.header}' wordt niet gebruikt.`,
            en: `setting '${c.header}' is ignored`,
          });
      }
    }
  }
  if (!code)
    problem(ctx, 'error', 'settings', undefined, 'form_id', 'missing_form_id', {
      nl: 'In het werkblad settings ontbreekt form_id. Vul daar de code van de vragenlijst in.',
      en: 'the settings sheet needs a form_id: the code of the questionnaire',
    });

  // A form without Dutch texts (e.g. English only): its texts stand in for Dutch, with a warning.
  const surveyHeader = readSheet(surveyWs, defaultLang).columns.filter((c) => c.base === 'label');
  const hasDutch = surveyHeader.some((c) => c.lang === 'nl' || (!c.lang && defaultLang === 'nl'));
  const nlFallback = hasDutch ? undefined : (surveyHeader[0]?.lang ?? defaultLang);
  if (nlFallback)
    problem(ctx, 'warning', 'survey', 1, surveyHeader[0], 'no_dutch', {
      nl: `Het formulier heeft geen Nederlandse teksten. De teksten in '${nlFallback}' worden gebruikt als Nederlandse teksten. Vertaal ze voordat u de vragenlijst publiceert.`,
      en: `the form has no Dutch texts; the texts in '${nlFallback}' are used as the Dutch texts (translate them before publishing)`,
    });

  // choices
  const lists = new Map<string, Choice[]>();
  const listRow = new Map<string, number>();
  const usedLists = new Set<string>();
  /** Choice names pyxform accepts but a choice code does not (old → new), for expression values. */
  const renamedChoices = new Map<string, string>();
  if (choicesWs) {
    const sheet = readSheet(choicesWs, defaultLang, nlFallback);
    reportCellIssues(ctx, sheet);
    warnDuplicateColumns(ctx, sheet);
    warnColumns(ctx, sheet, new Set(['list_name', 'name', 'label', 'exclusive', 'value']));
    const namesByList = new Map<string, string[]>();
    for (const r of sheet.rows)
      namesByList.set(r.get('list_name'), [
        ...(namesByList.get(r.get('list_name')) ?? []),
        r.get('name') || r.get('value'),
      ]);
    for (const r of sheet.rows) {
      if (r.blank) continue;
      const list = r.get('list_name');
      let name = r.get('name') || r.get('value');
      if (!list) {
        problem(ctx, 'error', 'choices', r.row, r.col('list_name') ?? 'list_name', 'missing_list_name', {
          nl: 'list_name is leeg. Vul de naam van de keuzelijst in.',
          en: 'list_name is empty',
        });
        continue;
      }
      if (!name) {
        problem(ctx, 'error', 'choices', r.row, r.col('name') ?? 'name', 'missing_name', {
          nl: `Een keuze in lijst '${list}' heeft geen name. Vul een name in.`,
          en: `a choice in list '${list}' has no name`,
        });
        continue;
      }
      const entries = lists.get(list) ?? [];
      if (!OPTION_CODE_PATTERN.test(name) || name.length > 64) {
        // pyxform accepts any choice name (`a b`, `1/2`): stored under a code, expressions follow.
        const taken = new Set([...entries.map((e) => e.option.code), ...(namesByList.get(list) ?? [])]);
        const code = pyxformChoiceCode(name, taken);
        problem(ctx, 'warning', 'choices', r.row, r.col('name'), 'renamed_choice', {
          nl: `De keuze '${name}' in lijst '${list}' wordt bewaard als '${code}': een keuzecode heeft alleen letters, cijfers, _, - en . (geen spaties). Waarden '${name}' in expressies zijn aangepast.`,
          en: `choice '${name}' in list '${list}' is stored as '${code}' (a choice code has only letters, digits, _, - and .; no spaces); values '${name}' in expressions were changed accordingly`,
        });
        if (!renamedChoices.has(name)) renamedChoices.set(name, code);
        name = code;
      }
      if (entries.some((e) => e.option.code === name)) {
        problem(ctx, 'error', 'choices', r.row, r.col('name'), 'duplicate_choice', {
          nl: `De keuze '${name}' staat twee keer in lijst '${list}' (ook in rij ${entries.find((e) => e.option.code === name)!.row}). Geef elke keuze een eigen name.`,
          en: `choice '${name}' appears twice in list '${list}' (also row ${entries.find((e) => e.option.code === name)!.row})`,
        });
        continue;
      }
      const label = localText(ctx, 'choices', r, 'label');
      if (!label) {
        if (r.get('label', 'en') === '')
          problem(ctx, 'error', 'choices', r.row, r.col('label', 'nl') ?? 'label', 'missing_label', {
            nl: `De keuze '${name}' in lijst '${list}' heeft geen label. Vul een label in.`,
            en: `choice '${name}' in list '${list}' has no label`,
          });
        continue;
      }
      const option: Option = { code: name, label };
      const ex = r.get('exclusive').toLowerCase();
      if (ex && YES.has(ex)) option.exclusive = true;
      else if (!NO.has(ex))
        problem(ctx, 'error', 'choices', r.row, r.col('exclusive'), 'bad_value', {
          nl: `Vul bij exclusive yes of no in, niet '${ex}'.`,
          en: `exclusive must be yes or no, not '${ex}'`,
        });
      entries.push({ option, row: r.row });
      lists.set(list, entries);
      if (!listRow.has(list)) listRow.set(list, r.row);
    }
  }

  // survey
  const survey = readSheet(surveyWs, defaultLang, nlFallback);
  reportCellIssues(ctx, survey);
  warnDuplicateColumns(ctx, survey);
  if (!survey.columns.some((c) => c.base === 'type'))
    problem(ctx, 'error', 'survey', 1, 'type', 'missing_column', {
      nl: "Het werkblad survey heeft geen kolom 'type'. Voeg die kolom toe.",
      en: "the survey sheet has no 'type' column",
    });
  if (!survey.columns.some((c) => c.base === 'name'))
    problem(ctx, 'error', 'survey', 1, 'name', 'missing_column', {
      nl: "Het werkblad survey heeft geen kolom 'name'. Voeg die kolom toe.",
      en: "the survey sheet has no 'name' column",
    });
  warnColumns(ctx, survey, SURVEY_COLUMNS);
  for (const c of survey.columns) {
    if (c.lang && c.lang !== 'nl' && c.lang !== 'en' && c.lang !== nlFallback)
      problem(ctx, 'warning', 'survey', 1, c, 'ignored_language', {
        nl: `De kolom '${c.header}' wordt niet gebruikt: Weerbaar heeft teksten in het Nederlands (nl) en het Engels (en).`,
        en: `column '${c.header}' is ignored: Weerbaar has texts in Dutch (nl) and English (en)`,
      });
  }

  const sections: Section[] = [];
  const context: ContextVariable[] = [];
  const names = new Map<string, number>();
  const sectionIds = new Map<string, number>();
  const stack: Array<{
    kind: 'section' | 'nested' | 'matrix' | 'repeat';
    name: string;
    row: number;
    relevant?: string;
  }> = [];
  let current: Section | undefined;
  let implicitCount = 0;
  let matrix:
    | {
        item: Extract<Item, { type: 'matrix' }>;
        row: number;
        list?: string;
        rowsRequired: boolean[];
        rowRequiredMessages: LocalText[];
      }
    | undefined;
  let skipDepth = 0;
  /** Items with or_other: ODK calls their text `${name}_other`, Weerbaar `name_other_tekst`. */
  const orOther: Array<{ code: string; row: number }> = [];
  const titleFallback = title ?? { nl: code ?? 'Vragenlijst' };
  /** Every name in the survey sheet, and pyxform names stored under another code (old → new). */
  const allNames = new Set(survey.rows.map((r) => r.get('name')).filter(Boolean));
  const renamedNames = new Map<string, string>();

  const claimName = (name: string, r: SheetRow): boolean => {
    const earlier = names.get(name);
    if (earlier !== undefined) {
      problem(ctx, 'error', 'survey', r.row, r.col('name'), 'duplicate_name', {
        nl: `De name '${name}' is al gebruikt in rij ${earlier}. Kies een andere name.`,
        en: `name '${name}' is already used in row ${earlier}`,
      });
      return false;
    }
    names.set(name, r.row);
    return true;
  };
  const sectionPath = () => `sections[${sections.length - 1}]`;
  const ensureSection = (r: SheetRow) => {
    if (current) return current;
    implicitCount++;
    let id = implicitCount === 1 ? 'main' : `main_${implicitCount}`;
    while (sectionIds.has(id) || names.has(id)) id = `${id}_x`;
    current = { id, title: titleFallback, items: [] };
    sections.push(current);
    sectionIds.set(id, r.row);
    problem(ctx, 'warning', 'survey', r.row, undefined, 'implicit_section', {
      nl: `Vragen buiten een groep komen in een onderdeel '${id}' (één pagina).`,
      en: `questions outside a group are put in a section '${id}' (shown as one page)`,
    });
    return current;
  };
  const nestedRelevant = () => stack.filter((s) => s.kind === 'nested' && s.relevant).map((s) => s.relevant!);
  const combine = (own: string | undefined, extra: string[]) => {
    const parts = [...extra, ...(own ? [own] : [])];
    if (parts.length === 0) return undefined;
    if (parts.length === 1) return parts[0];
    return parts.map((p) => `(${p})`).join(' and ');
  };
  const checkExpr = (r: SheetRow, base: string): string | undefined => {
    const src = r.get(base);
    if (!src) return undefined;
    const res = parseExpression(src);
    if (!res.ok) {
      problem(ctx, 'error', 'survey', r.row, r.col(base), 'bad_expression', {
        nl: `${base}: ${res.error.message.nl} (bij teken ${res.error.position + 1} van "${src}"). Verbeter de expressie.`,
        en: `${base}: ${res.error.message.en} (at character ${res.error.position + 1} of "${src}")`,
      });
      return undefined;
    }
    return src;
  };
  const refuseColumns = (r: SheetRow) => {
    for (const [base, what] of Object.entries(REFUSED_COLUMNS)) {
      for (const c of survey.columns.filter((c) => c.base === base)) {
        const v = r.get(c.base, c.lang as Lang);
        if (v && !(base === 'read_only' && NO.has(v.toLowerCase())))
          problem(ctx, 'error', 'survey', r.row, c, 'unsupported_column', {
            nl: `${what.nl} zijn niet mogelijk in Weerbaar (${c.header} = '${v}'). Maak deze cel leeg.`,
            en: `${what.en} are not supported (${c.header} = '${v}')`,
          });
      }
    }
    if (r.get('guidance_hint', 'nl') || r.get('guidance_hint', 'en') || r.get('guidance_hint'))
      problem(
        ctx,
        'warning',
        'survey',
        r.row,
        r.col('guidance_hint', 'nl') ?? 'guidance_hint',
        'ignored_column',
        {
          nl: 'guidance_hint wordt niet gebruikt (het is bedoeld voor papieren formulieren).',
          en: 'guidance_hint is ignored (it is meant for printed forms)',
        },
      );
  };
  const required = (r: SheetRow): boolean => {
    const v = r.get('required').toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    problem(ctx, 'error', 'survey', r.row, r.col('required'), 'unsupported_required', {
      nl: `Vul bij required yes of no in. Een voorwaarde ('${r.get('required')}') kan hier niet; gebruik daarvoor relevant.`,
      en: `required must be yes or no; a condition ('${r.get('required')}') is not supported, use relevant instead`,
    });
    return false;
  };
  const register = (path: string, r: SheetRow) =>
    ctx.origins.set(path, {
      sheet: 'survey',
      row: r.row,
      columns: {
        label: r.col('label', 'nl'),
        hint: r.col('hint', 'nl'),
        relevant: r.col('relevant'),
        constraint: r.col('constraint'),
        name: r.col('name'),
        type: r.col('type'),
        required: r.col('required'),
      },
    });

  for (const r of survey.rows) {
    const rawType = r.get('type');
    const type = normaliseType(rawType);
    const lower = type.toLowerCase();
    let name = r.get('name');
    if (r.blank) continue;
    if (!type) {
      if (name)
        problem(ctx, 'error', 'survey', r.row, r.col('type') ?? 'type', 'missing_type', {
          nl: `De rij met name '${name}' heeft geen type. Vul een type in.`,
          en: `row with name '${name}' has no type`,
        });
      else
        problem(ctx, 'error', 'survey', r.row, r.col('type') ?? 'type', 'missing_type', {
          nl: 'Deze rij heeft inhoud maar geen type. Vul een type in of maak de rij leeg.',
          en: 'row has content but no type',
        });
      continue;
    }
    const kind = lower.replace(/^(begin|end) /, '$1_');

    // Inside an unsupported repeat: skip to its end.
    if (skipDepth > 0) {
      if (kind === 'begin_repeat' || kind === 'begin_group' || kind === 'begin_kobomatrix') skipDepth++;
      if (kind === 'end_repeat' || kind === 'end_group' || kind === 'end_kobomatrix') skipDepth--;
      continue;
    }

    if (
      kind === 'begin_repeat' ||
      kind === 'begin_kobomatrix' ||
      kind === 'begin_score' ||
      kind === 'begin_rank'
    ) {
      const what = UNSUPPORTED_TYPES[kind]!;
      const inner = countUntilEnd(survey.rows, r.row);
      const rowsNl = inner === 1 ? 'de rij' : `de ${inner} rijen`;
      problem(ctx, 'error', 'survey', r.row, r.col('type'), 'unsupported_type', {
        nl: `${what.nl} zijn niet mogelijk in Weerbaar: '${name || type}' en ${rowsNl} daarin worden niet geïmporteerd.`,
        en: `${what.en} are not supported: '${name || type}' and the ${inner} row${inner === 1 ? '' : 's'} inside it are not imported`,
      });
      skipDepth = 1;
      continue;
    }

    if (kind === 'begin_group') {
      const appearance = r.get('appearance');
      refuseColumns(r);
      if (!name) {
        problem(ctx, 'error', 'survey', r.row, r.col('name') ?? 'name', 'missing_name', {
          nl: 'begin_group heeft geen name. Vul een name in.',
          en: 'begin_group has no name',
        });
      } else if (!CODE_PATTERN.test(name) || name.length > 64) {
        problem(ctx, 'error', 'survey', r.row, r.col('name'), 'bad_name', {
          nl: `De name '${name}' is niet geldig. Begin met een letter en gebruik alleen letters, cijfers en _.`,
          en: `name '${name}' must start with a letter and contain only letters, digits and _`,
        });
      }
      const relevant = checkExpr(r, 'relevant');
      const label = localText(ctx, 'survey', r, 'label');
      if (/\btable-list\b/.test(appearance)) {
        if (matrix) {
          problem(ctx, 'error', 'survey', r.row, r.col('type'), 'nested_matrix', {
            nl: 'Een table-list-groep in een andere table-list-groep kan niet. Haal een van de twee groepen weg.',
            en: 'a table-list group inside a table-list group is not supported',
          });
          stack.push({ kind: 'nested', name, row: r.row });
          continue;
        }
        const sec = ensureSection(r);
        if (name) claimName(name, r);
        if (!label)
          problem(ctx, 'error', 'survey', r.row, r.col('label', 'nl') ?? 'label', 'missing_label', {
            nl: `De matrix '${name}' (table-list-groep) heeft geen label. Vul een label in.`,
            en: `matrix '${name}' (table-list group) has no label`,
          });
        const item: Extract<Item, { type: 'matrix' }> = {
          type: 'matrix',
          code: name,
          label: label ?? { nl: name || '?' },
          rows: [],
          options: [],
        };
        const hint = localText(ctx, 'survey', r, 'hint');
        if (hint) item.hint = hint;
        const rel = combine(relevant, nestedRelevant());
        if (rel) item.relevant = rel;
        const extraAppearance = appearance.replace(/\btable-list\b/, '').trim();
        if (extraAppearance)
          problem(ctx, 'warning', 'survey', r.row, r.col('appearance'), 'ignored_appearance', {
            nl: `appearance '${extraAppearance}' van een matrix wordt niet gebruikt.`,
            en: `appearance '${extraAppearance}' of a matrix is ignored`,
          });
        register(`${sectionPath()}.items[${sec.items.length}]`, r);
        sec.items.push(item);
        matrix = { item, row: r.row, rowsRequired: [], rowRequiredMessages: [] };
        stack.push({ kind: 'matrix', name, row: r.row });
        continue;
      }
      if (stack.length === 0) {
        // A top-level group is a section (one page).
        if (name && sectionIds.has(name))
          problem(ctx, 'error', 'survey', r.row, r.col('name'), 'duplicate_name', {
            nl: `De groepsnaam '${name}' is al gebruikt in rij ${sectionIds.get(name)}. Kies een andere name.`,
            en: `group name '${name}' is already used in row ${sectionIds.get(name)}`,
          });
        if (name) sectionIds.set(name, r.row);
        if (!label)
          problem(ctx, 'warning', 'survey', r.row, r.col('label', 'nl') ?? 'label', 'missing_label', {
            nl: `De groep '${name}' heeft geen label. De name wordt gebruikt als titel van de pagina.`,
            en: `group '${name}' has no label; its name is used as the page title`,
          });
        if (appearance && !/^field-list$/.test(appearance))
          problem(ctx, 'warning', 'survey', r.row, r.col('appearance'), 'ignored_appearance', {
            nl: `appearance '${appearance}' van een groep wordt niet gebruikt (elke groep is één pagina).`,
            en: `appearance '${appearance}' of a group is ignored (every group is one page)`,
          });
        current = { id: name || `group_${r.row}`, title: label ?? { nl: name || '?' }, items: [] };
        if (relevant) current.relevant = relevant;
        sections.push(current);
        ctx.origins.set(sectionPath(), {
          sheet: 'survey',
          row: r.row,
          columns: { label: r.col('label', 'nl'), relevant: r.col('relevant'), name: r.col('name') },
        });
        stack.push({ kind: 'section', name, row: r.row });
        continue;
      }
      // A group inside a group: flattened into the enclosing page.
      const sec = ensureSection(r);
      problem(ctx, 'warning', 'survey', r.row, r.col('type'), 'flattened_group', {
        nl: `De groep '${name}' staat in een andere groep. De vragen komen op de pagina van de buitenste groep${relevant ? ', en de relevant van de groep geldt voor elke vraag' : ''}${label ? '. Het label wordt een toelichting (note)' : ''}.`,
        en: `group '${name}' inside another group is flattened: its questions join the enclosing page${relevant ? ', and its relevant applies to each of them' : ''}${label ? '; its label becomes a note' : ''}`,
      });
      if (label && name && claimName(name, r)) {
        register(`${sectionPath()}.items[${sec.items.length}]`, r);
        const note: Item = { type: 'note', code: name, label };
        const rel = combine(relevant, nestedRelevant());
        if (rel) note.relevant = rel;
        sec.items.push(note);
      }
      stack.push({ kind: 'nested', name, row: r.row, relevant });
      continue;
    }

    if (kind === 'end_group' || kind === 'end_repeat' || kind === 'end_kobomatrix') {
      const top = stack.pop();
      if (!top) {
        problem(ctx, 'error', 'survey', r.row, r.col('type'), 'unbalanced_group', {
          nl: `Bij ${type} hoort geen begin_group. Voeg begin_group toe of haal deze rij weg.`,
          en: `${type} without a matching begin_group`,
        });
        continue;
      }
      if (top.kind === 'matrix' && matrix) {
        finishMatrix(ctx, matrix, lists);
        matrix = undefined;
      }
      if (top.kind === 'section') current = undefined;
      continue;
    }

    refuseColumns(r);

    if (METADATA_TYPES.has(lower)) {
      problem(ctx, 'warning', 'survey', r.row, r.col('type'), 'ignored_metadata', {
        nl: `Metadata '${rawType}'${name ? ` (${name})` : ''} wordt niet gebruikt: Weerbaar legt zelf vast wat nodig is.`,
        en: `metadata '${rawType}'${name ? ` (${name})` : ''} is ignored: Weerbaar records what it needs itself`,
      });
      continue;
    }
    const sel = /^(select_one|select_multiple|select one|select multiple)\s+(\S+)(\s+or_other)?$/i.exec(type);
    const baseType = sel ? (sel[1]!.toLowerCase().includes('one') ? 'select_one' : 'select_multiple') : lower;
    if (!sel && /^select_(one|multiple)$/.test(lower)) {
      problem(ctx, 'error', 'survey', r.row, r.col('type'), 'missing_list', {
        nl: `Bij ${type} hoort de naam van een keuzelijst, bijvoorbeeld '${type} ja_nee'.`,
        en: `${type} needs a list name, e.g. '${type} yes_no'`,
      });
      continue;
    }
    if (UNSUPPORTED_TYPES[baseType] || /^select_(one|multiple)_from_file/.test(baseType)) {
      const what = UNSUPPORTED_TYPES[baseType.split(' ')[0]!];
      problem(ctx, 'error', 'survey', r.row, r.col('type'), 'unsupported_type', {
        nl: `${what?.nl ?? type}: dit is niet mogelijk in Weerbaar ('${name || type}').`,
        en: `${what?.en ?? type} are not supported ('${name || type}')`,
      });
      continue;
    }
    const knownTypes = [
      'select_one',
      'select_multiple',
      'integer',
      'int',
      'decimal',
      'date',
      'text',
      'string',
      'note',
      'hidden',
    ];
    if (!knownTypes.includes(baseType)) {
      problem(ctx, 'error', 'survey', r.row, r.col('type'), 'unknown_type', {
        nl: `Het type '${type}' kent Weerbaar niet. Gebruik een XLSForm-type zoals text, integer of select_one.`,
        en: `unknown type '${type}'`,
      });
      continue;
    }
    if (!name) {
      problem(ctx, 'error', 'survey', r.row, r.col('name') ?? 'name', 'missing_name', {
        nl: `${type} heeft geen name. Vul een name in.`,
        en: `${type} has no name`,
      });
      continue;
    }
    if (!CODE_PATTERN.test(name) || name.length > 64) {
      const code = pyxformCode(name, allNames);
      if (!code) {
        problem(ctx, 'error', 'survey', r.row, r.col('name'), 'bad_name', {
          nl: `De name '${name}' is niet geldig. Begin met een letter en gebruik alleen letters, cijfers en _ (hoogstens 64 tekens).`,
          en: `name '${name}' must start with a letter and contain only letters, digits and _ (at most 64)`,
        });
        continue;
      }
      // A name pyxform accepts (`_1_1_total`, `tel.office`): stored under a code, references follow.
      problem(ctx, 'warning', 'survey', r.row, r.col('name'), 'renamed_name', {
        nl: `De name '${name}' wordt bewaard als '${code}': een code in Weerbaar begint met een letter en heeft alleen letters, cijfers en _. Verwijzingen naar \${${name}} zijn aangepast.`,
        en: `name '${name}' is stored as '${code}' (a Weerbaar code starts with a letter and has only letters, digits and _); references to \${${name}} were changed accordingly`,
      });
      renamedNames.set(name, code);
      allNames.add(code);
      name = code;
    }

    if (baseType === 'hidden') {
      if (!claimName(name, r)) continue;
      const cv: ContextVariable = { name };
      const label = localText(ctx, 'survey', r, 'label');
      if (label) cv.description = label;
      const example = r.get('default');
      if (example) cv.example = example;
      ctx.origins.set(`context[${context.length}]`, {
        sheet: 'survey',
        row: r.row,
        columns: { name: r.col('name') },
      });
      context.push(cv);
      continue;
    }
    if (r.get('default'))
      problem(ctx, 'error', 'survey', r.row, r.col('default'), 'unsupported_column', {
        nl: `Vooraf ingevulde antwoorden zijn niet mogelijk (default = '${r.get('default')}'). Maak de cel default leeg.`,
        en: `default answers are not supported (default = '${r.get('default')}')`,
      });

    const label = localText(ctx, 'survey', r, 'label');
    if (!label && !r.get('label', 'en'))
      problem(ctx, 'error', 'survey', r.row, r.col('label', 'nl') ?? 'label', 'missing_label', {
        nl: `'${name}' heeft geen label. Vul een label in.`,
        en: `'${name}' has no label`,
      });
    const hint = localText(ctx, 'survey', r, 'hint');
    const relevant = checkExpr(r, 'relevant');
    const constraint = checkExpr(r, 'constraint');
    const constraintMessage = localText(ctx, 'survey', r, 'constraint_message');
    const requiredMessage = localText(ctx, 'survey', r, 'required_message');
    const appearance = r.get('appearance');
    const isRequired = required(r);

    // A row inside a table-list group is a matrix row.
    if (matrix) {
      if (baseType === 'note' || /\blabel\b/.test(appearance)) {
        problem(ctx, 'warning', 'survey', r.row, r.col('type'), 'ignored_row', {
          nl: `'${name}' in een table-list-groep is een kopregel en wordt niet gebruikt. De matrix toont de keuzes als kolomkoppen.`,
          en: `'${name}' in a table-list group is a header row and is ignored; the matrix shows the options as column headers`,
        });
        continue;
      }
      if (!sel) {
        problem(ctx, 'error', 'survey', r.row, r.col('type'), 'bad_matrix_row', {
          nl: `In een table-list-groep mogen alleen rijen met select_one of select_multiple staan, niet '${type}'.`,
          en: `a table-list group may contain only select_one or select_multiple rows, not '${type}'`,
        });
        continue;
      }
      if (sel[3])
        problem(ctx, 'error', 'survey', r.row, r.col('type'), 'bad_matrix_row', {
          nl: 'or_other kan niet in een rij van een matrix (table-list). Haal or_other weg.',
          en: 'or_other is not possible in a matrix (table-list) row',
        });
      const list = sel[2]!;
      usedLists.add(list);
      if (!lists.has(list)) {
        problem(ctx, 'error', 'survey', r.row, r.col('type'), 'unknown_list', {
          nl: `De lijst '${list}' staat niet in het werkblad choices. Voeg de lijst toe of verbeter de naam.`,
          en: `list '${list}' is not in the choices sheet`,
        });
      } else if (matrix.list && matrix.list !== list) {
        problem(ctx, 'error', 'survey', r.row, r.col('type'), 'bad_matrix_row', {
          nl: `Alle rijen van matrix '${matrix.item.code}' moeten dezelfde lijst gebruiken ('${matrix.list}'), niet '${list}'.`,
          en: `all rows of matrix '${matrix.item.code}' must use the same list ('${matrix.list}'), not '${list}'`,
        });
      }
      matrix.list ??= list;
      const multiple = baseType === 'select_multiple';
      if (matrix.item.rows.length === 0) {
        if (multiple) matrix.item.multiple = true;
      } else if ((matrix.item.multiple === true) !== multiple) {
        problem(ctx, 'error', 'survey', r.row, r.col('type'), 'bad_matrix_row', {
          nl: `De rijen van matrix '${matrix.item.code}' mengen select_one en select_multiple. Kies een van de twee.`,
          en: `rows of matrix '${matrix.item.code}' mix select_one and select_multiple`,
        });
      }
      if (constraint)
        problem(ctx, 'error', 'survey', r.row, r.col('constraint'), 'unsupported_column', {
          nl: 'Een constraint op een rij van een matrix kan niet. Haal de constraint weg.',
          en: 'a constraint on a matrix row is not supported',
        });
      if (!claimName(name, r)) continue;
      const row: MatrixRow = { code: name, label: label ?? { nl: name } };
      if (hint) row.hint = hint;
      if (relevant) row.relevant = relevant;
      if (appearance && !/^(list-nolabel|list|label|minimal|horizontal|likert)$/.test(appearance))
        problem(ctx, 'warning', 'survey', r.row, r.col('appearance'), 'ignored_appearance', {
          nl: `appearance '${appearance}' van een rij van een matrix wordt niet gebruikt.`,
          en: `appearance '${appearance}' of a matrix row is ignored`,
        });
      const secIdx = sections.length - 1;
      register(
        `sections[${secIdx}].items[${sections[secIdx]!.items.indexOf(matrix.item)}].rows[${matrix.item.rows.length}]`,
        r,
      );
      matrix.item.rows.push(row);
      matrix.rowsRequired.push(isRequired);
      if (requiredMessage) matrix.rowRequiredMessages.push(requiredMessage);
      continue;
    }

    const sec = ensureSection(r);

    // The explicit "anders, namelijk" pattern: a text row `<select>_<option>_tekst` right after the
    // select, relevant exactly when that option is chosen (this is what export writes).
    const prev = sec.items[sec.items.length - 1];
    if (baseType === 'text' && prev && (prev.type === 'single_choice' || prev.type === 'multiple_choice')) {
      const opt = prev.options.find((o) => otherTextCode(prev.code, o.code) === name);
      if (opt && !opt.other && relevant?.replace(/\s+/g, '') === `selected(\${${prev.code}},'${opt.code}')`) {
        if (!claimName(name, r)) continue;
        opt.other = true;
        continue;
      }
    }

    if (!claimName(name, r)) continue;
    const itemPath = `${sectionPath()}.items[${sec.items.length}]`;
    register(itemPath, r);
    const base = {
      code: name,
      label: label ?? { nl: name },
      ...(hint ? { hint } : {}),
      ...(combine(relevant, nestedRelevant()) ? { relevant: combine(relevant, nestedRelevant())! } : {}),
      ...(appearance ? { appearance } : {}),
    };
    const answerable = {
      ...base,
      ...(isRequired ? { required: true } : {}),
      ...(requiredMessage ? { requiredMessage } : {}),
      ...(constraintMessage ? { constraintMessage } : {}),
    };
    if (baseType === 'note') {
      if (isRequired)
        problem(ctx, 'warning', 'survey', r.row, r.col('required'), 'ignored_required', {
          nl: 'Een note kan niet verplicht zijn. required wordt niet gebruikt.',
          en: 'a note cannot be required; required is ignored',
        });
      if (constraint)
        problem(ctx, 'error', 'survey', r.row, r.col('constraint'), 'unsupported_column', {
          nl: 'Een note kan geen constraint hebben. Haal de constraint weg.',
          en: 'a note cannot have a constraint',
        });
      sec.items.push({ type: 'note', ...base });
      continue;
    }
    if (sel) {
      const list = sel[2]!;
      usedLists.add(list);
      const entries = lists.get(list);
      if (!entries) {
        problem(ctx, 'error', 'survey', r.row, r.col('type'), 'unknown_list', {
          nl: `De lijst '${list}' staat niet in het werkblad choices. Voeg de lijst toe of verbeter de naam.`,
          en: `list '${list}' is not in the choices sheet`,
        });
        continue;
      }
      const opts = entries.map((e) => ({ ...e.option }));
      if (sel[3]) {
        if (opts.some((o) => o.code === 'other'))
          problem(ctx, 'error', 'survey', r.row, r.col('type'), 'duplicate_choice', {
            nl: `De lijst '${list}' heeft al een keuze 'other'. Daarom kan or_other er geen toevoegen. Haal or_other of de keuze 'other' weg.`,
            en: `list '${list}' already has a choice 'other', so or_other cannot add one`,
          });
        else {
          opts.push({ code: 'other', label: { nl: 'Anders, namelijk', en: 'Other' }, other: true });
          orOther.push({ code: name, row: r.row });
        }
      }
      const item: Item = {
        type: baseType === 'select_one' ? 'single_choice' : 'multiple_choice',
        ...answerable,
        ...(constraint ? { constraint } : {}),
        options: opts,
        ...(list !== name ? { listName: list } : {}),
      };
      if (item.type === 'single_choice' && opts.some((o) => o.exclusive))
        problem(ctx, 'warning', 'survey', r.row, r.col('type'), 'ignored_exclusive', {
          nl: `Exclusieve keuzes in lijst '${list}' hebben geen betekenis bij select_one '${name}'.`,
          en: `exclusive choices in list '${list}' mean nothing for select_one '${name}'`,
        });
      if (item.type === 'single_choice') for (const o of item.options) delete o.exclusive;
      sec.items.push(item);
      continue;
    }
    if (baseType === 'integer' || baseType === 'int' || baseType === 'decimal') {
      const item: Extract<Item, { type: 'number' }> = {
        type: 'number',
        ...answerable,
        integer: baseType !== 'decimal',
      };
      if (constraint) Object.assign(item, splitRange(constraint));
      sec.items.push(item);
      continue;
    }
    if (baseType === 'date') {
      sec.items.push({ type: 'date', ...answerable, ...(constraint ? { constraint } : {}) });
      continue;
    }
    // text / string
    const item: Extract<Item, { type: 'text' }> = { type: 'text', ...answerable };
    if (constraint) {
      const m = /^\s*string-length\(\s*\.\s*\)\s*<=\s*(\d+)\s*(?:and\s+\((.*)\))?\s*$/.exec(constraint);
      if (m && (m[2] === undefined || parseExpression(m[2]).ok)) {
        item.maxLength = Number(m[1]);
        if (m[2] !== undefined) item.constraint = m[2];
      } else item.constraint = constraint;
    }
    sec.items.push(item);
  }
  for (const open of stack)
    problem(ctx, 'error', 'survey', open.row, 'type', 'unbalanced_group', {
      nl: `De groep '${open.name}' wordt nergens gesloten. Voeg end_group toe.`,
      en: `group '${open.name}' is never closed with end_group`,
    });
  if (matrix) finishMatrix(ctx, matrix, lists);
  for (const [list, row] of listRow)
    if (!usedLists.has(list))
      problem(ctx, 'warning', 'choices', row, 'list_name', 'unused_list', {
        nl: `De lijst '${list}' wordt bij geen enkele vraag gebruikt.`,
        en: `list '${list}' is not used by any question`,
      });

  if (sections.length === 0 && !ctx.problems.some((p) => p.severity === 'error'))
    problem(ctx, 'error', 'survey', undefined, undefined, 'empty_form', {
      nl: 'Het formulier heeft geen vragen. Zet de vragen in het werkblad survey.',
      en: 'the form has no questions',
    });

  if (renamedNames.size || renamedChoices.size) rewriteReferences(sections, renamedNames, renamedChoices);
  renameOrOtherReferences(ctx, sections, orOther, names);

  const definition = {
    code: code ?? 'questionnaire',
    title: title ?? titleFallback,
    ...(context.length ? { context } : {}),
    sections,
  };
  if (!title)
    problem(ctx, 'warning', 'settings', undefined, 'form_title', 'missing_title', {
      nl: `In settings staat geen form_title. De titel wordt '${definition.title.nl}'.`,
      en: `settings has no form_title; the title is '${definition.title.nl}'`,
    });

  // The model's own rules, mapped back to cells.
  const errorsSoFar = ctx.problems.some((p) => p.severity === 'error');
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) {
    if (!errorsSoFar)
      for (const issue of parsed.error.issues) {
        const path = jsonPath(issue.path as Array<string | number>);
        mapToCell(ctx, path, 'invalid', schemaIssueReason(issue));
      }
  }
  // References and expressions are checked even when something else is wrong, so that one import
  // lists every problem. (The definition built here always has the shape checkDefinition walks.)
  let structural: DefinitionProblem[] = [];
  try {
    structural = checkDefinition(parsed.success ? parsed.data : (definition as QuestionnaireDefinition));
  } catch {
    structural = [];
  }
  for (const p of structural) {
    if (p.code === 'duplicate_code' || p.code === 'duplicate_section') continue; // reported by name
    mapToCell(ctx, p.path, p.code, p.message);
  }
  const errors = ctx.problems.filter((p) => p.severity === 'error');
  if (errors.length || !parsed.success) return { ok: false, problems: sortProblems(ctx.problems) };
  return { ok: true, definition: parsed.data, warnings: sortProblems(ctx.problems) };
}

/** Rewrites `${q_other}` (ODK's "specify other" field) to Weerbaar's `${q_other_tekst}` everywhere. */
function renameOrOtherReferences(
  ctx: Ctx,
  sections: Section[],
  orOther: Array<{ code: string; row: number }>,
  names: Map<string, number>,
) {
  const renames = new Map<string, string>();
  for (const o of orOther)
    if (!names.has(`${o.code}_other`)) renames.set(`${o.code}_other`, otherTextCode(o.code, 'other'));
  if (renames.size === 0) return;
  const used = rewriteReferences(sections, renames);
  for (const o of orOther)
    if (used.has(`${o.code}_other`))
      problem(ctx, 'warning', 'survey', o.row, 'type', 'renamed_reference', {
        nl: `De tekst bij "anders" van '${o.code}' wordt bewaard als ${otherTextCode(o.code, 'other')}. Verwijzingen naar \${${o.code}_other} zijn daarop aangepast.`,
        en: `the "other" text of '${o.code}' is stored as ${otherTextCode(o.code, 'other')}; references to \${${o.code}_other} were changed accordingly`,
      });
}

/** Rewrites `${from}` to `${to}` in every expression and text; returns the names that occurred. */
function rewriteReferences(
  sections: Section[],
  renames: Map<string, string>,
  values = new Map<string, string>(),
): Set<string> {
  const used = new Set<string>();
  const fixRefs = (text: string | undefined) =>
    text?.replace(/\$\{\s*([^}\s]+)\s*\}/g, (m, n: string) => {
      const to = renames.get(n);
      if (!to) return m;
      used.add(n);
      return `\${${to}}`;
    });
  // In expressions also the quoted values of renamed choices ('a b' → 'a_b').
  const fixExpr = (text: string | undefined) =>
    values.size === 0
      ? fixRefs(text)
      : fixRefs(text)?.replace(/'([^']*)'|"([^"]*)"/g, (m, a?: string, b?: string) => {
          const to = values.get(a ?? b ?? '');
          return to === undefined ? m : `'${to}'`;
        });
  const fixText = (t: LocalText | undefined) => {
    if (!t) return;
    t.nl = fixRefs(t.nl)!;
    if (t.en !== undefined) t.en = fixRefs(t.en);
  };
  for (const section of sections) {
    section.relevant = fixExpr(section.relevant);
    if (section.relevant === undefined) delete section.relevant;
    fixText(section.title);
    for (const item of section.items) {
      fixText(item.label);
      fixText(item.hint);
      if (item.relevant !== undefined) item.relevant = fixExpr(item.relevant);
      if ('constraint' in item && item.constraint !== undefined) item.constraint = fixExpr(item.constraint);
      if ('options' in item) for (const o of item.options) fixText(o.label);
      if (item.type === 'matrix')
        for (const row of item.rows) {
          fixText(row.label);
          if (row.relevant !== undefined) row.relevant = fixExpr(row.relevant);
        }
    }
  }
  return used;
}

function splitRange(constraint: string): { min?: number; max?: number; constraint?: string } {
  const NUM = '(-?\\d+(?:\\.\\d+)?)';
  const REST = '(?:\\s+and\\s+\\((.*)\\))?';
  const patterns: Array<[RegExp, Array<'min' | 'max' | 'rest'>]> = [
    [
      new RegExp(`^\\s*\\.\\s*>=\\s*${NUM}\\s+and\\s+\\.\\s*<=\\s*${NUM}${REST}\\s*$`),
      ['min', 'max', 'rest'],
    ],
    [new RegExp(`^\\s*\\.\\s*>=\\s*${NUM}${REST}\\s*$`), ['min', 'rest']],
    [new RegExp(`^\\s*\\.\\s*<=\\s*${NUM}${REST}\\s*$`), ['max', 'rest']],
  ];
  for (const [re, parts] of patterns) {
    const m = re.exec(constraint);
    if (!m) continue;
    const out: { min?: number; max?: number; constraint?: string } = {};
    parts.forEach((p, i) => {
      const v = m[i + 1];
      if (v === undefined) return;
      if (p === 'rest') out.constraint = v;
      else out[p] = Number(v);
    });
    if (out.constraint !== undefined && !parseExpression(out.constraint).ok) return { constraint };
    return out;
  }
  return { constraint };
}

/** The XLSForm constraint for a number item's min/max and own constraint. */
export function rangeConstraint(item: { min?: number; max?: number; constraint?: string }): string {
  const parts: string[] = [];
  if (item.min !== undefined) parts.push(`. >= ${item.min}`);
  if (item.max !== undefined) parts.push(`. <= ${item.max}`);
  if (item.constraint) parts.push(parts.length ? `(${item.constraint})` : item.constraint);
  return parts.join(' and ');
}

function countUntilEnd(rows: SheetRow[], startRow: number): number {
  let depth = 0;
  let n = 0;
  for (const r of rows) {
    if (r.row <= startRow) continue;
    const k = normaliseType(r.get('type')).replace(/^(begin|end) /, '$1_');
    if (k.startsWith('begin_')) depth++;
    else if (k.startsWith('end_')) {
      if (depth === 0) return n;
      depth--;
    }
    n++;
  }
  return n;
}

function finishMatrix(
  ctx: Ctx,
  m: {
    item: Extract<Item, { type: 'matrix' }>;
    row: number;
    list?: string;
    rowsRequired: boolean[];
    rowRequiredMessages: LocalText[];
  },
  lists: Map<string, Choice[]>,
) {
  if (m.item.rows.length === 0) {
    problem(ctx, 'error', 'survey', m.row, 'type', 'empty_matrix', {
      nl: `De table-list-groep '${m.item.code}' heeft geen rijen met select_one of select_multiple. Voeg die toe.`,
      en: `table-list group '${m.item.code}' has no select rows`,
    });
    return;
  }
  m.item.options = (lists.get(m.list ?? '') ?? []).map((e) => ({ ...e.option }));
  if (!m.item.multiple) for (const o of m.item.options) delete o.exclusive;
  if (m.list && m.list !== m.item.code) m.item.listName = m.list;
  const req = m.rowsRequired.filter(Boolean).length;
  if (req > 0) {
    m.item.required = true;
    if (req < m.rowsRequired.length)
      problem(ctx, 'warning', 'survey', m.row, 'required', 'mixed_required', {
        nl: `Sommige rijen van matrix '${m.item.code}' zijn verplicht en andere niet. Weerbaar maakt dan elke rij verplicht.`,
        en: `some rows of matrix '${m.item.code}' are required and some not; Weerbaar requires every row`,
      });
  }
  if (m.rowRequiredMessages[0]) m.item.requiredMessage = m.rowRequiredMessages[0];
}
