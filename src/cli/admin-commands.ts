/** svarstid org apply POLICY... / directory apply FILE... : write configuration files to the database. */
import { pino } from 'pino';
import { createLogger } from '../log/index.js';
import { applyDirectoryFile, applyPolicyFile } from '../admin/apply.js';
import { appFromEnv } from '../main.js';
import type { CliIo } from './io.js';

async function withApp<T>(run: (app: Awaited<ReturnType<typeof appFromEnv>>) => Promise<T>): Promise<T> {
  // warnings go to stderr: stdout is the command's answer
  const app = await appFromEnv(process.env, createLogger({ level: 'warn' }, pino.destination(2)));
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

export async function orgApplyCommand(files: string[], io: CliIo): Promise<void> {
  await withApp(async (app) => {
    for (const f of files) {
      const r = await applyPolicyFile({ directory: app.directory, policies: app.policies, now: Date.now }, f);
      io.stdout.write(`${f}: organization ${r.org} ${r.changed ? 'applied' : 'unchanged'}\n`);
    }
  });
}

export async function directoryApplyCommand(files: string[], io: CliIo): Promise<void> {
  await withApp(async (app) => {
    for (const f of files) {
      const r = await applyDirectoryFile({ directory: app.directory, policies: app.policies, now: Date.now }, f);
      const p = r.people;
      const a = r.accounts;
      io.stdout.write(
        `${f}: ${r.org}: people ${p.created} new, ${p.updated} changed, ${p.deactivated} deactivated; accounts ${a.created} new, ${a.updated} changed, ${a.deactivated} deactivated\n`,
      );
    }
  });
}
