import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { forms } from './model.js';
import { defaultTasks } from './tasks.js';
import { dayNumber, fromDayNumber, isWorkingDay, workingDaysBetween } from './working-days.js';

test('a threat reported on the Thursday before Easter 2026: contact Tuesday, police Wednesday', () => {
  const tasks = defaultTasks('2026-04-02', ['threat']);
  assert.deepEqual(tasks, [
    { kind: 'first_contact', dueOn: '2026-04-07' },
    { kind: 'police_report', dueOn: '2026-04-08' },
    { kind: 'aftercare_1w', dueOn: '2026-04-09' },
    { kind: 'aftercare_4w', dueOn: '2026-04-30' },
    { kind: 'aftercare_3m', dueOn: '2026-07-02' },
  ]);
});

test('no police task without threat or physical violence; a configured first-contact term', () => {
  const tasks = defaultTasks('2026-12-07', ['verbal_insult', 'doxing'], {
    firstContactWorkingDays: 3,
    policeReportWorkingDays: 2,
  });
  assert.equal(
    tasks.find((t) => t.kind === 'police_report'),
    undefined,
  );
  assert.equal(tasks.find((t) => t.kind === 'first_contact')?.dueOn, '2026-12-10');
});

test('every default task falls on a working day after the report, the terms counted in working days', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2060-12-31') }).map(fromDayNumber),
      fc.subarray([...forms]),
      fc.integer({ min: 1, max: 10 }),
      (submitted, chosen, contactDays) => {
        const tasks = defaultTasks(submitted, chosen, {
          firstContactWorkingDays: contactDays,
          policeReportWorkingDays: 2,
        });
        for (const t of tasks)
          assert.ok(isWorkingDay(t.dueOn) && t.dueOn > submitted, `${t.kind} ${t.dueOn}`);
        const contact = tasks.find((t) => t.kind === 'first_contact')!;
        assert.equal(workingDaysBetween(submitted, contact.dueOn), contactDays);
        const police = tasks.find((t) => t.kind === 'police_report');
        assert.equal(police !== undefined, chosen.includes('threat') || chosen.includes('physical_violence'));
        if (police) assert.equal(workingDaysBetween(submitted, police.dueOn), 2);
        const kinds = tasks.map((t) => t.kind);
        const after = kinds.filter((k) => k.startsWith('aftercare'));
        assert.deepEqual(after, ['aftercare_1w', 'aftercare_4w', 'aftercare_3m']);
      },
    ),
  );
});
