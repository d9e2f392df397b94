/**
 * svarstid retention run [--org KEY]: erases now what the daily retention run would (the text,
 * author and payload of answered or closed, unregistered inquiries finished longer ago than the
 * policy's `retention.text_after`), for IT staff who changed the policy or want it done before an
 * archive delivery. Organizations without `retention` are left alone and say so. Every erasure is
 * logged as an event, as in the daily run.
 */
import { eraseByPolicy } from '../db/retention-store.js';
import type { CliIo } from './io.js';
import { organizationPolicies, withDatabase, type CliContext } from './report-command.js';

export async function retentionRunCommand(opts: { org?: string }, io: CliIo, ctx: CliContext = {}): Promise<void> {
  const now = (ctx.now ?? Date.now)();
  await withDatabase(ctx, async (database) => {
    for (const [orgId, policy] of await organizationPolicies(database, opts.org)) {
      const r = await eraseByPolicy(database.db, orgId, policy, now);
      if (!r) {
        io.stdout.write(`${orgId}: no retention in the policy; nothing erased\n`);
        continue;
      }
      const n = r.erased;
      io.stdout.write(`${orgId}: erased the text of ${n} finished, unregistered ${n === 1 ? 'inquiry' : 'inquiries'} finished before ${new Date(r.cutoff).toISOString()} (${r.rule})\n`);
    }
  });
}
