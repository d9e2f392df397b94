/**
 * svarstid registry [--org KEY] [--format html|csv|json]: the registry of accounts (kontoförteckning),
 * every active account with its channel, address, responsible officer, substitute and manager, ready
 * to publish on the organization's website (docs/registry.md). Every organization when --org is
 * left out; an unknown --org is an error naming it.
 */
import { registryRows } from '../db/registry-store.js';
import type { CliIo } from './io.js';
import { registryCsv, registryHtml, registryJson } from './registry-format.js';
import { formatOption, organizationPolicies, withDatabase, type CliContext } from './report-command.js';

export async function registryCommand(opts: { org?: string; format?: string }, io: CliIo, ctx: CliContext = {}): Promise<void> {
  const format = formatOption(opts.format, ['html', 'csv', 'json']);
  const { rows, names } = await withDatabase(ctx, async (database) => {
    const orgs = await organizationPolicies(database, opts.org);
    return { rows: await registryRows(database.db, orgs.map(([id]) => id)), names: orgs.map(([, p]) => p.organization) };
  });
  if (format === 'json') io.stdout.write(registryJson(rows));
  else if (format === 'csv') io.stdout.write(registryCsv(rows));
  else io.stdout.write(registryHtml(rows, `Kontoförteckning${names.length === 1 ? ` för ${names[0]}` : ''}`));
}
