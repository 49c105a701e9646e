/**
 * The export dataset: the one shape every export format (SAV, Parquet, XLSX, CSV, DDI, HTML codebook) is
 * written from. It carries the item metadata of the questionnaire (item code, labels in Dutch and English,
 * value labels, user-missing codes, measurement level) next to the weights and design variables of a results
 * run. Builders turn a wave into this shape; writers never look anywhere else.
 */

export type MeasurementLevel = 'nominal' | 'ordinal' | 'scale';

/** Where a column comes from; exports of an anonymous wave never hold a `identifier` column. */
export type ColumnRole = 'answer' | 'free-text' | 'weight' | 'design' | 'identifier';

export interface Label {
  nl: string;
  en: string;
}

export interface ValueLabel<V> {
  value: V;
  label: Label;
}

interface ColumnBase {
  /** Item code: the variable name in every format (letters, digits, `_`, starting with a letter). */
  code: string;
  label: Label;
  role: ColumnRole;
  measurement: MeasurementLevel;
}

export interface NumericColumn extends ColumnBase {
  type: 'numeric';
  /** Digits after the decimal point in display formats. */
  decimals: number;
  valueLabels: ValueLabel<number>[];
  /** User-missing codes (at most three in SPSS), e.g. 98 "weet niet", 99 "wil niet zeggen". */
  missing: number[];
  /** One value per case; null is system-missing (no answer). */
  values: (number | null)[];
}

export interface StringColumn extends ColumnBase {
  type: 'string';
  valueLabels: ValueLabel<string>[];
  missing: string[];
  /** One value per case; null is an empty string. */
  values: (string | null)[];
}

export type Column = NumericColumn | StringColumn;

export interface ExportDataset {
  /** The wave (or file) name, e.g. "MIV 2024". */
  title: Label;
  /** Number of cases; every column has this many values. */
  cases: number;
  columns: Column[];
  /** Code of the weight column, if any. */
  weight?: string;
}

export type Language = keyof Label;

const codePattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Throws a programming error when a dataset breaks the shape the writers rely on. */
export function assertDataset(d: ExportDataset): void {
  const seen = new Set<string>();
  for (const c of d.columns) {
    if (!codePattern.test(c.code)) throw new Error(`export: invalid item code ${JSON.stringify(c.code)}`);
    const key = c.code.toLowerCase();
    if (seen.has(key)) throw new Error(`export: duplicate item code ${c.code}`);
    seen.add(key);
    if (c.values.length !== d.cases)
      throw new Error(`export: column ${c.code} has ${c.values.length} values, not ${d.cases}`);
    if (c.missing.length > 3) throw new Error(`export: column ${c.code} has more than three missing codes`);
  }
  if (d.weight !== undefined) {
    const w = d.columns.find((c) => c.code === d.weight);
    if (w?.type !== 'numeric') throw new Error(`export: weight ${d.weight} is not a numeric column`);
  }
}

/** A column without its values: what a codebook describes. */
export type ColumnMeta = Omit<NumericColumn, 'values'> | Omit<StringColumn, 'values'>;
