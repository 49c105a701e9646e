/**
 * The XLSForm import's use of the shared ZIP guard (src/platform/files/zip-guard.ts): a refusal becomes
 * one problem of the form's report, like every other problem of the file.
 */
import { AppError } from '../../../platform/errors.js';
import { checkZip, type ZipLimits } from '../../../platform/files/zip-guard.js';
import type { XlsFormProblem } from './problems.js';

/** undefined when the ZIP may be opened; otherwise the problem that refuses it. */
export async function zipRefusal(
  data: Buffer | Uint8Array,
  limits: ZipLimits,
): Promise<XlsFormProblem | undefined> {
  try {
    await checkZip(data, limits, '(file)');
    return undefined;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const detail = err.localised.detail;
    return {
      severity: 'error',
      sheet: '(file)',
      code: err.code === 'file-too-large' ? 'too_large' : 'unreadable_file',
      message: typeof detail === 'object' ? detail : { nl: err.title('nl'), en: detail ?? err.title('en') },
    };
  }
}
