/** Cursor paging as the Graph API does it: `{data, paging: {cursors: {before, after}, next?, previous?}}`. */
const cursor = (i: number): string => Buffer.from(String(i)).toString('base64');
const uncursor = (c: string | null): number => (c && /^\d+$/.test(Buffer.from(c, 'base64').toString()) ? Number(Buffer.from(c, 'base64').toString()) : 0);

export interface Paged<T> {
  readonly data: T[];
  readonly paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

/** One page of `items` from the `after` cursor, `limit` long (default 25), with a `next` URL when more remain. */
export function page<T>(items: readonly T[], query: URLSearchParams, selfUrl: URL): Paged<T> {
  const start = uncursor(query.get('after'));
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 25) || 25, 1), 100);
  const data = items.slice(start, start + limit);
  if (items.length === 0) return { data };
  const end = start + data.length;
  const next = new URL(selfUrl);
  next.searchParams.set('after', cursor(end));
  next.searchParams.set('limit', String(limit));
  return {
    data,
    paging: {
      cursors: { before: cursor(start), after: cursor(end) },
      ...(end < items.length && { next: next.toString() }),
    },
  };
}
