/**
 * Normalization with an offset map back to the original text.
 *
 * The parser matches on normalized text; every position it reports is mapped back through
 * `NormalizedText.span()` to the original UTF-16 offsets. Normalization never makes text
 * longer, so the map is one Int32Array entry per normalized code unit.
 *
 * What is normalized:
 * - CJK compatibility forms from PDF extraction: Kangxi radicals U+2F00–U+2FD5 (via NFKC),
 *   the CJK radicals supplement U+2E80–U+2EF3 (via a table: NFKC leaves them alone),
 *   CJK compatibility ideographs U+F900–U+FAFF and U+2F800–U+2FA1F (via NFKC);
 * - full-width ASCII (digits, letters, punctuation U+FF01–U+FF5E) to ASCII;
 * - NBSP, ideographic and other Unicode spaces to a plain space;
 * - zero-width characters, soft hyphens and the BOM are dropped;
 * - CRLF and lone CR to LF (line numbers are unchanged: LSP counts all three as breaks).
 */
import { RADICALS_SUPPLEMENT } from './radicals';
import { insidePair, isHighSurrogate, isLowSurrogate } from './surrogates';

export interface CompatRun {
  /** Original span of the run. */
  start: number;
  end: number;
  original: string;
  replacement: string;
}

export interface NormalizedText {
  /** The original text. */
  readonly original: string;
  /** The normalized text. */
  readonly text: string;
  /** Maps a normalized half-open range to the original one. Never splits a surrogate pair. */
  span(start: number, end: number): { start: number; end: number };
  /** Original offset of a normalized position (for an insertion point). */
  offset(pos: number): number;
  /** Runs of PDF compatibility characters, in original order. */
  readonly compatRuns: CompatRun[];
}

const enum Cls {
  Keep,
  Drop,
  Space,
  Newline,
}

function isCompatIdeograph(cp: number): boolean {
  return (
    (cp >= 0x2f00 && cp <= 0x2fd5) ||
    (cp >= 0x2e80 && cp <= 0x2ef3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** Replacement for a compatibility ideograph, or undefined when there is none. */
export function compatReplacement(cp: number): string | undefined {
  if (cp >= 0x2e80 && cp <= 0x2ef3) return RADICALS_SUPPLEMENT.get(cp);
  if (NFKC_CACHE.has(cp)) return NFKC_CACHE.get(cp);
  const s = String.fromCodePoint(cp);
  const n = s.normalize('NFKC');
  const r = n !== s ? n : undefined;
  NFKC_CACHE.set(cp, r);
  return r;
}

/** The compatibility blocks hold a few thousand code points: their NFKC forms are worth keeping. */
const NFKC_CACHE = new Map<number, string | undefined>();

function classify(c: number): Cls {
  if (c === 0x0a) return Cls.Newline;
  if (c === 0x0d) return Cls.Newline;
  if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) {
    return Cls.Space;
  }
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) return Cls.Drop;
  return Cls.Keep;
}

/**
 * The code units the loop below has work for: CR, and everything outside ASCII, the dashes and quotes
 * U+2010–U+202E and the CJK range U+3001–U+9FFF. The rest (most of a report) is kept as is and maps to
 * itself; the search skips it in native code.
 */
const SPECIAL = /[\r\x80-\u200f\u202f-\u3000\ua000-\uffff]/g;

/** Normalizes `original`; linear in its length. */
export function normalize(original: string): NormalizedText {
  const n = original.length;
  // Normalized unit → original offset. Until a unit is dropped (a CR of CRLF, a zero-width character, a
  // pair replaced by one unit) every unit maps to itself, and no map is kept.
  let map: Int32Array | undefined;
  const runs: CompatRun[] = [];
  // The normalized text is built from runs of original text kept as is, and the replacements between them.
  const parts: string[] = [];
  let kept = 0; // start of the current run kept as is
  let o = 0;
  let changed = false;
  let i = 0;
  let run: CompatRun | undefined;
  /** Ends the kept run at `i` and puts `rep` (if any) in place of original[i, next). */
  const replace = (at: number, next: number, rep: string) => {
    if (at > kept) parts.push(original.slice(kept, at));
    if (rep) parts.push(rep);
    kept = next;
    changed = true;
  };
  /** Before the first unit that does not map to itself: the map so far is the identity. */
  const keepMap = (): Int32Array => {
    if (!map) {
      map = new Int32Array(n + 1);
      for (let k = 0; k < o; k++) map[k] = k;
    }
    return map;
  };
  /** The next normalized unit comes from original offset `src`. */
  const emit = (src: number) => {
    if (map) map[o] = src;
    o++;
  };
  while (i < n) {
    // Skip to the next code unit that may change (kept as is: ASCII, ordinary CJK, the dashes and quotes).
    SPECIAL.lastIndex = i;
    const next = SPECIAL.test(original) ? SPECIAL.lastIndex - 1 : n;
    if (next > i) {
      if (map) while (i < next) map[o++] = i++;
      else {
        o += next - i;
        i = next;
      }
      run = undefined;
      if (i >= n) break;
    }
    const c = original.charCodeAt(i);
    const cls = classify(c);
    if (cls === Cls.Newline) {
      if (c === 0x0d && i + 1 < n && original.charCodeAt(i + 1) === 0x0a) {
        keepMap();
        replace(i, i + 1, ''); // drop the CR of a CRLF; the LF maps to itself
        i++;
        continue;
      }
      if (c === 0x0d) replace(i, i + 1, '\n');
      emit(i++);
      run = undefined;
      continue;
    }
    if (cls === Cls.Drop) {
      keepMap();
      replace(i, i + 1, '');
      i++;
      continue;
    }
    if (cls === Cls.Space) {
      if (c !== 0x20) replace(i, i + 1, ' ');
      emit(i++);
      run = undefined;
      continue;
    }
    // Full-width ASCII forms.
    if (c >= 0xff01 && c <= 0xff5e) {
      replace(i, i + 1, String.fromCharCode(c - 0xfee0));
      emit(i++);
      run = undefined;
      continue;
    }
    const hasLow = isHighSurrogate(c) && i + 1 < n && isLowSurrogate(original.charCodeAt(i + 1));
    const cp = hasLow ? ((c - 0xd800) << 10) + (original.charCodeAt(i + 1) - 0xdc00) + 0x10000 : c;
    const len = hasLow ? 2 : 1;
    if (isCompatIdeograph(cp)) {
      const rep = compatReplacement(cp);
      if (rep !== undefined && rep.length <= len) {
        if (rep.length < len) keepMap();
        replace(i, i + len, rep);
        for (let k = 0; k < rep.length; k++) emit(i + Math.min(k, len - 1));
        const src = original.slice(i, i + len);
        if (run && run.end === i) {
          run.end = i + len;
          run.original += src;
          run.replacement += rep;
        } else {
          run = { start: i, end: i + len, original: src, replacement: rep };
          runs.push(run);
        }
        i += len;
        continue;
      }
    }
    run = undefined;
    for (let k = 0; k < len; k++) emit(i + k);
    i += len;
  }

  if (!changed) {
    return {
      original,
      text: original,
      span: (s, e) => wholePairs(original, s, Math.max(s, e)),
      offset: (p) => wholePairs(original, p, p).start,
      compatRuns: runs,
    };
  }
  if (kept < n) parts.push(original.slice(kept));
  const text = parts.join('');
  const m = map;
  if (m) m[o] = n;
  /** Original offset of normalized unit `j` (0 ≤ j ≤ o). */
  const at = m ? (j: number): number => m[j] : (j: number): number => j;
  const endOf = (j: number): number => {
    const s = at(j);
    const c = original.charCodeAt(s);
    if (isHighSurrogate(c) && s + 1 < n && isLowSurrogate(original.charCodeAt(s + 1))) {
      // A pair normalized to one unit, or the high half of a pair kept as is: the end is after the pair
      // unless the next normalized unit is that pair's low half.
      if (j + 1 < o && at(j + 1) === s + 1) return s + 1;
      return s + 2;
    }
    return s + 1;
  };
  return {
    original,
    text,
    span(s, e) {
      // An empty range, or one that starts at or past the end: the insertion point.
      if (e <= s || s >= o) {
        const p = s < o ? at(s) : n;
        return wholePairs(original, p, p);
      }
      return wholePairs(original, at(s), endOf(Math.min(e, o) - 1));
    },
    offset: (p) => wholePairs(original, p < o ? at(p) : n, p < o ? at(p) : n).start,
    compatRuns: runs,
  };
}

/**
 * Widens [start, end) of the original text so that neither end falls between the two halves of a
 * surrogate pair (a normalized range may cover half a pair: label keys are built per code unit).
 * An empty range inside a pair moves to the pair's start.
 */
function wholePairs(original: string, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const p = insidePair(original, start) ? start - 1 : start;
    return { start: p, end: p };
  }
  return { start: insidePair(original, start) ? start - 1 : start, end: insidePair(original, end) ? end + 1 : end };
}
