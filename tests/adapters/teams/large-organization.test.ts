/**
 * Hofors with 300 people and 90 open questions: the reminder card offers the first 15 people and
 * finds the rest as the officer types (Teams' dynamic typeahead, answered through the
 * application/search invoke); `lista` comes a page at a time. Every card stays within Teams' message
 * size (the fake connector refuses one that does not).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { applyDirectoryFile } from '../../../src/admin/apply.js';
import { at } from '../../support/calendar-builder.js';
import { messageSize } from '../../fakes/validate/teams.js';
import { buttons, cardLines, cardOf } from './card-content.js';
import { ANNA, ERIK, STRANGER, startTeamsHarness, type TeamsHarness } from './teams-harness.js';

const PEOPLE = 300;
/** Teams user ids are long (29: and ~90 characters); so are real names and titles */
const teamsId = (i: number) => `29:1${String(i).padStart(4, '0')}qZ8bXgG3mXkYwH2tPn5cVd7LrJ9sFa6eUo4iBkRy1WzQx0NvTm3ShDlCgEjKpAuIfOrMn-AbCdEf`;

describe('Teams in an organization of 300 people with 90 open questions', () => {
  let h: TeamsHarness;
  const dir = mkdtempSync(join(tmpdir(), 'svarstid-large-'));
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
    const directory = parse(readFileSync('directory/hofors.yaml', 'utf8'));
    for (let i = 0; i < PEOPLE - 3; i++) {
      directory.people.push({ key: `person.${i}`, name: `Handläggare${i} Efternamnsson`, title: i % 2 ? 'Handläggare, samhällsbyggnadsförvaltningen' : 'Kommunikatör, kultur och fritid', teams: teamsId(i) });
    }
    const path = join(dir, 'hofors.yaml');
    writeFileSync(path, stringify(directory));
    await applyDirectoryFile({ directory: h.app.directory, policies: h.app.policies, now: () => h.time }, path);
    await h.say(ERIK, 'hej');
    h.connector.clear();
  });

  const search = (queryText: string, o: { skip?: number; top?: number; dataset?: string; from?: typeof ERIK } = {}) =>
    h.post(h.activity(o.from ?? ERIK, { type: 'invoke', name: 'application/search', value: { queryText, queryOptions: { skip: o.skip ?? 0, top: o.top ?? 15 }, dataset: o.dataset ?? 'svarstid.people' } }));

  it('the reminder card offers 15 people and searches the other 284, and stays small', async () => {
    await h.comment('large-1');
    h.time = at('2026-11-24T14:00');
    await h.app.tick(h.time);
    const [card] = h.connector.sentTo(ERIK.conversation);
    const picker = cardOf(card).actions.find((a: any) => a.title === 'Skicka vidare').card.body.find((b: any) => b.id === 'forward.to');
    expect(picker.choices).toHaveLength(15);
    expect(picker['choices.data']).toEqual({ type: 'Data.Query', dataset: 'svarstid.people' });
    expect(picker.placeholder).toBe('Sök på namn eller titel');
    // before: every person a choice, 105.6 KB in UTF-16 at 300 people (over Teams' 100 KB)
    expect(messageSize(card!.body)).toBeLessThan(20 * 1024);
  });

  it('the search finds people by name, title or key, ignoring case and accents, at most 15 at a time', async () => {
    const one = await search('handlaggare12 efternamn');
    expect(one).toMatchObject({ status: 200, body: { type: 'application/vnd.microsoft.search.searchResponse' } });
    expect(one.body.value.results.map((r: any) => r.title)).toEqual(['Handläggare12 Efternamnsson (Kommunikatör, kultur och fritid)', ...[120, 121, 122, 123, 124, 125, 126, 127, 128, 129].map((n) => `Handläggare${n} Efternamnsson (${n % 2 ? 'Handläggare, samhällsbyggnadsförvaltningen' : 'Kommunikatör, kultur och fritid'})`)]);
    expect(one.body.value.results[0].value).toBe(`teams:${teamsId(12)}`);
    const anna = await search('informationssamordnare');
    expect(anna.body.value.results).toEqual([{ title: 'Anna Berg (Informationssamordnare)', value: 'teams:29:1hofors-anna' }]);
    const page1 = await search('');
    const page2 = await search('', { skip: 15 });
    expect(page1.body.value.results).toHaveLength(15);
    expect(page2.body.value.results).toHaveLength(15);
    expect(page2.body.value.results[0]).not.toEqual(page1.body.value.results[0]);
    expect((await search('', { top: 500 })).body.value.results).toHaveLength(15);
  });

  it('never offers the searcher themself, and tells a stranger or another dataset no', async () => {
    expect((await search('erik lind')).body.value.results).toEqual([]);
    expect((await search('erik lind', { from: ANNA })).body.value.results).toEqual([{ title: 'Erik Lind (Kommunikatör)', value: 'teams:29:1hofors-erik' }]);
    const stranger = await search('anna', { from: STRANGER });
    expect(stranger.body).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'Unauthorized' } });
    expect(stranger.body.value.message).toContain('Jag hittar dig inte');
    expect((await search('anna', { dataset: 'graph.microsoft.com/users' })).body).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'BadRequest' } });
  });

  it('a person found by search is the one the question is forwarded to', async () => {
    const id = await h.comment('large-2');
    const [found] = (await search('handläggare250')).body.value.results;
    h.connector.clear();
    await h.click(ERIK, { svarstid: 'forward', inquiryId: id, 'forward.to': found.value }, 'card-1');
    expect(await h.app.inquiries.get(id)).toMatchObject({ state: 'forwarded' });
    expect(cardLines(h.connector.calls.find((c) => c.kind === 'update'))[0]).toBe(`#${id} – Erik Lind skickade frågan vidare till Handläggare250 Efternamnsson.`);
  });

  it('lista with 90 questions comes 20 at a time; Nästa shows the next page in place', async () => {
    for (let i = 0; i < 88; i++) await h.comment(`large-list-${i}`);
    h.connector.clear();
    await h.say(ERIK, 'lista');
    const [list] = h.connector.sentTo(ERIK.conversation);
    // before: every question on one card, 66.5 KB in UTF-16 at 90 questions (the walk-through saw 85.6 KB)
    expect(messageSize(list!.body)).toBeLessThan(40 * 1024);
    const lines = cardLines(list);
    expect(lines).toContain('Dina frågor (89):');
    expect(lines).toContain('Visar 1–20 av 89.');
    expect(buttons(list)).toEqual(['Nästa (Dina frågor)']);
    const next = cardOf(list).actions[0].data;
    expect(next).toEqual({ svarstid: 'page', pages: 'mine=2;unclaimed=1' });
    h.connector.clear();
    await h.click(ERIK, next, list!.id!);
    const [page2] = h.connector.calls.filter((c) => c.kind === 'update');
    expect(page2).toMatchObject({ activityId: list!.id });
    expect(cardLines(page2)).toContain('Visar 21–40 av 89.');
    expect(buttons(page2)).toEqual(['Föregående (Dina frågor)', 'Nästa (Dina frågor)']);
  });
});
