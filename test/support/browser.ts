/**
 * Real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) with axe for accessibility.
 * Tests using it skip themselves, saying why, when Chromium is not installed.
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const browserSkip: string | false = existsSync(CHROMIUM)
  ? false
  : `Chromium not installed at ${CHROMIUM}`;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on the page; returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}
