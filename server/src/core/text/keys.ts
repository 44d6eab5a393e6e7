/**
 * Matching keys and fuzzy alignment for labels.
 *
 * A key keeps only what carries meaning in a label: ideographs, ASCII letters and digits.
 * Blanks, punctuation of either width, quotes and brackets are dropped, so
 * "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" and "(二) 部分公开(区分处理的, 只计…)" agree.
 */
import { isSurrogate } from './surrogates';

function isKeyChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    isSurrogate(c)
  );
}

/** The key of `s`. */
export function keyOf(s: string): string {
  // Copy runs of key characters at once: labels are mostly key characters.
  let out = '';
  let run = -1;
  for (let i = 0; i < s.length; i++) {
    if (isKeyChar(s.charCodeAt(i))) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
  }
  if (run === 0) return s;
  if (run > 0) out += s.slice(run);
  return out;
}

/** A key with, for each key character, its offset in the source text. */
export interface KeyedText {
  key: string;
  pos: number[];
}

/** Appends the key characters of `s` (whose first character is at `base`) to `into`, keeping the last `cap` or so (at most twice as many). */
export function appendKey(into: KeyedText, s: string, base: number, cap = Infinity): void {
  let run = -1;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && isKeyChar(s.charCodeAt(i))) {
      if (run < 0) run = i;
      into.pos.push(base + i);
    } else if (run >= 0) {
      into.key += s.slice(run, i);
      run = -1;
    }
  }
  // Trim only when twice over the cap, so that long runs of label text cost linear time.
  if (into.key.length > 2 * cap) {
    const drop = into.key.length - cap;
    into.key = into.key.slice(drop);
    into.pos = into.pos.slice(drop);
  }
}

/** Rows of the dynamic programs below, reused across calls (grown when needed). */
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);
let rowC = new Int32Array(256);
let rowD = new Int32Array(256);
function ensureRows(n: number): void {
  if (rowA.length > n) return;
  const size = Math.max(n + 1, rowA.length * 2);
  rowA = new Int32Array(size);
  rowB = new Int32Array(size);
  rowC = new Int32Array(size);
  rowD = new Int32Array(size);
}

/** Levenshtein distance between two short strings. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  ensureRows(n);
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
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
  ensureRows(n);
  // D[i][j]: distance between target[0..i) and text[s..j) for the best s; S[i][j]: that s.
  let prevD = rowA;
  let prevS = rowB;
  let curD = rowC;
  let curS = rowD;
  for (let j = 0; j <= n; j++) {
    prevD[j] = 0;
    prevS[j] = j;
  }
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
    let t = prevD;
    prevD = curD;
    curD = t;
    t = prevS;
    prevS = curS;
    curS = t;
  }
  return { dist: prevD[n], start: prevS[n] };
}

/** Whether a key is only an enumerator: digits or Chinese numerals. */
export function isEnumeratorKey(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if ((c < 0x30 || c > 0x39) && !ENUMERATOR_NUMERALS.includes(k[i])) return false;
  }
  return true;
}
const ENUMERATOR_NUMERALS = '一二三四五六七八九十';

/** Dice coefficient of the two keys' character multisets: tolerant of reordered words. */
export function charDice(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  // Common characters of the two multisets: merge the sorted code points.
  const x = codePoints(a);
  const y = codePoints(b);
  let common = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out.sort((p, q) => p - q);
}
