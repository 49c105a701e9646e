/** Other incidents by the same perpetrator (coordinator only), shown where measures are decided. */
import type { PageContext } from '../../../platform/ui/context.js';
import type { LinkedIncident } from '../perpetrator-links.js';
import { formatDay, labelOf, labelsOf } from './common.js';

export function LinkedIncidents(props: { ctx: PageContext; linked: LinkedIncident[] }) {
  const { ctx, linked } = props;
  const t = ctx.t;
  return (
    <>
      <h2 id="linked">{t('incidents.linked.title')}</h2>
      {linked.length === 0 ? (
        <p>{t('incidents.linked.none')}</p>
      ) : (
        <>
          <p>{t('incidents.linked.intro', { count: linked.length })}</p>
          <ul class="plain-list">
            {linked.map((l) => (
              <li>
                <a href={`/incidents/${l.id}`}>
                  {formatDay(ctx.lang, l.occurredOn)} · {labelsOf(t, 'forms', l.forms)}
                </a>{' '}
                <span class="badge">{labelOf(t, 'state', l.state)}</span>
                {l.measures.length > 0 && (
                  <> — {t('incidents.linked.measures', { measures: labelsOf(t, 'measure', l.measures) })}</>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
