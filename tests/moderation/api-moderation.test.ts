/**
 * Hide and remove through the REST API (real HTTP, organization tokens) against the Graph API and X
 * API fakes, on PGlite and PostgreSQL: the archive — original, versions, the post it was under and
 * the neighbouring comments — is in the database when the platform receives the hide or delete; the
 * platform's answer is recorded and the inquiry closed with the reason; a refusal leaves the archive
 * and the inquiry open; what a platform does not allow is refused before anything is stored; a person
 * of another organization changes nothing.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archives } from '../../src/db/schema.js';
import { exportInquiries } from '../../src/db/export-store.js';
import { TARGETS } from '../support/app-harness.js';
import { CITIZEN_X, PAGE, startApiHarness, X_ACCOUNT, type AnswerHarness } from '../support/answer-harness.js';
import { tweetUrl } from '../../adapters/sources/x/tweets.js';

const T0 = Date.parse('2026-11-25T09:00:00+01:00');

describe.each(TARGETS)('hide and remove through the REST API ($name)', ({ target }) => {
  let h: AnswerHarness;
  let hofors: string;
  let arvidsjaur: string;
  let post: Awaited<ReturnType<typeof startApiHarness>>['post'];
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ h, hofors, arvidsjaur, post, close } = await startApiHarness(target, T0));
  });
  afterEach(() => close());
  const archiveRows = (inquiryId: number) => h.app.database.db.select().from(archives).where(eq(archives.inquiryId, inquiryId));

  /** a comment with a neighbour before and after it under the same post */
  async function commentAmongOthers(text: string) {
    const i = await h.facebookComment(text);
    const c = h.graph.state.comments.get(i.externalId)!;
    h.graph.state.addComment(c.postId, { id: '6100000000000002', name: 'Nils Grann' }, 'Kommentaren före', h.time - 60_000);
    h.graph.state.addComment(c.postId, { id: '6100000000000003', name: 'Olga Grann' }, 'Kommentaren efter', h.time + 60_000);
    return { i, c };
  }

  it('hide: the archive with the post and the neighbours is stored before the platform hides the comment; then the inquiry is closed', async () => {
    const { i, c } = await commentAmongOthers('Ni är idioter allihop');
    await h.app.inquiries.apply(i.id, i.version, { text: 'Ni är idioter allihop!!' }, { type: 'edited', actor: 'source:meta', at: h.time + 1000, data: { previousText: 'Ni är idioter allihop', previousPersonalData: [], personalData: [] } }, h.time + 1000);
    let atTheCall: Awaited<ReturnType<typeof archiveRows>> | undefined;
    h.graph.beforeCall = async (call) => {
      if (call.method === 'POST' && call.path === c.id) atTheCall = await archiveRows(i.id);
    };
    const r = await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'erik.lind', reason: 'personangrepp', note: 'kallar alla idioter' });
    expect(r.status).toBe(200);
    expect(atTheCall).toHaveLength(1);
    const stored = atTheCall![0]!;
    expect(stored).toMatchObject({ action: 'hide', reason: 'personangrepp', state: 'archived', actor: expect.stringMatching(/^api:token:/) });
    expect((stored.original as any).text).toBe('Ni är idioter allihop!!');
    expect((stored.versions as any[]).map((v) => v.text)).toEqual(['Ni är idioter allihop', 'Ni är idioter allihop!!']);
    const context = stored.context as any;
    expect(context.parent).toMatchObject({ id: c.postId, message: 'Badhuset stänger för renovering.' });
    expect(context.message).toMatchObject({ id: c.id, is_hidden: false });
    expect(context.neighbours.map((n: any) => n.message)).toEqual(['Kommentaren före', 'Kommentaren efter']);
    expect(h.graph.calls('POST', new RegExp(`^${c.id}$`))[0]!.body).toEqual({ is_hidden: true });
    expect(c.isHidden).toBe(true);
    expect(r.body).toMatchObject({ state: 'closed', close_reason: 'personangrepp', removed: true, archive: { action: 'hide', platform: { via: 'is_hidden', result: { success: true } } } });
    const [after] = await archiveRows(i.id);
    expect(after).toMatchObject({ state: 'done', platformResult: { via: 'is_hidden', result: { success: true } } });
    const closed = (await h.app.inquiries.events(i.id)).find((e) => e.type === 'closed')!;
    expect(closed.data).toMatchObject({ reason: 'personangrepp', note: 'kallar alla idioter', moderation: { action: 'hide', archiveId: after!.id, via: 'is_hidden' } });
    // the export (the public-records archive) carries the archive record and the close event with the action
    const exported: any[] = [];
    for await (const x of exportInquiries(h.app.database.db, { from: T0 - 3_600_000, to: h.time + 3_600_000, orgId: 'hofors' })) exported.push(x);
    const mine = exported.find((x) => x.id === i.id);
    expect(mine.archives).toEqual([expect.objectContaining({ id: after!.id, action: 'hide', reason: 'personangrepp', officer: 'Erik Lind', state: 'done', context: expect.objectContaining({ parent: expect.objectContaining({ id: c.postId }) }) })]);
    expect(mine.events.find((e: any) => e.type === 'closed').data.moderation).toMatchObject({ action: 'hide', archiveId: after!.id });
  });

  it('remove: archived, then DELETE /{comment-id}; the comment is gone on the platform', async () => {
    const { i, c } = await commentAmongOthers('Köp billiga klockor på example.test');
    let archivedFirst = false;
    h.graph.beforeCall = async (call) => {
      if (call.method === 'DELETE') archivedFirst = (await archiveRows(i.id)).some((a) => a.state === 'archived' && (a.context as any).parent?.id === c.postId);
    };
    const r = await post(`/api/inquiries/${i.id}/remove`, hofors, { as: 'maria.ek', reason: 'kommersiella budskap' });
    expect(r.status).toBe(200);
    expect(archivedFirst).toBe(true);
    expect(h.graph.calls('DELETE')).toHaveLength(1);
    expect(c.deleted).toBe(true);
    expect(r.body).toMatchObject({ state: 'closed', close_reason: 'kommersiella budskap', archive: { action: 'remove', platform: { via: 'DELETE' } } });
  });

  it('a refused hide (the token lacks pages_manage_engagement): the officer is told, the archive stays, nothing is closed', async () => {
    const { i, c } = await commentAmongOthers('Fula ord');
    const page = h.graph.state.pages.get(PAGE.id)!;
    page.permissions.add('pages_read_engagement');
    const r = await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'erik.lind', reason: 'svordomar' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'platform_permission', archive_id: expect.any(Number) });
    expect(c.isHidden).toBe(false);
    expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
    const [a] = await archiveRows(i.id);
    expect(a).toMatchObject({ id: r.body.archive_id, state: 'refused', reason: 'svordomar/obscena ord', platformResult: { refused: { code: 'permission', platformCode: 200 } } });
  });

  it('an expired token (190) and a rate limit (#4, 429) are refusals too; the rate limit says when to try again', async () => {
    const first = await h.facebookComment('Ett');
    h.graph.expire(PAGE.token);
    const expired = await post(`/api/inquiries/${first.id}/remove`, hofors, { as: 'erik.lind', reason: 'förtal' });
    expect(expired).toMatchObject({ status: 409, body: { error: 'platform_token_invalid' } });
    expect((await archiveRows(first.id))[0]).toMatchObject({ state: 'refused', context: { error: 'token_invalid' } });
  });

  it('a rate limit (#4) is 429 with Retry-After; nothing is closed', async () => {
    const i = await h.facebookComment('Två');
    h.graph.failNext({ status: 400, body: { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'x' } } }, { method: 'POST' });
    const r = await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'erik.lind', reason: 'spam' });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
  });

  it('Instagram: hide=true on the comment, with the media in the archive', async () => {
    const i = await h.instagramComment('Skräp');
    const r = await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'erik.lind', reason: 'utanför ämnet' });
    expect(r.status).toBe(200);
    expect(h.graph.calls('POST', new RegExp(`^${i.externalId}$`))[0]!.body).toEqual({ hide: true });
    expect(h.graph.state.igComments.get(i.externalId)!.hidden).toBe(true);
    expect(((await archiveRows(i.id))[0]!.context as any).parent).toMatchObject({ caption: 'Vårt nya bibliotek' });
  });

  it('X: a reply to the account is hidden with PUT /2/tweets/:id/hidden; removing it is not offered; nothing is archived for a refusal before the platform', async () => {
    const root = h.x.state.addPost(X_ACCOUNT.id, 'Badhuset öppnar i december', h.time - 3_600_000);
    const reply = h.x.state.addPost(CITIZEN_X.id, '@hoforskommun skräp', h.time, root.id);
    await h.app.ingest.ingest([{ kind: 'message', message: { source: 'x', channel: 'x', accountExternalId: X_ACCOUNT.id, externalId: reply.id, author: { id: CITIZEN_X.id, name: CITIZEN_X.name, handle: CITIZEN_X.username }, text: reply.text, url: tweetUrl(CITIZEN_X.username, reply.id), receivedAt: h.time, raw: {} } as never }]);
    const i = (await h.app.inquiries.findByExternalId('x', X_ACCOUNT.id, reply.id))!;
    const removed = await post(`/api/inquiries/${i.id}/remove`, hofors, { as: 'erik.lind', reason: 'personangrepp' });
    expect(removed).toMatchObject({ status: 409, body: { error: 'x_remove' } });
    expect(await archiveRows(i.id)).toHaveLength(0);
    const hidden = await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'erik.lind', reason: 'personangrepp' });
    expect(hidden.status).toBe(200);
    expect(reply.hidden).toBe(true);
    expect(((await archiveRows(i.id))[0]!.context as any).message).toMatchObject({ id: reply.id, text: '@hoforskommun skräp' });
  });

  it('Messenger and X direct messages cannot be hidden or removed: 409, nothing stored', async () => {
    const m = await h.messenger('Hej');
    expect(await post(`/api/inquiries/${m.id}/hide`, hofors, { as: 'erik.lind', reason: 'spam' })).toMatchObject({ status: 409, body: { error: 'private_message' } });
    const d = await h.xDm('Hej');
    expect(await post(`/api/inquiries/${d.id}/remove`, hofors, { as: 'erik.lind', reason: 'spam' })).toMatchObject({ status: 409, body: { error: 'private_message' } });
    expect(await archiveRows(m.id)).toHaveLength(0);
    expect((await h.app.inquiries.get(m.id))!.state).toBe('open');
  });

  it('a generic source: archived and closed, no platform call', async () => {
    const i = await h.blogComment('Reklam för klockor');
    const calls = h.graph.requests.length + h.callbacks.length;
    const r = await post(`/api/inquiries/${i.id}/remove`, hofors, { as: 'erik.lind', reason: 'reklam' });
    expect(r.body).toMatchObject({ state: 'closed', archive: { action: 'archive', platform: null } });
    expect(h.graph.requests.length + h.callbacks.length).toBe(calls);
    expect((await archiveRows(i.id))[0]).toMatchObject({ state: 'done', action: 'archive' });
  });

  it('"annat" without a note and an unknown reason are 400; nothing is archived', async () => {
    const i = await h.facebookComment('Något');
    expect(await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'erik.lind', reason: 'annat' })).toMatchObject({ status: 400, body: { error: 'note_required' } });
    expect(await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'erik.lind', reason: 'tråkig' })).toMatchObject({ status: 400, body: { error: 'unknown_reason' } });
    expect(await archiveRows(i.id)).toHaveLength(0);
    expect(h.graph.calls('POST')).toHaveLength(0);
  });

  it('a person or a token of another organization changes nothing: 403 / 404, no archive, no platform call', async () => {
    const i = await h.facebookComment('Hofors fråga');
    expect(await post(`/api/inquiries/${i.id}/hide`, hofors, { as: 'karin.nilsson', reason: 'spam' })).toMatchObject({ status: 403, body: { error: 'person_not_in_organization' } });
    expect(await post(`/api/inquiries/${i.id}/remove`, arvidsjaur, { as: 'karin.nilsson', reason: 'spam' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await archiveRows(i.id)).toHaveLength(0);
    expect(h.graph.calls('POST').length + h.graph.calls('DELETE').length).toBe(0);
    expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
  });

  it('police_report records the officer’s yes or no in the trail, also on the closed question', async () => {
    const i = await h.facebookComment('Hot mot handläggaren');
    await post(`/api/inquiries/${i.id}/remove`, hofors, { as: 'erik.lind', reason: 'olaga hot' });
    const r = await post(`/api/inquiries/${i.id}/police_report`, hofors, { as: 'erik.lind', made: true, note: 'anmält 2 dec' });
    expect(r).toMatchObject({ status: 200, body: { state: 'closed', close_reason: 'hot/trakasserier' } });
    expect((await h.app.inquiries.events(i.id)).find((e) => e.type === 'police_report')).toMatchObject({ data: { made: true, note: 'anmält 2 dec', requestedBy: expect.stringMatching(/^api:token:/) } });
    expect(await post(`/api/inquiries/${i.id}/police_report`, hofors, { as: 'erik.lind', made: 'ja' })).toMatchObject({ status: 400, body: { error: 'invalid_payload' } });
    expect(await post(`/api/inquiries/${i.id}/police_report`, arvidsjaur, { as: 'karin.nilsson', made: false })).toMatchObject({ status: 404 });
  });

  it('secure: personal data archived and hidden, registered and answered, with the steps in the response; another organization gets 404', async () => {
    const i = await h.facebookComment('Mitt personnummer är 811218-9876');
    expect(await post(`/api/inquiries/${i.id}/secure`, arvidsjaur, { as: 'karin.nilsson' })).toMatchObject({ status: 404 });
    expect(await archiveRows(i.id)).toHaveLength(0);
    const r = await post(`/api/inquiries/${i.id}/secure`, hofors, { as: 'erik.lind', case_number: 'KS 2026/9' });
    expect(r).toMatchObject({ status: 200, body: { state: 'answered', registered: true, case_number: 'KS 2026/9', steps: [{ step: 'hide', status: 'done' }, { step: 'register', status: 'done' }, { step: 'answer', status: 'done' }] } });
    expect(h.graph.state.comments.get(i.externalId)!.isHidden).toBe(true);
    const again = await post(`/api/inquiries/${i.id}/secure`, hofors, { as: 'erik.lind' });
    expect(again.body.steps).toEqual([{ step: 'hide', status: 'already' }, { step: 'register', status: 'already' }, { step: 'answer', status: 'already' }]);
    expect(h.graph.calls('POST', /comments$/)).toHaveLength(1);
  });
});
