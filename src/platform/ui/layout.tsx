import type { ComponentChildren } from 'preact';
import { sameSitePath } from '../http/same-site-path.js';
import { mayOpen, type NavPillar, navPillars } from '../modules.js';
import type { PageContext } from './context.js';

interface NavItem {
  href: string;
  label: string;
}
interface NavGroup {
  pillar: NavPillar;
  label: string;
  items: NavItem[];
}

/** The entries this person may open, grouped by pillar (pillars without an entry for them are left out). */
function navGroups(ctx: PageContext): NavGroup[] {
  const p = ctx.principal;
  if (!p) return [];
  const entries = (ctx.navigation ?? []).filter((entry) => mayOpen(p, entry));
  return navPillars
    .map((pillar) => ({
      pillar,
      label: ctx.t(`nav.pillar.${pillar}`),
      items: entries
        .filter((e) => e.pillar === pillar)
        .map((e) => ({ href: e.href, label: ctx.t(e.labelKey) })),
    }))
    .filter((g) => g.items.length > 0);
}

const isCurrent = (href: string, path: string) =>
  href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);

/**
 * The main menu: the home page, then one disclosure per pillar (`<details>`, so it opens without
 * JavaScript and by keyboard), holding the pages of that pillar this person may open.
 */
function MainNav(props: { ctx: PageContext; path: string }) {
  const { ctx, path } = props;
  return (
    <nav aria-label={ctx.t('layout.nav')} class="main-nav">
      <ul class="container nav-bar">
        <li>
          <a href="/" aria-current={isCurrent('/', path) ? 'page' : undefined}>
            {ctx.t('nav.home')}
          </a>
        </li>
        {navGroups(ctx)
          .filter((g) => g.pillar !== 'account')
          .map((g) => {
            const here = g.items.some((i) => isCurrent(i.href, path));
            return (
              <li class="nav-group">
                <details>
                  <summary class={here ? 'current' : undefined}>{g.label}</summary>
                  <ul class="nav-menu">
                    {g.items.map((item) => (
                      <li>
                        <a href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
                          {item.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}

/** The signed-in person's own pages (account, API tokens), in the header beside signing out. */
function AccountNav(props: { ctx: PageContext; path: string }) {
  const { ctx, path } = props;
  const group = navGroups(ctx).find((g) => g.pillar === 'account');
  if (!group) return null;
  const here = group.items.some((i) => isCurrent(i.href, path));
  return (
    <nav aria-label={group.label} class="account-nav">
      <details>
        <summary class={here ? 'current' : undefined}>{group.label}</summary>
        <ul class="nav-menu account-menu">
          {group.items.map((item) => (
            <li>
              <a href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}

/** The current page in the other language; a request URL that normalises off-site (`/.//evil`) links home. */
export function withLang(url: string, lang: string): string {
  const u = new URL(sameSitePath(url) ?? '/', 'http://x');
  u.searchParams.set('lang', lang);
  return u.pathname + u.search;
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const { ctx } = props;
  const other = ctx.lang === 'nl' ? 'en' : 'nl';
  const current = new URL(ctx.url, 'http://x').pathname;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${ctx.t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/weerbaar.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ctx.t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href="/">
              <span class="brand-name">{ctx.t('app.name')}</span>
              <span class="brand-tagline">{ctx.t('app.tagline')}</span>
            </a>
            <div class="header-tools">
              <a href={withLang(ctx.url, other)} hrefLang={other} lang={other}>
                {ctx.t('layout.switchLang')}
              </a>
              {ctx.principal && <AccountNav ctx={ctx} path={current} />}
              {ctx.principal && (
                <form method="post" action="/logout" class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <span class="signed-in">
                    {ctx.t('layout.signedInAs', { name: ctx.principal.displayName })}
                  </span>{' '}
                  <button type="submit" class="link-button">
                    {ctx.t('layout.signOut')}
                  </button>
                </form>
              )}
            </div>
          </div>
          {ctx.principal && <MainNav ctx={ctx} path={current} />}
        </header>
        <main id="main" tabIndex={-1} class={props.wide ? 'container wide' : 'container'}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">{ctx.t('layout.footer')}</div>
        </footer>
      </body>
    </html>
  );
}

/** A list of problems at the top of a form, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary(props: { ctx: PageContext; errors: Array<{ field: string; message: string }> }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.ctx.t('form.errorSummary', { count: props.errors.length })}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}
