/**
 * XLSForm (.xlsx) import and export, the ODK / KoboToolbox spreadsheet convention: sheets `survey`,
 * `choices` and `settings`. See docs/questionnaires.md for the mapping table.
 *
 * Import reports every problem with sheet, row and column (and never stops at the first one).
 * A construct Weerbaar does not support is an error that names it, or a warning when ignoring it
 * changes nothing for respondents (metadata such as `start`/`end`). Nothing is dropped silently.
 * Export writes a form that imports back to an equal definition.
 *
 * The code is in ./xlsform/: read.ts (the workbook and its sheets), map.ts (sheets → definition),
 * problems.ts (what is reported, where) and write.ts (definition → workbook). This file is their
 * public API.
 */
export type { DefinitionProblem } from './check.js';
export { type ImportOptions, importXlsForm, rangeConstraint } from './xlsform/map.js';
export type { XlsFormImport, XlsFormProblem } from './xlsform/problems.js';
export { languageCode, MAX_UNPACKED_BYTES } from './xlsform/read.js';
export { exportXlsForm } from './xlsform/write.js';
