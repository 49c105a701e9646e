import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('serve')
    .description('start the web application (embedded PGlite in WEERBAAR_DATA_DIR, or DATABASE_URL)')
    .option('--demo', 'load demo organisations and users on first start and print the demo logins')
    .option('-p, --port <port>', 'port (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (opts: { demo?: boolean; port?: string; host?: string }) => {
      const { loadConfig } = await import('../../platform/config/config.js');
      const { startServer } = await import('../../platform/server.js');
      const { modules } = await import('../../composition.js');
      const env = { ...process.env };
      if (opts.port) env.PORT = opts.port;
      if (opts.host) env.HOST = opts.host;
      const config = loadConfig(env);
      const server = await startServer(config, { demo: opts.demo || config.WEERBAAR_DEMO, modules });
      const lines = [
        '',
        `Weerbaar is running at ${server.url}`,
        `Database: ${config.embedded ? `embedded PGlite in ${config.WEERBAAR_DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'}`,
      ];
      if (server.demoLogins.length) {
        lines.push('Demo logins:');
        for (const l of server.demoLogins)
          lines.push(`  ${l.role.padEnd(22)} ${l.email.padEnd(34)} ${l.password}`);
      }
      lines.push('Stop with Ctrl+C.', '');
      process.stdout.write(lines.join('\n') + '\n');
      const shutdown = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
