/**
 * svarstid unrouted [--format text|json]   the messages that reached no account in the directory
 * svarstid route ID ORG/ACCOUNT            route one to an account: it gets the organization, a deadline
 *                                          from its original arrival and its reminders (route-unrouted.ts)
 * For the deployment's administrators: unrouted messages belong to no organization.
 */
import { DrizzleInquiryStore } from '../db/inquiry-store.js';
import { routeTarget, saveRouting } from '../db/route-store.js';
import { routeUnrouted } from '../inquiries/route-unrouted.js';
import { PolicyRegistry } from '../policy/registry.js';
import { DirectoryStore } from '../db/directory-store.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { formatOption, withDatabase, type CliContext } from './report-command.js';

const UNROUTED_LIMIT = 1000;

export async function unroutedCommand(opts: { format?: string }, io: CliIo, ctx: CliContext = {}): Promise<void> {
  const format = formatOption(opts.format, ['text', 'json']);
  const rows = await withDatabase(ctx, (db) => new DrizzleInquiryStore(db.db).list({ state: 'unrouted', limit: UNROUTED_LIMIT }));
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(rows.map((i) => ({ id: i.id, source: i.source, channel: i.channel, account_external_id: i.accountExternalId, external_id: i.externalId, received_at: new Date(i.receivedAt).toISOString(), url: i.url })), null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.stdout.write('no unrouted messages\n');
    return;
  }
  for (const i of rows) io.stdout.write(`#${i.id}  ${new Date(i.receivedAt).toISOString()}  ${i.channel} to account "${i.accountExternalId}" (${i.source})${i.url ? `  ${i.url}` : ''}\n`);
  io.stdout.write(`route one with: svarstid route ID ORGANIZATION/ACCOUNT (e.g. svarstid route ${rows[0]!.id} hofors/facebook)\n`);
}

export async function routeCommand(id: string, account: string, io: CliIo, ctx: CliContext = {}): Promise<void> {
  if (!/^[1-9]\d{0,15}$/.test(id)) throw new CliError(`"${id}" is not an inquiry id; svarstid unrouted lists the unrouted messages`);
  const now = (ctx.now ?? Date.now)();
  const routed = await withDatabase(ctx, async (database) => {
    const policies = new PolicyRegistry();
    for (const o of await new DirectoryStore(database.db).organizationPolicies()) policies.set(o.id, o.policyYaml);
    return routeUnrouted(
      {
        store: new DrizzleInquiryStore(database.db),
        account: (orgId, key) => routeTarget(database.db, policies, orgId, key),
        save: (n, version, routing, event, planned, at) => saveRouting(database.db, n, version, routing, event, planned, at),
      },
      Number(id),
      account,
      'cli',
      now,
    );
  });
  const deadline = routed.deadline === null ? 'no deadline (the policy has no rule for this channel)' : `deadline ${new Date(routed.deadline).toISOString()}`;
  io.stdout.write(`routed inquiry ${routed.id} to ${account}: ${deadline}\n`);
}
