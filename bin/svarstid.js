#!/usr/bin/env node
// Entry point of the `svarstid` command (and of `npm start`). It runs the compiled JavaScript in
// dist/, which `npm install`/`npm ci` build (the `prepare` script: `npm run build`). A checkout
// without dist/ (never installed, or SVARSTID_FROM_SOURCE=1 while developing) runs the TypeScript
// sources through tsx instead, about 1.5 s slower to start.
import { existsSync } from 'node:fs';

// A closed pipe (`svarstid … | head`) ends the output quietly, as other Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const compiled = new URL('../dist/src/cli.js', import.meta.url);
let cli;
if (process.env.SVARSTID_FROM_SOURCE !== '1' && existsSync(compiled)) cli = await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
await cli.run(process.argv);
