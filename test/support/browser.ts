/**
 * Real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) with axe for accessibility.
 * Tests using it skip themselves, saying why, when Chromium is not installed.
 *
 * Under `npm test` (scripts/test.mjs) one Chromium serves every browser test file: the script starts it
 * with test/support/browser-server.ts and passes its endpoint in WEERBAAR_TEST_BROWSER_WS; each file
 * connects and works in its own browser contexts (isolated cookies and storage), and `browser.close()`
 * disconnects only. A file run on its own (node --test …) launches a Chromium of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type LaunchOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const browserSkip: string | false = existsSync(CHROMIUM)
  ? false
  : `Chromium not installed at ${CHROMIUM}`;

/** How every test Chromium is started (also the shared one of browser-server.ts). */
export const chromiumLaunchOptions: LaunchOptions = {
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
};

/** The environment variable that carries the shared Chromium's WebSocket endpoint. */
export const BROWSER_WS_ENV = 'WEERBAAR_TEST_BROWSER_WS';

export async function launchBrowser(): Promise<Browser> {
  const ws = process.env[BROWSER_WS_ENV];
  if (ws) return chromium.connect(ws);
  return chromium.launch(chromiumLaunchOptions);
}

export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: string[];
}

/** WCAG 2.0/2.1 A and AA rules. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The project's axe-core (package.json devDependencies), also for AxeBuilder. */
let axeSourceText: string | undefined;
const axeSource = () =>
  (axeSourceText ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

interface AxeRunResult {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the page; returns the violations in a readable form.
 *
 * axe-core is injected once per document and run with `axe.run` on the whole document: the same rules
 * and results as @axe-core/playwright's AxeBuilder, without its extra work per call (AxeBuilder
 * evaluates the 500 KB script twice and opens a blank page to merge partial results, which costs about
 * five times as much CPU). Pages with frames go through AxeBuilder, which checks inside every frame.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  let result: AxeRunResult;
  if (page.frames().length > 1) {
    result = await new AxeBuilder({ page, axeSource: axeSource() }).withTags(AXE_TAGS).analyze();
  } else {
    const loaded = await page.evaluate(() => typeof (globalThis as any).axe?.run === 'function');
    if (!loaded) {
      await page.evaluate(axeSource());
    }
    result = await page.evaluate(
      (values) =>
        (globalThis as any).axe.run((globalThis as any).document, {
          runOnly: { type: 'tag', values },
        }) as Promise<AxeRunResult>,
      AXE_TAGS,
    );
  }
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}
