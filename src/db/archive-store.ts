/**
 * The archives table (src/moderation/ports.ts ArchiveStore): svarstid's own record of a message it
 * hid or removed — the original, its versions, its context — written before the platform is asked,
 * then marked done (with the platform's answer) or refused. Never deleted by the action's outcome.
 */
import { asc, eq } from 'drizzle-orm';
import type { ArchiveContext, ArchiveRecord, ArchiveStore, ModerationResult, NewArchive } from '../moderation/ports.js';
import type { Db } from './connection.js';
import { archives } from './schema.js';
import { storableText } from './storable.js';

type Row = typeof archives.$inferSelect;

const toRecord = (r: Row): ArchiveRecord => ({
  id: r.id,
  inquiryId: r.inquiryId,
  orgId: r.orgId,
  personId: r.personId,
  actor: r.actor,
  action: r.action as ArchiveRecord['action'],
  reason: r.reason,
  note: r.note,
  original: r.original,
  versions: (r.versions ?? []) as unknown[],
  context: r.context as ArchiveContext,
  state: r.state as ArchiveRecord['state'],
  platformResult: r.platformResult ?? null,
  createdAt: r.createdAt.getTime(),
  doneAt: r.doneAt?.getTime() ?? null,
});

export class DrizzleArchiveStore implements ArchiveStore {
  constructor(private readonly db: Db) {}

  async create(a: NewArchive, now: number): Promise<ArchiveRecord> {
    const [row] = await this.db
      .insert(archives)
      .values({ ...a, note: a.note === null ? null : storableText(a.note), versions: [...a.versions], state: 'archived', createdAt: new Date(now) })
      .returning();
    return toRecord(row!);
  }

  async done(id: number, result: ModerationResult): Promise<void> {
    await this.db.update(archives).set({ state: 'done', platformResult: result, doneAt: new Date(result.at) }).where(eq(archives.id, id));
  }

  async refused(id: number, error: { code: string; status?: number; platformCode?: string | number }): Promise<void> {
    await this.db.update(archives).set({ state: 'refused', platformResult: { refused: error } }).where(eq(archives.id, id));
  }

  async ofInquiry(inquiryId: number): Promise<ArchiveRecord[]> {
    return (await this.db.select().from(archives).where(eq(archives.inquiryId, inquiryId)).orderBy(asc(archives.id))).map(toRecord);
  }
}
