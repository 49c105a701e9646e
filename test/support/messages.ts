import assert from 'node:assert/strict';
import type { MessageRecords } from '../../src/platform/modules.js';

/** Both languages of one messages file have every key, none empty, with the same placeholders. */
export function assertSameKeys(records: MessageRecords, label: string): void {
  const nlKeys = Object.keys(records.nl).sort();
  assert.deepEqual(Object.keys(records.en).sort(), nlKeys, label);
  const names = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
  for (const key of nlKeys) {
    const nl = records.nl[key]!;
    const en = records.en[key]!;
    assert.ok(nl.trim() && en.trim(), `${label}: ${key}`);
    assert.deepEqual(names(en), names(nl), `${label}: placeholders of ${key}`);
  }
}
