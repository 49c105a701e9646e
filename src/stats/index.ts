/**
 * The survey statistics engine (docs/stats.md): design-based estimates with R `survey` parity.
 * Pure: columns in, numbers out. The CLI reads files; other code passes typed arrays via tableFromColumns.
 */
export {
  type AnalysisOutput,
  designFromSpec,
  type EstimateOutput,
  type OutputRow,
  runAnalysis,
} from './analysis.js';
export { calibrateLinear, type Margin, postStratify, rake } from './calibrate.js';
export { type ChisqResult, svychisq } from './chisq.js';
export { type CipropMethod, svyciprop } from './ciprop.js';
export { columnsOfSpec } from './columns.js';
export { type CsvOptions, type CsvTable, parseCsv } from './csv.js';
export { type Design, type DesignInput, domainDegf, type LonelyPsu, makeDesign } from './design.js';
export { type Domain, domainsOf } from './domains.js';
export { type DomainEstimate, domainMean, domainTotal } from './estimate.js';
export { type Factor, toFactor } from './factor.js';
export { formatOutput, type OutputFormat } from './format.js';
export { parseSpec, type Spec, specSchema } from './spec.js';
export { type DataTable, tableFromColumns } from './table.js';
export { domainCovariance } from './variance.js';
