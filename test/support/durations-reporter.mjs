// A node:test reporter that scripts/test.mjs adds next to `spec`: it writes, per test file, the sum of the
// durations of its top-level tests as JSON. The next run starts the longest files first, so that a long
// file does not start last and run alone at the end.
export default async function* durations(source) {
  const perFile = {};
  for await (const event of source) {
    if (
      (event.type === 'test:pass' || event.type === 'test:fail') &&
      event.data.nesting === 0 &&
      event.data.file
    ) {
      perFile[event.data.file] = (perFile[event.data.file] ?? 0) + (event.data.details?.duration_ms ?? 0);
    }
  }
  yield `${JSON.stringify(perFile)}\n`;
}
