/**
 * Hover on a total: which sum (勾稽关系) defines the cell, its addends with their values, the computed
 * value and what the table says. Read from the template's sum relations, never from rule code.
 */
import type { CellNode, Locale, ReportModel, RowNode, Span, TableNode } from '../types';
import { TEMPLATES, rowDisplay, type SumRelation } from '../template/template';
import { fmtNum, localize } from '../i18n/locale';
import { FEATURE_MESSAGES as M } from './messages';

export interface FormulaTerm {
  label: string;
  sign: 1 | -1;
  /** Undefined when the cell is missing, blank or not a number. */
  value?: number;
  span?: Span;
}

export interface TotalFormula {
  relationId: string;
  ruleId: string;
  /** The total cell hovered. */
  span: Span;
  /** e.g. "总计（（一）予以公开）". */
  targetLabel: string;
  /** The row (for a row sum) or the column (for a column sum) the equation runs along. */
  along: string;
  terms: FormulaTerm[];
  written?: number;
  computed?: number;
  /** Whether written equals computed (undefined when either is unknown). */
  matches?: boolean;
}

/** The sums whose total is the cell at `offset` (a cell can close a row sum and a column sum). */
export function totalFormulasAt(model: ReportModel, offset: number): TotalFormula[] {
  for (const kind of ['t3', 't4'] as const) {
    const table = model.tables[kind];
    if (!table || offset < table.span.start || offset > table.span.end) continue;
    for (const row of table.rows) {
      const i = row.cells.findIndex((c) => offset >= c.span.start && offset <= c.span.end);
      if (i < 0) continue;
      return formulasForCell(table, row, i);
    }
  }
  return [];
}

function formulasForCell(table: TableNode, row: RowNode, index: number): TotalFormula[] {
  const colId = table.columnIds[index];
  const cell = row.cells[index];
  if (!colId || !cell) return [];
  const out: TotalFormula[] = [];
  for (const rel of TEMPLATES[table.edition].sums) {
    if (rel.table !== table.kind) continue;
    if (rel.requiresColumn && !table.columnIds.includes(rel.requiresColumn)) continue;
    if (rel.each === 'row' && rel.target === colId && rel.rows.includes(row.rowId)) {
      const terms = [
        ...rel.plus.map((c) => columnTerm(table, row, c, 1)),
        ...(rel.minus ?? []).map((c) => columnTerm(table, row, c, -1)),
      ];
      out.push(finish(rel, cell, columnLabel(table, colId), rowLabel(table, row.rowId), terms));
    } else if (rel.each === 'column' && rel.target === row.rowId && rel.columns.includes(colId)) {
      const terms = [
        ...rel.plus.map((r) => rowTerm(table, r, index, 1)),
        ...(rel.minus ?? []).map((r) => rowTerm(table, r, index, -1)),
      ];
      out.push(finish(rel, cell, rowLabel(table, row.rowId), columnLabel(table, colId), terms));
    }
  }
  return out;
}

function finish(rel: SumRelation, cell: CellNode, targetLabel: string, along: string, terms: FormulaTerm[]): TotalFormula {
  const known = terms.every((t) => t.value !== undefined);
  const computed = known ? round(terms.reduce((s, t) => s + t.sign * (t.value as number), 0)) : undefined;
  const written = numeric(cell);
  return {
    relationId: rel.id,
    ruleId: rel.ruleId,
    span: cell.span,
    targetLabel,
    along,
    terms,
    written,
    computed,
    matches: computed !== undefined && written !== undefined ? computed === round(written) : undefined,
  };
}

function columnTerm(table: TableNode, row: RowNode, colId: string, sign: 1 | -1): FormulaTerm {
  const cell = row.cells[table.columnIds.indexOf(colId)];
  return { label: columnLabel(table, colId), sign, value: cell ? numeric(cell) : undefined, span: cell?.span };
}

function rowTerm(table: TableNode, rowId: string, index: number, sign: 1 | -1): FormulaTerm {
  const cell = table.rows.find((r) => r.rowId === rowId)?.cells[index];
  return { label: rowLabel(table, rowId), sign, value: cell ? numeric(cell) : undefined, span: cell?.span };
}

function numeric(cell: CellNode): number | undefined {
  return (cell.kind === 'integer' || cell.kind === 'decimal') && cell.value !== undefined ? cell.value : undefined;
}

function columnLabel(table: TableNode, colId: string): string {
  const t = TEMPLATES[table.edition];
  const cols = table.kind === 't3' ? t.table3.columns : t.table4.columns;
  const extra = colId === 'legalSubtotal' ? '法人或其他组织小计' : undefined;
  const col = cols.find((c) => c.id === colId);
  if (table.kind === 't4' && col) {
    const group = colId.split('.')[0];
    const g = { review: '行政复议', direct: '行政诉讼·未经复议直接起诉', after: '行政诉讼·复议后起诉' }[group];
    return g ? `${g} ${col.label}` : col.label;
  }
  return col?.label ?? extra ?? colId;
}

function rowLabel(table: TableNode, rowId: string): string {
  return table.kind === 't4' ? '' : rowDisplay(table.edition, rowId);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Markdown for a hover over the formulas of one cell. */
export function formatTotalHover(formulas: readonly TotalFormula[], locale: Locale): string {
  return formulas.map((f) => formatOne(f, locale)).join('\n\n---\n\n');
}

function formatOne(f: TotalFormula, locale: Locale): string {
  const head = f.along ? `${f.targetLabel}（${f.along}）` : f.targetLabel;
  const equation = f.terms.map((t, i) => (i === 0 ? (t.sign < 0 ? '− ' : '') : t.sign < 0 ? ' − ' : ' + ') + t.label).join('');
  const lines = [
    `**${localize(M.hoverTitle, locale)}** ${esc(head)}`,
    '',
    `\`${f.targetLabel || head} = ${equation}\``,
    '',
    '| | |',
    '|---|---:|',
    ...f.terms.map((t) => `| ${t.sign < 0 ? '− ' : ''}${esc(t.label)} | ${t.value === undefined ? localize(M.hoverNotANumber, locale) : fmtNum(t.value)} |`),
    `| **${localize(M.hoverComputed, locale)}** | **${f.computed === undefined ? '—' : fmtNum(f.computed)}** |`,
    `| ${localize(M.hoverWritten, locale)} | ${f.written === undefined ? localize(M.hoverNotANumber, locale) : fmtNum(f.written)} |`,
    '',
    f.computed === undefined
      ? localize(M.hoverCannotCompute, locale)
      : f.matches === undefined
        ? ''
        : localize(f.matches ? M.hoverMatches : M.hoverDiffers, locale),
  ];
  return lines.join('\n');
}

function esc(s: string): string {
  return s.replace(/[|*_`\\[\]]/g, (c) => `\\${c}`);
}
