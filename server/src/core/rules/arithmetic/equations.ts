/**
 * The equations of the report: the template's sum relations (勾稽关系) formed on a table — one
 * equation per row or column, target = Σ plus − Σ minus — their terms, and their evaluation.
 *
 * This is the one place that maps a relation onto cells. The arithmetic rules (one finding per broken
 * equation), the sum cascade of fix-all, the text rules that trust a sound table, and the hover on a
 * total all read equations from here, so that what the hover computes is what the rules check.
 */
import type { CellNode, ReportModel, RowNode, TableNode, TextEdit } from '../../types';
import { TEMPLATES, findRow, rowDisplay, type ColumnTemplate, type SumRelation } from '../../template/template';
import { formatLike } from '../../text/numbers';
import { columnDisplay, columnsOfRow } from '../../template/cells';
import { memoOn } from '../../util/memo';

export interface Term {
  readonly row: RowNode;
  readonly column: string;
  /** The template column of the cell. */
  readonly col: ColumnTemplate;
  readonly cell: CellNode;
  /** Short name for formulas: the column for row sums, the row for column sums. */
  readonly name: string;
  /** Name that stands alone (table 四 adds the group: "行政复议·结果维持"). */
  readonly fullName: string;
}

export interface Equation {
  relation: SumRelation;
  table: TableNode;
  target: Term;
  plus: Term[];
  minus: Term[];
  /** The row (for 'row' relations) or column (for 'column' ones) the equation is for. */
  along: string;
}

const ROWS_BY_ID = Symbol('rowsById');

function rowOf(table: TableNode, id: string): RowNode | undefined {
  return memoOn(table, ROWS_BY_ID, rowsById).get(id);
}

/** The first row read for each id is the one the rules see (as `rows.find` would). */
function rowsById(table: TableNode): Map<string, RowNode> {
  const byId = new Map<string, RowNode>();
  for (const r of table.rows) if (!byId.has(r.rowId)) byId.set(r.rowId, r);
  return byId;
}

/** What a term needs to name itself: its table, and whether it is a column of a row sum. */
interface Namer {
  table: TableNode;
  byRow: boolean;
  /** The table's columns when every row has the same ones (tables 三 and 四), and their index by id. */
  cols?: ColumnTemplate[];
  index?: Map<string, number>;
}

function namerFor(table: TableNode, byRow: boolean): Namer {
  if (table.kind === 't2' || table.rows.length === 0) return { table, byRow };
  const cols = columnsOfRow(table, table.rows[0]);
  return { table, byRow, cols, index: columnIndexes(cols) };
}

/** A term's names are only needed for messages: computed when first asked for. */
class LazyTerm implements Term {
  private names?: { name: string; fullName: string };
  constructor(
    readonly row: RowNode,
    readonly column: string,
    readonly cell: CellNode,
    readonly col: ColumnTemplate,
    private readonly namer: Namer,
  ) {}
  private get n(): { name: string; fullName: string } {
    if (!this.names) {
      const { table, byRow } = this.namer;
      const fullName = byRow ? columnDisplay(table, this.col) : shortRow(table, this.row.rowId);
      this.names = { name: byRow ? this.col.label : fullName, fullName };
    }
    return this.names;
  }
  get name(): string {
    return this.n.name;
  }
  get fullName(): string {
    return this.n.fullName;
  }
}

const COLUMN_INDEX = new WeakMap<ColumnTemplate[], Map<string, number>>();

/** The index of each column id in `cols` (the first one, as findIndex would); column layouts are template constants. */
function columnIndexes(cols: ColumnTemplate[]): Map<string, number> {
  let byId = COLUMN_INDEX.get(cols);
  if (!byId) {
    byId = new Map();
    cols.forEach((c, i) => {
      if (!byId!.has(c.id)) byId!.set(c.id, i);
    });
    COLUMN_INDEX.set(cols, byId);
  }
  return byId;
}

function term(namer: Namer, row: RowNode | undefined, column: string): Term | undefined {
  if (!row || row.malformed) return undefined;
  // Tables 三 and 四 have one column layout for all rows: looked up once per relation.
  const cols = namer.cols ?? columnsOfRow(namer.table, row);
  if (row.cells.length !== cols.length) return undefined;
  const i = (namer.index ?? columnIndexes(cols)).get(column) ?? -1;
  if (i < 0) return undefined;
  return new LazyTerm(row, column, row.cells[i], cols[i], namer);
}

/** The terms of `row` in `columns`, or undefined when one is missing. */
function rowTerms(namer: Namer, row: RowNode, columns: readonly string[]): Term[] | undefined {
  const out: Term[] = [];
  for (const c of columns) {
    const t = term(namer, row, c);
    if (!t) return undefined;
    out.push(t);
  }
  return out;
}

/** The terms of `column` in the rows `rowIds`, or undefined when one is missing. */
function columnTerms(namer: Namer, column: string, rowIds: readonly string[]): Term[] | undefined {
  const out: Term[] = [];
  for (const r of rowIds) {
    const t = term(namer, rowOf(namer.table, r), column);
    if (!t) return undefined;
    out.push(t);
  }
  return out;
}

const NO_TERMS: Term[] = [];

/** Short row names for column sums: "（一）", "（三）1", "（六）3"; main rows keep their label. */
function shortRow(table: TableNode, rowId: string): string {
  const r = findRow(table.edition, rowId);
  if (!r) return rowId;
  const parent = r.parent ? findRow(table.edition, r.parent) : undefined;
  if (parent?.group && parent.id !== 't3.results') return `${parent.enumerator}${r.enumerator.replace(/[.．、]$/, '')}`;
  if (r.parent === 't3.results') return r.enumerator;
  return rowDisplay(table.edition, rowId);
}

const EQUATIONS = Symbol('equations');
const newEquationMap = (): Map<string, Equation[]> => new Map();

/** Every equation of `relation` that can be formed on `table` (all its cells present); built once per table. */
export function equationsOf(table: TableNode, relation: SumRelation): Equation[] {
  const byRelation = memoOn(table, EQUATIONS, newEquationMap);
  let eqs = byRelation.get(relation.id);
  if (!eqs) byRelation.set(relation.id, (eqs = buildEquations(table, relation)));
  return eqs;
}

function buildEquations(table: TableNode, relation: SumRelation): Equation[] {
  if (relation.requiresColumn && !table.columnIds.includes(relation.requiresColumn)) return [];
  const out: Equation[] = [];
  const namer = namerFor(table, relation.each === 'row');
  const minusIds = relation.minus ?? [];
  if (relation.each === 'row') {
    for (const rowId of relation.rows) {
      const row = rowOf(table, rowId);
      // A row whose values were split by its own sums (one-line text): those sums were assumed, not read.
      if (!row || row.inferred) continue;
      const target = term(namer, row, relation.target);
      const plus = target && rowTerms(namer, row, relation.plus);
      const minus = plus && (minusIds.length ? rowTerms(namer, row, minusIds) : NO_TERMS);
      if (!target || !plus || !minus) continue;
      out.push({ relation, table, target, plus, minus, along: rowId });
    }
  } else {
    for (const column of relation.columns) {
      if (!table.columnIds.includes(column)) continue;
      const target = term(namer, rowOf(table, relation.target), column);
      const plus = target && columnTerms(namer, column, relation.plus);
      const minus = plus && (minusIds.length ? columnTerms(namer, column, minusIds) : NO_TERMS);
      if (!target || !plus || !minus) continue;
      out.push({ relation, table, target, plus, minus, along: column });
    }
  }
  return out;
}

/** The relations of a table in dependency order. */
export function relationsOf(model: ReportModel, table: TableNode): SumRelation[] {
  return TEMPLATES[table.edition].sums.filter(
    (r) => r.table === table.kind && (r.table !== 't3' || model.tables.t3 === table),
  );
}

/** Values that override what cells say (the cascade's virtual values). */
export type Values = Map<CellNode, number>;

/** The number a cell holds (undefined when it is blank, a placeholder or not a number). */
export const cellValue = (cell: CellNode): number | undefined =>
  cell.kind === 'integer' || cell.kind === 'decimal' ? cell.value : undefined;

/** Value of a term under a map of overrides. */
export const valueOf = (t: Term, v?: Values): number | undefined => v?.get(t.cell) ?? cellValue(t.cell);

/** What an equation gives: the value its terms compute and the value its target holds. */
export interface Evaluation {
  expected: number;
  actual: number;
}

/** Whether an evaluated equation holds (the one tolerance every reader of a sum uses). */
export const holds = (r: Evaluation): boolean => Math.abs(r.expected - r.actual) < 1e-9;

/** The equation's values, or undefined when a term or the target is not a number. */
export function evaluate(eq: Equation, v?: Values): Evaluation | undefined {
  const actual = valueOf(eq.target, v);
  let expected = 0;
  for (const t of eq.plus) {
    const x = valueOf(t, v);
    if (x === undefined) return undefined;
    expected += x;
  }
  for (const t of eq.minus) {
    const x = valueOf(t, v);
    if (x === undefined) return undefined;
    expected -= x;
  }
  if (actual === undefined) return undefined;
  return { expected, actual };
}

/** The edit that writes `value` into a cell, the way the cell was written. */
export function setCellEdit(cell: CellNode, value: number): TextEdit {
  return { start: cell.span.start, end: cell.span.end, newText: formatLike(cell.raw, value, cell.grouped) };
}

/** One term of an equation read for display: its template id, and the term when the table has the cell. */
export interface Slot {
  /** A column id for row sums, a row id for column sums. */
  id: string;
  term?: Term;
}

/** An equation whose target cell is known; terms the table lacks (a row missing or unreadable) are empty slots. */
export interface TargetEquation {
  relation: SumRelation;
  table: TableNode;
  target: Term;
  along: string;
  plus: Slot[];
  minus: Slot[];
  /** The complete equation, when every term is there (then it is the one the rules check). */
  equation?: Equation;
}

/**
 * The equations whose target is `cell` (a cell can close a row sum and a column sum). A cell the
 * rules cannot place in its column — its row short of cells, unreadable, or a second row of the
 * same id — is the target of nothing.
 */
export function equationsWithTarget(model: ReportModel, table: TableNode, cell: CellNode): TargetEquation[] {
  const out: TargetEquation[] = [];
  // Only the first row of an id is one the rules see; the cell must be one of its cells.
  const row = table.rows.find((r) => r.cells.includes(cell));
  if (!row || rowOf(table, row.rowId) !== row) return out;
  for (const relation of relationsOf(model, table)) {
    if (relation.requiresColumn && !table.columnIds.includes(relation.requiresColumn)) continue;
    const namer = namerFor(table, relation.each === 'row');
    const minusIds = relation.minus ?? [];
    if (relation.each === 'row') {
      if (!relation.rows.includes(row.rowId) || row.inferred) continue;
      const target = term(namer, row, relation.target);
      if (!target || target.cell !== cell) continue;
      const slot = (id: string): Slot => ({ id, term: term(namer, row, id) });
      out.push(targetEquation(relation, table, target, row.rowId, relation.plus.map(slot), minusIds.map(slot)));
    } else {
      if (relation.target !== row.rowId) continue;
      for (const column of relation.columns) {
        if (!table.columnIds.includes(column)) continue;
        const target = term(namer, row, column);
        if (!target || target.cell !== cell) continue;
        const slot = (id: string): Slot => ({ id, term: term(namer, rowOf(table, id), column) });
        out.push(targetEquation(relation, table, target, column, relation.plus.map(slot), minusIds.map(slot)));
      }
    }
  }
  return out;
}

function targetEquation(
  relation: SumRelation,
  table: TableNode,
  target: Term,
  along: string,
  plus: Slot[],
  minus: Slot[],
): TargetEquation {
  const complete = plus.every((s) => s.term) && minus.every((s) => s.term);
  // The complete equation is the one equationsOf built (same terms), so both readers agree by construction.
  const equation = complete ? equationsOf(table, relation).find((e) => e.target.cell === target.cell) : undefined;
  return { relation, table, target, along, plus, minus, equation };
}
