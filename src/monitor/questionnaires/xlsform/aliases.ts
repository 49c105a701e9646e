/**
 * The older and alternative spellings pyxform still accepts, mapped to the ones Weerbaar reads.
 * Source: pyxform's aliases.py, question_type_dictionary.py, parsing/sheet_headers.py and the
 * RE_SELECT pattern in xls2json.py (github.com/XLSForm/pyxform, BSD-2-Clause).
 */

/** Column aliases (first token of a header, snake_case, lower case) → the column Weerbaar reads. */
const COLUMN_ALIASES: Record<string, string> = {
  caption: 'label',
  relevance: 'relevant',
  constraining_message: 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  requiredmsg: 'required_message',
  readonly: 'read_only',
  calculate: 'calculation',
  count: 'repeat_count',
  'jr:count': 'repeat_count',
  command: 'type',
  tag: 'name',
};
/** `bind::x` / `bind:x` columns: the ODK bind attribute → the column Weerbaar reads. */
const BIND_ALIASES: Record<string, string> = {
  relevant: 'relevant',
  constraint: 'constraint',
  required: 'required',
  readonly: 'read_only',
  calculate: 'calculation',
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
};

const snake = (s: string) => s.trim().toLowerCase().split(/\s+/).join('_');

/**
 * Splits a header into its column and language as pyxform does: on `::`, or on a single `:` when no
 * header of the sheet uses `::` (keeping `jr:` names whole); `bind:` and aliases give the column.
 */
export function splitHeader(header: string, useDoubleColon: boolean): { base: string; lang?: string } {
  let tokens: string[];
  if (useDoubleColon || header.includes('::')) tokens = header.split('::').map((t) => t.trim());
  else {
    tokens = header.split(':').map((t) => t.trim());
    const jr = tokens.findIndex((t) => t.toLowerCase() === 'jr' || t.toLowerCase() === 'bind');
    if (jr >= 0 && tokens[jr]!.toLowerCase() === 'bind' && tokens[jr + 1]?.toLowerCase() === 'jr')
      tokens.splice(jr + 1, 2, `jr:${tokens[jr + 2] ?? ''}`);
    else if (jr >= 0 && tokens[jr]!.toLowerCase() === 'jr')
      tokens.splice(jr, 2, `jr:${tokens[jr + 1] ?? ''}`);
  }
  let base = snake(tokens[0] ?? '');
  let rest = tokens.slice(1);
  if (base === 'bind' && rest.length > 0) {
    const attr = snake(rest[0]!);
    base = BIND_ALIASES[attr] ?? `bind:${attr}`;
    rest = rest.slice(1);
  } else base = COLUMN_ALIASES[base] ?? base;
  const lang = rest.filter(Boolean).join('::');
  return lang ? { base, lang } : { base };
}

/** Type aliases (lower case, single spaces) → the type Weerbaar reads. */
const TYPE_ALIASES: Record<string, string> = {
  imei: 'deviceid',
  'device id': 'deviceid',
  'get device id': 'deviceid',
  'uri:deviceid': 'deviceid',
  'phone number': 'phonenumber',
  'get phone number': 'phonenumber',
  'uri:phonenumber': 'phonenumber',
  'sim id': 'simserial',
  'get sim id': 'simserial',
  'uri:simserial': 'simserial',
  'subscriber id': 'subscriberid',
  'get subscriber id': 'subscriberid',
  'uri:subscriberid': 'subscriberid',
  'uri:username': 'username',
  'uri:email': 'email',
  'start time': 'start',
  'get start time': 'start',
  'end time': 'end',
  'get end time': 'end',
  'get today': 'today',
  'add text prompt': 'text',
  'q string': 'text',
  'add integer prompt': 'integer',
  'q int': 'integer',
  'add decimal prompt': 'decimal',
  'q decimal': 'decimal',
  'add date prompt': 'date',
  'q date': 'date',
  'add note prompt': 'note',
  'q note': 'note',
  'begin loop': 'begin_repeat',
  'end loop': 'end_repeat',
  'begin lgroup': 'begin_repeat',
  'end lgroup': 'end_repeat',
  'begin looped group': 'begin_repeat',
  'end looped group': 'end_repeat',
};
const SELECT_ONE = [
  'add select one prompt using',
  'select one from',
  'select one using',
  'select1',
  'q select1',
];
const SELECT_MULTIPLE = [
  'add select multiple prompt using',
  'select all that apply from',
  'select all that apply',
  'select multiple from',
  'select multiple using',
  'q select',
];
const OR_OTHER = /\s+(or specify other|or_other|or other)$/i;

/**
 * A type as Weerbaar reads it: `select one from yn or specify other` → `select_one yn or_other`,
 * `Integer` → `integer`, `imei` → `deviceid`. List names keep their case; other types are lower case.
 */
export function normaliseType(raw: string): string {
  const type = raw.replace(/\s+/g, ' ').trim();
  const lower = type.toLowerCase();
  if (TYPE_ALIASES[lower]) return TYPE_ALIASES[lower];
  const other = OR_OTHER.exec(type);
  const body = other ? type.slice(0, other.index) : type;
  const bodyLower = body.toLowerCase();
  const commands: Array<[string, string]> = [
    ...SELECT_ONE.map((c): [string, string] => [c, 'select_one']),
    ...SELECT_MULTIPLE.map((c): [string, string] => [c, 'select_multiple']),
    ['select_one', 'select_one'],
    ['select one', 'select_one'],
    ['select_multiple', 'select_multiple'],
    ['select multiple', 'select_multiple'],
  ];
  for (const [command, to] of commands) {
    if (!bodyLower.startsWith(`${command} `)) continue;
    const list = body.slice(command.length + 1).trim();
    if (!list || /\s/.test(list)) continue;
    return `${to} ${list}${other ? ' or_other' : ''}`;
  }
  if (/^select_(one|multiple)_from_file\b|^select_one_external\b|^rank\b/i.test(type))
    return type.replace(/^\S+/, (c) => c.toLowerCase());
  return lower;
}

/** Question names pyxform accepts (an XML name, ASCII here): a letter or _, then letters, digits, _ . - */
const PYXFORM_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The Weerbaar code for a question name pyxform accepts but a code does not (`_1_1_ppl_total` →
 * `q_1_1_ppl_total`, `tel.office` → `tel_office`), unique among `taken`; undefined when pyxform
 * would refuse the name too.
 */
export function pyxformCode(name: string, taken: Set<string>): string | undefined {
  if (!PYXFORM_NAME.test(name)) return undefined;
  let code = name.replace(/[.-]/g, '_');
  if (!/^[A-Za-z]/.test(code)) code = `q${code}`;
  code = code.slice(0, 60);
  let candidate = code;
  for (let n = 2; taken.has(candidate); n++) candidate = `${code}_${n}`;
  return candidate;
}

/** The choice code for a choice name pyxform accepts (`a b`, `1/2`, `één`), unique among `taken`. */
export function pyxformChoiceCode(name: string, taken: Set<string>): string {
  let code = name.trim().replace(/[^A-Za-z0-9_.-]+/g, '_');
  if (!/^[A-Za-z0-9_]/.test(code)) code = `_${code}`;
  code = code.slice(0, 60);
  let candidate = code;
  for (let n = 2; taken.has(candidate); n++) candidate = `${code}_${n}`;
  return candidate;
}
