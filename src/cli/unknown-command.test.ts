/**
 * An unknown command is a usage error: exit 2 with a clear message, with or without --help (it printed
 * the main help and exited 0, so a typo in a script looked like success). Issue 13, "Also".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runWeerbaar } from '../../test/support/cli.js';

test('weerbaar <unknown> exits 2 with a message, help or not; known commands and help still work', () => {
  for (const args of [['nosuch'], ['nosuch', '--help'], ['wave', 'inivte', '--help'], ['--help', 'nosuch']]) {
    const r = runWeerbaar(args, { timeout: 120_000 });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /unknown command '(nosuch|inivte)'/, args.join(' '));
  }
  const help = runWeerbaar(['--help'], { timeout: 120_000 });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: weerbaar/);
  const waveHelp = runWeerbaar(['wave', '--help'], { timeout: 120_000 });
  assert.equal(waveHelp.status, 0, waveHelp.stderr);
});
