/**
 * What the fault tests check after a run: every acknowledged delivery's messages are stored exactly
 * once, each inquiry with its `received` event, and no answer other than 2xx or 503 with Retry-After.
 */
import { expect } from 'vitest';
import { sqlOnce } from './databases.js';
import type { Outcome } from './delivery-load.js';

export interface StoredCheck {
  readonly acknowledged: number;
  readonly messages: number;
  readonly found: number;
  readonly lost: number;
  readonly duplicated: number;
}

/** Counts, per external id of every acknowledged delivery, the inquiries stored (expected: 1 each). */
export async function checkStored(url: string, outcomes: readonly Outcome[]): Promise<StoredCheck> {
  const acked = outcomes.filter((o) => o.acknowledged);
  const ids = acked.flatMap((o) => o.delivery.externalIds);
  const rows = await sqlOnce<{ external_id: string; n: string; received: string }>(
    url,
    `select i.external_id, count(distinct i.id) as n, count(e.id) as received
       from inquiries i left join events e on e.inquiry_id = i.id and e.type = 'received'
      where i.external_id = any($1) group by i.external_id`,
    [ids],
  );
  const count = new Map(rows.map((r) => [r.external_id, Number(r.n)]));
  for (const r of rows) expect(Number(r.received), `inquiry ${r.external_id} has one 'received' event`).toBe(Number(r.n));
  return {
    acknowledged: acked.length,
    messages: ids.length,
    found: ids.filter((id) => (count.get(id) ?? 0) >= 1).length,
    lost: ids.filter((id) => !count.has(id)).length,
    duplicated: ids.filter((id) => (count.get(id) ?? 0) > 1).length,
  };
}

/** Every attempt was answered: 2xx, or 503 (JSON) with a Retry-After; no other status, no dropped connection, no timeout. Returns how many 503s. */
export function expectOnly2xxOr503(outcomes: readonly Outcome[]): number {
  let unavailable = 0;
  for (const o of outcomes)
    for (const a of o.attempts) {
      if (a.status === 503) {
        unavailable++;
        expect(a.retryAfter, 'a 503 says when to come back').toMatch(/^\d+$/);
        expect(a.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      } else expect(typeof a.status === 'number' && a.status >= 200 && a.status < 300, `attempt answered ${a.status}: ${JSON.stringify(a.body)}`).toBe(true);
    }
  return unavailable;
}
