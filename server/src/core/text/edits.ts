/** Text edits: ordering, overlap handling, application and the smallest edit for a replacement. */
import type { TextEdit } from '../types';
import { isHighSurrogate, isLowSurrogate } from './surrogates';

/** Sorts edits by position and drops any that overlap an earlier kept one. Insertions at one point keep their order. */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    // Two edits replacing the same non-empty range, or a replacement starting where an insertion is: keep the first.
    if (e.start === lastStart && e.end > e.start && lastEnd > lastStart) continue;
    kept.push(e);
    lastEnd = Math.max(lastEnd, e.end);
    lastStart = e.start;
  }
  return kept;
}

/** Applies edits (overlapping ones are dropped) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const list = nonOverlapping(edits);
  const parts: string[] = [];
  let pos = 0;
  for (const e of list) {
    if (e.start < pos || e.end > text.length || e.start > e.end) continue;
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * The smallest edit that turns text[start, end) into `replacement`: common leading and trailing
 * characters are left alone (surrogate pairs are never split).
 */
export function minimalEdit(text: string, start: number, end: number, replacement: string): TextEdit | undefined {
  const old = text.slice(start, end);
  if (old === replacement) return undefined;
  let p = 0;
  const maxP = Math.min(old.length, replacement.length);
  while (p < maxP && old.charCodeAt(p) === replacement.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(old.charCodeAt(p - 1))) p--;
  let s = 0;
  const maxS = Math.min(old.length, replacement.length) - p;
  while (s < maxS && old.charCodeAt(old.length - 1 - s) === replacement.charCodeAt(replacement.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(old.charCodeAt(old.length - s))) s--;
  return { start: start + p, end: end - s, newText: replacement.slice(p, replacement.length - s) };
}
