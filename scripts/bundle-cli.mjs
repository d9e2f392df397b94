// Run by `npm run build` after tsc: bundles the compiled CLI (dist/src/cli.js) into dist/bundle/,
// which bin/svarstid.js runs. Loading ~250 separate modules (svarstid's own, zod, yaml, commander,
// luxon) was most of a CLI call's start-up; the bundle is a dozen files for `svarstid deadline`
// (issue 15: ≤ 4 × a bare `node -e 0`; docs/benchmarks.md#memory-and-start-up).
//
//   - Code splitting keeps every command lazy: `deadline` loads the chunks it needs, not `serve`'s,
//     and `serve` loads a chat platform's adapter only when that platform is configured.
//   - Only the pure-JavaScript packages on the CLI's path are bundled (BUNDLED); every other package
//     stays an import from node_modules: the database drivers (PGlite finds its WebAssembly and data
//     files beside itself), the chat SDKs, pino, chart rendering, and any package added later.
//   - zod is imported as `import * as z from 'zod'` everywhere: through `import { z }` esbuild keeps
//     all of zod (its ~50 locales, JSON Schema conversion; 780 KB instead of 210 KB). The build
//     fails if zod's other locales are bundled again.
//   - Class names are kept (keepNames): error messages and logs name an error by its class.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const BUNDLED = new Set(['commander', 'fastest-levenshtein', 'luxon', 'yaml', 'zod']);
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** @type {import('esbuild').Plugin} */
const dependencies = {
  name: 'svarstid-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('node:') || !BUNDLED.has(packageName(a.path)) ? { external: true } : undefined));
  },
};

rmSync('dist/bundle', { recursive: true, force: true }); // chunks are named by content hash
const { metafile } = await build({
  entryPoints: ['dist/src/cli.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  keepNames: true,
  sourcemap: true,
  metafile: true,
  // the bundled CommonJS packages (commander, yaml) require Node's built-ins
  banner: { js: "import { createRequire as __svarstidCreateRequire } from 'node:module'; const require = __svarstidCreateRequire(import.meta.url);" },
  plugins: [dependencies],
  logLevel: 'warning',
});
const bundledFiles = Object.values(metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
if (bundledFiles.some((f) => /[\\/]zod[\\/]v4[\\/]locales[\\/](?!en\.js$)/.test(f))) {
  console.error("bundle-cli: zod's locales are bundled: some module imports `{ z } from 'zod'`; write `import * as z from 'zod'`");
  process.exit(1);
}
