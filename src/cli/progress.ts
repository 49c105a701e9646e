/**
 * Progress for long CLI work: a bar on a terminal, plain lines (at most one per second) otherwise,
 * so logs in CI stay readable.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

export function progress(label: string, total: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      update: (done, t) => {
        if (t !== undefined) bar.setTotal(t);
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let latest = 0;
  return {
    update: (done, t) => {
      if (t !== undefined) total = t;
      latest = done;
      const now = Date.now();
      if (now - last >= 1000) {
        last = now;
        process.stderr.write(`${label}: ${done}/${total}\n`);
      }
    },
    stop: () => process.stderr.write(`${label}: ${latest}/${total} done\n`),
  };
}
