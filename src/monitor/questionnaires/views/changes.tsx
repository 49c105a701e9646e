/** The differences between two versions of a questionnaire, as a table (import result, detail page). */
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import type { DefinitionChange } from '../diff.js';
import { textIn } from '../model.js';

export function ChangesTable(props: {
  ctx: PageContext;
  id: string;
  /** The version compared with. */
  since: number;
  /** The version that has the changes. */
  version: number;
  changes: DefinitionChange[];
}) {
  const { ctx, changes } = props;
  const t = ctx.t;
  const title = t('q.changes.title', { version: props.version, since: props.since });
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{title}</h2>
      {changes.length === 0 ? (
        <p>{t('q.changes.none')}</p>
      ) : (
        <>
          <p>{t('q.changes.intro', { count: changes.length })}</p>
          <div class="table-scroll" {...scrollBox(ctx)}>
            <table class="changes">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('q.changes.col.kind')}</th>
                  <th scope="col">{t('q.changes.col.what')}</th>
                  <th scope="col">{t('q.changes.col.code')}</th>
                  <th scope="col">{t('q.changes.col.text')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr class={`change-${c.kind}`}>
                    <td>{t(`q.changes.kind.${c.kind}` as MessageKey)}</td>
                    <td>{t(`q.changes.what.${c.what}` as MessageKey)}</td>
                    <td>{c.code ? <code>{c.code}</code> : '—'}</td>
                    <td>{textIn(c.label, ctx.lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
