/** The `svarstid` command line (commander). Composition root for CLI use. */
import { Command, CommanderError } from 'commander';
import { CliError, isUserError } from './cli/errors.js';
import { isDatabaseUnavailable } from './db/unavailable.js';
import { summarizeError } from './http/failure.js';
import { processIo, type CliIo } from './cli/io.js';

// each command's module is loaded when it runs: `svarstid deadline` does not load the database drivers,
// the chat platforms' SDKs or chart rendering (start-up: docs/operations.md)

export function buildProgram(io: CliIo): Command {
  const program = new Command('svarstid')
    .description('Response deadlines for citizen questions on a Swedish municipality\'s social media')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('deadline')
    .description('print the response deadline of a message (ISO 8601 with the organization\'s UTC offset)')
    .requiredOption('--policy <file>', 'policy YAML file')
    .requiredOption('--channel <name>', 'channel kind, e.g. x, facebook, blog')
    .option('--at <iso>', 'arrival instant; without it, instants are read from stdin, one per line')
    .option('--json', 'print JSON objects with arrival, deadline and allowed working minutes')
    .action(async (opts) => (await import('./cli/deadline-command.js')).deadlineCommand(opts, io));

  program
    .command('calendar')
    .description('list a year\'s closed and shortened days with their Swedish names')
    .requiredOption('--policy <file>', 'policy YAML file')
    .requiredOption('--year <yyyy>', 'year')
    .option('--json', 'print JSON')
    .action(async (opts) => (await import('./cli/calendar-command.js')).calendarCommand(opts, io));

  program
    .command('policy')
    .description('policy files')
    .command('check')
    .description('validate and summarize policy files')
    .argument('<files...>', 'policy YAML files')
    .action(async (files: string[]) => (await import('./cli/policy-check-command.js')).policyCheckCommand(files, io));

  program
    .command('serve')
    .description('run the svarstid service (what `npm start` runs)')
    .option('--policies <dir>', 'folder of policy files, applied at start', process.env.SVARSTID_POLICIES ?? 'policies')
    .option('--directory <dir>', 'folder of directory files, applied at start', process.env.SVARSTID_DIRECTORY ?? 'directory')
    .option('--port <port>', 'HTTP port', process.env.PORT ?? '3000')
    .action(async (opts) => (await import('./cli/serve-command.js')).serveCommand(opts));

  program
    .command('org')
    .description('organizations')
    .command('apply')
    .description('create or update organizations from policy files (the key is the file name); idempotent')
    .argument('<files...>', 'policy YAML files')
    .action(async (files: string[]) => (await import('./cli/admin-commands.js')).orgApplyCommand(files, io));

  program
    .command('directory')
    .description('people and accounts')
    .command('apply')
    .description('create or update people and accounts from directory files; idempotent')
    .argument('<files...>', 'directory YAML files')
    .action(async (files: string[]) => (await import('./cli/admin-commands.js')).directoryApplyCommand(files, io));

  program
    .command('report')
    .description('figures for a week (or the yearly key figures), each beside the period before')
    .option('--week <week>', 'ISO week, e.g. 2026-W47')
    .option('--year <yyyy>', 'calendar year: the yearly key figures')
    .option('--org <key>', 'organization key (default: every organization)')
    .option('--format <format>', 'text (Swedish), json or csv', 'text')
    .action(async (opts) => (await import('./cli/report-command.js')).reportCommand(opts, io));

  program
    .command('registry')
    .description('the registry of accounts: channel, address, responsible officer, substitute and manager of each, to publish')
    .option('--org <key>', 'organization key (default: every organization)')
    .option('--format <format>', 'html, csv or json', 'html')
    .action(async (opts) => (await import('./cli/registry-command.js')).registryCommand(opts, io));

  program
    .command('export')
    .description('inquiries with their event trail and original payloads, for a public-records request or the archive')
    .requiredOption('--from <date>', 'first day received, e.g. 2026-11-01')
    .requiredOption('--to <date>', 'last day received (inclusive)')
    .option('--org <key>', 'organization key')
    .option('--account <name>', 'account key or name, as in the directory file')
    .option('--format <format>', 'json or csv', 'json')
    .action(async (opts) => (await import('./cli/export-command.js')).exportCommand(opts, io));

  program
    .command('retention')
    .description('retention (gallring) by the policies')
    .command('run')
    .description("erase now the text of finished, unregistered inquiries older than the policy's retention.text_after")
    .option('--org <key>', 'organization key (default: every organization)')
    .action(async (opts) => (await import('./cli/retention-command.js')).retentionRunCommand(opts, io));

  const token = program.command('token').description('REST API tokens: each organization its own, and deployment-admin tokens (docs/tenancy.md)');
  token
    .command('create')
    .description('create a token and print it once (stdout)')
    .option('--org <key>', 'organization the token is for: it sees only that organization')
    .option('--admin', 'a deployment-admin token: every organization and the unrouted messages')
    .option('--name <name>', 'what the token is for, e.g. "intranät" (default: api, or admin)')
    .action(async (opts) => (await import('./cli/token-commands.js')).tokenCreateCommand(opts, io));
  token
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .option('--org <key>', 'only this organization\'s tokens')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts) => (await import('./cli/token-commands.js')).tokenListCommand(opts, io));
  token
    .command('rotate')
    .description('replace a token with a new one (printed once); the old one stops working at once')
    .argument('<id>', 'token id, from token list')
    .action(async (id: string) => (await import('./cli/token-commands.js')).tokenRotateCommand(id, io));
  token
    .command('revoke')
    .description('revoke a token: it stops working at once')
    .argument('<id>', 'token id, from token list')
    .action(async (id: string) => (await import('./cli/token-commands.js')).tokenRevokeCommand(id, io));

  program
    .command('unrouted')
    .description('list the messages that reached no account in the directory (they belong to no organization)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts) => (await import('./cli/route-command.js')).unroutedCommand(opts, io));

  program
    .command('route')
    .description('route an unrouted message to an account: deadline from its original arrival, reminders planned')
    .argument('<id>', 'inquiry id, from svarstid unrouted')
    .argument('<account>', 'ORGANIZATION/ACCOUNT with the directory keys, e.g. hofors/facebook')
    .action(async (id: string, account: string) => (await import('./cli/route-command.js')).routeCommand(id, account, io));

  return program;
}

/** Runs the CLI; returns the exit code (and sets process.exitCode when run from bin). */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  let code = 0;
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode;
    else if (e instanceof CliError) {
      io.stderr.write(`svarstid: ${e.message}\n`);
      code = e.exitCode;
    } else if (isDatabaseUnavailable(e)) {
      const { code: cause } = summarizeError(e);
      io.stderr.write(`svarstid: the database cannot be reached${cause ? ` (${cause})` : ''}: check DATABASE_URL and that PostgreSQL is running\n`);
      code = 1;
    } else if (isUserError(e)) {
      io.stderr.write(`svarstid: ${e.message}\n`);
      code = 1;
    } else {
      // a bug: its message may quote data (a driver error binds values), so only its class, code and frames
      const summary = summarizeError(e);
      io.stderr.write(`svarstid: unexpected error (${summary.type}${summary.code ? ` ${summary.code}` : ''}); this is a bug, please report it with these lines:\n${(summary.frames ?? []).map((f) => `  ${f}\n`).join('')}`);
      code = 70; // EX_SOFTWARE
    }
  }
  if (io === processIo) process.exitCode = code;
  return code;
}
