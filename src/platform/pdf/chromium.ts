/**
 * Which Chromium makes PDF files: CHROMIUM_PATH, or Debian's /usr/bin/chromium when it is installed.
 * Without one, Weerbaar still renders every HTML file and says how to enable PDF.
 */
import { accessSync, constants } from 'node:fs';
import type { Config } from '../config/config.js';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type PdfSupport =
  | { available: true; executablePath: string }
  | { available: false; reason: 'not-installed' | 'not-executable'; path: string };

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Whether PDF files can be made here, and with which Chromium. */
export function pdfSupport(config: Pick<Config, 'CHROMIUM_PATH'>): PdfSupport {
  if (config.CHROMIUM_PATH) {
    return executable(config.CHROMIUM_PATH)
      ? { available: true, executablePath: config.CHROMIUM_PATH }
      : { available: false, reason: 'not-executable', path: config.CHROMIUM_PATH };
  }
  return executable(DEBIAN_CHROMIUM)
    ? { available: true, executablePath: DEBIAN_CHROMIUM }
    : { available: false, reason: 'not-installed', path: DEBIAN_CHROMIUM };
}

/** How Chromium is started for PDF: headless, no network services of its own. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
