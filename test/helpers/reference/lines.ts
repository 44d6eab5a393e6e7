/* The straightforward implementation the optimized one in server/src/core must agree with (property-tested). */
/** The cells of a table row, as the parser read them before its character-loop rewrite. Offsets are NORMALIZED offsets. */
import type { CellToken, RowScan } from '../../../server/src/core/parser/layouts';
import { isPipeRow, type Line } from '../../../server/src/core/parser/lines';

/** The types are the parser's own: only the implementation is the reference. */
export type { CellToken, RowScan };

const NUM = /^[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PLACEHOLDER = /^(?:[—–\-−―─]+|\/+|\\|无|空)$/;
const MAY_HOLD_VALUE = /[0-9—–\-−―─/\\无空]/;

/** Blanks and the separators of pipe tables. */
function isSeparator(c: number): boolean {
  return c <= 0x20 || c === 0x7c || c === 0xa0;
}

/** First characters of a number or a placeholder, besides digits. */
const VALUE_START = new Set([...'+-−—–―─/\\无空'].map((ch) => ch.charCodeAt(0)));

/** Classifies one token as a cell value, or returns undefined when it is not value-like. */
export function classifyValue(raw: string, start: number): CellToken | undefined {
  // Most tokens are label words: reject them by their first character before any pattern runs.
  const c = raw.charCodeAt(0);
  const digit = c >= 0x30 && c <= 0x39;
  if (!digit && !VALUE_START.has(c)) return undefined;
  if ((digit || c === 0x2b || c === 0x2d || c === 0x2212) && NUM.test(raw)) {
    const grouped = raw.includes(',');
    const clean = raw.replace(/,/g, '').replace('−', '-');
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
  if (PLACEHOLDER.test(raw)) return { start, end: start + raw.length, raw, kind: 'invalid' };
  return undefined;
}

interface Field {
  start: number;
  end: number;
  text: string;
}

function fieldsOf(line: Line, sep: RegExp): Field[] {
  const out: Field[] = [];
  const t = line.text;
  let pos = 0;
  sep.lastIndex = 0;
  for (;;) {
    const m = sep.exec(t);
    const stop = m ? m.index : t.length;
    const raw = t.slice(pos, stop);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    out.push({ start: line.start + pos + lead, end: line.start + pos + lead + trimmed.length, text: trimmed });
    if (!m) break;
    pos = m.index + m[0].length;
    if (m[0].length === 0) sep.lastIndex++;
  }
  return out;
}

/** The cells of a pipe row, or of a piece of one: the outer pipes it has bound no cell. */
function pipeFields(line: Line): Field[] {
  let f = fieldsOf(line, /\|/g);
  if (f.length > 1 && f[0].text === '' && /^\s*\|/.test(line.text)) f = f.slice(1);
  if (f.length > 1 && f[f.length - 1].text === '' && /\|\s*$/.test(line.text)) f = f.slice(0, -1);
  return f;
}

const blank = (start: number): CellToken => ({ start, end: start, raw: '', kind: 'blank' });

/** Splits a line into a label and trailing cells (see the engine's scanRow for the rules). */
export function scanRow(line: Line, expected?: number): RowScan {
  const pipe =
    line.text.includes('|') && (isPipeRow(line.text) || /^\s*\|.*\|/.test(line.text) || /\|.*\|\s*$/.test(line.text));
  const tabbed = pipe || line.text.includes('\t');
  const boundaries = tabbed ? ('known' as const) : ('guessed' as const);
  let fields = pipe ? pipeFields(line) : tabbed ? fieldsOf(line, /\t/g) : fieldsOf(line, /[ \t]+/g);
  if (tabbed) {
    // A tab field holding several blank-separated numbers ("0 0") counts as several cells.
    const split: Field[] = [];
    for (const f of fields) {
      if (/\s/.test(f.text) && f.text.split(/\s+/).every((p) => classifyValue(p, 0))) {
        const sub = fieldsOf({ index: 0, start: f.start, end: f.end, text: f.text }, /\s+/g);
        split.push(...sub);
      } else split.push(f);
    }
    fields = split;
  }
  // A line with no digit and no placeholder character holds no value: it is all label.
  if (!MAY_HOLD_VALUE.test(line.text)) {
    const t = line.text;
    let a = 0;
    let b = t.length;
    while (a < b && isSeparator(t.charCodeAt(a))) a++;
    while (b > a && isSeparator(t.charCodeAt(b - 1))) b--;
    if (a === b) return { labelText: '', cells: [], boundaries };
    const scan: RowScan = {
      labelStart: line.start + a,
      labelEnd: line.start + b,
      labelText: t.slice(a, b),
      cells: [],
      boundaries,
    };
    if (tabbed && expected !== undefined) {
      const lastText = fields.map((f) => f.text !== '').lastIndexOf(true);
      if (lastText >= 0 && fields.length - 1 - lastText >= expected)
        scan.blankCells = fields.slice(fields.length - expected).map((f) => blank(f.start));
    }
    return scan;
  }
  if (!tabbed) while (fields.length > 0 && fields[fields.length - 1].text === '') fields.pop();
  let k = fields.length;
  const area: Field[] = [];
  while (k > 0) {
    const f = fields[k - 1];
    if (f.text === '' ? tabbed : classifyValue(f.text, f.start)) {
      area.unshift(f);
      k--;
    } else break;
  }
  let cells: CellToken[];
  let blankCells: CellToken[] | undefined;
  const toCell = (f: Field) => (f.text === '' ? blank(f.start) : classifyValue(f.text, f.start)!);
  if (!tabbed || expected === undefined) cells = area.filter((f) => f.text !== '').map(toCell);
  else {
    let kept = area;
    while (kept.length > expected && kept[0].text === '') kept = kept.slice(1);
    while (kept.length > expected && kept[kept.length - 1].text === '') kept = kept.slice(0, -1);
    if (kept.length < expected) {
      while (kept.length > 0 && kept[0].text === '') kept = kept.slice(1);
      while (kept.length > 0 && kept[kept.length - 1].text === '') kept = kept.slice(0, -1);
    }
    if (kept.every((f) => f.text === '')) {
      cells = [];
      if (kept.length === expected) blankCells = kept.map(toCell);
    } else cells = kept.map(toCell);
  }

  const labelFields = fields.slice(0, k).filter((f) => f.text !== '');
  let labelStart = labelFields.length ? labelFields[0].start : undefined;
  let labelEnd = labelFields.length ? labelFields[labelFields.length - 1].end : undefined;

  // A label glued to its first number.
  if (
    expected !== undefined &&
    cells.length > 0 &&
    cells.length < expected &&
    labelEnd !== undefined &&
    labelStart !== undefined
  ) {
    const lt = line.text.slice(labelStart - line.start, labelEnd - line.start);
    const m = /(\d+)$/.exec(lt);
    if (m && m.index > 0 && /[\u3400-\u9fff)）]/.test(lt[m.index - 1]) && cells.length + 1 === expected) {
      const s = labelEnd - m[1].length;
      const cell = classifyValue(m[1], s);
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
    labelStart !== undefined && labelEnd !== undefined
      ? line.text.slice(labelStart - line.start, labelEnd - line.start)
      : '';
  const scan: RowScan = { labelStart, labelEnd, labelText, cells, boundaries };
  if (blankCells && labelStart !== undefined) scan.blankCells = blankCells;
  return scan;
}
