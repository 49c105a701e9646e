/** What the fieldwork pages share: labels, number formats, the wave page frame with its tabs, notices. */
import type { ComponentChildren } from 'preact';
import { can } from '../../../platform/access/policy.js';
import { formatNumber, formatPercent } from '../../../platform/format.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Wave } from '../model.js';

export type Errors = Array<{ field: string; message: string }>;
export const k = (s: string) => s as MessageKey;

export const statusLabel = (ctx: PageContext, s: string) => ctx.t(k(`wave.status.${s}`));
export const tgLabel = (ctx: PageContext, s: string) => ctx.t(k(`wave.targetGroup.${s}`));
export const anonLabel = (ctx: PageContext, s: string) => ctx.t(k(`wave.anonymity.${s}`));
// The one number format (src/platform/format.ts; its formatters are made once).
export const nf = (ctx: PageContext) => ({ format: (n: number) => formatNumber(ctx.lang, n) });
export const pct = (ctx: PageContext, r: number | null) => formatPercent(ctx.lang, r);
export const fieldworkDates = (w: Pick<Wave, 'fieldworkStart' | 'fieldworkEnd'>) =>
  [w.fieldworkStart, w.fieldworkEnd].filter(Boolean).join(' – ');

/** A column header of numbers. */
export const NumTh = (props: { children: ComponentChildren }) => (
  <th scope="col" class="num">
    {props.children}
  </th>
);

export function WaveNav(props: { ctx: PageContext; wave: Wave; current: string }) {
  const { ctx, wave } = props;
  const read = ctx.principal ? can(ctx.principal, 'wave.read') : false;
  const links = [
    ...(read
      ? [
          { href: `/waves/${wave.id}`, label: ctx.t('wave.nav.overview') },
          { href: `/waves/${wave.id}/frame`, label: ctx.t('wave.nav.frame') },
          { href: `/waves/${wave.id}/mail`, label: ctx.t('wave.nav.mail') },
          { href: `/waves/outbox?wave=${wave.id}`, label: ctx.t('wave.nav.outbox') },
        ]
      : []),
    { href: `/waves/${wave.id}/monitoring`, label: ctx.t('wave.nav.monitoring') },
    ...(ctx.principal && can(ctx.principal, 'responses.export')
      ? [{ href: `/waves/${wave.id}/open-answers`, label: ctx.t('wave.nav.openAnswers') }]
      : []),
  ];
  return (
    <nav aria-label={ctx.t('wave.nav.label')} class="subnav">
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.href.split('?')[0] === props.current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page of one wave: the title with the wave's name, and the wave's navigation. */
export function WavePage(props: {
  ctx: PageContext;
  wave: Wave;
  title: string;
  /** Below /waves/<id>, for the navigation's current page. */
  path: string;
  children: ComponentChildren;
}) {
  const { ctx, wave, title } = props;
  return (
    <Layout ctx={ctx} title={`${title} · ${wave.name}`} wide>
      <h1>
        {title} <span class="subtitle">{wave.name}</span>
      </h1>
      <WaveNav ctx={ctx} wave={wave} current={`/waves/${wave.id}${props.path}`} />
      {props.children}
    </Layout>
  );
}

/** CSV and Excel links of one export of the wave. */
export function ExportLinks(props: {
  wave: Wave;
  file: 'non-respondents' | 'responses';
  csv: string;
  xlsx: string;
}) {
  const base = `/api/v1/waves/${props.wave.id}/${props.file}?format=`;
  return (
    <p>
      <a href={`${base}csv`}>{props.csv}</a>
      {' · '}
      <a href={`${base}xlsx`}>{props.xlsx}</a>
    </p>
  );
}

export function Notice(props: { text?: string }) {
  if (!props.text) return null;
  return (
    <p class="notice success" role="status">
      {props.text}
    </p>
  );
}
