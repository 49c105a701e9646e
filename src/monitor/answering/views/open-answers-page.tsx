/** The researcher's review of "anders, namelijk" answers, with a recode form per answer. */
import type { FieldErrors } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary } from '../../../platform/ui/layout.js';
import type { Wave } from '../../fieldwork/model.js';
import { WavePage } from '../../fieldwork/views/common.js';
import { textIn } from '../../questionnaires/model.js';
import type { OpenAnswerItem } from '../recodes.js';

export function openAnswersPage(
  ctx: PageContext,
  p: { wave: Wave; items: OpenAnswerItem[]; recoded: boolean; errors: FieldErrors },
) {
  return (
    <WavePage ctx={ctx} wave={p.wave} title={ctx.t('wave.nav.openAnswers')} path="/open-answers">
      <p>{ctx.t('openAnswers.intro')}</p>
      {p.recoded && (
        <p class="success" role="status">
          {ctx.t('openAnswers.recoded')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {p.items.length === 0 && <p>{ctx.t('openAnswers.none')}</p>}
      {p.items.map((item) => (
        <section aria-labelledby={`item-${item.itemCode}`}>
          <h2 id={`item-${item.itemCode}`}>
            {textIn(item.label, ctx.lang)} <span class="hint">({item.itemCode})</span>
          </h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{ctx.t('openAnswers.text')}</th>
                  <th scope="col">{ctx.t('openAnswers.current')}</th>
                  <th scope="col">{ctx.t('openAnswers.recodeTo')}</th>
                </tr>
              </thead>
              <tbody>
                {item.answers.map((a) => {
                  const id = `rc-${a.responseId}-${a.itemCode}`;
                  return (
                    <tr>
                      <td>{a.text}</td>
                      <td>
                        {a.recodedTo ?? <span class="hint">{ctx.t('openAnswers.notRecoded')}</span>}
                        {a.history.length > 1 && (
                          <span class="hint">
                            {' '}
                            ({ctx.t('openAnswers.history')}: {a.history.map((h) => h.recodedTo).join(' → ')})
                          </span>
                        )}
                      </td>
                      <td>
                        <form method="post" action={`/waves/${p.wave.id}/open-answers`} class="recode-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="responseId" value={a.responseId} />
                          <input type="hidden" name="itemCode" value={a.itemCode} />
                          <label for={id} class="visually-hidden">
                            {ctx.t('openAnswers.recodeTo')}: {a.text}
                          </label>
                          <select id={id} name="code">
                            <option value="">—</option>
                            {item.options
                              .filter((o) => !o.other)
                              .map((o) => (
                                <option value={o.code} selected={o.code === a.recodedTo}>
                                  {textIn(o.label, ctx.lang)} ({o.code})
                                </option>
                              ))}
                          </select>
                          <label for={`${id}-new`} class="visually-hidden">
                            {ctx.t('openAnswers.newCode')}: {a.text}
                          </label>
                          <input
                            type="text"
                            id={`${id}-new`}
                            name="newCode"
                            placeholder={ctx.t('openAnswers.newCode')}
                            maxLength={64}
                          />
                          <button type="submit">{ctx.t('openAnswers.recode')}</button>
                        </form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </WavePage>
  );
}
