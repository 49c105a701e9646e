/**
 * Exports of a closed wave: reads the wave, its questionnaire, the completed responses and (when there
 * is a results run) the weights through the monitor's and the results' services, builds the export
 * dataset and writes it in the requested format. One target group per file (each has its own
 * questionnaire).
 */
import { loadDefinition } from '../../monitor/answering/questionnaire-source.js';
import { findWave, waveQuestionnairesOf } from '../../monitor/fieldwork/waves-service.js';
import { completedResponses } from '../../monitor/responses/analysis-source.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { latestRun, weightingRun } from '../runs/service.js';
import { schemes } from '../weighting/scheme.js';
import { buildExportDataset, type ExportWeighting } from './builder.js';
import { codebookHtml } from './codebook-html.js';
import { codebookCsv, dataCsv } from './csv.js';
import type { ExportDataset, Language } from './dataset.js';
import { ddiCodebook } from './ddi.js';
import { parquetFile } from './parquet.js';
import { writeSav } from './sav/writer.js';
import { xlsxWorkbook } from './xlsx.js';

export const exportFormats = ['csv', 'codebook-csv', 'xlsx', 'sav', 'parquet', 'ddi', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportRequest {
  format: ExportFormat;
  /** Default: the wave's first target group with a questionnaire. */
  targetGroup?: string;
  /** Free-text answers are left out unless this is true. */
  includeFreeText?: boolean;
  /** Language of labels in .sav, XLSX and the HTML codebook (DDI, CSV codebook carry both). */
  language?: Language;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const problem = (nl: string, en: string) => new AppError('conflict', { detail: { nl, en } });

export async function waveExportDataset(
  database: Database,
  waveIdOrCode: string,
  request: Pick<ExportRequest, 'targetGroup' | 'includeFreeText'>,
): Promise<{ waveCode: string; targetGroup: string; dataset: ExportDataset }> {
  const wave = await findWave(database.db, waveIdOrCode);
  if (wave.status !== 'closed' && wave.status !== 'archived')
    throw problem(
      `De meting ${wave.code} is nog niet gesloten; exporteren kan pas na het sluiten.`,
      `wave ${wave.code} is ${wave.status}: close it before exporting`,
    );
  const links = await waveQuestionnairesOf(database.db, wave.id);
  const link = request.targetGroup ? links.find((l) => l.targetGroup === request.targetGroup) : links[0];
  if (!link)
    throw new AppError('bad-request', {
      detail: {
        nl: `De meting ${wave.code} heeft geen doelgroep ${request.targetGroup ?? ''}. Kies uit: ${links.map((l) => l.targetGroup).join(', ')}.`,
        en: `wave ${wave.code} has no target group ${request.targetGroup ?? ''}; choose from: ${links.map((l) => l.targetGroup).join(', ')}`,
      },
    });
  const questionnaire = await loadDefinition(database.db, link.questionnaireVersionId);
  if (!questionnaire)
    throw problem(
      'De vragenlijst van deze meting is niet gevonden.',
      'the questionnaire of this wave is missing',
    );
  const respondents = await completedResponses(database.db, wave.id, link.targetGroup);
  let weighting: ExportWeighting | undefined;
  const run = await latestRun(database, wave.id);
  const runId = run?.weightingRuns[link.targetGroup];
  if (runId) {
    const w = (await weightingRun(database, runId))?.weights as
      | { responseIds: string[]; stratum: string[]; fpc: number[]; final: number[] }
      | undefined;
    if (w) weighting = { responseIds: w.responseIds, stratum: w.stratum, fpc: w.fpc, final: w.final };
  }
  const dataset = buildExportDataset({
    title: { nl: `${wave.name} — ${link.targetGroup}`, en: `${wave.name} — ${link.targetGroup}` },
    questionnaire,
    respondents,
    strata: schemes[link.targetGroup]?.strata ?? [],
    ...(weighting ? { weighting } : {}),
    anonymous: wave.anonymity === 'anonymous',
    includeFreeText: request.includeFreeText ?? false,
  });
  return { waveCode: wave.code, targetGroup: link.targetGroup, dataset };
}

export async function exportWave(
  database: Database,
  waveIdOrCode: string,
  request: ExportRequest,
): Promise<ExportFile> {
  const { waveCode, targetGroup, dataset } = await waveExportDataset(database, waveIdOrCode, request);
  const language = request.language ?? 'nl';
  const base = `${waveCode}-${targetGroup}`.replace(/[^A-Za-z0-9_.-]/g, '_');
  switch (request.format) {
    case 'csv':
      return {
        fileName: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Buffer.from(dataCsv(dataset)),
      };
    case 'codebook-csv':
      return {
        fileName: `${base}-codebook.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Buffer.from(codebookCsv(dataset)),
      };
    case 'xlsx':
      return {
        fileName: `${base}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await xlsxWorkbook(dataset, language),
      };
    case 'sav':
      return {
        fileName: `${base}.sav`,
        contentType: 'application/x-spss-sav',
        body: writeSav(dataset, { language, clipStrings: true }),
      };
    case 'parquet':
      return {
        fileName: `${base}.parquet`,
        contentType: 'application/vnd.apache.parquet',
        body: parquetFile(dataset),
      };
    case 'ddi':
      return {
        fileName: `${base}-ddi.xml`,
        contentType: 'application/xml; charset=utf-8',
        body: Buffer.from(ddiCodebook(dataset, { fileName: `${base}.sav` })),
      };
    case 'html':
      return {
        fileName: `${base}-codebook.html`,
        contentType: 'text/html; charset=utf-8',
        body: Buffer.from(codebookHtml(dataset, language)),
      };
  }
}
