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
 * statement inserts in key order (the database's order, the same for every instance), so two
 * statements cannot deadlock over each other's keys (one can with a multi-message delivery's
 * transaction: the database ends that after deadlock_timeout, and the loser is run again).
 *
 * Nothing waits without end: a message that cannot start within WAIT_MS (a statement stuck behind a
 * lock, a connection gone silent) is answered as the database being away (503, redelivered), as is
 * one arriving while MAX_WAITING are waiting; a batch holds at most MAX_BATCH_BYTES of bodies.
 */
import type { Db } from './connection.js';
import { runBatch, type BatchItem, type StatementRunner } from './new-inquiries-batch.js';
import type { StoredRow } from './new-inquiry-statement.js';
import { isDatabaseUnavailable, isTransactionConflict, markDatabaseError } from './unavailable.js';

export const MAX_IN_FLIGHT = 1;
export const MAX_BATCH = 64;
/** a batch's bodies at most (a larger message goes alone) */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** longest wait for a statement to start, as for a pool connection (src/db/postgres.ts CONNECT_TIMEOUT_MS) */
export const WAIT_MS = 5_000;
export const MAX_WAITING = 2_000;
const CONFLICT_ATTEMPTS = 4;

interface Waiting {
  readonly item: BatchItem;
  readonly key: string;
  readonly bytes: number;
  timer?: ReturnType<typeof setTimeout>;
  resolve(row: StoredRow): void;
  reject(e: unknown): void;
}

/** the pool's own error for "no connection in time": what isDatabaseUnavailable knows as an outage */
const notInTime = (): Error => markDatabaseError(new Error('timeout exceeded when trying to connect'));

export class InsertBatcher {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  /** statements run and messages stored through them (tests and the benchmark read them) */
  readonly counts = { statements: 0, messages: 0, largest: 0 };

  /** messages waiting for a statement */
  get waitingCount(): number {
    return this.waiting.length;
  }

  constructor(
    private readonly db: Db,
    /** the database's generic-plan connections (PostgreSQL), else the statement runs on `db` */
    private readonly runner?: StatementRunner,
    private readonly o: { readonly maxInFlight: number; readonly maxBatch: number; readonly waitMs?: number } = { maxInFlight: MAX_IN_FLIGHT, maxBatch: MAX_BATCH },
  ) {}

  /** `key`: the message's idempotency key (channel, account, id), as stored */
  insert(item: BatchItem, key: string): Promise<StoredRow> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length >= MAX_WAITING) return reject(notInTime());
      const w: Waiting = { item, key, bytes: item.delivery.mode === 'new' ? item.delivery.body.length : 0, resolve, reject };
      w.timer = setTimeout(() => {
        // still waiting (never taken into a statement): answered as an outage, and never stored
        const k = this.waiting.indexOf(w);
        if (k < 0) return;
        this.waiting.splice(k, 1);
        reject(notInTime());
      }, this.o.waitMs ?? WAIT_MS);
      this.waiting.push(w);
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

  /** the waiting messages for one statement: distinct keys, at most maxBatch and MAX_BATCH_BYTES (or one), in key order */
  private take(): Waiting[] {
    const keys = new Set<string>();
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    let bytes = 0;
    for (const w of this.waiting) {
      if (batch.length < this.o.maxBatch && !keys.has(w.key) && (batch.length === 0 || bytes + w.bytes <= MAX_BATCH_BYTES)) {
        keys.add(w.key);
        bytes += w.bytes;
        clearTimeout(w.timer);
        batch.push(w);
      } else rest.push(w);
    }
    this.waiting = rest;
    return batch.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async store(batch: readonly Waiting[]): Promise<StoredRow[]> {
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
