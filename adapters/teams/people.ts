/**
 * The people an inquiry may be forwarded to, as a Teams card offers them: the first few as the
 * choice set's own choices, the rest found as the person types (dynamic typeahead: the card's
 * `choices.data` is a Data.Query on DATASET, answered through the `application/search` invoke;
 * msteams-docs task-modules-and-cards/cards/dynamic-search.md). A choice's value is the Teams id
 * when the person has one, else their directory key (unique, unlike a name).
 */
import type { PersonRef } from '../../src/commands/index.js';
import type { Person } from '../../src/reminders/model.js';

/** the Data.Query dataset the forward picker searches */
export const DATASET = 'svarstid.people';
/** "The number of options in the dropdown is limited to 15" (dynamic-search.md) */
export const MAX_CHOICES = 15;

export interface Choice {
  readonly title: string;
  readonly value: string;
}

/** The value a forward choice submits: `teams:<id>`, else `name:<directory key>`. */
export function personChoice(p: Person): string {
  return p.teamsUserId ? `teams:${p.teamsUserId}` : `name:${p.key ?? p.name}`;
}

/** The person a submitted choice names; undefined when it is not one of personChoice's values. */
export function personRef(choice: unknown): PersonRef | undefined {
  if (typeof choice !== 'string') return undefined;
  if (choice.startsWith('teams:') && choice.length > 6) return { kind: 'teams', id: choice.slice(6) };
  if (choice.startsWith('name:') && choice.length > 5) return { kind: 'name', name: choice.slice(5) };
  return undefined;
}

export function choiceOf(p: Person): Choice {
  return { title: p.title ? `${p.name} (${p.title})` : p.name, value: personChoice(p) };
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The people whose name, title or directory key contains every word of `query` (case and
 * diacritics ignored), in the directory's order; `skip` and `top` page through them (top ≤ 15).
 */
export function searchPeople(people: readonly Person[], query: string, skip = 0, top = MAX_CHOICES): Choice[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = people.filter((p) => {
    const hay = fold(`${p.name} ${p.title ?? ''} ${p.key ?? ''}`);
    return words.every((w) => hay.includes(w));
  });
  const from = Number.isSafeInteger(skip) && skip > 0 ? skip : 0;
  const count = Number.isSafeInteger(top) && top > 0 ? Math.min(top, MAX_CHOICES) : MAX_CHOICES;
  return matches.slice(from, from + count).map(choiceOf);
}
