import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsvTable } from '../../platform/csv/csv.js';
import { reportDeadlines } from './deadlines.js';
import { registerColumns, registerCsv } from './register-export.js';

test('the register CSV has one line per report with both deadlines and reads back', () => {
  const receivedAt = new Date('2026-03-22T10:00:00Z');
  const acknowledgedAt = new Date('2026-03-31T08:00:00Z');
  const now = new Date('2026-07-10T08:00:00Z');
  const line = {
    reportId: '00000000-0000-4000-8000-000000000001',
    receivedAt,
    channel: 'web',
    category: 'geschenken',
    identityMode: 'anonymous',
    state: 'onderzoek',
    acknowledgedAt,
    feedbackAt: null,
    outcome: null,
    closedAt: null,
    deadlines: reportDeadlines({ receivedAt, acknowledgedAt }, now),
  };
  const table = readCsvTable(registerCsv([line, { ...line, reportId: 'x', state: 'intake' }]));
  assert.deepEqual(table.header, [...registerColumns]);
  assert.equal(table.rows.length, 2);
  const row = table.rows[0]!.values;
  assert.equal(row.acknowledgement_deadline, 'late');
  assert.equal(row.acknowledgement_due, '2026-03-29T21:59:59.999Z');
  assert.equal(row.feedback_due, '2026-06-30T21:59:59.999Z');
  assert.equal(row.feedback_deadline, 'overdue');
  assert.equal(row.outcome, '');
});
