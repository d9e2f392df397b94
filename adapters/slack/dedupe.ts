/**
 * Deliveries seen recently, so a redelivered event (X-Slack-Retry-Num) or a replayed command or
 * button press does not act twice in this process. Bounded in time and size; across instances the
 * use cases' own checks (already_yours, illegal_transition) stop a second action.
 */
export class RecentDeliveries {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 10_000,
  ) {}

  /** true when `key` was seen within the window; else records it and returns false */
  check(key: string, now: number): boolean {
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return true;
    this.seen.delete(key);
    this.seen.set(key, now);
    this.prune(now);
    return false;
  }

  /** forget a key whose processing failed, so a retry is processed */
  forget(key: string): void {
    this.seen.delete(key);
  }

  private prune(now: number): void {
    for (const [k, at] of this.seen) {
      if (this.seen.size <= this.max && now - at < this.ttlMs) break;
      this.seen.delete(k);
    }
  }
}
