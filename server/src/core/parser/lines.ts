/** Lines of normalized text and the cells of a table row. All offsets here are NORMALIZED offsets. */
import type { CellKind } from '../types';

export interface Line {
  index: number;
  start: number;
  /** End of the line's text (before the line break). */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ index: index++, start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

/** Blank, or a line that only decorates: a Markdown table's delimiter row ("|---|:--:|"). */
export function isBlank(s: string): boolean {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) <= 0x20 || s.charCodeAt(i) === 0xa0)) i++;
  if (i === s.length) return true;
  const c = s.charCodeAt(i);
  // Only a line starting with "|", "-" or ":" can be a delimiter row.
  if ((c !== 0x7c && c !== 0x2d && c !== 0x3a) || s.length > 400) return false;
  return /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$|^\s*:?-{3,}:?\s*\|[\s:|-]*$/.test(s);
}

/** A Markdown pipe-table row: "| 规章 | 0 | 0 | 0 |". */
export function isPipeRow(s: string): boolean {
  return /^\s*\|.*\|\s*$/.test(s);
}

/** A page number or footer that PDF extraction leaves between rows: "-3-", "— 3 —", "第 3 页". */
export function isPageMarker(s: string): boolean {
  if (s.length > 40) return false;
  return /^\s*(?:[-—–―]+\s*\d{1,4}\s*[-—–―]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/.test(s);
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

/** What `\s` matches (and `trim` removes), by code unit. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
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
      if (!isDigit(raw.charCodeAt(j + 1)) || !isDigit(raw.charCodeAt(j + 2)) || !isDigit(raw.charCodeAt(j + 3))) return 0;
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

const enum Split {
  Pipe,
  Tab,
  Blanks,
}

/**
 * Splits `t` at its separators (each "|", each tab, or each run of spaces and tabs) into fields, trimmed
 * of whitespace, pushed as [start, end) pairs within `t`. An empty field sits where its text would start.
 */
function splitFields(t: string, how: Split, starts: number[], ends: number[]): void {
  let pos = 0;
  for (;;) {
    let stop: number;
    let next: number;
    if (how === Split.Blanks) {
      stop = pos;
      while (stop < t.length && t.charCodeAt(stop) !== 0x20 && t.charCodeAt(stop) !== 0x09) stop++;
      next = stop;
      while (next < t.length && (t.charCodeAt(next) === 0x20 || t.charCodeAt(next) === 0x09)) next++;
      if (stop === t.length) stop = next = -1;
    } else {
      stop = t.indexOf(how === Split.Pipe ? '|' : '\t', pos);
      next = stop + 1;
    }
    const end = stop < 0 ? t.length : stop;
    let a = pos;
    while (a < end && isSpace(t.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
    starts.push(a);
    ends.push(b);
    if (stop < 0) break;
    pos = next;
  }
}

/**
 * Splits a line into a label and trailing cells. Tab-separated lines keep their empty interior
 * cells when that makes up the expected count; other lines split on blanks. A label glued to its
 * first number ("…重新出具0") is split when that completes the expected count.
 */
export function scanRow(line: Line, expected?: number): RowScan {
  const t = line.text;
  // A line with no digit and no placeholder character holds no cell: it is all label.
  if (!mayHoldValue(t)) {
    let a = 0;
    let b = t.length;
    while (a < b && isSeparator(t.charCodeAt(a))) a++;
    while (b > a && isSeparator(t.charCodeAt(b - 1))) b--;
    if (a === b) return { labelText: '', cells: [] };
    return { labelStart: line.start + a, labelEnd: line.start + b, labelText: t.slice(a, b), cells: [] };
  }
  const pipe = isPipeRow(t);
  const tabbed = pipe || t.includes('\t');
  // Fields as [start, end) offsets within the line.
  let fs: number[] = [];
  let fe: number[] = [];
  splitFields(t, pipe ? Split.Pipe : tabbed ? Split.Tab : Split.Blanks, fs, fe);
  if (pipe) {
    fs = fs.slice(1, -1);
    fe = fe.slice(1, -1);
  }
  if (tabbed) splitValueFields(t, fs, fe);
  let n = fs.length;
  // Trailing empty fields are not cells.
  while (n > 0 && fs[n - 1] === fe[n - 1]) n--;
  // Value-like fields from the end (empty ones too in tab-separated lines).
  const tokens: (CellToken | undefined)[] = new Array(n);
  let k = n;
  while (k > 0) {
    const i = k - 1;
    if (fs[i] === fe[i]) {
      if (!tabbed) break;
    } else {
      const tok = classifyValue(t.slice(fs[i], fe[i]), line.start + fs[i]);
      if (!tok) break;
      tokens[i] = tok;
    }
    k--;
  }
  let first = k;
  while (first < n && fs[first] === fe[first]) first++;
  let nonEmpty = 0;
  for (let i = first; i < n; i++) if (tokens[i]) nonEmpty++;
  const onlyValues = expected === undefined || nonEmpty >= expected || n - first > expected;
  const cells: CellToken[] = [];
  for (let i = first; i < n; i++) {
    const tok = tokens[i];
    if (tok) cells.push(tok);
    else if (!onlyValues) cells.push({ start: line.start + fs[i], end: line.start + fs[i], raw: '', kind: 'blank' });
  }

  let labelStart: number | undefined;
  let labelEnd: number | undefined;
  for (let i = 0; i < k; i++) {
    if (fs[i] === fe[i]) continue;
    if (labelStart === undefined) labelStart = line.start + fs[i];
    labelEnd = line.start + fe[i];
  }

  // A label glued to its first number.
  if (expected !== undefined && cells.length < expected && labelEnd !== undefined && labelStart !== undefined) {
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
  return { labelStart, labelEnd, labelText, cells };
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
