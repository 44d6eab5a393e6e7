/** The three standard tables: regions, headers, rows. */
import type { FormatEdition, HeaderNode, RowNode, Table2Block, TableNode } from '../types';
import {
  TEMPLATES,
  T3_COLUMNS,
  T3_COLUMNS_WITH_SUBTOTAL,
  T3_HEADER_GROUPS,
  T4_HEADER_GROUPS,
  type RowTemplate,
  type Table2BlockTemplate,
} from '../template/template';
import { keyOf } from '../text/keys';
import { looksRunTogether, toCell, type ParseContext } from './context';
import { headerTokens, matchHeaders, type ExpectedHeader } from './headers';
import { scanRow } from './layouts';
import { assembleRows } from './rows';

/**
 * Lines that start a table: the 第二十条 block heading, table 三's corner note, header or first row,
 * table 四's header. Prose that merely mentions the same words ("本年新收政府信息公开申请12件",
 * "根据第二十条第（一）项") does not start a table.
 */
export function isT2Anchor(text: string): RegExpExecArray | null {
  if (text.length > 80) return null;
  return /^[\s|#*]*第\s*二十\s*条\s*第\s*\(?\s*([一二三四五六七八九十]+)\s*\)?\s*项/.exec(text);
}

export function isT3Anchor(text: string): boolean {
  if (text.length > 400) return false;
  const k = keyOf(text);
  return (
    (k.includes('勾稽关系') && k.includes('第一项')) ||
    /^申请人情况/.test(k) ||
    (/^一本年新收政府信息公开申请/.test(k) && scanRow({ index: 0, start: 0, end: text.length, text }).cells.length > 0)
  );
}

export function isT4Anchor(text: string): boolean {
  // Every anchor's key holds 行政复议: a line without 议 is none.
  if (text.length > 160 || !text.includes('议') || /[。；;]\s*$/.test(text)) return false;
  const k = keyOf(text);
  return k.includes('行政复议') && (k.includes('行政诉讼') || k.includes('结果维持') || k.length <= 6);
}

function lastContentLine(ctx: ParseContext, from: number, to: number): number {
  let last = from;
  for (let i = from; i < to; i++) {
    if (!ctx.empty(i)) last = i;
  }
  return last;
}

const DATA_ROWS = new WeakMap<RowTemplate[], RowTemplate[]>();
/** The rows of a template that hold data (not group labels), computed once per template. */
function dataRows(templateRows: RowTemplate[]): RowTemplate[] {
  let d = DATA_ROWS.get(templateRows);
  if (!d) DATA_ROWS.set(templateRows, (d = templateRows.filter((r) => !r.group)));
  return d;
}

function tableSpan(ctx: ParseContext, from: number, endLine: number) {
  return ctx.span(ctx.lines[from].start, ctx.lines[endLine].end);
}

function missingAnchors(rows: RowNode[], templateRows: RowTemplate[], endLine: number) {
  // (Filled by a loop: building a Map from an array of pairs goes through the iterator protocol.)
  const present = new Map<string, number>();
  for (const r of rows) present.set(r.rowId, r.line);
  const data = dataRows(templateRows);
  const missing: string[] = [];
  for (const r of data) if (!present.has(r.id)) missing.push(r.id);
  const anchors: Record<string, number> = {};
  for (const id of missing) {
    const idx = data.findIndex((r) => r.id === id);
    let line = endLine + 1;
    for (let j = idx + 1; j < data.length; j++) {
      const l = present.get(data[j].id);
      if (l !== undefined) {
        line = l;
        break;
      }
    }
    anchors[id] = line;
  }
  return { missing, anchors };
}

// ---------------------------------------------------------------- table 三

function t3ColumnCount(ctx: ParseContext, from: number, to: number): number {
  const counts = new Map<number, number>();
  for (let i = from; i < to; i++) {
    // Scanned as 7-cell rows: an 8-cell row still shows its 8 cells, and the scan is reused. A row with
    // blank cells does not vote: its empty fields are counted against the expected count.
    const cells = ctx.scan(i, 7).cells;
    const n = cells.length;
    if (n >= 6 && !cells.some((c) => c.kind === 'blank')) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return (counts.get(8) ?? 0) > (counts.get(7) ?? 0) ? 8 : 7;
}

const groupHeaders = (groups: readonly { id: string; label: string }[]): ExpectedHeader[] =>
  groups.map((g) => ({ columnId: `group.${g.id}`, label: g.label }));
const T3_HEADERS_GROUPS: ExpectedHeader[] = groupHeaders(T3_HEADER_GROUPS);

const columnHeaders = (cols: typeof T3_COLUMNS): ExpectedHeader[] =>
  cols.map((c) => ({ columnId: c.id, label: c.label, accepted: c.accepted }));
const T3_HEADERS_7: ExpectedHeader[] = [...T3_HEADERS_GROUPS, ...columnHeaders(T3_COLUMNS)];
// The 8-column variant's subtotal is headed by 法人或其他组织 itself: that word is the column.
const T3_HEADERS_8: ExpectedHeader[] = [T3_HEADERS_GROUPS[0], ...columnHeaders(T3_COLUMNS_WITH_SUBTOTAL)];

const BLOCK_HEADERS = new WeakMap<Table2BlockTemplate, ExpectedHeader[]>();
function blockHeaders(bt: Table2BlockTemplate): ExpectedHeader[] {
  let h = BLOCK_HEADERS.get(bt);
  if (!h)
    BLOCK_HEADERS.set(
      bt,
      (h = bt.columns.map((c) => ({ columnId: `${bt.id}.${c.id}`, label: c.label, accepted: c.accepted }))),
    );
  return h;
}

export function parseTable3(ctx: ParseContext, from: number, to: number): TableNode {
  const columnCount = t3ColumnCount(ctx, from, to);
  const columns = columnCount === 8 ? T3_COLUMNS_WITH_SUBTOTAL : T3_COLUMNS;
  // Read the rows with each edition's template; keep the reading that explains the table best.
  let best: { edition: FormatEdition; a: ReturnType<typeof assembleRows>; s: number } | undefined;
  for (const edition of ['2021', '2019'] as FormatEdition[]) {
    const rows = TEMPLATES[edition].table3.rows;
    const a = assembleRows(ctx, from, to, rows, { cells: columnCount, freePrefix: true });
    const missing = rows.filter((r) => !r.group && !a.rows.some((x) => x.rowId === r.id)).length;
    const s = a.score - missing * 0.5 - a.stray.length * 0.5;
    if (!best || s > best.s + 1e-9) best = { edition, a, s };
    // The editions differ only in （六）: a 2021 reading with every row found and no stray line leaves nothing
    // for the 2019 one to explain.
    if (missing === 0 && a.stray.length === 0) break;
  }
  const { edition, a } = best!;
  const templateRows = TEMPLATES[edition].table3.rows;
  const headerExpected = columnCount === 8 ? T3_HEADERS_8 : T3_HEADERS_7;
  const headerTokenList: ReturnType<typeof headerTokens> = [];
  for (const l of a.headerLines) headerTokenList.push(...headerTokens(l));
  const firstRowStart = a.rows.length ? a.rows[0].span.start : Infinity;
  const headers = matchHeaders(ctx, headerTokenList, headerExpected).filter((h) => h.span.start < firstRowStart);
  const endLine = lastContentLine(ctx, from, to);
  const { missing, anchors } = missingAnchors(a.rows, templateRows, endLine);
  return {
    kind: 't3',
    edition,
    columnCount,
    columnIds: columns.map((c) => c.id),
    span: tableSpan(ctx, from, endLine),
    line: from,
    endLine,
    headers,
    rows: a.rows,
    missingRowIds: missing,
    missingRowAnchors: anchors,
    strayLines: a.stray,
  };
}

// ---------------------------------------------------------------- table 二

interface BlockStart {
  line: number;
  item: string;
}

export function parseTable2(ctx: ParseContext, from: number, to: number): TableNode {
  const starts: BlockStart[] = [];
  for (let i = from; i < to; i++) {
    const m = isT2Anchor(ctx.lines[i].text.trim());
    if (m) starts.push({ line: i, item: m[1] });
  }
  const edition = t2Edition(ctx, starts, to);
  const tpl = TEMPLATES[edition].table2;
  const blocks: Table2Block[] = [];
  for (let b = 0; b < starts.length; b++) {
    const s = starts[b];
    const end = b + 1 < starts.length ? starts[b + 1].line : to;
    const bt = tpl.find((x) => x.item === s.item) ?? TEMPLATES['2019'].table2.find((x) => x.item === s.item);
    if (!bt) continue;
    blocks.push(parseBlock(ctx, s, end, bt));
  }
  // (Plain loops: flatMap is slow in V8.)
  const rows: RowNode[] = [];
  const headers: HeaderNode[] = [];
  for (const b of blocks) {
    rows.push(...b.rows);
    headers.push(...b.headers);
  }
  const endLine = lastContentLine(ctx, from, to);
  const templateRows = t2TemplateRows(edition);
  const { missing, anchors } = missingAnchors(rows, templateRows, endLine);
  return {
    kind: 't2',
    edition,
    columnCount: 0,
    columnIds: [],
    span: tableSpan(ctx, from, endLine),
    line: from,
    endLine,
    headers,
    rows,
    blocks,
    missingRowIds: missing,
    missingRowAnchors: anchors,
    strayLines: [],
  };
}

const T2_ROWS = new Map<FormatEdition, RowTemplate[]>();
/** The rows of every block of table 二's template, in order. */
function t2TemplateRows(edition: FormatEdition): RowTemplate[] {
  let rows = T2_ROWS.get(edition);
  if (!rows) T2_ROWS.set(edition, (rows = TEMPLATES[edition].table2.flatMap((b) => b.rows)));
  return rows;
}

function headerLineOf(ctx: ParseContext, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) {
    const t = ctx.lines[i].text;
    if (t.includes('信息内容') && keyOf(t).startsWith('信息内容')) return i;
  }
  return undefined;
}

const COLUMN_KEYS = new WeakMap<Table2BlockTemplate, string[]>();
/** The keys of a block template's column labels (templates are constants: the cache stays small). */
function columnKeys(bt: Table2BlockTemplate): string[] {
  let keys = COLUMN_KEYS.get(bt);
  if (!keys) COLUMN_KEYS.set(bt, (keys = bt.columns.map((c) => keyOf(c.label))));
  return keys;
}

/** 2019 when a block heads the 2019 columns (or 第（九）项 is there), else 2021. */
function t2Edition(ctx: ParseContext, starts: BlockStart[], to: number): FormatEdition {
  if (starts.some((s) => s.item === '九')) return '2019';
  let votes = 0;
  for (let b = 0; b < starts.length; b++) {
    const end = b + 1 < starts.length ? starts[b + 1].line : to;
    const h = headerLineOf(ctx, starts[b].line + 1, end);
    if (h === undefined) continue;
    const k = keyOf(ctx.lines[h].text);
    for (const e of ['2021', '2019'] as FormatEdition[]) {
      const bt = TEMPLATES[e].table2.find((x) => x.item === starts[b].item);
      if (!bt) continue;
      let hits = 0;
      for (const ck of columnKeys(bt)) if (k.includes(ck)) hits++;
      votes += e === '2019' ? hits : -hits;
    }
  }
  return votes > 0 ? '2019' : '2021';
}

function parseBlock(ctx: ParseContext, s: BlockStart, end: number, bt: Table2BlockTemplate): Table2Block {
  const h = headerLineOf(ctx, s.line + 1, end);
  let headers: HeaderNode[] = [];
  if (h !== undefined) {
    const toks = headerTokens(ctx.lines[h]).filter((t) => t.key !== '信息内容');
    headers = matchHeaders(ctx, toks, blockHeaders(bt));
  }
  const a = assembleRows(ctx, h !== undefined ? h + 1 : s.line + 1, end, bt.rows, {
    cells: bt.columns.length,
    freePrefix: false,
  });
  const line = ctx.lines[s.line];
  const m = isT2Anchor(line.text);
  const lead = m ? m[0].length - m[0].replace(/^[\s|#*]*/, '').length : 0;
  const at = m ? line.start + m.index + lead : line.start;
  return {
    blockId: bt.id,
    span: ctx.span(at, m ? line.start + m.index + m[0].length : line.end),
    line: s.line,
    headers,
    rows: a.rows,
  };
}

// ---------------------------------------------------------------- table 四

const T4_HEADERS: ExpectedHeader[] = [
  ...groupHeaders(T4_HEADER_GROUPS),
  ...TEMPLATES['2021'].table4.columns.map((c) => ({ columnId: c.id, label: c.label })),
];

export function parseTable4(ctx: ParseContext, from: number, to: number): TableNode {
  const expected = TEMPLATES['2021'].table4.columns.length;
  const headerTokenList = [];
  const cellsTokens = [];
  let firstValueLine = -1;
  let lastValueLine = -1;
  let labelStart: number | undefined;
  for (let i = from; i < to; i++) {
    const line = ctx.lines[i];
    if (ctx.empty(i)) continue;
    const scan = ctx.scan(i, expected);
    if (scan.cells.length === 0) {
      if (firstValueLine < 0) headerTokenList.push(...headerTokens(line));
      else break;
      continue;
    }
    if (cellsTokens.length >= expected) break;
    if (firstValueLine < 0) {
      firstValueLine = i;
      labelStart = scan.labelStart;
    }
    lastValueLine = i;
    cellsTokens.push(...scan.cells);
  }
  const rows: RowNode[] = [];
  if (firstValueLine >= 0) {
    const cells = cellsTokens.map((t) => toCell(ctx, t));
    const start = labelStart ?? cellsTokens[0].start;
    const row: RowNode = {
      rowId: 't4.data',
      labelText: '',
      labelSpans: [],
      labelMatch: 'exact',
      cells,
      line: firstValueLine,
      cellsLine: lastValueLine,
      span: ctx.span(start, cellsTokens[cellsTokens.length - 1].end),
    };
    if (looksRunTogether(cells, expected)) row.malformed = true;
    rows.push(row);
  }
  const headers = matchHeaders(ctx, headerTokenList, T4_HEADERS);
  const endLine = lastContentLine(ctx, from, lastValueLine >= 0 ? lastValueLine + 1 : to);
  return {
    kind: 't4',
    edition: '2021',
    columnCount: expected,
    columnIds: TEMPLATES['2021'].table4.columns.map((c) => c.id),
    span: tableSpan(ctx, from, endLine),
    line: from,
    endLine,
    headers,
    rows,
    missingRowIds: rows.length ? [] : ['t4.data'],
    missingRowAnchors: rows.length ? {} : { 't4.data': endLine + 1 },
    strayLines: [],
  };
}
