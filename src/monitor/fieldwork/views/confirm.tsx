/**
 * The confirmation step of a wave action (open, invite, remind, close, reopen, archive): what will
 * happen, in numbers, and a POST form that does it. Works without JavaScript: the overview's buttons
 * lead here (GET), this page's button does the action (POST).
 */
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField } from '../../../platform/ui/layout.js';
import type { Wave } from '../model.js';
import { WavePage } from './common.js';

export const confirmActions = ['open', 'invitations', 'reminders', 'close', 'reopen', 'archive'] as const;
export type ConfirmAction = (typeof confirmActions)[number];

export interface ConfirmData {
  wave: Wave;
  action: ConfirmAction;
  /** The number the text names: persons in the frame, to invite, to remind, not completed. */
  count: number;
  /** Reminders: non-respondents whose cell waits (../reminder-gate.ts); the page says why. */
  deferred?: number;
}

export function confirmPage(ctx: PageContext, d: ConfirmData) {
  const t = ctx.t;
  const k = (s: string) => `wave.confirm.${d.action}.${s}` as MessageKey;
  const title = t(k('title'));
  return (
    <WavePage ctx={ctx} wave={d.wave} title={title} path="">
      <p id="confirm-what">{t(k('text'), { count: d.count })}</p>
      {d.deferred ? (
        <p id="confirm-deferred" class="notice">
          {t('wave.confirm.reminders.deferred', { count: d.deferred })}
        </p>
      ) : null}
      <form method="post" action={`/waves/${d.wave.id}/${d.action}`} class="actions">
        <CsrfField ctx={ctx} />
        <button type="submit" aria-describedby="confirm-what">
          {t(k('button'), { count: d.count })}
        </button>
        <a href={`/waves/${d.wave.id}`} class="button secondary">
          {t('wave.confirm.cancel')}
        </a>
      </form>
    </WavePage>
  );
}
