/**
 * The sum relations of the template, evaluated on a table: one equation per row or column,
 * target = Σ plus − Σ minus. Used by the arithmetic rules (one finding per broken equation) and by
 * the cascade that fixes all sums in dependency order (row totals → （七）总计 → balance).
 */
import type { CellNode, Finding, Localized, ReportModel, RowNode, Span, TableNode, TextEdit } from '../../types';
import { TEMPLATES, T3_COLUMNS_WITH_SUBTOTAL, findRow, rowDisplay, type SumRelation } from '../../template/template';
import { arithmeticMessages as M } from '../../i18n/messages/arithmetic';
import { columnDisplay, columnsOfRow } from '../table/common';
import type { ColumnTemplate } from '../../template/template';
import { memoOn } from '../../util/memo';

export interface Term {
  readonly row: RowNode;
  readonly column: string;
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
    private readonly col: ColumnTemplate,
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
      if (!row) continue;
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
  return TEMPLATES[table.edition].sums.filter((r) => r.table === table.kind && (r.table !== 't3' || model.tables.t3 === table));
}

/** Value of a term under a map of overrides (the cascade's virtual values). */
type Values = Map<CellNode, number>;
const valueOf = (t: Term, v?: Values): number | undefined =>
  v?.get(t.cell) ?? (t.cell.kind === 'integer' || t.cell.kind === 'decimal' ? t.cell.value : undefined);

export function evaluate(eq: Equation, v?: Values): { expected: number; actual: number } | undefined {
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

/** Writes `value` the way the cell was written: thousands separators and full-width digits kept. */
export function formatLike(cell: CellNode, value: number): string {
  let s = String(value);
  if (cell.grouped || /[,，]/.test(cell.raw)) s = value.toLocaleString('en-US');
  if (/[０-９]/.test(cell.raw)) s = s.replace(/[0-9,]/g, (c) => (c === ',' ? '，' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  return s;
}

export function setCellEdit(cell: CellNode, value: number): TextEdit {
  return { start: cell.span.start, end: cell.span.end, newText: formatLike(cell, value) };
}

/** The addends with their values; long column sums list only the non-zero ones. */
function formula(eq: Equation, v?: Values): Localized {
  const shown = eq.plus.length > 8 ? eq.plus.filter((t) => valueOf(t, v) !== 0) : eq.plus;
  const rest = eq.plus.length - shown.length;
  const f = shown.map((t) => `${t.name} ${valueOf(t, v)}`).join(' + ');
  if (rest === 0) return { zh: f, en: f };
  if (shown.length === 0) return { zh: `${eq.plus.length} 项之和（均为 0）`, en: `the ${eq.plus.length} items (all 0)` };
  return { zh: `${f}（其余 ${rest} 项为 0）`, en: `${f} (the other ${rest} items are 0)` };
}

/** The finding of a broken equation, with its fixes: set the target (preferred), or an alternative cell. */
export function findingOf(eq: Equation): Omit<Finding, 'ruleId' | 'severity'> | undefined {
  const r = evaluate(eq);
  if (!r || Math.abs(r.expected - r.actual) < 1e-9) return undefined;
  const { relation, table } = eq;
  const related = [...eq.plus, ...eq.minus].map((t) => ({
    span: t.cell.span,
    message: M.addend(t.fullName, valueOf(t)!),
  }));
  const fixes = [];
  if (r.expected >= 0) {
    fixes.push({
      title: relation.id === 't3.balance' ? M.setCell(rowDisplay(table.edition, 't3.next'), r.expected) : M.setTotal(r.expected),
      edits: [setCellEdit(eq.target.cell, r.expected)],
      preferred: true,
    });
  }
  for (const alt of relation.alternatives ?? []) {
    const t = [...eq.plus, ...eq.minus].find((x) => x.row.rowId === alt || x.column === alt);
    if (!t) continue;
    // Solve the equation for that cell instead.
    const sign = eq.plus.includes(t) ? 1 : -1;
    const others = r.expected - sign * valueOf(t)!;
    const value = sign * (r.actual - others);
    if (value >= 0 && Number.isInteger(value)) {
      fixes.push({ title: M.setCell(t.row === eq.target.row ? t.name : rowDisplay(table.edition, t.row.rowId), value), edits: [setCellEdit(t.cell, value)] });
    }
  }
  let message: Localized;
  if (relation.id === 't3.balance') {
    const col = T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === eq.along)?.label ?? eq.along;
    const [n, c] = eq.plus.map((t) => valueOf(t)!);
    const total = valueOf(eq.minus[0])!;
    message = M.balance(col, `${n} + ${c}`, n + c, `${total} + ${r.actual}`, total + r.actual);
  } else {
    const what =
      relation.each === 'row'
        ? table.kind === 't4'
          ? M.t4What(eq.target.fullName.replace(/·总计$/, ''))
          : M.rowWhat(rowDisplay(table.edition, eq.along))
        : M.columnWhat(T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === eq.along)?.label ?? eq.along);
    message = M.sumMismatch(what, formula(eq), r.expected, r.actual);
  }
  return {
    message,
    span: eq.target.cell.span,
    related,
    fixes: fixes.length ? fixes : undefined,
    data: { relation: relation.id, along: eq.along, expected: r.expected, actual: r.actual },
  };
}

/**
 * Edits that make every enabled sum hold, computed in dependency order on virtual values so that
 * one pass converges: row totals first, then （七）总计 from the corrected rows, then 四 from the
 * balance. Only targets inside `within` (if given) are changed.
 */
export function cascadeEdits(
  model: ReportModel,
  enabled: (ruleId: string) => boolean,
  within?: Span,
): TextEdit[] {
  const values: Values = new Map();
  const edits: TextEdit[] = [];
  for (const table of [model.tables.t3, model.tables.t4]) {
    if (!table) continue;
    if (within && (table.span.end <= within.start || table.span.start >= within.end)) continue;
    for (const relation of relationsOf(model, table)) {
      if (!enabled(relation.ruleId)) continue;
      for (const eq of equationsOf(table, relation)) {
        const r = evaluate(eq, values);
        if (!r || Math.abs(r.expected - r.actual) < 1e-9 || r.expected < 0) continue;
        const c = eq.target.cell.span;
        if (within && (c.start < within.start || c.end > within.end)) continue;
        values.set(eq.target.cell, r.expected);
      }
    }
  }
  for (const [cell, v] of values) if (cell.value !== v) edits.push(setCellEdit(cell, v));
  return edits.sort((a, b) => a.start - b.start);
}

export const ARITHMETIC_RULE_IDS = [
  'sum-row-total',
  'sum-column-total',
  'sum-balance',
  'sum-review-total',
  'sum-litigation-total',
  'sum-subtotal',
] as const;
