/** The one binary search of the engine. */

/**
 * The last index i in [0, count) with keyAt(i) <= x, for keys ascending in i; 0 when none is (callers
 * search tables whose first key is the smallest possible, such as line starts from 0).
 */
export function lastAtOrBefore(count: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
