/* The straightforward implementation the optimized one in server/src/core must agree with (property-tested). */
/**
 * Matching keys and fuzzy alignment for labels.
 *
 * A key keeps only what carries meaning in a label: ideographs, ASCII letters and digits.
 * Blanks, punctuation of either width, quotes and brackets are dropped, so
 * "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" and "(二) 部分公开(区分处理的, 只计…)" agree.
 */

function isKeyChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/** The key of `s`. */
export function keyOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isKeyChar(c)) out += s[i];
  }
  return out;
}

/** A key with, for each key character, its offset in the source text. */
export interface KeyedText {
  key: string;
  pos: number[];
}

/** Appends the key characters of `s` (whose first character is at `base`) to `into`, keeping the last `cap` or so (at most twice as many). */
export function appendKey(into: KeyedText, s: string, base: number, cap = Infinity): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isKeyChar(c)) {
      into.key += s[i];
      into.pos.push(base + i);
    }
  }
  // Trim only when twice over the cap, so that long runs of label text cost linear time.
  if (into.key.length > 2 * cap) {
    const drop = into.key.length - cap;
    into.key = into.key.slice(drop);
    into.pos = into.pos.slice(drop);
  }
}

/** Levenshtein distance between two short strings. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** Similarity in [0, 1] of two keys (1 = equal). */
export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - distance(a, b) / len;
}

export interface SuffixAlignment {
  /** Edit distance between `target` and the best suffix of `text`. */
  dist: number;
  /** Where in `text` that suffix starts. */
  start: number;
}

/**
 * Aligns `target` with a suffix of `text`: any prefix of `text` is free (it holds group labels,
 * header words or a merged cell's characters), the rest must match `target` up to edits.
 */
export function alignSuffix(text: string, target: string): SuffixAlignment {
  const n = text.length;
  const m = target.length;
  if (m === 0) return { dist: 0, start: n };
  // D[i][j]: distance between target[0..i) and text[s..j) for the best s; S[i][j]: that s.
  let prevD = new Array<number>(n + 1).fill(0);
  let prevS = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prevS[j] = j;
  let curD = new Array<number>(n + 1);
  let curS = new Array<number>(n + 1);
  for (let i = 1; i <= m; i++) {
    curD[0] = i;
    curS[0] = 0;
    const ct = target.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prevD[j - 1] + (ct === text.charCodeAt(j - 1) ? 0 : 1);
      const del = prevD[j] + 1; // target char missing from text
      const ins = curD[j - 1] + 1; // extra text char
      let best = sub;
      let s = prevS[j - 1];
      if (del < best) {
        best = del;
        s = prevS[j];
      }
      if (ins < best) {
        best = ins;
        s = curS[j - 1];
      }
      curD[j] = best;
      curS[j] = s;
    }
    [prevD, curD] = [curD, prevD];
    [prevS, curS] = [curS, prevS];
  }
  return { dist: prevD[n], start: prevS[n] };
}

/** Whether a key is only an enumerator: digits or Chinese numerals. */
export function isEnumeratorKey(k: string): boolean {
  return /^[0-9一二三四五六七八九十]*$/.test(k);
}

/** Dice coefficient of the two keys' character multisets: tolerant of reordered words. */
export function charDice(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      common++;
      counts.set(ch, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}
