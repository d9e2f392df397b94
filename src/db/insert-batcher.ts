/**
 * Groups the one-message deliveries that arrive while the database is busy into one statement each
 * (src/db/new-inquiries-batch.ts). At most MAX_IN_FLIGHT statements run at once; a message that
 * arrives while that many are running waits for the next, which takes everything waiting (up to
 * MAX_BATCH). When the database keeps up, a message goes alone, at once: nothing waits for a timer.
 *
 * Each message's request is answered from its own row after the statement committed, so an
 * acknowledged message is stored; a statement that fails stores none of its messages. Then, unless
 * the database is away (every message of it gets that error: 503 and a redelivery), each message is
 * tried alone, so that one message the statement could not store fails only its own request.
 * Two messages with the same key never share a statement (the second waits for the next one), and a
 * statement inserts in key order, so two statements cannot deadlock over each other's keys.
 */
import type { Db } from './connection.js';
import { runBatch, type BatchItem, type BatchRow, type StatementRunner } from './new-inquiries-batch.js';
import { isDatabaseUnavailable, isTransactionConflict } from './unavailable.js';

export const MAX_IN_FLIGHT = 1;
export const MAX_BATCH = 64;
const CONFLICT_ATTEMPTS = 4;

interface Waiting {
  readonly item: BatchItem;
  readonly key: string;
  resolve(row: BatchRow): void;
  reject(e: unknown): void;
}

export class InsertBatcher {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  /** statements run and messages stored through them (tests and the benchmark read them) */
  readonly counts = { statements: 0, messages: 0, largest: 0 };

  constructor(
    private readonly db: Db,
    /** the database's generic-plan connections (PostgreSQL), else the statement runs on `db` */
    private readonly runner?: StatementRunner,
    private readonly o: { readonly maxInFlight: number; readonly maxBatch: number } = { maxInFlight: MAX_IN_FLIGHT, maxBatch: MAX_BATCH },
  ) {}

  /** `key`: the message's idempotency key (channel, account, id), as stored */
  insert(item: BatchItem, key: string): Promise<BatchRow> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, key, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.o.maxInFlight && this.waiting.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** the waiting messages for one statement: distinct keys, at most maxBatch, in key order */
  private take(): Waiting[] {
    const keys = new Set<string>();
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const w of this.waiting) {
      if (batch.length < this.o.maxBatch && !keys.has(w.key)) {
        keys.add(w.key);
        batch.push(w);
      } else rest.push(w);
    }
    this.waiting = rest;
    return batch.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async store(batch: readonly Waiting[]): Promise<BatchRow[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await runBatch(this.db, batch.map((w) => w.item), this.runner);
        this.counts.statements++;
        this.counts.messages += batch.length;
        this.counts.largest = Math.max(this.counts.largest, batch.length);
        return rows;
      } catch (e) {
        if (attempt < CONFLICT_ATTEMPTS && isTransactionConflict(e)) continue;
        throw e;
      }
    }
  }

  private async run(batch: readonly Waiting[]): Promise<void> {
    try {
      const rows = await this.store(batch);
      batch.forEach((w, k) => w.resolve(rows[k]!));
    } catch (e) {
      if (batch.length === 1 || isDatabaseUnavailable(e)) {
        for (const w of batch) w.reject(e);
        return;
      }
      await Promise.all(batch.map((w) => this.store([w]).then((rows) => w.resolve(rows[0]!), w.reject)));
    }
  }
}
