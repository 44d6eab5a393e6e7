/**
 * `govreport-lint extract`: the figures the reader read from a report, one record per report.
 *
 * Every figure of tables 二, 三 and 四 is named by one function, `fieldName(rowId, columnId)`, from the
 * template's own ids: `t2.1.rules.made`, `t3.new.natural`, `t3.total.total`, `t4.data.review.upheld`.
 * The names are stable: they change only if the State Council template changes. Each figure has a
 * state: `read` (a number, read with certainty), `inferred` (a number whose row was split by its own
 * arithmetic), `blank` (the cell is there and empty) or `unreadable` (the reason says why: the row's
 * values ran together, the row has too many or too few cells, the cell is not a number, the row or
 * the table is missing). A figure that is not read is never given a value.
 */
import type { CellNode, FormatEdition, ReportModel, RowNode, TableNode } from '../core/types';
import { TEMPLATES } from '../core';
import { rowDisplay, T3_COLUMNS, T3_COLUMNS_WITH_SUBTOTAL } from '../core/template/template';
import type { ColumnTemplate } from '../core/template/template';
import { columnDisplay, columnsOfRow } from '../core/template/cells';

export type FigureState = 'read' | 'inferred' | 'blank' | 'unreadable';
export type UnreadableReason = 'malformed' | 'cell-count' | 'invalid-cell' | 'missing-row' | 'missing-table';

export interface Figure {
  /** The figure's stable name (fieldName). */
  field: string;
  table: 't2' | 't3' | 't4';
  rowId: string;
  columnId: string;
  /** The figure in words: row and column as the template writes them. */
  label: string;
  /** The number, when read or inferred. */
  value?: number;
  state: FigureState;
  reason?: UnreadableReason;
  /** The cell as written, when it is not a number. */
  raw?: string;
  /** 1-based line of the cell (of the row when the cell is not there) in the checked text. */
  line?: number;
}

export interface ReportRecord {
  title?: string;
  body?: string;
  year?: number;
  edition: FormatEdition;
  figures: Figure[];
}

/** The one naming function: a template row id and column id → the figure's name. */
export function fieldName(rowId: string, columnId: string): string {
  return `${rowId}.${columnId}`;
}

interface FieldDef {
  table: 't2' | 't3' | 't4';
  rowId: string;
  column: ColumnTemplate;
  label: string;
}

/** Every figure of an edition's tables, in template order (table 三 with the columns it was read with). */
export function fieldsOf(edition: FormatEdition, t3Columns: readonly ColumnTemplate[] = T3_COLUMNS): FieldDef[] {
  const t = TEMPLATES[edition];
  const out: FieldDef[] = [];
  for (const block of t.table2) {
    for (const row of block.rows) {
      for (const column of block.columns)
        out.push({ table: 't2', rowId: row.id, column, label: `${block.heading} ${row.label}·${column.label}` });
    }
  }
  for (const row of t.table3.rows) {
    if (row.group) continue;
    for (const column of t3Columns)
      out.push({ table: 't3', rowId: row.id, column, label: `${rowDisplay(edition, row.id)}·${column.label}` });
  }
  for (const row of t.table4.rows) {
    for (const column of t.table4.columns)
      out.push({ table: 't4', rowId: row.id, column, label: columnDisplay({ kind: 't4' }, column) });
  }
  return out;
}

function lineOf(model: ReportModel, offset: number): number {
  const starts = model.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function figureOf(model: ReportModel, def: FieldDef, table: TableNode | undefined, row: RowNode | undefined): Figure {
  const f: Figure = {
    field: fieldName(def.rowId, def.column.id),
    table: def.table,
    rowId: def.rowId,
    columnId: def.column.id,
    label: def.label,
    state: 'unreadable',
  };
  if (!table) {
    f.reason = 'missing-table';
    return f;
  }
  if (!row) {
    f.reason = 'missing-row';
    return f;
  }
  const cols = columnsOfRow(table, row);
  if (row.malformed || row.cells.length !== cols.length) {
    f.reason = row.malformed ? 'malformed' : 'cell-count';
    f.line = row.cellsLine + 1;
    return f;
  }
  const i = cols.findIndex((c) => c.id === def.column.id);
  const cell: CellNode | undefined = i >= 0 ? row.cells[i] : undefined;
  if (!cell) {
    f.reason = 'cell-count';
    f.line = row.cellsLine + 1;
    return f;
  }
  f.line = lineOf(model, cell.span.start);
  if (cell.kind === 'blank') f.state = 'blank';
  else if (
    (cell.kind === 'integer' || cell.kind === 'decimal') &&
    cell.value !== undefined &&
    Number.isFinite(cell.value)
  ) {
    f.state = row.inferred ? 'inferred' : 'read';
    f.value = cell.value;
  } else {
    f.reason = 'invalid-cell';
    f.raw = cell.raw;
  }
  return f;
}

/** The title as one line: a title wrapped over several lines is joined. */
function titleText(model: ReportModel): string | undefined {
  const t = model.title;
  if (!t) return undefined;
  return model.text
    .slice(t.span.start, t.span.end)
    .replace(/[ \t\u00a0\u3000]*[\r\n]+[ \t\u00a0\u3000]*/g, '')
    .trim();
}

/** The record of one report: its title, and every figure of its tables with its state. */
export function extractRecord(model: ReportModel): ReportRecord {
  const { t2, t3, t4 } = model.tables;
  const t3Columns = t3
    ? t3.columnIds
        .map((id) => T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === id))
        .filter((c): c is ColumnTemplate => !!c)
    : T3_COLUMNS;
  const tables: Record<'t2' | 't3' | 't4', TableNode | undefined> = { t2, t3, t4 };
  const figures: Figure[] = [];
  const named = new Set<string>();
  for (const kind of ['t2', 't3', 't4'] as const) {
    const table = tables[kind];
    const edition = table?.edition ?? model.edition;
    const rows = new Map<string, RowNode>();
    for (const r of table?.rows ?? []) if (!rows.has(r.rowId)) rows.set(r.rowId, r);
    for (const def of fieldsOf(edition, t3Columns)) {
      if (def.table !== kind) continue;
      const f = figureOf(model, def, table, rows.get(def.rowId));
      named.add(f.field);
      figures.push(f);
    }
    // Rows of the other edition's template found in this table (a 2019 block in a 2021 report): their figures too.
    if (!table) continue;
    for (const [rowId, row] of rows) {
      for (const column of columnsOfRow(table, row)) {
        if (named.has(fieldName(rowId, column.id))) continue;
        const label =
          kind === 't4' ? columnDisplay(table, column) : `${rowDisplay(table.edition, rowId)}·${column.label}`;
        const f = figureOf(model, { table: kind, rowId, column, label }, table, row);
        named.add(f.field);
        figures.push(f);
      }
    }
  }
  return {
    title: titleText(model),
    body: model.title?.body || undefined,
    year: model.title?.year,
    edition: model.edition,
    figures,
  };
}
