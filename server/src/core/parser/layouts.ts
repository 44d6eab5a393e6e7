/**
 * Layout readers: one line of a table as a label and cells with spans (NORMALIZED offsets).
 *
 * Each reader knows one way reports separate cells: Markdown pipes, tabs (Word and web paste, and
 * the tab text that HTML and Word tables and one-line views are rendered to) and runs of blanks
 * (PDF text). Pipes and tabs KNOW the cell boundaries: an empty field is an empty cell. Blanks only
 * let the reader GUESS them: it counts the numbers. Everything after this — aligning rows with the
 * template (rows.ts), the rules — sees cells only; adding a layout means adding a reader here.
 */
import type { CellKind } from '../types';
import { isPipeRow, isSpace, type Line } from './lines';

/** Whether a reader knows where cells begin and end ('known': pipes, tabs) or guesses it from the numbers ('guessed': blanks). */
export type Boundaries = 'known' | 'guessed';

export interface LayoutReader {
  readonly id: 'pipe' | 'tab' | 'blanks';
  readonly boundaries: Boundaries;
  /** Whether the line is written in this layout. */
  accepts(text: string): boolean;
  /** Pushes the line's fields as [start, end) offsets within `text`, trimmed; an empty field sits where its text would start. */
  fields(text: string, starts: number[], ends: number[]): void;
}

/**
 * Markdown pipe rows: "| 规章 | 0 | | 0 |"; the outer pipes bound no cell. A piece of a row a converter
 * broke ("| 规章 | 0" / "| 0 |") is read the same way: only the outer pipes it has are dropped.
 */
const PIPE: LayoutReader = {
  id: 'pipe',
  boundaries: 'known',
  accepts: (t) => t.includes('|') && (isPipeRow(t) || isPipePiece(t)),
  fields(t, starts, ends) {
    splitAt(t, 0x7c, starts, ends);
    if (starts.length > 1 && starts[0] === ends[0] && /^\s*\|/.test(t)) {
      starts.shift();
      ends.shift();
    }
    const n = starts.length;
    if (n > 1 && starts[n - 1] === ends[n - 1] && /\|\s*$/.test(t)) {
      starts.pop();
      ends.pop();
    }
    splitValueFields(t, starts, ends);
  },
};

/** A line that opens or closes with a pipe and holds another: a piece of a pipe row. */
function isPipePiece(t: string): boolean {
  return /^\s*\|.*\|/.test(t) || /\|.*\|\s*$/.test(t);
}

/** Tab-separated rows; a tab field holding several blank-separated numbers ("0 0") is several cells. */
const TAB: LayoutReader = {
  id: 'tab',
  boundaries: 'known',
  accepts: (t) => t.includes('\t'),
  fields(t, starts, ends) {
    splitAt(t, 0x09, starts, ends);
    splitValueFields(t, starts, ends);
  },
};

/** Everything else: fields are separated by runs of blanks, and no field is empty. */
const BLANKS: LayoutReader = {
  id: 'blanks',
  boundaries: 'guessed',
  accepts: () => true,
  fields: splitBlanks,
};

/** The readers, most specific first: the first that accepts a line reads it. */
export const LAYOUT_READERS: readonly LayoutReader[] = [PIPE, TAB, BLANKS];

export function readerOf(text: string): LayoutReader {
  for (const r of LAYOUT_READERS) if (r.accepts(text)) return r;
  return BLANKS;
}

export interface CellToken {
  start: number;
  end: number;
  raw: string;
  kind: CellKind;
  value?: number;
  grouped?: boolean;
}

export interface RowScan {
  /** The label part: from the first character to the end of the last non-value text; undefined if none. */
  labelStart?: number;
  labelEnd?: number;
  labelText: string;
  cells: CellToken[];
  /** How the reader knew where the cells are. */
  boundaries: Boundaries;
  /**
   * A row whose cells are all empty ("规章\t\t\t"): the expected number of blank cells. Only known
   * boundaries can show them; `cells` stays empty, so the line reads as a label unless the aligner
   * matches its label to a row.
   */
  blankCells?: CellToken[];
}

/** Blanks and the separators of pipe tables. */
function isSeparator(c: number): boolean {
  return c <= 0x20 || c === 0x7c || c === 0xa0;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Dashes that stand for "none" in a cell: — – - − ― ─. */
function isDash(c: number): boolean {
  return c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x2212 || c === 0x2015 || c === 0x2500;
}

/** Characters a cell value or placeholder can hold (and start with, besides "+"): digits, dashes, slashes, 无, 空. */
function isValueChar(c: number): boolean {
  return isDigit(c) || isDash(c) || c === 0x2f || c === 0x5c || c === 0x65e0 || c === 0x7a7a;
}

/** Whether a line holds any character a cell value or placeholder can hold. */
function mayHoldValue(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isValueChar(c)) return true;
  }
  return false;
}

/**
 * Whether `raw` is a number as tables write it: an optional sign (+ - −), digits or digits grouped by
 * thousands ("3,119"), an optional decimal part. Returns 0 when not, 1 for a plain number, 2 for a grouped one.
 */
function numberShape(raw: string): 0 | 1 | 2 {
  const n = raw.length;
  let i = 0;
  const c0 = raw.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d || c0 === 0x2212) i++;
  let j = i;
  while (j < n && isDigit(raw.charCodeAt(j))) j++;
  if (j === i) return 0;
  let grouped = false;
  if (j < n && raw.charCodeAt(j) === 0x2c) {
    // Thousands: the first group has 1–3 digits, every later one exactly 3.
    if (j - i > 3) return 0;
    while (j < n && raw.charCodeAt(j) === 0x2c) {
      if (!isDigit(raw.charCodeAt(j + 1)) || !isDigit(raw.charCodeAt(j + 2)) || !isDigit(raw.charCodeAt(j + 3)))
        return 0;
      j += 4;
    }
    grouped = true;
  }
  if (j < n && raw.charCodeAt(j) === 0x2e) {
    const k = j + 1;
    j = k;
    while (j < n && isDigit(raw.charCodeAt(j))) j++;
    if (j === k) return 0;
  }
  if (j !== n) return 0;
  return grouped ? 2 : 1;
}

/** A placeholder for "none": a run of dashes, a run of slashes, a backslash, 无 or 空. */
function isPlaceholder(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return false;
  const c0 = raw.charCodeAt(0);
  if (n === 1 && (c0 === 0x5c || c0 === 0x65e0 || c0 === 0x7a7a)) return true;
  if (isDash(c0)) {
    for (let i = 1; i < n; i++) if (!isDash(raw.charCodeAt(i))) return false;
    return true;
  }
  if (c0 === 0x2f) {
    for (let i = 1; i < n; i++) if (raw.charCodeAt(i) !== 0x2f) return false;
    return true;
  }
  return false;
}

/** What a token is as a cell value: none (0), a plain number (1), a grouped number (2), a placeholder (3). */
function valueShape(raw: string): 0 | 1 | 2 | 3 {
  // Most tokens are label words: reject them by their first character before anything else.
  const c = raw.charCodeAt(0);
  if (!isValueChar(c) && c !== 0x2b) return 0;
  if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2212) {
    const n = numberShape(raw);
    if (n !== 0) return n;
  }
  return isPlaceholder(raw) ? 3 : 0;
}

/** Classifies one token as a cell value, or returns undefined when it is not value-like. */
export function classifyValue(raw: string, start: number): CellToken | undefined {
  const shape = valueShape(raw);
  if (shape === 0) return undefined;
  if (shape === 3) return { start, end: start + raw.length, raw, kind: 'invalid' };
  if (shape === 1 && raw.length <= 15 && isDigit(raw.charCodeAt(0))) {
    // Most cells are a few plain digits: their value without going through Number's string parsing
    // (exact: 15 digits stay below 2^53).
    let value = 0;
    let k = 0;
    for (; k < raw.length; k++) {
      const d = raw.charCodeAt(k) - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (k === raw.length) return { start, end: start + raw.length, raw, kind: 'integer', value, grouped: undefined };
  }
  const grouped = shape === 2;
  let clean = grouped ? raw.replace(/,/g, '') : raw;
  if (raw.charCodeAt(0) === 0x2212) clean = '-' + clean.slice(1);
  const value = Number(clean);
  if (!Number.isFinite(value)) return { start, end: start + raw.length, raw, kind: 'invalid' };
  return {
    start,
    end: start + raw.length,
    raw,
    kind: clean.includes('.') ? 'decimal' : 'integer',
    value,
    grouped: grouped || undefined,
  };
}

/** Trims [a, b) of `t` of whitespace and pushes it. */
function pushTrimmed(t: string, a: number, b: number, starts: number[], ends: number[]): void {
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  starts.push(a);
  ends.push(b);
}

/** The fields of `t` between its `sep` code units. */
function splitAt(t: string, sep: number, starts: number[], ends: number[]): void {
  let pos = 0;
  for (;;) {
    let stop = pos;
    while (stop < t.length && t.charCodeAt(stop) !== sep) stop++;
    pushTrimmed(t, pos, stop, starts, ends);
    if (stop >= t.length) break;
    pos = stop + 1;
  }
}

/** The fields of `t` between runs of spaces and tabs (a leading or trailing run leaves an empty field). */
function splitBlanks(t: string, starts: number[], ends: number[]): void {
  let pos = 0;
  for (;;) {
    let stop = pos;
    while (stop < t.length && t.charCodeAt(stop) !== 0x20 && t.charCodeAt(stop) !== 0x09) stop++;
    if (stop === t.length) {
      pushTrimmed(t, pos, t.length, starts, ends);
      break;
    }
    pushTrimmed(t, pos, stop, starts, ends);
    let next = stop;
    while (next < t.length && (t.charCodeAt(next) === 0x20 || t.charCodeAt(next) === 0x09)) next++;
    pos = next;
  }
}

const blankAt = (at: number): CellToken => ({ start: at, end: at, raw: '', kind: 'blank' });

/**
 * Reads a line as a label and trailing cells, with the reader of its layout.
 *
 * With known boundaries (pipes, tabs) and an expected cell count, the fields after the label are the
 * cells, empty ones included: a blank cell is a cell. Empty fields beyond the expected count are not
 * cells: first those right after the label (a label cell merged over several columns), then trailing
 * ones (a table wider than its values). When fewer fields than expected are written, neither leading
 * nor trailing empty fields are counted. With guessed boundaries (blanks) only the values count.
 * A label glued to its first number ("…重新出具0") is split when that completes the expected count.
 */
export function scanRow(line: Line, expected?: number): RowScan {
  const t = line.text;
  const reader = readerOf(t);
  const known = reader.boundaries === 'known';
  // A line with no digit and no placeholder character holds no value: it is all label (or a row of blank cells).
  if (!mayHoldValue(t)) {
    let a = 0;
    let b = t.length;
    while (a < b && isSeparator(t.charCodeAt(a))) a++;
    while (b > a && isSeparator(t.charCodeAt(b - 1))) b--;
    if (a === b) return { labelText: '', cells: [], boundaries: reader.boundaries };
    const scan: RowScan = {
      labelStart: line.start + a,
      labelEnd: line.start + b,
      labelText: t.slice(a, b),
      cells: [],
      boundaries: reader.boundaries,
    };
    if (known && expected !== undefined) {
      const blanks = trailingBlanks(line, reader, expected);
      if (blanks) scan.blankCells = blanks;
    }
    return scan;
  }
  // Fields as [start, end) offsets within the line.
  const fs: number[] = [];
  const fe: number[] = [];
  reader.fields(t, fs, fe);
  let n = fs.length;
  // Guessed boundaries: trailing blanks are no cell.
  if (!known) while (n > 0 && fs[n - 1] === fe[n - 1]) n--;
  // Value-like fields from the end (empty ones too when boundaries are known).
  const tokens: (CellToken | undefined)[] = new Array(n);
  let k = n;
  let values = 0;
  while (k > 0) {
    const i = k - 1;
    if (fs[i] === fe[i]) {
      if (!known) break;
    } else {
      const tok = classifyValue(t.slice(fs[i], fe[i]), line.start + fs[i]);
      if (!tok) break;
      tokens[i] = tok;
      values++;
    }
    k--;
  }
  const cells: CellToken[] = [];
  let blankCells: CellToken[] | undefined;
  if (!known || expected === undefined) {
    for (let i = k; i < n; i++) if (tokens[i]) cells.push(tokens[i]!);
  } else {
    let a = k;
    let b = n;
    while (b - a > expected && fs[a] === fe[a]) a++;
    while (b - a > expected && fs[b - 1] === fe[b - 1]) b--;
    if (b - a < expected) {
      while (a < b && fs[a] === fe[a]) a++;
      while (b > a && fs[b - 1] === fe[b - 1]) b--;
    }
    if (values === 0) {
      // Every cell empty: a row only if the aligner finds its label.
      if (b - a === expected) {
        blankCells = [];
        for (let i = a; i < b; i++) blankCells.push(blankAt(line.start + fs[i]));
      }
    } else for (let i = a; i < b; i++) cells.push(tokens[i] ?? blankAt(line.start + fs[i]));
  }

  let labelStart: number | undefined;
  let labelEnd: number | undefined;
  for (let i = 0; i < k; i++) {
    if (fs[i] === fe[i]) continue;
    if (labelStart === undefined) labelStart = line.start + fs[i];
    labelEnd = line.start + fe[i];
  }

  // A label glued to its first number.
  if (
    expected !== undefined &&
    cells.length > 0 &&
    cells.length < expected &&
    labelEnd !== undefined &&
    labelStart !== undefined
  ) {
    const a = labelStart - line.start;
    const b = labelEnd - line.start;
    let d = b;
    while (d > a && isDigit(t.charCodeAt(d - 1))) d--;
    if (d < b && d > a && isGlued(t.charCodeAt(d - 1)) && cells.length + 1 === expected) {
      const s = line.start + d;
      const cell = classifyValue(t.slice(d, b), s);
      if (cell) {
        cells.unshift(cell);
        labelEnd = s;
      }
    }
  }
  if (labelStart !== undefined && labelEnd !== undefined && labelEnd <= labelStart) {
    labelStart = labelEnd = undefined;
  }
  const labelText =
    labelStart !== undefined && labelEnd !== undefined ? t.slice(labelStart - line.start, labelEnd - line.start) : '';
  const scan: RowScan = { labelStart, labelEnd, labelText, cells, boundaries: reader.boundaries };
  if (blankCells && labelStart !== undefined) scan.blankCells = blankCells;
  return scan;
}

/** The blank cells of a line without values whose label is followed by at least `expected` empty fields. */
function trailingBlanks(line: Line, reader: LayoutReader, expected: number): CellToken[] | undefined {
  const fs: number[] = [];
  const fe: number[] = [];
  reader.fields(line.text, fs, fe);
  let last = fs.length - 1;
  while (last >= 0 && fs[last] === fe[last]) last--;
  if (last < 0 || fs.length - 1 - last < expected) return undefined;
  const out: CellToken[] = [];
  for (let i = fs.length - expected; i < fs.length; i++) out.push(blankAt(line.start + fs[i]));
  return out;
}

/** An ideograph or a closing bracket: what a number glued to a label follows. */
function isGlued(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || c === 0x29 || c === 0xff09;
}

/** A tab field holding several blank-separated numbers ("0 0") counts as several cells. */
function splitValueFields(t: string, fs: number[], fe: number[]): void {
  // Most lines have no such field: find one before allocating anything.
  let firstSplit = -1;
  for (let i = 0; i < fs.length && firstSplit < 0; i++) if (isValueRun(t, fs[i], fe[i])) firstSplit = i;
  if (firstSplit < 0) return;
  const s2 = fs.slice(0, firstSplit);
  const e2 = fe.slice(0, firstSplit);
  for (let i = firstSplit; i < fs.length; i++) {
    if (i > firstSplit && !isValueRun(t, fs[i], fe[i])) {
      s2.push(fs[i]);
      e2.push(fe[i]);
      continue;
    }
    let j = fs[i];
    while (j < fe[i]) {
      s2.push(j);
      while (j < fe[i] && !isSpace(t.charCodeAt(j))) j++;
      e2.push(j);
      while (j < fe[i] && isSpace(t.charCodeAt(j))) j++;
    }
  }
  fs.length = 0;
  fe.length = 0;
  for (let i = 0; i < s2.length; i++) {
    fs.push(s2[i]);
    fe.push(e2[i]);
  }
}

/** Whether the trimmed field [a, b) is several blank-separated parts, each one value-like. */
function isValueRun(t: string, a: number, b: number): boolean {
  let spaced = false;
  for (let j = a; j < b && !spaced; j++) spaced = isSpace(t.charCodeAt(j));
  if (!spaced) return false;
  let parts = 0;
  let j = a;
  while (j < b) {
    const p = j;
    while (j < b && !isSpace(t.charCodeAt(j))) j++;
    if (valueShape(t.slice(p, j)) === 0) return false;
    parts++;
    while (j < b && isSpace(t.charCodeAt(j))) j++;
  }
  return parts > 1;
}
