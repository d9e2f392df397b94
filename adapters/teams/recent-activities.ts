/**
 * Activity ids this instance has already handled. The Bot Framework redelivers an activity it got
 * no timely answer for; the second delivery of the same (conversation, activity id) is answered 200
 * and not run again. This memory is per instance and bounded: a redelivery that reaches another
 * instance (or comes after a restart) is run again, and then the use cases' own idempotency holds —
 * a second claim answers "already yours", a second answered/close "is answered/closed, so not now",
 * a second register "already registered", a second absence "overlaps".
 */
export class RecentActivities {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 10_000,
    private readonly ttlMs = 60 * 60_000,
  ) {}

  /** true the first time (conversation, id) is offered within the ttl; activities without an id always count as new */
  firstTime(conversationId: string | undefined, activityId: string | undefined, now: number): boolean {
    if (!activityId) return true;
    const key = `${conversationId ?? ''}\u0000${activityId}`;
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, now);
    while (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  /** a turn that failed may be redelivered and must then run */
  forget(conversationId: string | undefined, activityId: string | undefined): void {
    if (activityId) this.seen.delete(`${conversationId ?? ''}\u0000${activityId}`);
  }
}
