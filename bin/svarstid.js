#!/usr/bin/env node
// Entry point of the `svarstid` command (and of `npm start`). It runs the compiled build in dist/,
// which `npm install`/`npm ci` build (the `prepare` script: `npm run build`): the bundle in
// dist/bundle/ (scripts/bundle-cli.mjs; a few files instead of ~250 modules, the fastest start),
// else the modules tsc wrote to dist/src/. A checkout without dist/ (never installed, or
// SVARSTID_FROM_SOURCE=1 while developing) runs the TypeScript sources through tsx instead, about
// 1.5 s slower to start.
import { existsSync } from 'node:fs';

// A closed pipe (`svarstid … | head`) ends the output quietly, as other Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const compiled = ['../dist/bundle/cli.js', '../dist/src/cli.js'].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u));
let cli;
if (process.env.SVARSTID_FROM_SOURCE !== '1' && compiled) cli = await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
await cli.run(process.argv);
