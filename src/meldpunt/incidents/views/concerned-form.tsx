/** The coordinator's choice of the person concerned from the contact list (on the incident page). */
import { SelectField } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField } from '../../../platform/ui/layout.js';

export interface ConcernedChoice {
  contacts: Array<{ id: string; name: string; email: string }>;
  current: string | null;
}

export function ConcernedForm(props: { ctx: PageContext; incidentId: string; choice: ConcernedChoice }) {
  const { ctx, choice } = props;
  const t = ctx.t;
  if (choice.contacts.length === 0) return null;
  return (
    <>
      <h2 id="concerned-contact">{t('incidents.concerned.title')}</h2>
      <form method="post" action={`/incidents/${props.incidentId}/concerned-contact`} class="stack">
        <CsrfField ctx={ctx} />
        <SelectField
          id="contactId"
          label={t('incidents.concerned.contact')}
          hint={t('incidents.concerned.hint')}
          placeholder={t('incidents.concerned.none')}
          options={choice.contacts.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
          value={choice.current ?? ''}
        />
        <div>
          <button type="submit">{t('incidents.concerned.submit')}</button>
        </div>
      </form>
    </>
  );
}
