/**
 * The tasks every submitted incident gets (issue 16, item 2), as due dates in working days:
 * first contact within `firstContactWorkingDays` (default 1); the police report within 2 working days
 * when the forms include a threat or physical violence (VPT agreements); aftercare check-ins after
 * 1 week, 4 weeks and 3 months (moved to the next working day when they fall on another day). Pure.
 */
import { type IncidentForm, policeForms, type TaskKind } from './model.js';
import { addWorkingDays, afterPeriod, type IsoDate, type WorkingDayOptions } from './working-days.js';

export interface FollowUpTerms {
  firstContactWorkingDays: number;
  policeReportWorkingDays: number;
}

export const defaultTerms: FollowUpTerms = { firstContactWorkingDays: 1, policeReportWorkingDays: 2 };

export const aftercarePeriods: ReadonlyArray<{ kind: TaskKind; period: { days?: number; months?: number } }> =
  [
    { kind: 'aftercare_1w', period: { days: 7 } },
    { kind: 'aftercare_4w', period: { days: 28 } },
    { kind: 'aftercare_3m', period: { months: 3 } },
  ];

export function defaultTasks(
  submittedOn: IsoDate,
  forms: readonly string[],
  terms: FollowUpTerms = defaultTerms,
  options: WorkingDayOptions = {},
): Array<{ kind: TaskKind; dueOn: IsoDate }> {
  const tasks: Array<{ kind: TaskKind; dueOn: IsoDate }> = [
    { kind: 'first_contact', dueOn: addWorkingDays(submittedOn, terms.firstContactWorkingDays, options) },
  ];
  if (forms.some((f) => policeForms.includes(f as IncidentForm))) {
    tasks.push({
      kind: 'police_report',
      dueOn: addWorkingDays(submittedOn, terms.policeReportWorkingDays, options),
    });
  }
  for (const a of aftercarePeriods)
    tasks.push({ kind: a.kind, dueOn: afterPeriod(submittedOn, a.period, options) });
  return tasks;
}
