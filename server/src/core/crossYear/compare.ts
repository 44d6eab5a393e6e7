/**
 * Year-over-year comparison of two reports of one body: every figure of the three tables side by side with
 * the change, the sections, tables and blocks present in one report and not the other, and the cross-year
 * identities. Rows and columns are the template's (`template/template.ts`), matched by id: a 2019-format
 * report and a 2021-format one line up wherever the two editions share a row or column (table 三 and 四
 * entirely; in table 二 the rows and the 处理决定数量 column), and figures of a column only one edition has
 * stand alone. Pure data: the CLI formats it as text, JSON or HTML.
 */
import type {
  CellKind,
  FormatEdition,
  Localized,
  ReportModel,
  RowNode,
  SectionId,
  Span,
  TableKind,
  TableNode,
} from '../types';
import {
  SECTIONS,
  T3_COLUMNS_WITH_SUBTOTAL,
  TEMPLATES,
  rowDisplay,
  type ColumnTemplate,
  type RowTemplate,
} from '../template/template';
import { columnsOfRow, columnDisplay } from '../template/cells';
import { TABLE_NAMES } from '../i18n/messages/table';
import { evaluateCrossYear, type RelationResult } from '../rules/crossYear/relations';
import { identityOf, type ReportIdentity } from './identity';

/** One cell as read from one report. */
export interface Figure {
  /** The cell as written. */
  raw: string;
  kind: CellKind;
  /** The number, when the cell holds one. */
  value?: number;
  /** 0-based line of the cell, and its span. */
  line: number;
  span: Span;
}

export interface FigureRow {
  table: TableKind;
  /** Table 二: the block heading (第二十条第（一）项). */
  block?: string;
  rowId: string;
  rowName: string;
  columnId: string;
  columnName: string;
  previous?: Figure;
  current?: Figure;
  /** current − previous, when both are numbers. */
  change?: number;
  /** The change in percent of last year's figure (undefined when last year's is 0 or unknown). */
  changePct?: number;
}

/** A section, table or table-二 block. */
export interface Part {
  kind: 'section' | 'table' | 'block';
  id: string;
  name: Localized;
}

export interface ComparedReport {
  identity?: ReportIdentity;
  /** Edition of the tables (2021 when unknown). */
  edition: FormatEdition;
  isReport: boolean;
}

export interface Comparison {
  previous: ComparedReport;
  current: ComparedReport;
  figures: FigureRow[];
  onlyInPrevious: Part[];
  onlyInCurrent: Part[];
  identities: RelationResult[];
}

const round = (n: number) => Number(n.toFixed(6));

function editionOf(model: ReportModel, t: TableKind): FormatEdition {
  return model.tables[t]?.edition ?? model.edition;
}

function readFigure(table: TableNode | undefined, rowId: string, columnId: string): Figure | undefined {
  if (!table) return undefined;
  const row: RowNode | undefined = table.rows.find((r) => r.rowId === rowId);
  if (!row) return undefined;
  const cols = columnsOfRow(table, row);
  const i = cols.findIndex((c) => c.id === columnId);
  if (i < 0) return undefined;
  if (row.malformed || row.cells.length !== cols.length) {
    // The cells could not be told apart: nothing is read from this row.
    return { raw: '', kind: 'invalid', line: row.cellsLine, span: row.span };
  }
  const cell = row.cells[i];
  const f: Figure = { raw: cell.raw, kind: cell.kind, line: row.cellsLine, span: cell.span };
  if ((cell.kind === 'integer' || cell.kind === 'decimal') && cell.value !== undefined) f.value = cell.value;
  return f;
}

/** Union of two ordered id lists: `a`'s order, with `b`'s extra ids after the id they follow in `b`. */
function mergeOrder<T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] {
  const out = [...a];
  const ids = new Set(a.map((x) => x.id));
  b.forEach((x, i) => {
    if (ids.has(x.id)) return;
    const before = i > 0 ? out.findIndex((y) => y.id === b[i - 1].id) : -1;
    out.splice(before + 1, 0, x);
    ids.add(x.id);
  });
  return out;
}

function figureRow(base: Omit<FigureRow, 'change' | 'changePct'>): FigureRow {
  const r: FigureRow = { ...base };
  const a = base.previous?.value;
  const b = base.current?.value;
  if (a !== undefined && b !== undefined) {
    r.change = round(b - a);
    if (a !== 0) r.changePct = round(((b - a) / a) * 100);
  }
  return r;
}

function table3Figures(prev: ReportModel, cur: ReportModel): FigureRow[] {
  const e = [editionOf(cur, 't3'), editionOf(prev, 't3')];
  // A row is compared when it holds numbers in either edition (（六）其他处理 is one row in 2019, a group in 2021).
  const dataRows = new Set(e.flatMap((x) => TEMPLATES[x].table3.rows.filter((r) => !r.group).map((r) => r.id)));
  const rows = mergeOrder(TEMPLATES[e[0]].table3.rows, TEMPLATES[e[1]].table3.rows).filter((r) => dataRows.has(r.id));
  const used = new Set([...(cur.tables.t3?.columnIds ?? []), ...(prev.tables.t3?.columnIds ?? [])]);
  const cols = T3_COLUMNS_WITH_SUBTOTAL.filter((c) => used.has(c.id) || (used.size === 0 && c.id !== 'legalSubtotal'));
  const out: FigureRow[] = [];
  for (const r of rows) {
    const edition = TEMPLATES[e[0]].table3.rows.some((x) => x.id === r.id && !x.group) ? e[0] : e[1];
    for (const c of cols) {
      out.push(
        figureRow({
          table: 't3',
          rowId: r.id,
          rowName: rowDisplay(edition, r.id),
          columnId: c.id,
          columnName: c.label,
          previous: readFigure(prev.tables.t3, r.id, c.id),
          current: readFigure(cur.tables.t3, r.id, c.id),
        }),
      );
    }
  }
  return out;
}

function table4Figures(prev: ReportModel, cur: ReportModel): FigureRow[] {
  const t = TEMPLATES['2021'].table4;
  const out: FigureRow[] = [];
  for (const c of t.columns) {
    const name = cur.tables.t4
      ? columnDisplay(cur.tables.t4, c)
      : prev.tables.t4
        ? columnDisplay(prev.tables.t4, c)
        : c.label;
    out.push(
      figureRow({
        table: 't4',
        rowId: 't4.data',
        rowName: '',
        columnId: c.id,
        columnName: name,
        previous: readFigure(prev.tables.t4, 't4.data', c.id),
        current: readFigure(cur.tables.t4, 't4.data', c.id),
      }),
    );
  }
  return out;
}

function table2Figures(prev: ReportModel, cur: ReportModel): FigureRow[] {
  const ec = editionOf(cur, 't2');
  const ep = editionOf(prev, 't2');
  const blocks = mergeOrder(TEMPLATES[ec].table2, TEMPLATES[ep].table2);
  const out: FigureRow[] = [];
  for (const b of blocks) {
    const bc = TEMPLATES[ec].table2.find((x) => x.id === b.id);
    const bp = TEMPLATES[ep].table2.find((x) => x.id === b.id);
    const rows: RowTemplate[] = mergeOrder(bc?.rows ?? [], bp?.rows ?? []);
    const cols: ColumnTemplate[] = mergeOrder(bc?.columns ?? [], bp?.columns ?? []);
    for (const r of rows) {
      const rowEdition = bc?.rows.some((x) => x.id === r.id) ? ec : ep;
      for (const c of cols) {
        out.push(
          figureRow({
            table: 't2',
            block: b.heading,
            rowId: r.id,
            rowName: rowDisplay(rowEdition, r.id),
            columnId: c.id,
            columnName: c.label,
            previous: readFigure(prev.tables.t2, r.id, c.id),
            current: readFigure(cur.tables.t2, r.id, c.id),
          }),
        );
      }
    }
  }
  // A row and column are listed when one of the editions has that column for that row.
  return out.filter((f) => presentInTemplate(f, ec) || presentInTemplate(f, ep));
}

function presentInTemplate(f: FigureRow, e: FormatEdition): boolean {
  const b = TEMPLATES[e].table2.find((x) => x.heading === f.block);
  return !!b && b.rows.some((r) => r.id === f.rowId) && b.columns.some((c) => c.id === f.columnId);
}

function partsOf(model: ReportModel): Part[] {
  const parts: Part[] = [];
  const ids = new Set<SectionId>(model.sections.map((s) => s.id));
  for (const s of SECTIONS) {
    if (ids.has(s.id))
      parts.push({
        kind: 'section',
        id: `s${s.id}`,
        name: { zh: `${s.enumerator}${s.title}`, en: `${s.enumerator}${s.title}` },
      });
  }
  for (const t of ['t2', 't3', 't4'] as const)
    if (model.tables[t]) parts.push({ kind: 'table', id: t, name: TABLE_NAMES[t] });
  for (const b of model.tables.t2?.blocks ?? []) {
    const heading = TEMPLATES[model.tables.t2!.edition].table2.find((x) => x.id === b.blockId)?.heading ?? b.blockId;
    parts.push({ kind: 'block', id: b.blockId, name: { zh: heading, en: heading } });
  }
  return parts;
}

/** Compares last year's report with this year's. */
export function compareReports(previous: ReportModel, current: ReportModel): Comparison {
  const pp = partsOf(previous);
  const cp = partsOf(current);
  const has = (list: Part[], p: Part) => list.some((x) => x.kind === p.kind && x.id === p.id);
  const side = (m: ReportModel): ComparedReport => ({
    identity: identityOf(m),
    edition: m.edition,
    isReport: m.isReport,
  });
  return {
    previous: side(previous),
    current: side(current),
    figures: [
      ...table2Figures(previous, current),
      ...table3Figures(previous, current),
      ...table4Figures(previous, current),
    ],
    onlyInPrevious: pp.filter((p) => !has(cp, p)),
    onlyInCurrent: cp.filter((p) => !has(pp, p)),
    identities: evaluateCrossYear(current, previous),
  };
}
