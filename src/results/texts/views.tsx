/**
 * The text editor's pages: the overview of every product section with where its text comes from, and
 * one section's editor (textarea, errors with line and column beside it, a server-rendered preview).
 */
import type { Wave } from '../../monitor/fieldwork/model.js';
import { formatDateTime } from '../../platform/format.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField, Layout } from '../../platform/ui/layout.js';
import { narrativeSections } from '../publications/narrative.js';
import { type ProductKind, type ProductLang, productKinds } from '../publications/product.js';
import type { PlaceholderKind, TextError } from './placeholders.js';
import type { CurrentText, TextSource } from './store.js';

export const sourceText = (ctx: PageContext, t: Pick<CurrentText, 'source' | 'version'>) =>
  ctx.t(`texts.source.${t.source}` as `texts.source.${TextSource}`, { version: t.version ?? '' });

const kindName = (ctx: PageContext, kind: ProductKind) => ctx.t(`publications.kind.${kind}`);

export function overviewPage(
  ctx: PageContext,
  wave: Wave,
  texts: Map<string, { nl: CurrentText; en: CurrentText }>,
) {
  const title = ctx.t('texts.title', { wave: wave.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/results/${wave.id}/publications`}>{ctx.t('publications.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{ctx.t('texts.intro')}</p>
      {productKinds.map((kind) => (
        <section aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{kindName(ctx, kind)}</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('texts.section')}</th>
                  <th scope="col">{ctx.t('texts.lang.nl')}</th>
                  <th scope="col">{ctx.t('texts.lang.en')}</th>
                </tr>
              </thead>
              <tbody>
                {narrativeSections[kind].map((section) => {
                  const t = texts.get(`${kind}/${section}`)!;
                  return (
                    <tr>
                      <th scope="row">{section}</th>
                      {(['nl', 'en'] as const).map((lang) => (
                        <td>
                          <a
                            href={`/results/${wave.id}/texts/${kind}/${section}?in=${lang}`}
                            aria-label={`${ctx.t('texts.edit')}: ${kindName(ctx, kind)}, ${section}, ${ctx.t(`texts.lang.${lang}`)}`}
                          >
                            {ctx.t('texts.edit')}
                          </a>{' '}
                          ({sourceText(ctx, t[lang])})
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}

export interface EditorState {
  wave: Wave;
  kind: ProductKind;
  section: string;
  textLang: ProductLang;
  body: string;
  current: CurrentText;
  target: 'wave' | 'default';
  errors: TextError[];
  /** The preview (escaped HTML of the Markdown subset), undefined without a run. */
  preview?: string;
  figureCount: number;
  versions: Array<{ version: number; createdAt: Date; createdBy: string }>;
  notice?: string;
}

const placeholderKinds: PlaceholderKind[] = ['value', 'ci', 'n', 'change', 'label'];

export function editorPage(ctx: PageContext, s: EditorState) {
  const title = ctx.t('texts.editTitle', {
    kind: kindName(ctx, s.kind),
    section: s.section,
    lang: ctx.t(`texts.lang.${s.textLang}`),
  });
  const action = `/results/${s.wave.id}/texts/${s.kind}/${s.section}?in=${s.textLang}`;
  const other: ProductLang = s.textLang === 'nl' ? 'en' : 'nl';
  const described = ['body-hint', 'body-status'].join(' ');
  return (
    <Layout ctx={ctx} title={title} wide>
      <p>
        <a href={`/results/${s.wave.id}/texts`}>{ctx.t('texts.back')}</a> ·{' '}
        <a href={`/results/${s.wave.id}/texts/${s.kind}/${s.section}?in=${other}`}>
          {ctx.t('texts.otherLang', { lang: ctx.t(`texts.lang.${other}`) })}
        </a>{' '}
        · <a href={`/results/${s.wave.id}/publications`}>{ctx.t('texts.product')}</a>
      </p>
      <h1>{title}</h1>
      {s.notice ? (
        <p class="notice" role="status">
          {s.notice}
        </p>
      ) : null}
      <p>
        {ctx.t('texts.source')}: {sourceText(ctx, s.current)}
      </p>
      <div class="texts-editor">
        <form method="post" action={action} class="stack" novalidate data-live-preview>
          <CsrfField ctx={ctx} />
          <div>
            <label for="body">{ctx.t('texts.body')}</label>
            <p class="hint" id="body-hint">
              {ctx.t('texts.body.hint')}
            </p>
            <div id="body-status" aria-live="polite">
              {s.errors.length > 0 ? (
                <div class="field-error" role="alert">
                  <p>{ctx.t('texts.errors', { count: s.errors.length })}</p>
                  <ul id="body-errors">
                    {s.errors.map((e) => (
                      <li data-line={e.line} data-column={e.column} data-code={e.code}>
                        {ctx.t('texts.error', {
                          line: e.line,
                          column: e.column,
                          message: e.message[ctx.lang],
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p class="hint">{ctx.t('texts.noErrors')}</p>
              )}
            </div>
            <textarea
              id="body"
              name="body"
              rows={16}
              spellcheck={true}
              lang={s.textLang}
              aria-invalid={s.errors.length > 0 ? 'true' : undefined}
              aria-describedby={described}
            >
              {s.body}
            </textarea>
          </div>
          <fieldset>
            <legend>{ctx.t('texts.target')}</legend>
            {(['wave', 'default'] as const).map((target) => (
              <div>
                <input
                  type="radio"
                  id={`target-${target}`}
                  name="target"
                  value={target}
                  checked={s.target === target}
                />{' '}
                <label for={`target-${target}`}>{ctx.t(`texts.target.${target}`)}</label>
              </div>
            ))}
          </fieldset>
          <p>
            <button type="submit" name="action" value="preview" class="secondary">
              {ctx.t('texts.preview')}
            </button>{' '}
            <button type="submit" name="action" value="save">
              {ctx.t('texts.save')}
            </button>
          </p>
        </form>
        <section aria-labelledby="preview-title" class="texts-preview">
          <h2 id="preview-title">{ctx.t('texts.previewTitle')}</h2>
          <div id="preview-body">
            {s.preview === undefined ? (
              <p>{ctx.t('texts.noRun')}</p>
            ) : s.preview === '' ? (
              <p>{ctx.t('texts.previewEmpty')}</p>
            ) : (
              <>
                {/* escaped by the Markdown subset renderer (texts/markdown.ts) */}
                <div class="publication" lang={s.textLang} dangerouslySetInnerHTML={{ __html: s.preview }} />
                <p class="hint">{ctx.t('texts.figures', { count: s.figureCount })}</p>
              </>
            )}
          </div>
        </section>
      </div>
      {s.versions.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{ctx.t('texts.history')}</h2>
          <ul>
            {s.versions.map((v) => (
              <li>
                {ctx.t('texts.history.entry', {
                  version: v.version,
                  when: formatDateTime(ctx.lang, v.createdAt),
                  by: v.createdBy,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="hint">{placeholderKinds.map((k) => `{{${k} …}}`).join(' · ')}</p>
      <script src="/results/texts/live-preview.js" defer />
    </Layout>
  );
}
