/**
 * Row assembly: the lines of a table region become rows matched to template rows by their labels.
 *
 * A row is the line holding its cells plus the label-only lines before it (wrapped labels, group
 * labels, a merged cell's characters printed one per line). The label is aligned with each
 * template row's wording with any prefix free, so group labels and header words before it are
 * ignored; typos, truncations and dropped words still match, and order breaks ties.
 */
import type { RowNode, Span } from '../types';
import type { RowTemplate } from '../template/template';
import { alignSuffix, appendKey, distance, isEnumeratorKey, keyOf, type KeyedText } from '../text/keys';
import { looksRunTogether, toCell, type ParseContext } from './context';
import type { Line } from './lines';

const KEY_CAP = 160;
/** A row enumerator as written: "(一)", "一、", "1.", "1 ". */
const ENUMERATOR = /^\s*(?:\(\s*[一二三四五六七八九十]+\s*\)|[一二三四五六七八九十]+\s*[、.,]|\d+\s*[.、,]?)\s*/;
const MIN_SIM = 0.5;

interface Candidate {
  t: RowTemplate;
  key: string;
  bodyKey: string;
  order: number;
}

export interface RowAssembly {
  rows: RowNode[];
  /** Label-only lines before the first row: the header. */
  headerLines: Line[];
  stray: { span: Span; line: number; text: string }[];
  /** Sum of match similarities, for choosing between template editions. */
  score: number;
}

interface Fragment {
  start: number;
  end: number;
  line: number;
}

interface Building {
  row: RowNode;
  cand: Candidate;
  keyed: KeyedText;
  alignStart: number;
  dist: number;
  fragments: Fragment[];
}

export interface AssembleOptions {
  /** Cells expected per row. */
  cells: number;
  /** Allow a free prefix before the label (group labels); false for tables whose labels stand alone. */
  freePrefix: boolean;
}

interface Candidates {
  all: Candidate[];
  /** The candidates by the last code unit of their key (a label ending in a key ends in its last unit). */
  byLast: Map<string, Candidate[]>;
}

const CANDIDATES = new WeakMap<RowTemplate[], Candidates>();

/** The data rows of a template with their keys, computed once per template. */
function candidatesOf(templateRows: RowTemplate[]): Candidates {
  let c = CANDIDATES.get(templateRows);
  if (!c) {
    const all = templateRows
      .filter((r) => !r.group)
      .map((t, order) => ({ t, key: keyOf(t.enumerator + t.label), bodyKey: keyOf(t.label), order }));
    const byLast = new Map<string, Candidate[]>();
    for (const x of all) {
      const last = x.key.slice(-1);
      const list = byLast.get(last);
      if (list) list.push(x);
      else byLast.set(last, [x]);
    }
    c = { all, byLast };
    CANDIDATES.set(templateRows, c);
  }
  return c;
}

const NONE: Candidate[] = [];

export function assembleRows(
  ctx: ParseContext,
  fromLine: number,
  toLine: number,
  templateRows: RowTemplate[],
  opts: AssembleOptions,
): RowAssembly {
  const { all: cands, byLast } = candidatesOf(templateRows);
  const rows: RowNode[] = [];
  const headerLines: Line[] = [];
  const stray: RowAssembly['stray'] = [];
  // Candidates already given a row, by order.
  const matched = new Uint8Array(cands.length);
  let pending: KeyedText = { key: '', pos: [] };
  let fragments: Fragment[] = [];
  let next = 0;
  let last: Building | undefined;
  let score = 0;

  /** The template row a label names best, if any; with `allowUnlabelled`, a row without label takes the next row. */
  const choose = (
    keyed: KeyedText,
    allowUnlabelled: boolean,
  ): { cand: Candidate; alignStart: number; dist: number } | undefined => {
    let best: { c: Candidate; dist: number; start: number; score: number } | undefined;
    const labelKey = keyed.key;
    if (!isEnumeratorKey(labelKey)) {
      // Most labels end exactly in their row's wording: then only those rows compete.
      const exact = opts.freePrefix
        ? (byLast.get(labelKey.slice(-1)) ?? NONE).filter((c) => !matched[c.order] && labelKey.endsWith(c.key))
        : NONE;
      const all = exact.length === 0;
      if (all) markChars(labelKey);
      for (const c of all ? cands : exact) {
        if (all && best) {
          // Every character of the row's wording that the label lacks costs an edit: skip rows that,
          // even at that lower bound, cannot beat the best so far (the result is the same, the alignment is saved).
          let lb = absentChars(c.key);
          if (!opts.freePrefix) lb = Math.max(lb, Math.abs(labelKey.length - c.key.length));
          let bound = 1 - lb / Math.max(c.key.length, 1);
          if (c.order === next) bound += 0.12;
          else if (c.order > next && c.order <= next + 2) bound += 0.04;
          if (matched[c.order]) bound -= 0.3;
          if (bound <= best.score) continue;
        }
        const a = opts.freePrefix ? alignTail(labelKey, c.key) : { dist: distance(labelKey, c.key), start: 0 };
        const sim = 1 - a.dist / Math.max(c.key.length, 1);
        let s = sim;
        if (c.order === next) s += 0.12;
        else if (c.order > next && c.order <= next + 2) s += 0.04;
        if (matched[c.order]) s -= 0.3;
        if (!best || s > best.score) best = { c, dist: a.dist, start: a.start, score: s };
      }
    }
    if (best && 1 - best.dist / Math.max(best.c.key.length, 1) >= MIN_SIM)
      return { cand: best.c, alignStart: best.start, dist: best.dist };
    if (allowUnlabelled && (labelKey.length === 0 || isEnumeratorKey(labelKey))) {
      // No label at all: the next expected row (reported as a missing label).
      const cand = cands.find((c) => c.order >= next && !matched[c.order]);
      return cand ? { cand, alignStart: labelKey.length, dist: cand.key.length } : undefined;
    }
    return undefined;
  };

  for (let li = fromLine; li < toLine; li++) {
    const line = ctx.lines[li];
    if (ctx.empty(li)) continue;
    const scan = ctx.scan(li, opts.cells);
    let tokens = scan.cells;
    let chosen: ReturnType<typeof choose>;
    // Without group labels, a label on the row's own line stands alone.
    const alone = !opts.freePrefix && scan.labelStart !== undefined;
    const withLabel = (): KeyedText => {
      const keyed: KeyedText = alone ? { key: '', pos: [] } : { key: pending.key, pos: pending.pos.slice() };
      if (scan.labelStart !== undefined) appendKey(keyed, scan.labelText, scan.labelStart, KEY_CAP);
      return keyed;
    };
    let keyed: KeyedText | undefined;
    if (tokens.length === 0 && scan.blankCells && scan.labelStart !== undefined) {
      // A row of empty cells is a row when its label names one; otherwise the line is only a label.
      keyed = withLabel();
      chosen = choose(keyed, false);
      if (chosen) tokens = scan.blankCells;
    }
    if (tokens.length === 0) {
      if (scan.labelStart === undefined || scan.labelEnd === undefined) continue;
      if (last && tryAppend(ctx, last, scan.labelText, scan.labelStart, scan.labelEnd, li)) continue;
      if (rows.length === 0 && last === undefined) headerLines.push(line);
      appendKey(pending, scan.labelText, scan.labelStart, KEY_CAP);
      fragments.push({ start: scan.labelStart, end: scan.labelEnd, line: li });
      continue;
    }
    if (last && scan.labelStart === undefined && pending.key.length === 0 && tokens.length < opts.cells) {
      // Cells without a label, too few for a row, right after a row: a piece of a row broken over lines
      // (a converter's fragments, a cell on a line of its own). The row before cannot be aligned.
      const row = last.row;
      const s = ctx.span(tokens[0].start, tokens[tokens.length - 1].end);
      (row.fragments ??= []).push(s);
      row.malformed = true;
      if (s.end > row.span.end) row.span = { start: row.span.start, end: s.end };
      continue;
    }
    if (!keyed) keyed = withLabel();
    const lineFragments = alone ? [] : fragments.slice();
    if (scan.labelStart !== undefined && scan.labelEnd !== undefined)
      lineFragments.push({ start: scan.labelStart, end: scan.labelEnd, line: li });
    pending = { key: '', pos: [] };
    fragments = [];
    if (!chosen) chosen = choose(keyed, true);
    if (!chosen) {
      const s = ctx.span(line.start, line.end);
      stray.push({ span: s, line: li, text: line.text.trim() });
      continue;
    }
    const { cand, alignStart, dist } = chosen;
    matched[cand.order] = 1;
    next = cand.order + 1;
    score += 1 - dist / Math.max(cand.key.length, 1);

    let labelStartPos = alignStart < keyed.pos.length ? keyed.pos[alignStart] : undefined;
    // Keep the opening bracket of an enumerator "(一)".
    if (labelStartPos !== undefined && labelStartPos > 0 && ctx.norm.text[labelStartPos - 1] === '(') labelStartPos--;
    const used = labelStartPos === undefined ? [] : lineFragments.filter((f) => f.end > labelStartPos);
    if (used.length > 0 && labelStartPos !== undefined)
      used[0] = { ...used[0], start: Math.max(used[0].start, labelStartPos) };
    const cells = tokens.map((t) => toCell(ctx, t));
    const firstLine = used.length ? used[0].line : li;
    const startPos = used.length ? used[0].start : tokens[0].start;
    const endPos = tokens[tokens.length - 1].end;
    const row: RowNode = {
      rowId: cand.t.id,
      labelText:
        used.length === 1
          ? ctx.norm.text.slice(used[0].start, used[0].end)
          : used.map((f) => ctx.norm.text.slice(f.start, f.end)).join(''),
      labelSpans: used.map((f) => ctx.span(f.start, f.end)),
      labelMatch: 'exact',
      cells,
      line: firstLine,
      cellsLine: li,
      span: ctx.span(startPos, endPos),
    };
    if (used.length === 1) {
      row.labelSpan = row.labelSpans[0];
      const m = ENUMERATOR.exec(row.labelText);
      row.labelBodySpan = ctx.span(used[0].start + (m ? m[0].length : 0), used[0].end);
    }
    row.labelMatch = labelExact(keyed.key.slice(alignStart), cand) ? 'exact' : 'altered';
    if (looksRunTogether(cells, opts.cells)) row.malformed = true;
    rows.push(row);
    last = { row, cand, keyed, alignStart, dist, fragments: used };
  }
  // Label-only lines left at the end belong to nothing.
  return { rows, headerLines, stray, score };
}

/** The characters of one label, as a hashed bit set (a collision only weakens the bound below). */
const CHAR_BITS = new Uint32Array(32);

function markChars(key: string): void {
  CHAR_BITS.fill(0);
  for (let i = 0; i < key.length; i++) {
    const h = key.charCodeAt(i) & 1023;
    CHAR_BITS[h >>> 5] |= 1 << (h & 31);
  }
}

/** How many characters of `key` (with repeats) are surely not in the marked label: a lower bound of any edit distance. */
function absentChars(key: string): number {
  let n = 0;
  for (let i = 0; i < key.length; i++) {
    const h = key.charCodeAt(i) & 1023;
    if ((CHAR_BITS[h >>> 5] & (1 << (h & 31))) === 0) n++;
  }
  return n;
}

/**
 * `alignSuffix` on the tail of the label only: a suffix starting more than |target| + the largest
 * distance still accepted before the end cannot be the best match, so longer prefixes are cut.
 * An exact suffix is found without any alignment.
 */
function alignTail(labelKey: string, target: string): { dist: number; start: number } {
  if (labelKey.endsWith(target)) return { dist: 0, start: labelKey.length - target.length };
  const keep = target.length * 2 + 2;
  if (labelKey.length <= keep) return alignSuffix(labelKey, target);
  const cut = labelKey.length - keep;
  const a = alignSuffix(labelKey.slice(cut), target);
  return { dist: a.dist, start: a.start + cut };
}

function labelExact(matchedKey: string, c: Candidate): boolean {
  if (matchedKey === c.key || matchedKey === c.bodyKey) return true;
  return matchedKey.endsWith(c.bodyKey) && isEnumeratorKey(matchedKey.slice(0, matchedKey.length - c.bodyKey.length));
}

/** A label-only line right after a row whose label it completes ("…只计这一情形，不" + "计其他情形）"). */
function tryAppend(ctx: ParseContext, b: Building, text: string, start: number, end: number, li: number): boolean {
  if (b.row.labelMatch === 'exact' || b.row.labelSpans.length === 0) return false;
  const addKey = keyOf(text);
  if (addKey.length === 0) return false;
  const newKey = b.keyed.key.slice(b.alignStart) + addKey;
  const d = alignSuffix(newKey, b.cand.key);
  if (d.start !== 0 && d.dist >= b.dist) return false;
  const gain = b.dist - d.dist;
  if (gain <= 0 || gain * 2 < addKey.length) return false;
  b.dist = d.dist;
  b.keyed = { key: newKey, pos: [] };
  b.alignStart = 0;
  b.fragments.push({ start, end, line: li });
  b.row.labelSpans.push(ctx.span(start, end));
  b.row.labelSpan = undefined;
  b.row.labelBodySpan = undefined;
  b.row.labelText += ctx.norm.text.slice(start, end);
  b.row.labelMatch = labelExact(newKey, b.cand) ? 'exact' : 'altered';
  const s = ctx.span(start, end);
  if (s.end > b.row.span.end) b.row.span = { start: b.row.span.start, end: s.end };
  return true;
}
