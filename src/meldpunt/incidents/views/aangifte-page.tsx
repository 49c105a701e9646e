/**
 * The aangifte preparation document (issue 16, item 2): the facts of the incident as the police intake
 * asks for them (what, when, where, how, who, consequences, evidence), the organisation as the reporting
 * address and the "VPT-incident" marking, to print or save as PDF from the browser. Witnesses and the
 * evidence list are blank lines to fill in until the record holds them (evidence uploads come later).
 */
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { IncidentView } from '../service.js';
import { formatDay, labelOf, labelsOf } from './common.js';

export function aangiftePage(ctx: PageContext, v: IncidentView, org: { name: string }) {
  const t = ctx.t;
  const i = v.incident;
  const title = t('incidents.aangifte.title');
  const rows: Array<[string, string]> = [
    [t('incidents.aangifte.vpt'), t('incidents.aangifte.vptValue')],
    [t('incidents.aangifte.address'), t('incidents.aangifte.addressValue', { org: org.name })],
    [t('incidents.field.concernedName'), i.concernedName ?? '—'],
    [t('incidents.field.concernedRole'), labelOf(t, 'role', i.concernedRole)],
    [
      t('incidents.field.occurredOn'),
      `${formatDay(ctx.lang, i.occurredOn)}${i.occurredTime ? ` ${i.occurredTime}` : ''}`,
    ],
    [t('incidents.field.recurrence'), labelOf(t, 'recurrence', i.recurrence)],
    [t('incidents.field.location'), labelOf(t, 'location', i.location)],
    [
      t('incidents.field.channel'),
      `${labelOf(t, 'channel', i.channel)}${i.channelDetail ? ` (${i.channelDetail})` : ''}`,
    ],
    [t('incidents.field.forms'), labelsOf(t, 'forms', i.forms)],
    [t('incidents.field.description'), i.description ?? '—'],
    [t('incidents.field.perpetratorKnown'), labelOf(t, 'perpetratorKnown', i.perpetratorKnown)],
    [t('incidents.field.perpetratorKind'), labelOf(t, 'perpetratorKind', i.perpetratorKind)],
    [t('incidents.field.perpetratorDescription'), i.perpetratorDescription ?? '—'],
    [
      t('incidents.detail.perpetratorName'),
      v.perpetratorNameHidden ? t('incidents.detail.perpetratorNameHidden') : (v.perpetratorName ?? '—'),
    ],
    [t('incidents.field.consequences'), labelsOf(t, 'consequence', i.consequences)],
  ];
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/incidents/${i.id}`}>{t('incidents.aangifte.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('incidents.aangifte.intro')}</p>
      <dl class="facts">
        {rows.map(([k, val]) => (
          <>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </>
        ))}
        <dt>{t('incidents.aangifte.witnesses')}</dt>
        <dd>{t('incidents.aangifte.fillIn')}</dd>
        <dt>{t('incidents.aangifte.evidence')}</dt>
        <dd>{t('incidents.aangifte.fillIn')}</dd>
      </dl>
      <p class="hint">{t('incidents.aangifte.print')}</p>
    </Layout>
  );
}
