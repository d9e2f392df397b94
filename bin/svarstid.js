#!/usr/bin/env node
// Entry point of the `svarstid` command. The code is TypeScript, run through tsx's loader,
// so `npx svarstid` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

// A closed pipe (`svarstid … | head`) ends the output quietly, as other Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
register();
const { run } = await import('../src/cli.ts');
await run(process.argv);
