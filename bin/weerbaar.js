#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run build`, which `npm install` runs through `prepare`).
// Falls back to the TypeScript sources through tsx in a checkout that was not built.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
