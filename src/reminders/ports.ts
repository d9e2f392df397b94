/** Ports of the reminder tick and the digest. */
import type { Inquiry } from '../inquiries/model.js';
import type { Policy } from '../policy/index.js';
import type { Absence } from '../people/routing.js';
import type { Person } from './model.js';

/** Everything needed to route and render one inquiry's notification, read at send time. */
export interface SendContext {
  readonly inquiry: Inquiry;
  readonly policy: Policy;
  readonly accountName: string;
  readonly account: { readonly responsibleId: number | null; readonly substituteId: number | null; readonly managerId: number | null } | null;
  readonly people: ReadonlyMap<number, Person>;
  readonly absences: readonly Absence[];
}

/** Loads the contexts of a batch of inquiries at once (missing: unknown, unrouted or without policy). */
export type ContextLoader = (inquiryIds: readonly number[]) => Promise<ReadonlyMap<number, SendContext>>;
