/** Validates XML against an XSD with xmllint (Debian libxml2-utils); tests skip when it is missing. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
export const xmllintMissing =
  probe.status === 0 ? false : 'xmllint not installed (Debian: apt-get install libxml2-utils)';

/** The validation errors (empty when the document is valid). */
export function schemaErrors(xml: string, schema: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'xmllint-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
    return run.status === 0 ? '' : run.stderr || `xmllint exited with ${run.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
