/**
 * One-line text: a report whose line breaks are gone (copied from a web page, captured by a
 * crawler). Headings sit inline, table cells are separated by a space, by nothing, or a mix, and
 * the next row's label is glued to the last value.
 *
 * The reader finds the title, the section headings and the tables' row labels (by the template's
 * row sequence) inline, and rewrites the text into the standard line layout as a VIEW: the same
 * characters, with line breaks and tabs put in (see `flatView.ts`). The parser then reads the view
 * as it reads any tab-separated report. A row's values are split only where that is certain:
 * - one split of its digits into the row's column count (see `flatSplit.ts`): read;
 * - several: the row's own sums choose, if exactly one split satisfies them; else the table's
 *   column sums, over every row still undecided, if exactly one assignment satisfies them: inferred;
 * - otherwise the digits stay one run-together token, which the parser reports as unreadable.
 * Offsets here are NORMALIZED offsets.
 */
import { lastAtOrBefore } from '../util/search';
import type { FormatEdition, ReportModel, Span, TableNode } from '../types';
import type { NormalizedText } from '../text/normalize';
import {
  SECTIONS,
  TEMPLATES,
  T3_COLUMNS,
  T3_COLUMNS_WITH_SUBTOTAL,
  T4_GROUPS,
  type SumRelation,
  type Table2BlockTemplate,
  SECTION_NUMERALS,
} from '../template/template';
import { charDice, keyOf, similarity } from '../text/keys';
import { buildView, type ViewEdit } from './flatView';
import { satisfies, splitsOf, type RowEquation, type RunToken, type SplitCell } from './flatSplit';

/** How the values of a row were read. */
export type FlatRowState = 'read' | 'inferred-row' | 'inferred-table' | 'unreadable';

export interface OneLineView {
  /** The view, to be parsed in place of the normalized text. */
  norm: NormalizedText;
  /** Rewrites the model's line numbers (view lines) into lines of the original text, and records the reading. */
  finish(model: ReportModel): ReportModel;
}

/** A line longer than this, holding structure inline, makes the text one-line text. */
const LONG_LINE = 200;

const SPACE = (c: number) => c === 0x20 || c === 0x09;

/** The normalized form of template wording (full-width punctuation folded, as the text is). */
function norm(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

interface Heading {
  id: number;
  start: number;
  end: number;
}

const NUMERALS = SECTION_NUMERALS;
const HEADING_RE = new RegExp(
  `([${NUMERALS}])\\s*[、.,]\\s*(${SECTIONS.flatMap((s) => [s.title, ...s.variants])
    .sort((a, b) => b.length - a.length)
    .map((t) => norm(t).replace(/[()]/g, '\\$&'))
    .join('|')})`,
  'g',
);
const TITLE_OF = new Map<string, number>();
for (const s of SECTIONS) for (const t of [s.title, ...s.variants]) TITLE_OF.set(norm(t), s.id);

/** Section headings written inline, each section once, in document order. */
function findHeadings(t: string): Heading[] {
  const out: Heading[] = [];
  const seen = new Set<number>();
  HEADING_RE.lastIndex = 0;
  for (let m = HEADING_RE.exec(t); m; m = HEADING_RE.exec(t)) {
    const id = TITLE_OF.get(m[2])!;
    if (NUMERALS.indexOf(m[1]) + 1 !== id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, start: m.index, end: m.index + m[0].length });
  }
  // A heading worded otherwise ("二、政府信息主动公开情况"): its own numeral, then the closest wording,
  // between the headings found around it.
  for (const sec of SECTIONS) {
    if (seen.has(sec.id)) continue;
    const lo = Math.max(0, ...out.filter((h) => h.id < sec.id).map((h) => h.end));
    const hi = Math.min(t.length, ...out.filter((h) => h.id > sec.id).map((h) => h.start));
    const h = closestHeading(t, sec.id, lo, hi);
    if (h) {
      seen.add(sec.id);
      out.push(h);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const WORDING_KEYS = new Map<number, string[]>(
  SECTIONS.map((s) => [s.id, [s.title, ...s.variants].map((w) => keyOf(norm(w)))]),
);

/** The best inline heading of section `id` in [lo, hi): its numeral and a wording close to the section's. */
function closestHeading(t: string, id: number, lo: number, hi: number): Heading | undefined {
  const numeral = NUMERALS[id - 1];
  const keys = WORDING_KEYS.get(id)!;
  let best: { h: Heading; score: number } | undefined;
  let p = lo;
  for (let n = 0; n < 50; n++) {
    const i = t.indexOf(numeral, p);
    if (i < 0 || i >= hi) break;
    p = i + 1;
    if (!/[、.,]/.test(t[i + 1] ?? '')) continue;
    const from = i + 2;
    for (const k of keys) {
      for (let len = Math.max(2, k.length - 3); len <= k.length + 4 && from + len <= hi; len++) {
        const cand = t.slice(from, from + len);
        if (/\s/.test(cand)) break;
        const ck = keyOf(cand);
        const score = Math.max(similarity(ck, k), 0.95 * charDice(ck, k));
        const atBreak = from + len >= t.length || /[\s。,:]/.test(t[from + len]);
        const s2 = score + (atBreak ? 0.01 : 0);
        if (score >= 0.75 && (!best || s2 > best.score)) best = { h: { id, start: i, end: from + len }, score: s2 };
      }
    }
  }
  return best?.h;
}

/** Whether text `t` is one-line text: a long line that holds section headings or table rows inline. */
function isOneLine(t: string, headings: Heading[]): boolean {
  let inline = 0;
  for (const h of headings) {
    const ls = t.lastIndexOf('\n', h.start - 1) + 1;
    const le = t.indexOf('\n', h.end);
    const len = (le < 0 ? t.length : le) - ls;
    if (len > LONG_LINE && (h.start - ls > 0 || len - (h.end - ls) > 0)) inline++;
  }
  return inline >= 2;
}

/** Reads `base` as one-line text, or returns undefined when it is not. */
export function readOneLine(base: NormalizedText): OneLineView | undefined {
  const t = base.text;
  // Quick reject: no long line.
  let longest = 0;
  for (let s = 0; s < t.length;) {
    const nl = t.indexOf('\n', s);
    const e = nl < 0 ? t.length : nl;
    if (e - s > longest) longest = e - s;
    s = e + 1;
  }
  if (longest <= LONG_LINE) return undefined;
  // Few line breaks: most of the text stands on long lines.
  let onLong = 0;
  for (let s = 0; s < t.length;) {
    const nl = t.indexOf('\n', s);
    const e = nl < 0 ? t.length : nl;
    if (e - s > LONG_LINE) onLong += e - s;
    s = e + 1;
  }
  if (onLong * 2 < t.length) return undefined;
  const headings = findHeadings(t);
  if (!isOneLine(t, headings)) return undefined;
  const r = new Reader(t, headings);
  r.read();
  const view = buildView(base, r.edits);
  return {
    norm: view.norm,
    finish(model) {
      remapLines(model, view.norm);
      const byId = new Map<string, FlatRowState>(r.states);
      let certain = true;
      for (const s of byId.values()) if (s !== 'read') certain = false;
      for (const table of [model.tables.t2, model.tables.t3, model.tables.t4]) {
        if (!table) continue;
        for (const row of table.rows) {
          const s = byId.get(row.rowId);
          if (s === 'inferred-row' || s === 'inferred-table') row.inferred = true;
          // Digits that could not be split are one token: its values ran together.
          if (s === 'unreadable' && r.joined.has(row.rowId) && row.cells.length === 1) row.malformed = true;
        }
      }
      const first = model.title?.span ?? firstContent(model);
      const inferredBy: Record<string, 'row' | 'table'> = {};
      for (const [id, s] of byId)
        if (s === 'inferred-row' || s === 'inferred-table') inferredBy[id] = s === 'inferred-row' ? 'row' : 'table';
      model.oneLine = { span: first, certain, inferredBy };
      if (certain) {
        const o = view.original(model.eol);
        model.oneLine.reformat = { start: o.start, end: o.end, newText: o.text };
      }
      return model;
    },
  };
}

function firstContent(model: ReportModel): Span {
  const t = model.text;
  let a = 0;
  while (a < t.length && /\s/.test(t[a])) a++;
  let b = a;
  while (b < t.length && t[b] !== '\n' && t[b] !== '\r' && b - a < 40) b++;
  return { start: a, end: b };
}

/** Every `line` of the model is a view line: make it the original line holding the same characters. */
function remapLines(model: ReportModel, view: NormalizedText): void {
  const starts = viewLineStarts(view.text);
  const cache = new Map<number, number>();
  const L = (v: number): number => {
    let r = cache.get(v);
    if (r !== undefined) return r;
    if (v >= starts.length) r = model.lineStarts.length;
    else {
      const off = view.span(starts[v], starts[v]).start;
      r = lineOf(model.lineStarts, off);
    }
    cache.set(v, r);
    return r;
  };
  if (model.title) model.title.line = L(model.title.line);
  for (const s of model.sections) {
    s.line = L(s.line);
    s.endLine = L(s.endLine);
    for (const i of s.subItems) i.line = L(i.line);
  }
  for (const table of [model.tables.t2, model.tables.t3, model.tables.t4] as (TableNode | undefined)[]) {
    if (!table) continue;
    table.line = L(table.line);
    table.endLine = L(table.endLine);
    for (const row of table.rows) {
      row.line = L(row.line);
      row.cellsLine = L(row.cellsLine);
    }
    for (const b of table.blocks ?? []) b.line = L(b.line);
    for (const k of Object.keys(table.missingRowAnchors)) table.missingRowAnchors[k] = L(table.missingRowAnchors[k]);
    for (const s of table.strayLines) s.line = L(s.line);
  }
  for (const p of model.prose) p.line = L(p.line);
}

function viewLineStarts(t: string): number[] {
  const out = [0];
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

// ---------------------------------------------------------------- the reader

/** Characters a value run may hold: digits, thousands separators and decimal points, placeholders. */
function isValueChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e || c === 0x2014 || c === 0x2d || c === 0x2f || c === 0x65e0
  );
}

interface Found {
  start: number;
  end: number;
}

class Reader {
  readonly edits: ViewEdit[] = [];
  /** The state of each table row read, by row id. */
  readonly states: [string, FlatRowState][] = [];
  /** Rows whose digits were kept as one run-together token. */
  readonly joined = new Set<string>();
  /** The split last laid out (for the table's sums). */
  private lastSplit: SplitCell[] = [];

  constructor(
    private readonly t: string,
    private readonly headings: Heading[],
  ) {}

  read(): void {
    const hs = this.headings;
    const first = hs.length ? hs[0].start : this.t.length;
    this.title(first);
    for (const h of hs) {
      this.breakAt(h.start);
      this.breakAt(h.end);
    }
    const region = (id: number): [number, number] | undefined => {
      const i = hs.findIndex((h) => h.id === id);
      if (i < 0) return undefined;
      return [hs[i].end, i + 1 < hs.length ? hs[i + 1].start : this.t.length];
    };
    for (const id of [1, 5, 6]) {
      const r = region(id);
      if (r) this.subItems(r[0], r[1]);
    }
    const r2 = region(2);
    const r3 = region(3);
    const r4 = region(4);
    if (r2) this.table2(r2[0], r2[1]);
    if (r3) this.table3(r3[0], r3[1]);
    if (r4) this.table4(r4[0], r4[1]);
  }

  // -------------------------------------------------------------- edits

  /** A line break at `p`, the blanks around it left out. */
  private breakAt(p: number): void {
    let a = p;
    while (a > 0 && SPACE(this.t.charCodeAt(a - 1))) a--;
    let b = p;
    while (b < this.t.length && SPACE(this.t.charCodeAt(b))) b++;
    this.edits.push({ at: a, skipTo: b, insert: '\n' });
  }

  /** A tab at `p`, the blanks around it left out. */
  private tabAt(p: number): void {
    let a = p;
    while (a > 0 && SPACE(this.t.charCodeAt(a - 1))) a--;
    let b = p;
    while (b < this.t.length && SPACE(this.t.charCodeAt(b))) b++;
    this.edits.push({ at: a, skipTo: b, insert: '\t' });
  }

  /** The blanks in [a, b) left out (a run-together token stays one token). */
  private joinAt(a: number, b: number): void {
    this.edits.push({ at: a, skipTo: b, insert: '' });
  }

  // -------------------------------------------------------------- title and prose

  /** The title before the first heading, on a line of its own (page chrome before it on another). */
  private title(limit: number): void {
    const t = this.t;
    // Near the start (a heading may come first in damaged text).
    const m = /政府信息公开(?:工作)?年度报告|年度政府信息公开工作报告|政务公开工作年度报告/.exec(
      t.slice(0, Math.max(limit, Math.min(t.length, 4000))),
    );
    if (!m) return;
    const end = m.index + m[0].length;
    const head = t.slice(Math.max(0, end - 100), end);
    const ym = /(?:19|20)\d\d\s*年/g;
    let year = -1;
    for (let x = ym.exec(head); x; x = ym.exec(head)) year = Math.max(0, end - 100) + x.index;
    if (year < 0) return;
    // The body before the year, a blank between them allowed ("某某局 2022 年…").
    let b = year;
    while (b > 0 && SPACE(t.charCodeAt(b - 1))) b--;
    let start = b;
    while (start > 0 && b - start < 60 && !/[\s>:。,|》】#*]/.test(t[start - 1])) start--;
    if (start === b) start = year;
    // Chrome glued to the body ("打印本页某某县…").
    const chrome = t.slice(start, year).lastIndexOf('打印本页');
    if (chrome >= 0) start += chrome + 4;
    this.breakAt(start);
    this.breakAt(end);
  }

  /** Sub-items "(一)" "(二)" … of a prose section, each on a line of its own. */
  private subItems(from: number, to: number): void {
    const NUM = '一二三四五六七八九十';
    let k = 0;
    let p = from;
    while (k < NUM.length) {
      const tag = `(${NUM[k]})`;
      const i = this.t.indexOf(tag, p);
      if (i < 0 || i >= to) break;
      if (this.t[i - 1] !== '第') {
        this.breakAt(i);
        k++;
      }
      p = i + tag.length;
    }
  }

  // -------------------------------------------------------------- labels and value runs

  /** `label` (normalized) at or after `from`, before `to`, with its enumerator when written. */
  private findLabel(label: string, enumerator: string, from: number, to: number): Found | undefined {
    const re = labelPattern(label);
    re.lastIndex = from;
    const m = re.exec(this.t);
    if (!m || m.index + m[0].length > to) return undefined;
    const i = m.index;
    let start = i;
    if (enumerator) {
      let a = i;
      while (a > from && SPACE(this.t.charCodeAt(a - 1))) a--;
      if (a - enumerator.length >= from && this.t.slice(a - enumerator.length, a) === enumerator)
        start = a - enumerator.length;
      else {
        // "一." for "一、", "1、" for "1.": the enumerator's numeral with either mark.
        const num = enumerator.replace(/[、.,()]/g, '');
        const s2 = a - num.length - 1;
        if (s2 >= from && this.t.slice(s2, s2 + num.length) === num && /[、.,]/.test(this.t[s2 + num.length]))
          start = s2;
      }
    }
    return { start, end: i + m[0].length };
  }

  /** The blank-separated value tokens from `from` (after blanks) up to `to`: where the run ends. */
  private run(from: number, to: number, nextEnumerator = ''): { tokens: RunToken[]; end: number } {
    // The next row's enumerator ("4."), when its label was not found: its numeral is not a value.
    const num = /^\d+\.$/.test(nextEnumerator) ? nextEnumerator.slice(0, -1) : '';
    const t = this.t;
    const tokens: RunToken[] = [];
    let p = from;
    let end = from;
    for (;;) {
      while (p < to && SPACE(t.charCodeAt(p))) p++;
      const s = p;
      while (p < to && isValueChar(t.charCodeAt(p))) p++;
      if (p === s) break;
      // A trailing "." or "," belongs to what follows ("…0 3.其他" is handled by the label; "12。" by prose).
      let e = p;
      while (e > s + 1 && (t.charCodeAt(e - 1) === 0x2e || t.charCodeAt(e - 1) === 0x2c)) e--;
      if (
        e < p &&
        num &&
        p < to &&
        !(t.charCodeAt(e + 1) >= 0x30 && t.charCodeAt(e + 1) <= 0x39) &&
        t.slice(s, e).endsWith(num)
      ) {
        // "…0 04.无正当理由…": the "4." starts the next row.
        if (e - num.length > s) {
          tokens.push({ start: s, end: e - num.length, text: t.slice(s, e - num.length) });
          end = e - num.length;
        }
        break;
      }
      tokens.push({ start: s, end: e, text: t.slice(s, e) });
      end = e;
      if (e < p) break;
      if (p < to && !SPACE(t.charCodeAt(p))) break;
    }
    return { tokens, end };
  }

  /**
   * Lays out a value run of a row with `columns` values and decides its state. `eqs` are the row's
   * own sums. Returns the candidate splits left when undecided (for the table's sums), else undefined.
   */
  private cells(rowId: string, tokens: RunToken[], columns: number, eqs: RowEquation[]): SplitCell[][] | undefined {
    if (tokens.length === 0) return undefined;
    const { count, splits } = splitsOf(tokens, columns);
    if (count === 1) {
      this.layCells(splits[0]);
      this.states.push([rowId, 'read']);
      return undefined;
    }
    if (count > 1 && splits.length > 0) {
      const ok = eqs.length
        ? splits.filter((s) =>
            satisfies(
              s.map((c) => c.value),
              eqs,
            ),
          )
        : [];
      if (ok.length === 1) {
        this.layCells(ok[0]);
        this.states.push([rowId, 'inferred-row']);
        return undefined;
      }
      if (ok.length > 1) return ok;
    }
    this.unreadable(rowId, tokens, count, columns);
    return undefined;
  }

  /** The cells of a split, each after a tab. */
  layCells(split: SplitCell[]): void {
    this.lastSplit = split;
    for (const c of split) this.tabAt(c.start);
  }

  /**
   * A row that cannot be split: the tokens as written when their count is simply wrong (the parser
   * counts them), else one run-together token (the parser reports the values as run together).
   */
  unreadable(rowId: string, tokens: RunToken[], count: number, columns: number): void {
    this.states.push([rowId, 'unreadable']);
    this.tabAt(tokens[0].start);
    if (count === 0 && (tokens.length > columns || tokens.every((x) => x.text.length === 1 || !/^\d+$/.test(x.text)))) {
      for (const x of tokens.slice(1)) this.tabAt(x.start);
      return;
    }
    for (let i = 1; i < tokens.length; i++) this.joinAt(tokens[i - 1].end, tokens[i].start);
    this.joined.add(rowId);
  }

  /** Text between a run's end and the next label that is not blank: a line of its own. */
  private rest(from: number, to: number): void {
    let p = from;
    while (p < to && SPACE(this.t.charCodeAt(p))) p++;
    if (p < to) this.breakAt(p);
  }

  // -------------------------------------------------------------- table 二

  private table2(from: number, to: number): void {
    const t = this.t;
    const re = /第\s*二十\s*条\s*第\s*\(\s*([一二三四五六七八九十]+)\s*\)\s*项/g;
    re.lastIndex = from;
    const starts: { start: number; end: number; item: string }[] = [];
    for (let m = re.exec(t); m && m.index < to; m = re.exec(t))
      starts.push({ start: m.index, end: m.index + m[0].length, item: m[1] });
    if (starts.length === 0) return;
    const region = t.slice(from, to);
    const edition: FormatEdition =
      starts.some((s) => s.item === '九') || /本年新制作数量|上一年项目数量/.test(region) ? '2019' : '2021';
    for (let b = 0; b < starts.length; b++) {
      const s = starts[b];
      const end = b + 1 < starts.length ? starts[b + 1].start : to;
      this.breakAt(s.start);
      this.breakAt(s.end);
      const bt = TEMPLATES[edition].table2.find((x) => x.item === s.item);
      if (bt) this.block(bt, s.end, end);
    }
  }

  private block(bt: Table2BlockTemplate, from: number, to: number): void {
    const t = this.t;
    let p = from;
    // The header: 信息内容 and the column labels, tab-separated when they are found in order.
    while (p < to && SPACE(t.charCodeAt(p))) p++;
    if (t.startsWith('信息内容', p)) {
      let q = p + 4;
      const tabs: number[] = [];
      for (const c of bt.columns) {
        let r = q;
        while (r < to && SPACE(t.charCodeAt(r))) r++;
        const lab = [c.label, ...(c.accepted ?? [])].map(norm).find((l) => t.startsWith(l, r));
        if (!lab) break;
        tabs.push(r);
        q = r + lab.length;
      }
      if (tabs.length === bt.columns.length) {
        for (const x of tabs) this.tabAt(x);
        this.breakAt(q);
        p = q;
      }
    }
    const labels = bt.rows.map((r) => this.findLabel(norm(r.label), '', p, to));
    for (let i = 0; i < bt.rows.length; i++) {
      const f = labels[i];
      if (!f) continue;
      if (f.start < p) continue;
      this.breakAt(f.start);
      let next = to;
      for (let j = i + 1; j < labels.length; j++)
        if (labels[j] && labels[j]!.start >= f.end) {
          next = labels[j]!.start;
          break;
        }
      const { tokens, end } = this.run(f.end, next);
      this.cells(bt.rows[i].id, tokens, bt.columns.length, []);
      this.rest(end, next);
      p = f.end;
    }
  }

  // -------------------------------------------------------------- table 三

  private table3(from: number, to: number): void {
    const t = this.t;
    const region = t.slice(from, to);
    const edition: FormatEdition =
      region.includes(norm('申请人无正当理由逾期不补正')) || region.includes(norm('其他处理1.')) ? '2021' : '2019';
    const rows = TEMPLATES[edition].table3.rows;
    // The corner note, then the header, on lines of their own.
    const note = region.indexOf('(本列数据的勾稽关系');
    let p = from;
    if (note >= 0) {
      const close = t.indexOf(')', from + note);
      this.breakAt(from + note);
      if (close >= 0 && close < to) {
        this.breakAt(close + 1);
        p = close + 1;
      }
    }
    // Row labels in template order.
    const found: (Found | undefined)[] = [];
    let q = p;
    for (const r of rows) {
      const f = this.findLabel(norm(r.label), norm(r.enumerator), q, to);
      found.push(f);
      if (f) q = f.end;
    }
    const firstRow = found.findIndex((f) => f !== undefined);
    if (firstRow < 0) return;
    const headerStart = t.indexOf('申请人情况', p);
    const headerEnd = found[firstRow]!.start;
    let eight = false;
    if (headerStart >= 0 && headerStart < headerEnd) {
      this.breakAt(headerStart);
      eight = keyOf(t.slice(headerStart, headerEnd)).includes('小计');
      this.header(headerStart, headerEnd, T3_HEADER_WORDS);
    }
    const columns = eight ? T3_COLUMNS_WITH_SUBTOTAL : T3_COLUMNS;
    const ids = columns.map((c) => c.id);
    const eqs = rowEquations(TEMPLATES[edition].sums, 't3', ids);
    const undecided: { rowId: string; splits: SplitCell[][]; tokens: RunToken[] }[] = [];
    const values = new Map<string, (number | undefined)[]>();
    let lineOpen = false;
    for (let i = 0; i < rows.length; i++) {
      const f = found[i];
      if (!f) continue;
      const r = rows[i];
      // A group label starts the line of its first row; the row's label follows after a tab.
      if (!lineOpen) this.breakAt(f.start);
      else this.tabAt(f.start);
      if (r.group) {
        lineOpen = true;
        continue;
      }
      lineOpen = false;
      let next = to;
      for (let j = i + 1; j < found.length; j++)
        if (found[j]) {
          next = found[j]!.start;
          break;
        }
      const nextMissing = i + 1 < rows.length && !found[i + 1] ? norm(rows[i + 1].enumerator) : '';
      const { tokens, end } = this.run(f.end, next, nextMissing);
      const before = this.states.length;
      const left = this.cells(
        r.id,
        tokens,
        columns.length,
        eqs.filter((e) => e.rows.has(r.id)).map((e) => e.eq),
      );
      if (left) undecided.push({ rowId: r.id, splits: left, tokens });
      else if (this.states.length > before && this.states[this.states.length - 1][1] !== 'unreadable') {
        values.set(
          r.id,
          this.lastSplit.map((c) => c.value),
        );
      }
      this.rest(end, next);
    }
    this.decideByTable(edition, ids, undecided, values);
  }

  /** Rows whose own sums left several splits: the table's column sums decide, if exactly one way fits. */
  private decideByTable(
    edition: FormatEdition,
    ids: string[],
    undecided: { rowId: string; splits: SplitCell[][]; tokens: RunToken[] }[],
    values: Map<string, (number | undefined)[]>,
  ): void {
    if (undecided.length === 0) return;
    const rels = TEMPLATES[edition].sums.filter((s) => s.table === 't3' && s.each === 'column');
    let combos = 1;
    for (const u of undecided) combos *= u.splits.length;
    let hit: number[] | undefined;
    let hits = 0;
    if (combos <= 4096) {
      const pick = new Array<number>(undecided.length).fill(0);
      for (let n = 0; n < combos && hits < 2; n++) {
        let x = n;
        for (let i = 0; i < undecided.length; i++) {
          pick[i] = x % undecided[i].splits.length;
          x = Math.floor(x / undecided[i].splits.length);
          values.set(
            undecided[i].rowId,
            undecided[i].splits[pick[i]].map((c) => c.value),
          );
        }
        if (columnSumsHold(rels, ids, values)) {
          hits++;
          hit = pick.slice();
        }
      }
    }
    for (let i = 0; i < undecided.length; i++) {
      const u = undecided[i];
      if (hits === 1 && hit) {
        this.layCells(u.splits[hit[i]]);
        this.states.push([u.rowId, 'inferred-table']);
      } else this.unreadable(u.rowId, u.tokens, 2, ids.length);
    }
  }

  // -------------------------------------------------------------- table 四

  private table4(from: number, to: number): void {
    const t = this.t;
    const h = t.indexOf('行政复议', from);
    let hs = h >= 0 && h < to ? h : from;
    let d = hs;
    while (d < to && !(t.charCodeAt(d) >= 0x30 && t.charCodeAt(d) <= 0x39)) d++;
    if (d >= to) return;
    while (hs < d && SPACE(t.charCodeAt(hs))) hs++;
    if (hs < d) {
      this.breakAt(hs);
      this.header(hs, d, T4_HEADER_WORDS);
    }
    this.breakAt(d);
    const { tokens, end } = this.run(d, to);
    const columns = TEMPLATES['2021'].table4.columns;
    const ids = columns.map((c) => c.id);
    const eqs = rowEquations(TEMPLATES['2021'].sums, 't4', ids).map((e) => e.eq);
    this.cells('t4.data', tokens, columns.length, eqs);
    this.rest(end, to);
  }

  /** Header words, tab-separated: known words (blanks inside them allowed), else blank-separated words. */
  private header(from: number, to: number, words: string[]): void {
    const t = this.t;
    let p = from;
    let firstWord = true;
    while (p < to) {
      while (p < to && SPACE(t.charCodeAt(p))) p++;
      if (p >= to) break;
      let end = -1;
      for (const w of words) {
        // The word's characters in order, blanks between them allowed.
        let q = p;
        let k = 0;
        while (k < w.length && q < to) {
          if (t[q] === w[k]) {
            k++;
            q++;
          } else if (k > 0 && SPACE(t.charCodeAt(q))) q++;
          else break;
        }
        if (k === w.length) {
          end = q;
          break;
        }
      }
      if (end < 0) {
        end = p;
        while (end < to && !SPACE(t.charCodeAt(end))) end++;
      }
      if (!firstWord) this.tabAt(p);
      firstWord = false;
      // Blanks inside a known word are left out of the view.
      for (let i = p; i < end; i++) {
        if (!SPACE(t.charCodeAt(i))) continue;
        let j = i;
        while (j < end && SPACE(t.charCodeAt(j))) j++;
        this.joinAt(i, j);
        i = j;
      }
      p = end;
    }
    this.breakAt(to);
  }
}

/** Header words of tables 三 and 四, longest first. */
const T3_HEADER_WORDS = [
  '申请人情况',
  '法人或其他组织',
  '社会公益组织',
  '法律服务机构',
  '商业企业',
  '科研机构',
  '自然人',
  '小计',
  '总计',
  '其他',
];
const T4_HEADER_WORDS = [
  ...new Set([...T4_GROUPS.map((g) => g.label), '行政诉讼', ...TEMPLATES['2021'].table4.columns.map((c) => c.label)]),
].sort((a, b) => b.length - a.length);

/** The row relations of a table as equations over column indexes, with the rows they apply to. */
function rowEquations(
  sums: SumRelation[],
  table: 't3' | 't4',
  ids: string[],
): { rows: Set<string>; eq: RowEquation }[] {
  const out: { rows: Set<string>; eq: RowEquation }[] = [];
  for (const s of sums) {
    if (s.table !== table || s.each !== 'row') continue;
    if (s.requiresColumn && !ids.includes(s.requiresColumn)) continue;
    const idx = (c: string) => ids.indexOf(c);
    const eq = { target: idx(s.target), plus: s.plus.map(idx), minus: (s.minus ?? []).map(idx) };
    if (eq.target < 0 || eq.plus.some((i) => i < 0) || eq.minus.some((i) => i < 0)) continue;
    out.push({ rows: new Set(s.rows), eq });
  }
  return out;
}

/** Whether every column relation whose rows are all known holds. */
function columnSumsHold(rels: SumRelation[], ids: string[], values: Map<string, (number | undefined)[]>): boolean {
  for (const rel of rels) {
    if (rel.requiresColumn && !ids.includes(rel.requiresColumn)) continue;
    for (const col of rel.columns) {
      const ci = ids.indexOf(col);
      if (ci < 0) continue;
      const get = (r: string) => values.get(r)?.[ci];
      const target = get(rel.target);
      if (target === undefined) continue;
      let s = 0;
      let known = true;
      for (const r of rel.plus) {
        const v = get(r);
        if (v === undefined) known = false;
        else s += v;
      }
      for (const r of rel.minus ?? []) {
        const v = get(r);
        if (v === undefined) known = false;
        else s -= v;
      }
      if (known && Math.abs(s - target) > 1e-9) return false;
    }
  }
  return true;
}

const PATTERNS = new Map<string, RegExp>();
/** A label as written, blanks allowed between its characters (a label wrapped in the source). */
function labelPattern(label: string): RegExp {
  let re = PATTERNS.get(label);
  if (!re) {
    re = new RegExp([...label].map((c) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('[ \\t]*'), 'g');
    PATTERNS.set(label, re);
  }
  return re;
}

/** The 0-based line holding an original offset. */
function lineOf(lineStarts: number[], offset: number): number {
  return lastAtOrBefore(lineStarts.length, (i) => lineStarts[i], offset);
}
