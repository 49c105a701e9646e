/** Path parameters of the results pages and API: a wave id or code, an indicator code (as the models allow). */
import { z } from 'zod';

/** A wave's id (uuid) or code (letters, digits, _ and -). */
export const waveIdParam = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
  .describe("The wave's id or code");
/** An indicator's code (src/results/indicators/model.ts). */
export const indicatorIdParam = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*$/)
  .describe("The indicator's code, e.g. agr_any_12m");
