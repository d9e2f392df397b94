import type { Timeline } from './timeline.js';

/** true when t lies in a working interval ([start, end): the close itself is not open). */
export function isOpen(tl: Timeline, t: number): boolean {
  tl.cover(t);
  const i = tl.lastStartAtOrBefore(t);
  return i >= 0 && t < tl.ends[i]!;
}

/** t itself when open, else the start of the next working interval. */
export function nextOpening(tl: Timeline, t: number): number {
  tl.cover(t);
  const i = tl.lastStartAtOrBefore(t);
  if (i >= 0 && t < tl.ends[i]!) return t;
  while (i + 1 >= tl.n) tl.growForward();
  return tl.starts[i + 1]!;
}

/** The end of the working interval containing t, or of the next one when t is closed. */
export function nextClose(tl: Timeline, t: number): number {
  tl.cover(t);
  let i = tl.lastStartAtOrBefore(t);
  if (i < 0 || t >= tl.ends[i]!) {
    i += 1;
    while (i >= tl.n) tl.growForward();
  }
  return tl.ends[i]!;
}

/** Working time in [a, b); negative when b < a. */
export function workingTimeBetween(tl: Timeline, a: number, b: number): number {
  tl.coverBoth(a, b);
  return tl.position(b) - tl.position(a);
}
