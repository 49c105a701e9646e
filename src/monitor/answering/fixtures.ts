/** Test fixtures: a started respondent link, for the route-enumerating tests (isolation, axe). */
import { loadConfig } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { responseKeyFor } from './keys.js';
import { seedAnsweringWave } from './seed-wave.js';
import { openLink, startResponse } from './service.js';

const links = new WeakMap<Database, Promise<{ token: string; waveId: string }>>();

/** The token of an open anonymous wave's invitation whose respondent has pressed "Begin" (one per database). */
export async function startedLink(database: Database): Promise<string> {
  return (await started(database)).token;
}

/** The wave of that link. */
export async function startedWaveId(database: Database): Promise<string> {
  return (await started(database)).waveId;
}

function started(database: Database) {
  let link = links.get(database);
  if (!link) {
    link = (async () => {
      const wave = await seedAnsweringWave(database, { persons: 1 });
      const token = wave.tokens[0]!;
      const state = await openLink(database, responseKeyFor(loadConfig({ NODE_ENV: 'test' })), token);
      if (state.kind !== 'open') throw new Error(`fixture link is ${state.kind}`);
      await startResponse(database, state);
      return { token, waveId: wave.waveId };
    })();
    links.set(database, link);
  }
  return link;
}
