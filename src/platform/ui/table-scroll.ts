import type { PageContext } from './context.js';

/**
 * The attributes of a wide table's own scroll box (`<div class="table-scroll" {...scrollBox(ctx)}>`): at
 * 390 px the table scrolls there, not the page (WCAG 1.4.10), so the box is reachable by keyboard
 * (WCAG 2.1.1; axe scrollable-region-focusable) and named for screen readers.
 */
export const scrollBox = (ctx: Pick<PageContext, 't'>) => ({
  tabIndex: 0,
  role: 'region' as const,
  'aria-label': ctx.t('layout.tableScroll'),
});
