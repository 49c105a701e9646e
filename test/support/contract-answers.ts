/**
 * An "anders, namelijk" answer on a wave of its own, for the contract test's recode fixture
 * (test/support/api-fixtures.ts): a respondent answers through the pages, as in
 * src/monitor/answering/recodes.db.test.ts.
 */
import { Respondent } from '../../src/monitor/answering/respondent-client.js';
import { seedAnsweringWave } from '../../src/monitor/answering/seed-wave.js';
import type { ContractContext } from './api-fixtures.js';

export async function answeredOther(c: ContractContext): Promise<{ waveId: string; responseId: string }> {
  const wave = await seedAnsweringWave(c.database, { persons: 1 });
  const base = `/r/${wave.tokens[0]!}`;
  const r = Respondent.inject(c.app);
  await r.get(base);
  await r.post(`${base}/start`);
  await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'vaker',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '4',
    _action: 'next',
  });
  await r.post(`${base}/s/melden`, {
    report_to: ['anders'],
    report_to_anders_tekst: 'bij de wijkagent',
    support_colleagues: 'ja',
    support_family: 'ja',
    _action: 'next',
  });
  const open = await c.call('GET', `/api/v1/waves/${wave.waveId}/open-answers`);
  const answer = open.data[0].answers.find((a: { text: string }) => a.text === 'bij de wijkagent');
  if (!answer) throw new Error('the open answer was not saved');
  return { waveId: wave.waveId, responseId: answer.responseId };
}
