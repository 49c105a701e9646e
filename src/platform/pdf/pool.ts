/**
 * A bounded Chromium pool for PDF files: one browser (started on first use, closed when idle), at most
 * `concurrency` pages rendering at once; further requests wait their turn. Shared by every domain's
 * background jobs and commands (`sharedPdfPool`).
 *
 * Each page lives in a browser context of its own with JavaScript off and every network request
 * refused: the HTML is self-contained (styles inline, local fonts), so nothing leaves the machine.
 * Pages are reused (the next document replaces the last).
 * `page.pdf` makes a tagged PDF (structure tree) with a document outline from the headings, A4, and
 * a running title and page numbers in the page margins.
 */
import type { Browser, Page } from 'playwright-core';
import type { Config } from '../config/config.js';
import { escapeHtml } from '../mail/templates.js';
import { chromiumArgs, pdfSupport } from './chromium.js';

export interface PdfOptions {
  /** Shown at the top of every page. */
  runningTitle: string;
  /** The page number line at the bottom, with `{page}` and `{pages}`, e.g. "Pagina {page} van {pages}". */
  pageLabel: string;
}

export interface PdfPoolOptions {
  /** Pages rendering at once. */
  concurrency: number;
  executablePath?: string;
  /** How to get the browser (tests connect to their shared one); default: launch `executablePath`. */
  launch?: () => Promise<Browser>;
  /** Close the browser after this long without work (default 60 s). */
  idleMs?: number;
}

const marginText = 'font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 8pt; color: #444;';

/** The header and footer templates of page.pdf (Chromium fills the spans with classes pageNumber and totalPages). */
export function marginTemplates(o: PdfOptions): { header: string; footer: string } {
  const label = escapeHtml(o.pageLabel)
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  return {
    header: `<div style='${marginText} width: 100%; margin: 0 15mm; text-align: left;'>${escapeHtml(o.runningTitle)}</div>`,
    footer: `<div style='${marginText} width: 100%; margin: 0 15mm; text-align: right;'>${label}</div>`,
  };
}

export class PdfPool {
  private browser: Promise<Browser> | undefined;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private idlePages: Page[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: PdfPoolOptions) {
    if (options.concurrency < 1) throw new Error('a PDF pool needs at least one page');
  }

  /** Pages that may render at once. */
  get concurrencyLimit(): number {
    return this.options.concurrency;
  }

  /** Pages rendering now, and requests waiting for one. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Prints a self-contained HTML document to PDF. */
  async render(html: string, o: PdfOptions): Promise<Buffer> {
    if (this.closed) throw new Error('the PDF pool is closed');
    await this.acquire();
    let page: Page | undefined;
    try {
      page = await this.takePage();
      await page.setContent(html, { waitUntil: 'load' });
      const { header, footer } = marginTemplates(o);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: header,
        footerTemplate: footer,
        margin: { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' },
      });
      this.idlePages.push(page);
      page = undefined;
      return pdf;
    } finally {
      // a page that failed is not used again
      if (page)
        await page
          .context()
          .close()
          .catch(() => undefined);
      this.release();
    }
  }

  /**
   * A page to print on: an idle one (its next document replaces the last), or a new one in a context
   * of its own with JavaScript off and every request refused. Reusing pages saves a renderer start
   * per file.
   */
  private async takePage(): Promise<Page> {
    for (let page = this.idlePages.pop(); page; page = this.idlePages.pop())
      if (!page.isClosed()) return page;
    const browser = await this.getBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    return context.newPage();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.closeBrowser();
  }

  private acquire(): Promise<void> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      next(); // the slot passes on: `active` stays
      return;
    }
    this.active--;
    if (this.active === 0 && !this.closed) {
      this.idleTimer = setTimeout(() => void this.closeBrowser(), this.options.idleMs ?? 60_000);
      this.idleTimer.unref();
    }
  }

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      const started = this.options.launch ? this.options.launch() : this.launch();
      this.browser = started;
      const forget = () => {
        if (this.browser === started) this.browser = undefined;
      };
      started.then((b) => b.on('disconnected', forget), forget);
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      ...(this.options.executablePath ? { executablePath: this.options.executablePath } : {}),
      args: chromiumArgs,
    });
  }

  private async closeBrowser(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    this.idlePages = [];
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  }
}

let shared: PdfPool | undefined;

/**
 * The process's one PDF pool (PDF_CONCURRENCY pages), or undefined when no Chromium is installed
 * (then callers make HTML only, see pdfSupport for what to tell the user).
 */
export function sharedPdfPool(
  config: Pick<Config, 'CHROMIUM_PATH' | 'PDF_CONCURRENCY'>,
): PdfPool | undefined {
  const support = pdfSupport(config);
  if (!support.available) return undefined;
  shared ??= new PdfPool({ concurrency: config.PDF_CONCURRENCY, executablePath: support.executablePath });
  return shared;
}

/** Closes the shared pool's browser (end of a command or test). */
export async function closeSharedPdfPool(): Promise<void> {
  const p = shared;
  shared = undefined;
  await p?.close();
}
