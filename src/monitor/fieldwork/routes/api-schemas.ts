/** The API's request and response schemas for waves (they become /api/v1/openapi.json). */
import { z } from 'zod';
import { anonymityLevels, targetGroups, type Wave } from '../model.js';
import { templatesOf } from '../waves-service.js';

export const waveSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'open', 'closed', 'archived']),
    anonymity: z.enum(anonymityLevels),
    fieldworkStart: z.string().nullable(),
    fieldworkEnd: z.string().nullable(),
    reminderDays: z.array(z.number().int()),
    mailTemplates: z.unknown(),
    privacy: z.record(z.string(), z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Wave' });

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
export const waveOut = (w: Wave) => ({
  ...w,
  status: w.status as 'draft',
  anonymity: w.anonymity as 'anonymous',
  mailTemplates: templatesOf(w),
  privacy: (w.privacy ?? {}) as Record<string, string>,
  createdAt: iso(w.createdAt)!,
  updatedAt: iso(w.updatedAt)!,
  openedAt: iso(w.openedAt),
  closedAt: iso(w.closedAt),
});

export const mailTextSchema = z.object({ subject: z.string(), body: z.string() });
export const templatesBody = z.object({
  invitation: z.object({ nl: mailTextSchema, en: mailTextSchema }),
  reminder: z.object({ nl: mailTextSchema, en: mailTextSchema }),
});
export const waveCreateBody = z
  .object({
    code: z.string(),
    name: z.string(),
    anonymity: z.enum(anonymityLevels).optional(),
    fieldworkStart: z.string().nullish(),
    fieldworkEnd: z.string().nullish(),
    reminderDays: z.array(z.number().int()).optional(),
    mailTemplates: templatesBody.optional(),
    privacy: z
      .object({
        controller: z.string().optional(),
        legalBasis: z.string().optional(),
        retention: z.string().optional(),
        contact: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export const waveUpdateBody = waveCreateBody.omit({ code: true }).partial().strict();

export const frameProblemSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  position: z.number().int(),
  code: z.string(),
  value: z.string(),
  message: z.string(),
});
export const importReportSchema = z
  .object({
    fileName: z.string(),
    mode: z.enum(['all', 'valid']),
    targetGroup: z.enum(targetGroups),
    rowsRead: z.number().int(),
    rowsImported: z.number().int(),
    rowsRejected: z.number().int(),
    problems: z.array(frameProblemSchema).describe('The first 1,000 problems, in file order'),
    problemCount: z.number().int().describe('All problems found'),
    written: z.boolean(),
    importId: z.string().nullable(),
  })
  .meta({ id: 'FrameImportReport' });

export const frameOut = z.object({
  counts: z.array(
    z.object({
      targetGroup: z.string(),
      layer: z.string(),
      role: z.string(),
      provinceCode: z.string().nullable(),
      sizeClass: z.string().nullable(),
      n: z.number().int(),
    }),
  ),
  imports: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      rowsImported: z.number().int(),
      rowsRejected: z.number().int(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

/** An export: CSV, XLSX or (with `format=json`) the table as JSON. */
export const exportOut = {
  description: 'The table in the requested format',
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
    'application/json': {
      schema: z.object({
        columns: z.array(z.string()),
        rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
      }),
    },
  },
};

export const rateRow = z.object({
  stratum: z.record(z.string(), z.string().nullable()),
  label: z.string(),
  frame: z.number().int(),
  optedOut: z.number().int(),
  invited: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
  responseRate: z.number().nullable(),
  remindersSent: z.number().int(),
});
