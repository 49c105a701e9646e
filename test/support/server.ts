/** A real HTTP server on a loopback port (for browser tests), on a fresh test database. */
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './app.js';

export interface TestServer extends TestApp {
  url: string;
}

export async function startTestServer(
  env: Record<string, string> = {},
  /** demo: on a database with the full demo loaded (the demo template, see template.ts). */
  options: { demo?: boolean } = {},
): Promise<TestServer> {
  const t = await createTestApp(env, options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}` };
}
