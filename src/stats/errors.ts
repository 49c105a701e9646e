import { AppError } from '../platform/errors.js';

/**
 * Errors of the statistics engine, as catalogue AppErrors so the CLI and HTTP report them the same way.
 * `design`: the design cannot be estimated (lonely PSU, clusters not nested, missing design values);
 * `calibration`: margins that cannot be met; `spec`: the request does not fit the data.
 */
export function designError(detail: string): AppError {
  return new AppError('stats-design', { detail });
}

export function calibrationError(detail: string): AppError {
  return new AppError('stats-calibration', { detail });
}

/** `path` is the JSON path in the spec, e.g. `estimates[1].variable`. */
export function specError(detail: string, path?: string): AppError {
  return new AppError('invalid-spec', { detail: path ? `${path}: ${detail}` : detail });
}
