/**
 * One incident: the report, and for the coordinator and assigned case handlers the follow-up (state
 * with history, assignment, tasks, measures, referral). Each follow-up action is a small form of its
 * own that posts and comes back here (no JavaScript).
 */
import {
  errorFor,
  type FieldErrors,
  formatDateTime,
  SelectField,
  TextField,
} from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import type { EvidenceItem } from '../evidence.js';
import { type FollowUpState, measureKinds, transitions } from '../model.js';
import type { LinkedIncident } from '../perpetrator-links.js';
import type { IncidentView } from '../service.js';
import { formatDay, labelOf, labelsOf } from './common.js';
import { type ConcernedChoice, ConcernedForm } from './concerned-form.js';
import { EvidenceList } from './evidence-page.js';
import { TextAreaField } from './fields.js';
import { LinkedIncidents } from './linked-incidents.js';

export interface DetailExtras {
  /** Users who can be assigned (coordinator only). */
  handlers: Array<{ id: string; displayName: string }>;
  /** Display names of users mentioned (assignees). */
  names: Map<string, string>;
  today: string;
  notice?: 'saved' | 'submitted';
  /** Days within which the first contact is due (for the acknowledgement). */
  firstContactDays: number;
  errors: FieldErrors;
  values: Record<string, string>;
  /** The person concerned from the contact list (coordinator only). */
  concerned?: ConcernedChoice;
  /** The evidence files (names and sizes). */
  evidence?: EvidenceItem[];
  /** Other incidents by the same perpetrator (coordinator only; undefined: not shown). */
  linked?: LinkedIncident[];
}

export function detailPage(ctx: PageContext, v: IncidentView, x: DetailExtras) {
  const t = ctx.t;
  const i = v.incident;
  const title = t('incidents.detail.title', { date: formatDay(ctx.lang, i.occurredOn) });
  const yesNo = (b: boolean) => (b ? t('incidents.detail.yes') : t('incidents.detail.no'));
  const base = `/incidents/${i.id}`;
  const rows: Array<[string, string]> = [
    [t('incidents.field.reporterRelation'), labelOf(t, 'reporterRelation', i.reporterRelation)],
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
    [t('incidents.field.traits'), labelsOf(t, 'trait', i.traits)],
    [t('incidents.field.description'), i.description ?? '—'],
    [t('incidents.field.severity'), labelOf(t, 'severity', i.severity)],
    [t('incidents.field.perpetratorKnown'), labelOf(t, 'perpetratorKnown', i.perpetratorKnown)],
    [t('incidents.field.perpetratorKind'), labelOf(t, 'perpetratorKind', i.perpetratorKind)],
    [t('incidents.field.perpetratorDescription'), i.perpetratorDescription ?? '—'],
    [
      t('incidents.detail.perpetratorName'),
      v.perpetratorNameHidden ? t('incidents.detail.perpetratorNameHidden') : (v.perpetratorName ?? '—'),
    ],
    [t('incidents.field.consequences'), labelsOf(t, 'consequence', i.consequences)],
    [t('incidents.field.policeContacted'), yesNo(i.policeContacted)],
    [t('incidents.field.aangifteMade'), yesNo(i.aangifteMade)],
    [t('incidents.field.aangifteWanted'), yesNo(i.aangifteWanted)],
    [t('incidents.field.wantsContact'), yesNo(i.wantsContact)],
    [t('incidents.field.wantsSupport'), yesNo(i.wantsSupport)],
    [t('incidents.field.wantsAftercare'), yesNo(i.wantsAftercare)],
  ];
  const next = i.state === 'draft' ? [] : (transitions[i.state as FollowUpState] ?? []);
  return (
    <Layout ctx={ctx} title={title}>
      {v.mayHandle && (
        <p>
          <a href={`/organisations/${i.organisationId}/incidents`}>{t('incidents.detail.back')}</a>
        </p>
      )}
      <h1>{title}</h1>
      {x.notice === 'submitted' && (
        <p class="success" role="status">
          {t('incidents.form.submitted', { days: x.firstContactDays })}
        </p>
      )}
      {x.notice === 'saved' && (
        <p class="success" role="status">
          {t('incidents.detail.saved')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={x.errors} />
      <p>
        {t('incidents.detail.state')}: <strong>{labelOf(t, 'state', i.state)}</strong>
      </p>

      <h2>{t('incidents.detail.report')}</h2>
      {v.mayHandle && (
        <p>
          <a href={`/incidents/${i.id}/aangifte`}>{t('incidents.aangifte.link')}</a>
        </p>
      )}
      <dl class="facts">
        {rows.map(([k, val]) => (
          <>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </>
        ))}
      </dl>
      {x.evidence && (
        <>
          <h2 id="evidence">{t('incidents.evidence.title')}</h2>
          <EvidenceList ctx={ctx} incidentId={i.id} files={x.evidence} />
          <p>
            <a href={`${base}/evidence`}>{t('incidents.evidence.link')}</a>
          </p>
        </>
      )}

      {v.mayHandle && (
        <>
          <h2 id="tasks">{t('incidents.detail.tasks')}</h2>
          {v.tasks.length === 0 ? (
            <p>{t('incidents.detail.noTasks')}</p>
          ) : (
            <ul class="plain-list">
              {v.tasks.map((task) => (
                <li>
                  {task.kind === 'other' ? task.title : labelOf(t, 'task', task.kind)} —{' '}
                  {task.doneAt ? (
                    t('incidents.detail.done', { date: formatDateTime(ctx.lang, task.doneAt) })
                  ) : (
                    <>
                      {t('incidents.detail.due', { date: formatDay(ctx.lang, task.dueOn) })}
                      {task.dueOn < x.today && (
                        <>
                          {' '}
                          <span class="badge">{t('incidents.detail.overdue')}</span>
                        </>
                      )}{' '}
                      <form method="post" action={`${base}/tasks/${task.id}/done`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="secondary">
                          {t('incidents.detail.markDone')}
                          <span class="visually-hidden">
                            {': '}
                            {task.kind === 'other' ? task.title : labelOf(t, 'task', task.kind)}
                          </span>
                        </button>
                      </form>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <details open={!!errorFor(x.errors, 'taskTitle') || !!errorFor(x.errors, 'taskDue')}>
            <summary>{t('incidents.detail.addTask')}</summary>
            <form method="post" action={`${base}/tasks`} class="stack" noValidate>
              <CsrfField ctx={ctx} />
              <TextField
                id="taskTitle"
                label={t('incidents.detail.taskTitle')}
                value={x.values.taskTitle}
                error={errorFor(x.errors, 'taskTitle')}
              />
              <TextField
                id="taskDue"
                type="date"
                label={t('incidents.detail.taskDue')}
                value={x.values.taskDue}
                error={errorFor(x.errors, 'taskDue')}
              />
              <div>
                <button type="submit">{t('incidents.detail.addTask')}</button>
              </div>
            </form>
          </details>

          <h2 id="state">{t('incidents.detail.changeState')}</h2>
          <form method="post" action={`${base}/state`} class="stack" noValidate>
            <CsrfField ctx={ctx} />
            <SelectField
              id="newState"
              label={t('incidents.detail.newState')}
              options={next.map((s) => ({ value: s, label: labelOf(t, 'state', s) }))}
              value={x.values.newState}
              error={errorFor(x.errors, 'newState')}
            />
            <TextAreaField
              id="stateNote"
              label={t('incidents.detail.note')}
              value={x.values.stateNote}
              rows={2}
              error={errorFor(x.errors, 'stateNote')}
            />
            <div>
              <button type="submit">
                {i.state === 'afgesloten' ? t('incidents.detail.reopen') : t('incidents.detail.saveState')}
              </button>
            </div>
          </form>
        </>
      )}

      <h2>{t('incidents.detail.history')}</h2>
      <ol>
        {v.history.map((h) => (
          <li>
            {formatDateTime(ctx.lang, h.at)}:{' '}
            {t('incidents.detail.historyEntry', {
              state: labelOf(t, 'state', h.toState),
              actor: h.actorLabel,
            })}
            {h.note && <> — {h.note}</>}
          </li>
        ))}
      </ol>

      {v.mayHandle && (
        <>
          <h2 id="assignees">{t('incidents.detail.assignees')}</h2>
          {v.parties.assignees.length === 0 ? (
            <p>{t('incidents.detail.noAssignees')}</p>
          ) : (
            <ul class="plain-list">
              {v.parties.assignees.map((id) => (
                <li>
                  {x.names.get(id) ?? id}
                  {v.mayAssign && (
                    <>
                      {' '}
                      <form method="post" action={`${base}/assignees`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="userId" value={id} />
                        <input type="hidden" name="assigned" value="false" />
                        <button type="submit" class="link-button">
                          {t('incidents.detail.unassign')}
                          <span class="visually-hidden">: {x.names.get(id) ?? id}</span>
                        </button>
                      </form>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {v.mayAssign && x.handlers.length > 0 && (
            <form method="post" action={`${base}/assignees`} class="stack" noValidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="assigned" value="true" />
              <SelectField
                id="userId"
                label={t('incidents.detail.handler')}
                options={x.handlers.map((h) => ({ value: h.id, label: h.displayName }))}
                error={errorFor(x.errors, 'userId')}
              />
              <div>
                <button type="submit">{t('incidents.detail.assign')}</button>
              </div>
            </form>
          )}

          {x.linked && <LinkedIncidents ctx={ctx} linked={x.linked} />}
          {v.mayAssign && x.concerned && <ConcernedForm ctx={ctx} incidentId={i.id} choice={x.concerned} />}

          <h2 id="measures">{t('incidents.detail.measures')}</h2>
          {v.measures.length === 0 ? (
            <p>{t('incidents.detail.noMeasures')}</p>
          ) : (
            <ul class="plain-list">
              {v.measures.map((m) => (
                <li>
                  {formatDay(ctx.lang, m.decidedOn)}: {labelOf(t, 'measure', m.kind)}
                  {m.note && <> — {m.note}</>}
                </li>
              ))}
            </ul>
          )}
          <details open={!!errorFor(x.errors, 'measureKind') || !!errorFor(x.errors, 'decidedOn')}>
            <summary>{t('incidents.detail.addMeasure')}</summary>
            <form method="post" action={`${base}/measures`} class="stack" noValidate>
              <CsrfField ctx={ctx} />
              <SelectField
                id="measureKind"
                label={t('incidents.detail.measureKind')}
                options={measureKinds.map((k) => ({ value: k, label: labelOf(t, 'measure', k) }))}
                value={x.values.measureKind}
                error={errorFor(x.errors, 'measureKind')}
              />
              <TextField
                id="decidedOn"
                type="date"
                label={t('incidents.detail.decidedOn')}
                value={x.values.decidedOn ?? x.today}
                error={errorFor(x.errors, 'decidedOn')}
              />
              <TextAreaField
                id="measureNote"
                label={t('incidents.detail.note')}
                value={x.values.measureNote}
                rows={2}
                error={errorFor(x.errors, 'measureNote')}
              />
              <div>
                <button type="submit">{t('incidents.detail.addMeasure')}</button>
              </div>
            </form>
          </details>

          <h2 id="referral">{t('incidents.detail.referral')}</h2>
          <p>
            {i.referredOn
              ? t('incidents.detail.referralDone', {
                  referred: formatDay(ctx.lang, i.referredOn),
                  consent: formatDay(ctx.lang, i.referralConsentOn),
                })
              : t('incidents.detail.referralNone')}
          </p>
          <details open={!!errorFor(x.errors, 'consentOn') || !!errorFor(x.errors, 'referredOn')}>
            <summary>{t('incidents.detail.saveReferral')}</summary>
            <p>{t('incidents.detail.referralIntro')}</p>
            <form method="post" action={`${base}/referral`} class="stack" noValidate>
              <CsrfField ctx={ctx} />
              <TextField
                id="consentOn"
                type="date"
                label={t('incidents.detail.consentOn')}
                value={x.values.consentOn ?? i.referralConsentOn ?? ''}
                error={errorFor(x.errors, 'consentOn')}
              />
              <TextField
                id="referredOn"
                type="date"
                label={t('incidents.detail.referredOn')}
                value={x.values.referredOn ?? i.referredOn ?? ''}
                error={errorFor(x.errors, 'referredOn')}
              />
              <div>
                <button type="submit">{t('incidents.detail.saveReferral')}</button>
              </div>
            </form>
          </details>
        </>
      )}
    </Layout>
  );
}
