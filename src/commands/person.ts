/**
 * A person as written in a command: a Slack mention (`<@U0123ABC>`, `<@U0123ABC|anna>`), a Teams
 * mention (`<at>Anna Berg</at>`), or a directory key with or without `@` (`@anna.berg`, `anna.berg`).
 * Anything else in angle brackets (a channel `<#C1|allmänt>`, `<!here>`, a link) is not a person,
 * and neither is a word without a letter (`#42`).
 */
import { decodeEntities } from './text.js';
import type { PersonRef } from './types.js';

const SLACK = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const TEAMS = /^<at(?:\s[^>]*)?>([\s\S]*?)<\/at>$/i;
const NAME = /^@?([\p{L}\p{N}][\p{L}\p{N}._'-]*?)[.,;:!?]*$/u;

export function parsePerson(word: string): PersonRef | undefined {
  const slack = SLACK.exec(word);
  if (slack) return { kind: 'slack', userId: slack[1]! };
  const teams = TEAMS.exec(word);
  if (teams) {
    const name = decodeEntities(teams[1]!).replace(/\s+/g, ' ').trim().replace(/^@/, '');
    return name === '' ? undefined : { kind: 'name', name };
  }
  const bare = NAME.exec(word);
  if (bare && /\p{L}/u.test(bare[1]!)) return { kind: 'name', name: bare[1]! };
  return undefined;
}

/** Looks like an attempt at naming someone (a mention or `@…`), even if not a valid one. */
export function looksLikePerson(word: string): boolean {
  return word.startsWith('<') || word.startsWith('@');
}
