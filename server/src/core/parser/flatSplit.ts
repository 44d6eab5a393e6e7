/**
 * Splitting a run of digits into a row's values, for one-line text (cells separated by a space, by
 * nothing, or a mix: "41 3 0 0 1 045", "3000003"). A split is a way of cutting every blank-separated
 * token into one or more numbers, none with a leading zero ("01" is two cells), that gives exactly the
 * row's column count. The search is bounded: ways are counted by dynamic programming (saturating), and
 * only a small number of them is ever enumerated. Offsets are NORMALIZED offsets.
 */

/** A blank-separated token of a value run. */
export interface RunToken {
  start: number;
  end: number;
  text: string;
}

/** One cell of a split: [start, end) and its value (undefined for a placeholder such as "—"). */
export interface SplitCell {
  start: number;
  end: number;
  value: number | undefined;
}

/** More splits than this are never enumerated: the row is then unreadable. */
export const MAX_SPLITS = 256;
/** A number cut out of a longer digit run has at most this many digits. */
const MAX_PART = 12;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Whether a token can be cut: digits only. Tokens with "," "." or placeholders are one cell each. */
function cuttable(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (!isDigit(t.charCodeAt(i))) return false;
  return true;
}

/** A part [a, b) of a digit token is a number as written: no leading zero, not too long. */
function okPart(t: string, a: number, b: number): boolean {
  if (b - a > MAX_PART) return false;
  return b - a === 1 || t.charCodeAt(a) !== 0x30;
}

/** A grouped or decimal number, or a placeholder: one cell however many digits it holds. */
const ATOMIC = /^(?:[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+\.\d+|[—/无-]+)$/;

const cap = (n: number) => (n > MAX_SPLITS ? MAX_SPLITS + 1 : n);

/** w[p][j] = ways to cut t[p..] into j parts (j ≤ maxParts), saturating. */
function tokenWays(t: string, maxParts: number): number[][] {
  const n = t.length;
  const w: number[][] = new Array(n + 1);
  w[n] = new Array(maxParts + 1).fill(0);
  w[n][0] = 1;
  for (let p = n - 1; p >= 0; p--) {
    const row = new Array(maxParts + 1).fill(0);
    for (let e = p + 1; e <= n && e - p <= MAX_PART; e++) {
      if (!okPart(t, p, e)) continue;
      const next = w[e];
      for (let j = 1; j <= maxParts; j++) if (next[j - 1]) row[j] = cap(row[j] + next[j - 1]);
    }
    w[p] = row;
  }
  return w;
}

export interface SplitResult {
  /** How many splits there are (saturated at MAX_SPLITS + 1). */
  count: number;
  /** Every split, when there are at most MAX_SPLITS of them. */
  splits: SplitCell[][];
}

/** The splits of `tokens` into exactly `columns` values. Linear in the run's length for a fixed column count. */
export function splitsOf(tokens: RunToken[], columns: number): SplitResult {
  // A sign belongs to the first number of its token ("-15104" may be "-1" "5" "104"): the digits are cut.
  const signs: string[] = tokens.map((tk) => (/^[+-]\d+$/.test(tk.text) ? tk.text[0] : ''));
  if (signs.some((x) => x)) {
    const digits = tokens.map((tk, i) =>
      signs[i] ? { start: tk.start + 1, end: tk.end, text: tk.text.slice(1) } : tk,
    );
    const r = splitsOf(digits, columns);
    const signAt = new Map<number, string>();
    for (let i = 0; i < tokens.length; i++) if (signs[i]) signAt.set(tokens[i].start + 1, signs[i]);
    const signed = (c: SplitCell): SplitCell => {
      const sign = signAt.get(c.start);
      if (!sign) return c;
      return { start: c.start - 1, end: c.end, value: c.value !== undefined && sign === '-' ? -c.value : c.value };
    };
    return { count: r.count, splits: r.splits.map((split) => split.map(signed)) };
  }
  if (tokens.length === 0 || tokens.length > columns) return { count: 0, splits: [] };
  const maxExtra = columns - tokens.length;
  for (const tk of tokens) {
    // A token longer than its share of parts can hold has no split: nothing to count.
    if (tk.text.length > (maxExtra + 1) * MAX_PART) return { count: 0, splits: [] };
    // A token that cannot be cut must be one value as written ("3,119", "12.5", "—"); "3,1190" is not.
    if (!cuttable(tk.text) && !ATOMIC.test(tk.text)) return { count: 0, splits: [] };
  }
  // per token: ways by part count
  const tables: (number[][] | undefined)[] = tokens.map((tk) =>
    cuttable(tk.text) ? tokenWays(tk.text, Math.min(maxExtra + 1, tk.text.length)) : undefined,
  );
  const per: number[][] = tables.map((w) => (w ? w[0] : [0, 1]));
  // suffix[i][k]: ways for tokens i.. to give k parts.
  const suffix: number[][] = new Array(tokens.length + 1);
  suffix[tokens.length] = new Array(columns + 1).fill(0);
  suffix[tokens.length][0] = 1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const row = new Array(columns + 1).fill(0);
    const ways = per[i];
    for (let j = 1; j < ways.length; j++) {
      if (!ways[j]) continue;
      for (let k = j; k <= columns; k++) {
        const rest = suffix[i + 1][k - j];
        if (rest) row[k] = cap(row[k] + cap(ways[j] * rest));
      }
    }
    suffix[i] = row;
  }
  const count = suffix[0][columns];
  if (count === 0 || count > MAX_SPLITS) return { count, splits: [] };
  const splits: SplitCell[][] = [];
  const cur: SplitCell[] = [];
  // Enumerate guided by the counts: every branch taken leads to at least one split.
  const walk = (i: number, left: number): void => {
    if (i === tokens.length) {
      if (left === 0) splits.push(cur.slice());
      return;
    }
    if (suffix[i][left] === 0) return;
    const tk = tokens[i];
    if (!cuttable(tk.text)) {
      cur.push({ start: tk.start, end: tk.end, value: valueOf(tk.text) });
      walk(i + 1, left - 1);
      cur.pop();
      return;
    }
    // Parts of this token: j with per[i][j] > 0 and suffix[i + 1][left - j] > 0.
    walkTokenBounded(i, left);
  };
  const walkTokenBounded = (i: number, left: number): void => {
    const tk = tokens[i];
    const t = tk.text;
    const w = tables[i]!;
    const maxParts = w[0].length - 1;
    const rec = (p: number, used: number): void => {
      if (p === t.length) {
        walk(i + 1, left - used);
        return;
      }
      for (let e = p + 1; e <= t.length && e - p <= MAX_PART; e++) {
        if (!okPart(t, p, e)) continue;
        const u = used + 1;
        if (u > left || u > maxParts) break;
        // Only parts from which the token and the rest of the run can still be completed.
        let feasible = false;
        for (let r = 0; u + r <= maxParts && u + r <= left && !feasible; r++) {
          feasible = w[e][r] > 0 && suffix[i + 1][left - u - r] > 0;
        }
        if (!feasible) continue;
        cur.push({ start: tk.start + p, end: tk.start + e, value: Number(t.slice(p, e)) });
        rec(e, u);
        cur.pop();
      }
    };
    rec(0, 0);
  };
  walk(0, columns);
  return { count, splits: splits.length <= MAX_SPLITS ? splits : [] };
}

/** The value of an uncuttable token: "3,119" → 3119, "12.5" → 12.5, a placeholder → undefined. */
function valueOf(t: string): number | undefined {
  const v = Number(t.replace(/,/g, ''));
  return Number.isFinite(v) && /\d/.test(t) ? v : undefined;
}

/** An equation over a row's columns: values[target] = Σ values[plus] − Σ values[minus]. */
export interface RowEquation {
  target: number;
  plus: number[];
  minus: number[];
}

/** Whether the values satisfy every equation (an equation with an unknown value does not decide). */
export function satisfies(values: (number | undefined)[], eqs: RowEquation[]): boolean {
  for (const e of eqs) {
    const t = values[e.target];
    if (t === undefined) return false;
    let s = 0;
    for (const i of e.plus) {
      const v = values[i];
      if (v === undefined) return false;
      s += v;
    }
    for (const i of e.minus) {
      const v = values[i];
      if (v === undefined) return false;
      s -= v;
    }
    if (Math.abs(s - t) > 1e-9) return false;
  }
  return true;
}
