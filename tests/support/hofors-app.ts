/** An in-process svarstid for Hofors (policy and directory applied) on in-memory PGlite, with a simulated clock. */
import { pino } from 'pino';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App, type AppOptions } from '../../src/app.js';

export async function hoforsApp(o: { now: () => number; notifier: AppOptions['notifier']; sourceRoutes?: AppOptions['sourceRoutes'] }): Promise<{ app: App; person: Record<string, number> }> {
  const app = await createApp({ database: { memory: true }, clock: { now: o.now }, logger: pino({ level: 'silent' }), apiToken: 't', sourceRoutes: o.sourceRoutes ?? (() => []), notifier: o.notifier });
  const admin = { directory: app.directory, policies: app.policies, now: o.now };
  await applyPolicyFile(admin, 'policies/hofors.yaml');
  await applyDirectoryFile(admin, 'directory/hofors.yaml');
  const person: Record<string, number> = {};
  for (const p of await app.database.db.query.people.findMany()) person[p.key] = p.id;
  return { app, person };
}
