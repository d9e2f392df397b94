/**
 * svarstid export --from DATE --to DATE [--org KEY] [--account NAME] [--format json|csv]: the
 * inquiries received from the start of --from to the end of --to (inclusive dates, in the
 * organization's zone; Europe/Stockholm without --org), with their full event trail and the archived
 * original payloads, for a request for public records or for the archive.
 *
 * - json: one document {"export": {…}, "inquiries": [{…, "raw": …, "delivery": {id, source, received_at,
 *   body_base64, erased_at} | null, "events": [{id,type,actor,at,data}]}]},
 *   written page by page (never held in memory whole).
 * - csv: one row per event (RFC 4180, UTF-8 with a BOM for spreadsheet programs), the inquiry's
 *   columns repeated on each row; `event_data` is the event's data as JSON; `raw` (the payload as
 *   JSON) and `delivery_body_base64` (the exact bytes of the webhook delivery that brought it) are
 *   on the inquiry's first row only, so a payload appears once; a delivery that brought several
 *   inquiries has its bytes with the first of them only (json: the others' `delivery.body_in` names
 *   that inquiry; csv: `delivery_id` ties the rows together), so a batch is written once.
 */
import { DateTime } from 'luxon';
import { exportInquiries, findAccounts, type ExportedInquiry, type ExportFilter } from '../db/export-store.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { csvField, formatOption, organizationPolicies, withDatabase, type CliContext } from './report-command.js';

export interface ExportOptions {
  from?: string;
  to?: string;
  org?: string;
  account?: string;
  format?: string;
}

/** The days an export may name: those of the messages svarstid accepts (the years 2000–2099). */
const EXPORT_FIRST_DAY = '2000-01-01';
const EXPORT_LAST_DAY = '2099-12-31';

function day(option: '--from' | '--to', value: string | undefined, zone: string): DateTime {
  if (value === undefined) throw new CliError(`${option} is required (a date, e.g. 2026-11-01)`);
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone }) : undefined;
  if (!d?.isValid) throw new CliError(`${option}: "${value}" is not a date; write it like 2026-11-01`);
  // no message is older than 2000 or dated past 2099 (src/time/accepted-range.ts); checked before anything is written
  if (value < EXPORT_FIRST_DAY || value > EXPORT_LAST_DAY) throw new CliError(`${option}: "${value}" is outside the supported range ${EXPORT_FIRST_DAY} to ${EXPORT_LAST_DAY} (no message svarstid accepts is dated outside it)`);
  return d;
}

export const EXPORT_CSV_COLUMNS = [
  'inquiry_id', 'organization', 'account', 'channel', 'external_id', 'received_at', 'deadline', 'state', 'registered', 'case_number',
  'author_name', 'text', 'url', 'event_id', 'event_type', 'event_actor', 'event_at', 'event_data', 'raw', 'delivery_body_base64', 'delivery_id',
] as const;

export function exportCsvRows(i: ExportedInquiry): string[] {
  return i.events.map((e, k) =>
    [
      i.id, i.organization, i.account?.key ?? i.account_external_id, i.channel, i.external_id, i.received_at, i.deadline, i.state, i.registered, i.case_number,
      i.author_name, i.text, i.url, e.id, e.type, e.actor, e.at, e.data, k === 0 ? JSON.stringify(i.raw) : '', k === 0 ? (i.delivery?.body_base64 ?? '') : '', i.delivery?.id ?? '',
    ].map(csvField).join(','),
  );
}

async function write(io: CliIo, text: string): Promise<void> {
  if (!io.stdout.write(text)) await new Promise((r) => io.stdout.once('drain', r));
}

export async function exportCommand(opts: ExportOptions, io: CliIo, ctx: CliContext = {}): Promise<void> {
  const format = formatOption(opts.format, ['json', 'csv']);
  day('--from', opts.from, 'Europe/Stockholm');
  day('--to', opts.to, 'Europe/Stockholm');
  if (opts.from! > opts.to!) throw new CliError(`--from ${opts.from} is after --to ${opts.to}`);
  await withDatabase(ctx, async (database) => {
    const orgs = opts.org !== undefined ? await organizationPolicies(database, opts.org) : [];
    const zone = orgs[0]?.[1].timezone ?? 'Europe/Stockholm';
    const filter: { -readonly [K in keyof ExportFilter]: ExportFilter[K] } = {
      from: day('--from', opts.from, zone).toMillis(),
      to: day('--to', opts.to, zone).plus({ days: 1 }).toMillis(),
      ...(opts.org !== undefined ? { orgId: opts.org } : {}),
    };
    if (opts.account !== undefined) {
      const found = await findAccounts(database.db, opts.account, opts.org);
      if (found.length === 0) throw new CliError(`--account: no account "${opts.account}"${opts.org ? ` in ${opts.org}` : ''} (give its key or name, as in the directory file)`);
      if (found.length > 1) throw new CliError(`--account: "${opts.account}" is in several organizations (${found.map((a) => a.orgId).join(', ')}); add --org`);
      filter.accountId = found[0]!.id;
    }
    const meta = { from: opts.from, to: opts.to, time_zone: zone, organization: opts.org ?? null, account: opts.account ?? null, exported_at: new Date((ctx.now ?? Date.now)()).toISOString() };
    let count = 0;
    if (format === 'json') {
      await write(io, `{"export":${JSON.stringify(meta)},"inquiries":[`);
      for await (const i of exportInquiries(database.db, filter)) await write(io, `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(i)}`);
      await write(io, '\n]}\n');
    } else {
      await write(io, `\ufeff${EXPORT_CSV_COLUMNS.join(',')}\r\n`);
      for await (const i of exportInquiries(database.db, filter)) {
        count++;
        await write(io, exportCsvRows(i).map((r) => `${r}\r\n`).join(''));
      }
    }
    io.stderr.write(`svarstid: exported ${count} inquiries received ${opts.from} to ${opts.to}\n`);
  });
}
