import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  acknowledgementDue,
  addDays,
  addMonths,
  amsterdamClock,
  amsterdamDate,
  countdown,
  feedbackDue,
  reportDeadlines,
} from './deadlines.js';

const iso = (d: Date) => d.toISOString();
// Instants from 2000 to 2100: covers many DST changes in both directions.
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const dayNo = (d: { year: number; month: number; day: number }) =>
  Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

test('acknowledgement: 7 days, to 23:59 Amsterdam, in summer time and in winter time', () => {
  // Received Sunday 22 March 2026 (CET); due Sunday 29 March, the day summer time starts: 23:59 CEST = 21:59 UTC.
  assert.equal(iso(acknowledgementDue(new Date('2026-03-22T10:00:00Z'))), '2026-03-29T21:59:59.999Z');
  // Received 18 October 2026 (CEST); due 25 October, the day winter time starts: 23:59 CET = 22:59 UTC.
  assert.equal(iso(acknowledgementDue(new Date('2026-10-18T10:00:00Z'))), '2026-10-25T22:59:59.999Z');
  // 23:30 UTC on 28 March is already 29 March in Amsterdam (00:30 CET): the day counts from the 29th.
  assert.equal(iso(acknowledgementDue(new Date('2026-03-28T23:30:00Z'))), '2026-04-05T21:59:59.999Z');
  // 00:30 Amsterdam summer time is still the previous day in UTC.
  assert.equal(iso(acknowledgementDue(new Date('2026-07-01T22:30:00Z'))), '2026-07-09T21:59:59.999Z');
});

test('feedback: 3 months after the acknowledgement, or after the end of the 7 days without one', () => {
  const received = new Date('2026-01-05T09:00:00Z');
  // Acknowledged 7 January → due 7 April 2026 23:59 CEST.
  assert.equal(iso(feedbackDue(received, new Date('2026-01-07T12:00:00Z'))), '2026-04-07T21:59:59.999Z');
  // Never acknowledged: 7 days end on 12 January → due 12 April.
  assert.equal(iso(feedbackDue(received)), '2026-04-12T21:59:59.999Z');
  // 30 November + 3 months: the last day of February (2027 is no leap year; 2028 is).
  assert.equal(iso(feedbackDue(received, new Date('2026-11-30T12:00:00Z'))), '2027-02-28T22:59:59.999Z');
  assert.equal(iso(feedbackDue(received, new Date('2027-11-30T12:00:00Z'))), '2028-02-29T22:59:59.999Z');
  // Acknowledged in July (CEST), due in October after winter time began.
  assert.equal(iso(feedbackDue(received, new Date('2026-07-28T08:00:00Z'))), '2026-10-28T22:59:59.999Z');
});

test('every deadline ends at 23:59 Amsterdam wall-clock time', () => {
  fc.assert(
    fc.property(instant, fc.option(fc.integer({ min: 0, max: 30 * 86_400_000 })), (received, ackAfter) => {
      const ack = ackAfter === null ? null : new Date(received.getTime() + ackAfter);
      for (const due of [acknowledgementDue(received), feedbackDue(received, ack)]) {
        const c = amsterdamClock(due);
        assert.equal(`${c.hour}:${c.minute}:${c.second}`, '23:59:59');
        // one millisecond later is the next day
        assert.equal(amsterdamClock(new Date(due.getTime() + 1)).hour, 0);
      }
    }),
    { numRuns: 500 },
  );
});

test('the acknowledgement is due on the 7th Amsterdam calendar day after receipt, 6 to 8 days away', () => {
  fc.assert(
    fc.property(instant, (received) => {
      const due = acknowledgementDue(received);
      assert.equal(dayNo(amsterdamDate(due)) - dayNo(amsterdamDate(received)), 7);
      const hours = (due.getTime() - received.getTime()) / 3_600_000;
      assert.ok(hours > 7 * 24 - 1 && hours <= 8 * 24 + 1, `${hours} h`);
    }),
    { numRuns: 500 },
  );
});

test('feedback is due 3 calendar months after its starting day (or that month`s last day)', () => {
  fc.assert(
    fc.property(instant, fc.option(fc.integer({ min: 0, max: 60 * 86_400_000 })), (received, ackAfter) => {
      const ack = ackAfter === null ? null : new Date(received.getTime() + ackAfter);
      const from = ack ? amsterdamDate(ack) : addDays(amsterdamDate(received), 7);
      const due = amsterdamDate(feedbackDue(received, ack));
      const months = due.year * 12 + due.month - (from.year * 12 + from.month);
      assert.equal(months, 3);
      assert.ok(due.day === from.day || (due.day < from.day && addDays(due, 1).day === 1));
      // 89 to 92 days in all
      const days = dayNo(due) - dayNo(from);
      assert.ok(days >= 89 && days <= 92, `${days} days`);
    }),
    { numRuns: 500 },
  );
});

test('deadlines never move earlier when receipt or acknowledgement comes later', () => {
  fc.assert(
    fc.property(
      instant,
      fc.integer({ min: 0, max: 40 * 86_400_000 }),
      fc.integer({ min: 0, max: 40 * 86_400_000 }),
      (received, d1, d2) => {
        const later = new Date(received.getTime() + d1);
        assert.ok(acknowledgementDue(later) >= acknowledgementDue(received));
        assert.ok(feedbackDue(later) >= feedbackDue(received));
        const ack = new Date(received.getTime() + d2);
        assert.ok(feedbackDue(received, new Date(ack.getTime() + d1)) >= feedbackDue(received, ack));
      },
    ),
    { numRuns: 300 },
  );
});

test('an acknowledgement within the 7 days never makes feedback due later than no acknowledgement', () => {
  fc.assert(
    fc.property(instant, fc.integer({ min: 0, max: 6 * 86_400_000 }), (received, d) => {
      const ack = new Date(received.getTime() + d);
      assert.ok(feedbackDue(received, ack) <= feedbackDue(received));
    }),
    { numRuns: 300 },
  );
});

test('calendar arithmetic: adding days and months', () => {
  assert.deepEqual(addDays({ year: 2026, month: 12, day: 28 }, 7), { year: 2027, month: 1, day: 4 });
  assert.deepEqual(addMonths({ year: 2026, month: 11, day: 30 }, 3), { year: 2027, month: 2, day: 28 });
  assert.deepEqual(addMonths({ year: 2026, month: 10, day: 31 }, 3), { year: 2027, month: 1, day: 31 });
  fc.assert(
    fc.property(
      fc.integer({ min: 1900, max: 2200 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 400 }),
      (year, month, day, n) => {
        const d = { year, month, day };
        assert.deepEqual(addDays(addDays(d, n), -n), d);
        assert.deepEqual(addMonths(d, n).day, day); // days 1–28 exist in every month
      },
    ),
  );
});

test('countdowns move with the injected clock: open, last day, overdue, met, late', () => {
  const received = new Date('2026-03-22T10:00:00Z');
  const at = (s: string) => new Date(s);
  let d = reportDeadlines({ receivedAt: received }, at('2026-03-25T10:00:00Z'));
  assert.deepEqual([d.acknowledgement.state, d.acknowledgement.daysLeft], ['open', 4]);
  // last day, one minute before the end (23:58 CEST)
  d = reportDeadlines({ receivedAt: received }, at('2026-03-29T21:58:00Z'));
  assert.deepEqual([d.acknowledgement.state, d.acknowledgement.daysLeft], ['open', 0]);
  // 00:00 CEST on the 30th: overdue
  d = reportDeadlines({ receivedAt: received }, at('2026-03-29T22:00:00Z'));
  assert.deepEqual([d.acknowledgement.state, d.acknowledgement.daysLeft], ['overdue', -1]);
  assert.equal(d.feedback.state, 'open');
  assert.equal(iso(d.feedback.due), '2026-06-29T21:59:59.999Z');
  // acknowledged in time: met; feedback runs from the acknowledgement
  d = reportDeadlines(
    { receivedAt: received, acknowledgedAt: at('2026-03-24T08:00:00Z') },
    at('2026-06-25T08:00:00Z'),
  );
  assert.equal(d.acknowledgement.state, 'met');
  assert.deepEqual(
    [d.feedback.state, d.feedback.daysLeft, iso(d.feedback.due)],
    ['overdue', -1, '2026-06-24T21:59:59.999Z'],
  );
  assert.equal(
    countdown(at('2026-03-29T21:59:59.999Z'), at('2026-04-02T00:00:00Z'), at('2026-03-30T08:00:00Z')).state,
    'late',
  );
});
