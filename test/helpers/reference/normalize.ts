/* The straightforward implementation the optimized one in server/src/core must agree with (property-tested). */
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
import { compatReplacement } from '../../../server/src/core/text/normalize';

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

function classify(c: number): Cls {
  if (c === 0x0a) return Cls.Newline;
  if (c === 0x0d) return Cls.Newline;
  if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) {
    return Cls.Space;
  }
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) return Cls.Drop;
  return Cls.Keep;
}

/** Normalizes `original`; linear in its length. */
export function normalize(original: string): NormalizedText {
  const n = original.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  const runs: CompatRun[] = [];
  let o = 0;
  let changed = false;
  let i = 0;
  let run: CompatRun | undefined;
  while (i < n) {
    const c = original.charCodeAt(i);
    // Fast path: ASCII and ordinary CJK.
    // (CJK punctuation U+3001–U+33FF and the dashes and quotes U+2010–U+202E are kept as they are.)
    if (
      c < 0x0d ||
      (c > 0x0d && c < 0x80 && c !== 0x0a) ||
      (c >= 0x3001 && c < 0xa000) ||
      (c >= 0x2010 && c <= 0x202e)
    ) {
      out[o] = c;
      map[o++] = i++;
      run = undefined;
      continue;
    }
    const cls = classify(c);
    if (cls === Cls.Newline) {
      if (c === 0x0d && i + 1 < n && original.charCodeAt(i + 1) === 0x0a) {
        changed = true;
        i++; // drop the CR of a CRLF; the LF maps to itself
        continue;
      }
      if (c === 0x0d) changed = true;
      out[o] = 0x0a;
      map[o++] = i++;
      run = undefined;
      continue;
    }
    if (cls === Cls.Drop) {
      changed = true;
      i++;
      continue;
    }
    if (cls === Cls.Space) {
      changed = true;
      out[o] = 0x20;
      map[o++] = i++;
      run = undefined;
      continue;
    }
    // Full-width ASCII forms.
    if (c >= 0xff01 && c <= 0xff5e) {
      changed = true;
      out[o] = c - 0xfee0;
      map[o++] = i++;
      run = undefined;
      continue;
    }
    const isHigh = c >= 0xd800 && c <= 0xdbff;
    const hasLow = isHigh && i + 1 < n && (original.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const cp = hasLow ? ((c - 0xd800) << 10) + (original.charCodeAt(i + 1) - 0xdc00) + 0x10000 : c;
    const len = hasLow ? 2 : 1;
    if (isCompatIdeograph(cp)) {
      const rep = compatReplacement(cp);
      if (rep !== undefined && rep.length <= len) {
        changed = true;
        for (let k = 0; k < rep.length; k++) {
          out[o] = rep.charCodeAt(k);
          map[o++] = i + Math.min(k, len - 1);
        }
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
    for (let k = 0; k < len; k++) {
      out[o] = original.charCodeAt(i + k);
      map[o++] = i + k;
    }
    i += len;
  }
  map[o] = n;

  if (!changed) {
    return {
      original,
      text: original,
      span: (s, e) => wholePairs(original, s, Math.max(s, e)),
      offset: (p) => wholePairs(original, p, p).start,
      compatRuns: runs,
    };
  }
  const text = decode(out, o);
  const endOf = (j: number): number => {
    const s = map[j];
    const c = original.charCodeAt(s);
    if (c >= 0xd800 && c <= 0xdbff && s + 1 < n && (original.charCodeAt(s + 1) & 0xfc00) === 0xdc00) {
      // A pair normalized to one unit, or the high half of a pair kept as is: the end is after the pair
      // unless the next normalized unit is that pair's low half.
      if (j + 1 < o && map[j + 1] === s + 1) return s + 1;
      return s + 2;
    }
    return s + 1;
  };
  return {
    original,
    text,
    span(s, e) {
      if (e <= s || s >= o) {
        const p = s < o ? map[s] : n;
        return wholePairs(original, p, p);
      }
      return wholePairs(original, map[s], endOf(Math.min(e, o) - 1));
    },
    offset: (p) => wholePairs(original, p < o ? map[p] : n, p < o ? map[p] : n).start,
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

/** Whether offset `i` falls between the two halves of a surrogate pair. */
function insidePair(original: string, i: number): boolean {
  return (
    i > 0 &&
    i < original.length &&
    (original.charCodeAt(i) & 0xfc00) === 0xdc00 &&
    (original.charCodeAt(i - 1) & 0xfc00) === 0xd800
  );
}

function decode(buf: Uint16Array, len: number): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let s = 0; s < len; s += CHUNK) {
    parts.push(String.fromCharCode.apply(null, buf.subarray(s, Math.min(len, s + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}
