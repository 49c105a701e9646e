import { execSync } from 'node:child_process';
import os from 'node:os';

/** The machine's details for docs/benchmarks.md. */
export function machineDetails(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let distro = '';
  try {
    distro = execSync('. /etc/os-release && echo "$PRETTY_NAME"', {
      encoding: 'utf8',
      shell: '/bin/sh',
    }).trim();
  } catch {
    distro = os.platform();
  }
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- CPU: ${cpu}, ${os.cpus().length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${distro}, kernel ${os.release()}; Node ${process.version}`,
  ].join('\n');
}

/** Replaces the text between `<!-- name:begin -->` and `<!-- name:end -->` in a markdown file (or appends it). */
export function replaceSection(doc: string, name: string, content: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${begin}\n${content.trim()}\n${end}`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
