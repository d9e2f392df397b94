/**
 * A generic source may post messages and answer notices only for the accounts the directory binds
 * to it, all in its own organization (src/people/directory-sources.ts). Checked for a whole delivery
 * before anything of it is stored: one event for an account the source does not serve refuses the
 * delivery (HTTP 403, naming each such account). The account, not the body, decides the channel: a
 * body that names another channel is refused; one that names none gets the account's.
 *
 * Events from the platform adapters (Meta, X) carry no origin: their signature is the platform's
 * own, and their account ids are the platform's.
 */
import { CHANNEL_KINDS, type ChannelKind } from '../policy/vocabulary.js';
import { SourceRefusedError, type GenericOrigin, type SourceEvent } from './inbound.js';

export interface BoundAccount {
  readonly orgId: string;
  readonly accountId: number;
  readonly key: string;
  readonly channel: string;
  readonly externalId: string;
}

/** The active accounts a generic source is bound to (empty for a source no directory names). */
export type SourceAccountsLookup = (source: string) => Promise<readonly BoundAccount[]>;

type Problem = { readonly code: SourceRefusedError['code']; readonly message: string };

function bind(origin: GenericOrigin | undefined, account: string, channel: ChannelKind, bound: readonly BoundAccount[]): ChannelKind | Problem {
  const name = origin?.name ?? '(unnamed)';
  const matches = bound.filter((a) => a.externalId === account);
  const hit = origin?.channelGiven ? matches.filter((a) => a.channel === channel) : matches;
  if (matches.length === 0) {
    const served = bound.length > 0 ? `it may post for: ${bound.map((a) => a.externalId).join(', ')}` : 'no directory binds it to any account (sources: in the directory file)';
    return { code: 'account_not_bound', message: `source "${name}" may not post for account "${account}"; ${served}` };
  }
  if (hit.length === 0) {
    return { code: 'channel_mismatch', message: `account "${account}" is a ${matches.map((a) => a.channel).join(' and ')} account, not ${channel}; leave out "channel" or send "${matches[0]!.channel}"` };
  }
  if (hit.length > 1) {
    return { code: 'account_ambiguous', message: `source "${name}" serves accounts "${account}" on ${hit.map((a) => a.channel).join(' and ')}; say which with "channel"` };
  }
  const kind = hit[0]!.channel;
  if (!(CHANNEL_KINDS as readonly string[]).includes(kind)) throw new Error(`account ${hit[0]!.accountId} has an unknown channel ${kind}`);
  return kind as ChannelKind;
}

/**
 * The delivery's events with each generic event's channel set from its bound account.
 * @throws SourceRefusedError listing every account the source may not post for (nothing is stored)
 */
export async function bindSourceEvents(lookup: SourceAccountsLookup, events: readonly SourceEvent[]): Promise<SourceEvent[]> {
  const cache = new Map<string, readonly BoundAccount[]>();
  const accountsOf = async (name: string): Promise<readonly BoundAccount[]> => {
    let got = cache.get(name);
    if (!got) cache.set(name, (got = await lookup(name)));
    return got;
  };
  const problems: Problem[] = [];
  const out: SourceEvent[] = [];
  for (const e of events) {
    // edits and removals come only from the platform adapters
    if (e.kind !== 'message' && e.kind !== 'own_reply') {
      out.push(e);
      continue;
    }
    const item = e.kind === 'message' ? e.message : e.reply;
    if (item.source !== 'generic') {
      out.push(e);
      continue;
    }
    const bound = item.origin ? await accountsOf(item.origin.name) : [];
    const r = bind(item.origin, item.accountExternalId, item.channel, bound);
    if (typeof r !== 'string') {
      if (!problems.some((p) => p.message === r.message)) problems.push(r);
      continue;
    }
    out.push(e.kind === 'message' ? { kind: 'message', message: { ...e.message, channel: r } } : { kind: 'own_reply', reply: { ...e.reply, channel: r } });
  }
  if (problems.length > 0) throw new SourceRefusedError(problems[0]!.code, problems.map((p) => p.message).join('; '));
  return out;
}
