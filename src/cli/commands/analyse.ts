/**
 * `weerbaar analyse <spec.json>`: runs a survey analysis spec (docs/stats.md) on its CSV file and prints
 * the estimates as JSON (the shape of R reference expected.json), CSV or a table.
 * Exit codes: 0 done; 2 bad input (spec, CSV, design or margins that cannot be estimated); 1 anything else.
 * Only commander is imported up front; the engine loads inside the action so other commands start fast.
 */
import type { Command } from 'commander';

interface AnalyseOptions {
  format: string;
  out?: string;
  separator?: string;
}

export function register(program: Command): void {
  program
    .command('analyse')
    .description(
      'Estimate survey means, proportions, totals, differences and tests from an analysis spec (R survey parity)',
    )
    .argument('<spec>', 'analysis spec (JSON), see docs/stats.md')
    .option('-f, --format <format>', 'output format: json, csv or table', 'json')
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option(
      '-s, --separator <char>',
      'CSV separator of the data file (default: detected from the header; "tab" for tab)',
    )
    .action(async (specPath: string, options: AnalyseOptions) => {
      await analyse(specPath, options);
    });
}

async function analyse(specPath: string, options: AnalyseOptions): Promise<void> {
  const [{ readFile, writeFile }, { dirname, resolve }, { AppError }] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
    import('../../platform/errors.js'),
  ]);
  const format = options.format;
  if (format !== 'json' && format !== 'csv' && format !== 'table') {
    throw new AppError('bad-request', { detail: `--format must be json, csv or table, not "${format}"` });
  }
  const separator = options.separator === 'tab' || options.separator === '\\t' ? '\t' : options.separator;
  if (separator !== undefined && separator.length !== 1) {
    throw new AppError('bad-request', {
      detail: `--separator must be one character (or "tab"), not "${options.separator}"`,
    });
  }
  const [{ parseSpec }, { columnsOfSpec }, { parseCsv }, { runAnalysis }, { formatOutput }] =
    await Promise.all([
      import('../../stats/spec.js'),
      import('../../stats/columns.js'),
      import('../../stats/csv.js'),
      import('../../stats/analysis.js'),
      import('../../stats/format.js'),
    ]);
  const specText = await readFile(specPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new AppError('invalid-file', {
      detail: `cannot read the spec: ${err.code ?? err.message}`,
      location: { file: specPath },
    });
  });
  let json: unknown;
  try {
    json = JSON.parse(specText);
  } catch (err) {
    throw new AppError('invalid-json', {
      detail: (err as Error).message,
      location: { file: specPath, ...jsonErrorPosition(specText, err) },
    });
  }
  let spec: ReturnType<typeof parseSpec>;
  try {
    spec = parseSpec(json);
  } catch (err) {
    if (err instanceof AppError)
      throw new AppError(err.code, { detail: err.detail, location: { file: specPath } });
    throw err;
  }
  const dataPath = resolve(dirname(specPath), spec.data);
  const data = await readFile(dataPath).catch((err: NodeJS.ErrnoException) => {
    throw new AppError('invalid-file', {
      detail: `data: cannot read ${spec.data} (${err.code ?? err.message})`,
      location: { file: specPath },
    });
  });
  const table = parseCsv(data, { columns: columnsOfSpec(spec), separator, file: dataPath });
  let result: ReturnType<typeof runAnalysis>;
  try {
    result = runAnalysis(spec, table);
  } catch (err) {
    // spec errors found against the data (a column that is not there) point at the spec file
    if (err instanceof AppError && err.code === 'invalid-spec' && !err.location) {
      throw new AppError(err.code, { detail: err.detail, location: { file: specPath } });
    }
    throw err;
  }
  const output = formatOutput(result, format);
  if (options.out) await writeFile(options.out, output);
  else process.stdout.write(output);
}

/** Line and column of a JSON.parse error, from the position V8 reports. */
function jsonErrorPosition(text: string, err: unknown): { line?: number; column?: number } {
  const m = /position (\d+)/.exec(String((err as Error).message));
  if (!m) return {};
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}
