/**
 * A view of normalized text: the same characters in the same order, some blanks left out, and line
 * breaks and tabs put in. The view is itself a `NormalizedText` whose map goes straight to the
 * original text (through the normalization map); inserted characters are zero-width there.
 */
import type { NormalizedText } from '../text/normalize';

/** At `at`, leave out [at, skipTo) and put `insert` in its place. */
export interface ViewEdit {
  at: number;
  skipTo: number;
  insert: '' | '\n' | '\t';
}

export interface View {
  norm: NormalizedText;
  /** The view text with original characters (for a reformat edit), and the original range it replaces. */
  original(eol: string): { text: string; start: number; end: number };
}

const RANK = { '': 0, '\t': 1, '\n': 2 } as const;

/** Builds the view of `base` under `edits` (any order; overlapping edits merge, a line break winning). */
export function buildView(base: NormalizedText, edits: ViewEdit[]): View {
  const src = base.text;
  const sorted = edits
    .filter((e) => e.at >= 0 && e.skipTo <= src.length && e.skipTo >= e.at)
    .sort((a, b) => a.at - b.at || b.skipTo - a.skipTo);
  const merged: ViewEdit[] = [];
  for (const e of sorted) {
    const last = merged[merged.length - 1];
    if (last && e.at <= last.skipTo && (e.at < last.skipTo || e.skipTo === e.at || last.skipTo === last.at)) {
      const insert = RANK[e.insert] > RANK[last.insert] ? e.insert : last.insert;
      merged[merged.length - 1] = { at: last.at, skipTo: Math.max(last.skipTo, e.skipTo), insert };
      continue;
    }
    merged.push({ ...e });
  }
  const parts: string[] = [];
  // Per view code unit: its normalized offset, or -1 for an inserted character.
  const map: number[] = [];
  let cursor = 0;
  let lastChar = -1;
  const copy = (to: number) => {
    if (to <= cursor) return;
    parts.push(src.slice(cursor, to));
    for (let i = cursor; i < to; i++) map.push(i);
    lastChar = src.charCodeAt(to - 1);
    cursor = to;
  };
  for (const e of merged) {
    copy(e.at);
    cursor = Math.max(cursor, e.skipTo);
    if (e.insert === '') continue;
    // No empty line at the very start, and no second break where there is one already.
    if (e.insert === '\n' && (map.length === 0 || lastChar === 0x0a || src.charCodeAt(cursor) === 0x0a)) continue;
    parts.push(e.insert);
    map.push(-1);
    lastChar = e.insert.charCodeAt(0);
  }
  copy(src.length);
  const text = parts.join('');
  const vm = Int32Array.from(map);
  const n = vm.length;
  /** Normalized position of a view insertion point: the next real character's, or the end. */
  const posAt = (p: number): number => {
    let q = p;
    while (q < n && vm[q] < 0) q++;
    return q < n ? vm[q] : src.length;
  };
  const norm: NormalizedText = {
    original: base.original,
    text,
    span(s, e) {
      let a = Math.max(0, s);
      let b = Math.min(n, e);
      while (a < b && vm[a] < 0) a++;
      while (b > a && vm[b - 1] < 0) b--;
      if (a >= b) {
        const p = posAt(Math.max(0, s));
        return base.span(p, p);
      }
      return base.span(vm[a], vm[b - 1] + 1);
    },
    offset: (p) => base.offset(posAt(p)),
    compatRuns: base.compatRuns,
  };
  return {
    norm,
    original(eol) {
      const out: string[] = [];
      let i = 0;
      let start = -1;
      let end = 0;
      while (i < n) {
        if (vm[i] < 0) {
          out.push(text[i] === '\n' ? eol : text[i]);
          i++;
          continue;
        }
        // A run of view characters contiguous in the normalized text: its original characters.
        let j = i + 1;
        while (j < n && vm[j] === vm[j - 1] + 1) j++;
        const s = base.span(vm[i], vm[j - 1] + 1);
        if (start < 0) start = s.start;
        out.push(base.original.slice(Math.max(s.start, end), s.end));
        end = Math.max(end, s.end);
        i = j;
      }
      return { text: out.join(''), start: Math.max(start, 0), end };
    },
  };
}
