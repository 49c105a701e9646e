/**
 * The publications page of a wave: every product with its page in the app and its stored files (HTML
 * and PDF per language, downloadable), and for researchers the form that makes the files and the
 * progress of the render under way.
 */
import type { Lang } from '../../platform/errors.js';
import { formatDateTime } from '../../platform/format.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import type { PdfSupport } from '../../platform/pdf/chromium.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField, Layout } from '../../platform/ui/layout.js';
import { Notice } from '../pages/common.js';
import { type ProductKind, type ProductRef, productKinds } from './product.js';
import type { PublicationRender } from './render-service.js';
import type { StoredFileInfo } from './stored-files.js';

export interface PublicationsView {
  /** A link to the texts editor (researchers and admins). */
  mayEditTexts?: boolean;
  wave: { id: string; name: string };
  products: ProductRef[];
  files: StoredFileInfo[];
  /** Researchers: the latest render, the form, whether PDF can be made here. */
  render?: { latest?: PublicationRender; pdf: PdfSupport; kinds: ProductKind[] };
  /** Some stored files are hidden because their results are still under embargo. */
  embargoed: boolean;
  notice?: string;
}

const k = (key: string) => key as MessageKey;

export function formatSize(lang: Lang, bytes: number): string {
  const n = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1000) return `${n.format(bytes)} B`;
  if (bytes < 1_000_000) return `${n.format(bytes / 1000)} kB`;
  return `${n.format(bytes / 1_000_000)} MB`;
}

export const downloadHref = (waveId: string, f: Pick<StoredFileInfo, 'kind' | 'key' | 'lang' | 'format'>) =>
  `/results/${waveId}/publications/${f.kind}/${f.key}/download?lang=${f.lang}&format=${f.format}`;

export function FileLinks(props: { ctx: PageContext; waveId: string; files: StoredFileInfo[] }) {
  const { ctx } = props;
  if (props.files.length === 0) return <span>{ctx.t('publications.files.none')}</span>;
  return (
    <ul class="actions-list">
      {props.files.map((f) => {
        const params = {
          format: f.format.toUpperCase(),
          lang: ctx.t(k(`publications.lang.${f.lang}`)),
          size: formatSize(ctx.lang, f.sizeBytes),
          pages: f.pages ?? 0,
        };
        return (
          <li key={`${f.lang}.${f.format}`}>
            <a href={downloadHref(props.waveId, f)} download={f.fileName}>
              {ctx.t(f.pages ? 'publications.files.linkPages' : 'publications.files.link', params)}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function RenderStatus(props: { ctx: PageContext; r: PublicationRender }) {
  const { ctx, r } = props;
  const time = formatDateTime(
    ctx.lang,
    r.state === 'done' || r.state === 'failed' ? r.updatedAt : r.createdAt,
  );
  if (r.state === 'done') return <p>{ctx.t('publications.render.done', { time, done: r.done })}</p>;
  if (r.state === 'failed')
    return (
      <div class="notice error" role="alert">
        <p>{ctx.t('publications.render.failed', { time })}</p>
        <ul>
          {r.errors.slice(0, 20).map((e, i) => (
            <li key={String(i)}>
              {[e.kind, e.key, e.lang, e.format].filter(Boolean).join(' · ')}
              {e.kind ? ': ' : ''}
              {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div class="stack">
      <p role="status">
        {r.state === 'queued'
          ? ctx.t('publications.render.queued', { who: r.requestedBy, time })
          : ctx.t('publications.render.running', { who: r.requestedBy, time, done: r.done, total: r.total })}
      </p>
      {r.total > 0 ? (
        <progress max={r.total} value={r.done} aria-label={ctx.t('publications.render.progress')}>
          {r.done}/{r.total}
        </progress>
      ) : null}
      {r.errors.length > 0 ? (
        <ul>
          {r.errors.map((e, i) => (
            <li key={String(i)}>
              {e.kind} · {e.key} · {e.lang} · {e.format}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={`/results/${r.waveId}/publications?lang=${ctx.lang}`}>
          {ctx.t('publications.render.refresh')}
        </a>
      </p>
    </div>
  );
}

function RenderForm(props: { ctx: PageContext; waveId: string; kinds: ProductKind[] }) {
  const { ctx } = props;
  return (
    <form method="post" action={`/results/${props.waveId}/publications/render`} class="stack">
      <CsrfField ctx={ctx} />
      <p>{ctx.t('publications.render.intro')}</p>
      <label for="render-kind">{ctx.t('publications.render.kind')}</label>
      <select id="render-kind" name="kind">
        <option value="">{ctx.t('publications.render.kind.all')}</option>
        {props.kinds.map((kind) => (
          <option key={kind} value={kind}>
            {ctx.t(k(`publications.kind.${kind}`))}
          </option>
        ))}
      </select>
      <label for="render-lang">{ctx.t('publications.render.lang')}</label>
      <select id="render-lang" name="lang">
        <option value="nl">{ctx.t('publications.lang.nl')}</option>
        <option value="en">{ctx.t('publications.lang.en')}</option>
        <option value="both">{ctx.t('publications.render.lang.both')}</option>
      </select>
      <button type="submit">{ctx.t('publications.render.submit')}</button>
    </form>
  );
}

export function publicationsPage(ctx: PageContext, v: PublicationsView) {
  const title = ctx.t('publications.title', { wave: v.wave.name });
  // every product: those the definitions list now, and any with stored files from an earlier render
  const products = [...v.products];
  for (const f of v.files)
    if (!products.some((p) => p.kind === f.kind && p.key === f.key))
      products.push({ kind: f.kind, key: f.key, title: { nl: f.title, en: f.title } });
  products.sort((a, b) => productKinds.indexOf(a.kind) - productKinds.indexOf(b.kind));
  const busy =
    v.render?.latest && (v.render.latest.state === 'queued' || v.render.latest.state === 'running');
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <Notice text={v.notice} />
      <p>{ctx.t('publications.intro')}</p>
      {v.mayEditTexts ? (
        <p>
          <a href={`/results/${v.wave.id}/texts`}>{ctx.t('texts.nav')}</a>
        </p>
      ) : null}
      {v.render ? (
        <section aria-labelledby="render-title" class="stack">
          <h2 id="render-title">{ctx.t('publications.render.title')}</h2>
          {v.render.pdf.available ? null : (
            <p class="notice">{ctx.t('publications.pdf.unavailable', { path: v.render.pdf.path })}</p>
          )}
          {v.render.latest ? <RenderStatus ctx={ctx} r={v.render.latest} /> : null}
          {busy ? null : <RenderForm ctx={ctx} waveId={v.wave.id} kinds={v.render.kinds} />}
        </section>
      ) : null}
      {v.embargoed ? <p>{ctx.t('publications.embargo')}</p> : null}
      {products.length === 0 ? (
        <p>{ctx.t('publications.none')}</p>
      ) : (
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('publications.product')}</th>
              <th scope="col">{ctx.t('publications.files')}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={`${p.kind}/${p.key}`}>
                <th scope="row">
                  <a href={`/results/${v.wave.id}/publications/${p.kind}/${p.key}`}>{p.title[ctx.lang]}</a>
                </th>
                <td>
                  <FileLinks
                    ctx={ctx}
                    waveId={v.wave.id}
                    files={v.files.filter((f) => f.kind === p.kind && f.key === p.key)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
