/**
 * The answers table: one idempotency record per answer svarstid posts (src/answers/ports.ts
 * AnswerStore). `begin` creates or finds the record and holds it for one attempt in one statement
 * (INSERT … ON CONFLICT DO UPDATE … WHERE the hold has passed), so two instances, two presses or a
 * redelivered request never post the same answer at once; a posted record is never held again.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AnswerRecord, AnswerStore, NewAnswer, PostedAnswer } from '../answers/ports.js';
import type { PlatformError } from '../platform/errors.js';
import type { Db } from './connection.js';
import { answers } from './schema.js';
import { storableText } from './storable.js';

type Row = typeof answers.$inferSelect;

const toRecord = (r: Row): AnswerRecord => ({
  id: r.id,
  inquiryId: r.inquiryId,
  key: r.key,
  text: r.text,
  kind: r.kind as AnswerRecord['kind'],
  state: r.state as AnswerRecord['state'],
  attempts: r.attempts,
  replyId: r.replyId,
  replyUrl: r.replyUrl,
  createdAt: r.createdAt.getTime(),
  postedAt: r.postedAt?.getTime() ?? null,
});

export class DrizzleAnswerStore implements AnswerStore {
  constructor(private readonly db: Db) {}

  async begin(a: NewAnswer, now: number, holdUntil: number): Promise<{ record: AnswerRecord; held: boolean }> {
    const held = await this.db
      .insert(answers)
      .values({ ...a, text: storableText(a.text), state: 'pending', heldUntil: new Date(holdUntil), createdAt: new Date(now) })
      .onConflictDoUpdate({
        target: answers.key,
        set: { heldUntil: new Date(holdUntil), state: 'pending', errorCode: null },
        setWhere: sql`${answers.state} <> 'posted' and (${answers.heldUntil} is null or ${answers.heldUntil} < ${new Date(now).toISOString()}::timestamptz)`,
      })
      .returning();
    if (held[0]) return { record: toRecord(held[0]), held: true };
    const [row] = await this.db.select().from(answers).where(eq(answers.key, a.key));
    return { record: toRecord(row!), held: false };
  }

  async attempt(id: number): Promise<void> {
    await this.db.update(answers).set({ attempts: sql`${answers.attempts} + 1` }).where(eq(answers.id, id));
  }

  async posted(id: number, p: PostedAnswer): Promise<void> {
    await this.db.update(answers).set({ state: 'posted', replyId: storableText(p.replyId), replyUrl: p.url, postedAt: new Date(p.at), heldUntil: null }).where(eq(answers.id, id));
  }

  async refused(id: number, error: PlatformError): Promise<void> {
    await this.db.update(answers).set({ state: 'refused', errorCode: error.code, heldUntil: null }).where(and(eq(answers.id, id), sql`${answers.state} <> 'posted'`));
  }

  async release(id: number): Promise<void> {
    await this.db.update(answers).set({ heldUntil: null }).where(and(eq(answers.id, id), eq(answers.state, 'pending')));
  }

  async ofInquiry(inquiryId: number): Promise<AnswerRecord[]> {
    const rows = await this.db.select().from(answers).where(and(eq(answers.inquiryId, inquiryId), eq(answers.state, 'posted'))).orderBy(asc(answers.id));
    return rows.map(toRecord);
  }
}
