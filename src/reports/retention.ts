/**
 * Retention (gallring) rules, pure. What is erased, and when:
 *
 * - Which: inquiries that are finished (answered or closed) and not registered. Hofors 3.1: "handlingar
 *   av tillfällig eller ringa karaktär får gallras när de inte längre är aktuella": an answered
 *   question is as finished as a closed one, so both count. Registered (diarieförda) inquiries are
 *   never erased: they belong to the registry's own archive rules (Nässjö 12, Region Gotland).
 *   Unrouted messages (no organization, so no policy) and active inquiries are never erased.
 * - When: `retention.text_after` after the inquiry was finished (closed_at, else answered_at),
 *   in calendar time in the organization's zone. Without `retention` nothing is erased.
 * - What: the citizen's text, the author's id, name and handle, the link to the post, and the archived
 *   payload (replaced by {"erased": true}); in its events, the officers' free text (the close note,
 *   the reasons given when forwarding or reopening), which may quote the citizen. Kept: the event
 *   skeleton (types, actors, times, close reason category), the deadline and answer metrics (the
 *   statistics), the platform ids (so a redelivery is still recognized) and the kinds of personal
 *   data found (not the data).
 * - Daily, once per organization and local date (job key `retention:<org>:<date>`), in batches.
 */
import { DateTime } from 'luxon';
import type { Policy } from '../policy/index.js';

/** Finished before this instant → erased; undefined when the policy erases nothing. */
export function retentionCutoff(policy: Pick<Policy, 'retention' | 'timezone'>, now: number): number | undefined {
  const r = policy.retention?.textAfter;
  if (!r) return undefined;
  return DateTime.fromMillis(now, { zone: policy.timezone }).minus({ [r.unit]: r.amount }).toMillis();
}

/** The local date whose retention run is due at `now` (any time of the day; once per date). */
export function retentionDate(policy: Pick<Policy, 'retention' | 'timezone'>, now: number): string | undefined {
  return policy.retention ? DateTime.fromMillis(now, { zone: policy.timezone }).toISODate()! : undefined;
}

/**
 * Free-text fields in events' data, erased with the inquiry's text: event type → fields (a dotted
 * path for a nested one). An edit's earlier text is the citizen's text; the page's own reply and an
 * answer posted from chat (`posted.text`, also kept in the answers table, erased with it) may quote
 * the citizen or name them, and are no more lasting than the question they answer.
 */
export const EVENT_FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  closed: ['note'],
  forwarded: ['reason'],
  reopened: ['reason'],
  edited: ['previousText'],
  answered: ['replyText', 'posted.text'],
  answer_posted: ['posted.text'],
  reply_seen: ['replyText'],
};
