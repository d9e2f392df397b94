#!/usr/bin/env node
// Entry point of the `svarstid` command. The code is TypeScript, run through tsx's loader,
// so `npx svarstid` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli.ts');
await run(process.argv);
