/**
 * The cross-year identities (FORMAT.md §5 item 9) as data, and their evaluation on two reports of one body
 * in consecutive years. The cross-year rules report the broken ones; `compare` lists them all.
 *
 * - Carry-over, per column of table 三: this year's 二、上年结转 = last year's 四、结转下年度继续办理.
 *   Table 三 has the same rows 二 and 四 and the same columns in both editions, so a 2020 report in the 2019
 *   format pairs with a 2021 report like any other. The 法人或其他组织 subtotal column is compared only when
 *   both tables have it.
 * - 现行有效件数, for 规章 and 行政规范性文件 of 第二十条第（一）项: valid(Y) = valid(Y−1) + made(Y) − repealed(Y).
 *   Only when both reports use the 2021 columns. The 2019 试行 columns (本年新制作数量, 本年新公开数量,
 *   对外公开总数量) have no sound counterpart: 对外公开总数量 counts every document ever published, repealed ones
 *   included, and the 2019 table has no repeal count, so neither side of the identity can be formed from it.
 *   Such pairs are evaluated as 'skipped' with the reason 'edition'.
 */
import type { CellNode, FormatEdition, ReportModel, RowNode, Span, TableNode } from '../../types';
import { T3_COLUMNS_WITH_SUBTOTAL, rowDisplay } from '../../template/template';
import { columnDisplay, columnsOfRow } from '../../template/cells';

export type Side = 'current' | 'previous';

export interface RelationTerm {
  side: Side;
  table: 't2' | 't3';
  row: string;
  column: string;
  sign: 1 | -1;
}

export interface CrossYearRelation {
  id: string;
  ruleId: string;
  /** The cell of this year's report the identity defines (where a finding sits). */
  target: RelationTerm;
  /** Summed to give the target's expected value. */
  terms: RelationTerm[];
  /** Both reports' table must follow this edition (undefined: any edition). */
  edition?: FormatEdition;
}

export const CARRY_OVER_RULE = 'cross-year-carry-over';
export const VALID_DOCUMENTS_RULE = 'cross-year-valid-documents';

/** The 第二十条第（一）项 rows the 现行有效 identity applies to. */
const T2_VALID_ROWS = ['t2.1.rules', 't2.1.normative'];

export const CROSS_YEAR_RELATIONS: readonly CrossYearRelation[] = [
  ...T3_COLUMNS_WITH_SUBTOTAL.map((c): CrossYearRelation => ({
    id: `carryOver.${c.id}`,
    ruleId: CARRY_OVER_RULE,
    target: { side: 'current', table: 't3', row: 't3.carried', column: c.id, sign: 1 },
    terms: [{ side: 'previous', table: 't3', row: 't3.next', column: c.id, sign: 1 }],
  })),
  ...T2_VALID_ROWS.map((row): CrossYearRelation => ({
    id: `validDocuments.${row}`,
    ruleId: VALID_DOCUMENTS_RULE,
    target: { side: 'current', table: 't2', row, column: 'valid', sign: 1 },
    terms: [
      { side: 'previous', table: 't2', row, column: 'valid', sign: 1 },
      { side: 'current', table: 't2', row, column: 'made', sign: 1 },
      { side: 'current', table: 't2', row, column: 'repealed', sign: -1 },
    ],
    edition: '2021',
  })),
];

/** A term read from a report. */
export interface ReadTerm {
  term: RelationTerm;
  /** Row and column as the template names them ("二、上年结转政府信息公开申请数量", "自然人"). */
  rowName: string;
  columnName: string;
  /** The cell, when the row was read and has the column. */
  cell?: CellNode;
  span?: Span;
  /** The value, when the cell holds a whole number. */
  value?: number;
}

export type SkipReason =
  /** A table, row or cell is missing, or the row's cells could not be told apart. */
  | 'missing'
  /** A cell holds no whole number. */
  | 'not-a-number'
  /** A report's table follows an edition the identity does not apply to (see the module comment). */
  | 'edition';

export interface RelationResult {
  relation: CrossYearRelation;
  status: 'holds' | 'broken' | 'skipped';
  skip?: SkipReason;
  target: ReadTerm;
  terms: ReadTerm[];
  /** Σ terms (when every term was read). */
  expected?: number;
  /** The target's value (when read). */
  actual?: number;
}

interface Located {
  table: TableNode;
  row: RowNode;
  /** Index of the column in the row's cells, or -1. */
  index: number;
  names: { rowName: string; columnName: string };
}

/** The row of `table` with id `rowId`, as the sum rules read it: the first one, its cells one per column. */
function locate(
  table: TableNode | undefined,
  rowId: string,
  columnId: string,
): Located | { names: Located['names'] } | undefined {
  if (!table) return undefined;
  const row = table.rows.find((r) => r.rowId === rowId);
  if (!row) return { names: namesOf(table, rowId, columnId, undefined) };
  const cols = columnsOfRow(table, row);
  const index = row.malformed || row.cells.length !== cols.length ? -1 : cols.findIndex((c) => c.id === columnId);
  return { table, row, index, names: namesOf(table, rowId, columnId, row) };
}

function namesOf(table: TableNode, rowId: string, columnId: string, row: RowNode | undefined): Located['names'] {
  const cols = row ? columnsOfRow(table, row) : table.kind === 't3' ? T3_COLUMNS_WITH_SUBTOTAL : [];
  const col = cols.find((c) => c.id === columnId) ?? T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === columnId);
  return { rowName: rowDisplay(table.edition, rowId), columnName: col ? columnDisplay(table, col) : columnId };
}

function tableOf(model: ReportModel, t: 't2' | 't3'): TableNode | undefined {
  return model.tables[t];
}

/** Whether a table has a column at all (the 8-column subtotal, or a 2021 column of table 二). */
function tableHasColumn(table: TableNode | undefined, rowId: string, columnId: string): boolean {
  if (!table) return false;
  if (table.kind === 't3') return table.columnIds.includes(columnId);
  const row = table.rows.find((r) => r.rowId === rowId);
  return row ? columnsOfRow(table, row).some((c) => c.id === columnId) : false;
}

function readTerm(models: Record<Side, ReportModel>, term: RelationTerm): ReadTerm {
  const table = tableOf(models[term.side], term.table);
  const found = locate(table, term.row, term.column);
  const names = found?.names ?? { rowName: term.row, columnName: term.column };
  const out: ReadTerm = { term, rowName: names.rowName, columnName: names.columnName };
  if (found && 'row' in found && found.index >= 0) {
    const cell = found.row.cells[found.index];
    out.cell = cell;
    out.span = cell.span;
    if (cell.kind === 'integer' && cell.value !== undefined && cell.value >= 0) out.value = cell.value;
  }
  return out;
}

/**
 * Evaluates every cross-year identity that applies to the two reports. Identities over a column neither
 * report's table has (the subtotal of the 8-column variant) are left out; the others come back holding,
 * broken, or skipped with the reason. Reads only what is certain: a cell that is not a whole number, or a
 * row whose cells could not be told apart, makes the identity 'skipped', never guessed.
 */
export function evaluateCrossYear(current: ReportModel, previous: ReportModel): RelationResult[] {
  const models: Record<Side, ReportModel> = { current, previous };
  const out: RelationResult[] = [];
  for (const relation of CROSS_YEAR_RELATIONS) {
    const all = [relation.target, ...relation.terms];
    const present = all.map((t) => tableHasColumn(tableOf(models[t.side], t.table), t.row, t.column));
    if (relation.target.table === 't3' && present.every((p) => !p)) continue;
    const target = readTerm(models, relation.target);
    const terms = relation.terms.map((t) => readTerm(models, t));
    const result: RelationResult = { relation, status: 'skipped', target, terms };
    if (relation.edition) {
      const editions = new Set(all.map((t) => tableOf(models[t.side], t.table)?.edition));
      if ([...editions].some((e) => e !== undefined && e !== relation.edition)) {
        result.skip = 'edition';
        out.push(result);
        continue;
      }
    }
    const read = [target, ...terms];
    if (read.some((t) => !t.cell)) result.skip = 'missing';
    else if (read.some((t) => t.value === undefined)) result.skip = 'not-a-number';
    else {
      result.expected = terms.reduce((s, t) => s + t.term.sign * t.value!, 0);
      result.actual = target.value!;
      result.status = result.expected === result.actual ? 'holds' : 'broken';
    }
    out.push(result);
  }
  return out;
}
