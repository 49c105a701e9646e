// Preloaded (node --import) into every test file's process by scripts/test.mjs: when the file's process
// exits, it writes its wall time and CPU time (user + system, of itself and of the child processes it
// waited for, e.g. the CLI runs) to WEERBAAR_TEST_USAGE_DIR/<pid>.json. CPU time hardly changes when other
// work loads the machine, so it is the measure to compare runs by; wall time shows what a run felt like.
// Not counted: the shared Chromium and the PostgreSQL server (separate processes, reported by the runner
// as a whole where it can).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.WEERBAAR_TEST_USAGE_DIR;
const file = process.argv[1] ?? '';
if (dir && process.env.NODE_TEST_CONTEXT && /\.test\.(tsx?|mjs)$|\.pg\.mjs$/.test(file)) {
  process.on('exit', () => {
    const self = process.cpuUsage();
    let childrenMs = 0;
    try {
      // /proc/self/stat: after the ")" of the name, fields 14-17 (1-based) are utime stime cutime cstime
      // in clock ticks (100 per second on Linux).
      const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
      childrenMs = (Number(fields[13]) + Number(fields[14])) * 10;
    } catch {}
    try {
      writeFileSync(
        join(dir, `${process.pid}.json`),
        JSON.stringify({
          file,
          wallMs: Math.round(process.uptime() * 1000),
          cpuMs: Math.round((self.user + self.system) / 1000) + childrenMs,
          childrenCpuMs: childrenMs,
        }),
      );
    } catch {}
  });
}
