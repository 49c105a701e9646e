// Compiles the test files of a run ahead of time (used by scripts/test.mjs): one esbuild build with every
// test file as an entry point, project code bundled and shared between files in chunks, packages
// external. Each test file's process then loads plain JavaScript instead of compiling TypeScript through
// tsx's loader hooks module by module, which cost about 1.5–2 s of CPU per file (docs/testing.md).
// `import.meta.url`, `.dirname` and `.filename` keep meaning the original source file, so code that finds
// files next to itself (data, fixtures, the project root) behaves as under tsx.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const sourcePattern = /\.(ts|tsx|mts)$/;

/** @returns {Promise<Map<string, string>>} each test file's compiled entry (absolute paths). */
export async function bundleTests(root, files, outdir) {
  const keepImportMeta = {
    name: 'keep-import-meta',
    setup(b) {
      b.onLoad({ filter: sourcePattern }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        let contents = await readFile(args.path, 'utf8');
        if (contents.includes('import.meta.')) {
          contents = contents
            .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
            .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
            .replaceAll('import.meta.filename', JSON.stringify(args.path));
        }
        return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
  const result = await build({
    absWorkingDir: root,
    entryPoints: files,
    outdir,
    outbase: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    metafile: true,
    plugins: [keepImportMeta],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  const entries = new Map();
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) entries.set(resolve(root, meta.entryPoint), resolve(root, out));
  }
  for (const f of files) if (!entries.has(f)) throw new Error(`no compiled entry for ${relative(root, f)}`);
  return entries;
}
