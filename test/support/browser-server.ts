/**
 * The one Chromium of a test run: scripts/test.mjs starts this process when browser tests are in the
 * run, reads the WebSocket endpoint from its first line of output and gives it to the test files
 * (WEERBAAR_TEST_BROWSER_WS, see browser.ts). Chromium closes when this process's stdin closes or it
 * gets SIGTERM/SIGINT.
 */
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './browser.js';

const server = await chromium.launchServer(chromiumLaunchOptions);
process.stdout.write(`${server.wsEndpoint()}\n`);
let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
};
process.stdin.on('end', close);
process.stdin.resume();
process.on('SIGTERM', close);
process.on('SIGINT', close);
