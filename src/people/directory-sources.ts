/**
 * Generic sources in the directory file: which accounts a signed generic webhook source may post
 * messages and answer notices for. The signature proves only the source's name (its secret is
 * SVARSTID_SOURCE_SECRET_<NAME>); this binding is what makes the body's `account` trustworthy.
 *
 *   sources:
 *     - { name: hofors-blogg, accounts: [blogg, chatt] }     # keys of accounts in this file
 *
 * Rules (checked here, in the file; the database checks that no other organization has the name):
 *   - a name is lower case letters, digits and "-" (so it maps to exactly one environment variable),
 *     and appears once;
 *   - every bound account is an account of this file;
 *   - no account of a channel a platform adapter serves (PLATFORM_CHANNELS): those messages arrive
 *     signed by the platform itself (Meta, X), and a generic source bound there could forge citizen
 *     messages on a page or mark a platform's real inquiry answered.
 */
import type { PolicyProblem } from '../policy/errors.js';
import { CHANNEL_KINDS, CHANNEL_PLATFORM, type ChannelKind } from '../policy/vocabulary.js';

/** Channels whose messages come only from a platform adapter's verified webhook (Meta: facebook, messenger, instagram; X: x). */
export const PLATFORM_CHANNELS: readonly ChannelKind[] = CHANNEL_KINDS.filter((c) => CHANNEL_PLATFORM[c] !== undefined);

export const SOURCE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const SOURCE_NAME_RULE = 'a source name is 1 to 64 lower case letters, digits and "-" (not at either end)';

/** The environment variable holding a generic source's secret: hofors-blogg → SVARSTID_SOURCE_SECRET_HOFORS_BLOGG. */
export function sourceSecretVariable(name: string): string {
  return `SVARSTID_SOURCE_SECRET_${name.toUpperCase().replace(/-/g, '_')}`;
}

export interface SourceEntry {
  readonly name: string;
  readonly accounts: readonly string[];
}

/** Problems with the file's `sources`, given its accounts (key → channel). */
export function sourceProblems(sources: readonly SourceEntry[], accounts: ReadonlyMap<string, ChannelKind>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const names = new Set<string>();
  sources.forEach((s, i) => {
    if (names.has(s.name)) problems.push({ path: `sources[${i}].name`, message: `"${s.name}" appears twice` });
    names.add(s.name);
    const bound = new Set<string>();
    s.accounts.forEach((key, j) => {
      const path = `sources[${i}].accounts[${j}]`;
      const channel = accounts.get(key);
      if (bound.has(key)) problems.push({ path, message: `"${key}" appears twice` });
      bound.add(key);
      if (channel === undefined) problems.push({ path, message: `"${key}" is not among accounts` });
      else if (PLATFORM_CHANNELS.includes(channel)) {
        problems.push({ path, message: `"${key}" is a ${channel} account: ${channel} messages come only through the platform's own webhook, never from a generic source` });
      }
    });
  });
  return problems;
}
