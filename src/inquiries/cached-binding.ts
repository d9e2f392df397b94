/**
 * Generic sources' bindings, cached (issue 15: the lookup was one database round trip per delivery).
 * Only a delivery of one generic message binds from the cache, and its one statement stores only
 * while the binding still holds, checked in the statement's own snapshot (UnitOfWork.boundTo): a
 * binding the directory changed since is never used to store. Whenever the cached binding refuses
 * (an account may have been bound since) or the statement finds it stale, the binding is read again
 * and the delivery handled as without a cache. Multi-event deliveries always read it afresh.
 */
import { StaleBindingError, SourceRefusedError, type SourceEvent } from './inbound.js';
import type { BoundAccount, SourceAccountsLookup } from './source-binding.js';

/** the source's name when `events` is one generic message (the only delivery that uses the cache) */
export function cacheableOrigin(events: readonly SourceEvent[]): string | undefined {
  const e = events.length === 1 ? events[0] : undefined;
  return e?.kind === 'message' && e.message.source === 'generic' && e.message.origin ? e.message.origin.name : undefined;
}

/** per source name, its active accounts as last read (only sources whose signature was verified reach it) */
export type BindingCache = Map<string, readonly BoundAccount[]>;

/**
 * Runs `work` with the cached binding when there is one (boundTo: the source, for the statement's
 * check), else — or when that binding turns out stale or refuses — with `fresh`, caching what it reads.
 */
export async function withCachedBinding<T>(cache: BindingCache, events: readonly SourceEvent[], fresh: SourceAccountsLookup, work: (lookup: SourceAccountsLookup, boundTo?: string) => Promise<T>): Promise<T> {
  const origin = cacheableOrigin(events);
  const cached = origin === undefined ? undefined : cache.get(origin);
  if (origin !== undefined && cached !== undefined) {
    try {
      return await work(async () => cached, origin);
    } catch (e) {
      if (!(e instanceof StaleBindingError || e instanceof SourceRefusedError)) throw e;
      cache.delete(origin);
    }
  }
  return work(async (s) => {
    const found = await fresh(s);
    if (s === origin && found.length > 0) cache.set(s, found);
    return found;
  });
}
