/**
 * Hover on a total: which sum (勾稽关系) defines the cell, its addends with their values, the computed
 * value and what the table says. The equations are the rules' own (rules/arithmetic/equations.ts):
 * a cell the rules cannot place in its column closes no sum here either.
 */
import type { Locale, ReportModel, Span, TableNode } from '../types';
import { rowDisplay } from '../template/template';
import {
  equationsWithTarget,
  evaluate,
  holds,
  valueOf,
  type Equation,
  type Slot,
  type TargetEquation,
} from '../rules/arithmetic/equations';
import { columnDisplay } from '../template/cells';
import { fmtNum, localize } from '../i18n/locale';
import { FEATURE_MESSAGES as M } from '../i18n/messages/features';
import { crossYearMessages as CY } from '../i18n/messages/crossYear';
import { CARRY_OVER_RULE, evaluateCrossYear, type RelationResult } from '../rules/crossYear/relations';

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
      const cell = row.cells.find((c) => offset >= c.span.start && offset <= c.span.end);
      if (cell) return equationsWithTarget(model, table, cell).map(formulaOf);
    }
  }
  return [];
}

/** The hover's reading of an equation: the same terms, values and verdict as the rule's. */
function formulaOf(eq: TargetEquation): TotalFormula {
  const { relation, table, target } = eq;
  const byRow = relation.each === 'row';
  const label = (slot: Slot): string =>
    byRow ? (slot.term ? columnDisplay(table, slot.term.col) : slot.id) : rowLabel(table, slot.id);
  const terms: FormulaTerm[] = [
    ...eq.plus.map((s) => termOf(s, 1, label(s))),
    ...eq.minus.map((s) => termOf(s, -1, label(s))),
  ];
  const r = eq.equation && evaluate(eq.equation);
  const column = columnDisplay(table, target.col);
  const row = rowLabel(table, target.row.rowId);
  return {
    relationId: relation.id,
    ruleId: relation.ruleId,
    span: target.cell.span,
    targetLabel: byRow ? column : row,
    along: byRow ? row : column,
    terms,
    written: valueOf(target),
    computed: eq.equation && terms.every((t) => t.value !== undefined) ? expectedOf(eq.equation) : undefined,
    matches: r ? holds(r) : undefined,
  };
}

function termOf(slot: Slot, sign: 1 | -1, label: string): FormulaTerm {
  const t = slot.term;
  return { label, sign, value: t && valueOf(t), span: t?.cell.span };
}

/** Σ plus − Σ minus of a complete equation whose terms are all numbers (its target may not be). */
function expectedOf(eq: Equation): number {
  let sum = 0;
  for (const t of eq.plus) sum += valueOf(t)!;
  for (const t of eq.minus) sum -= valueOf(t)!;
  return sum;
}

function rowLabel(table: TableNode, rowId: string): string {
  return table.kind === 't4' ? '' : rowDisplay(table.edition, rowId);
}

/** Markdown for a hover over the formulas of one cell. */
export function formatTotalHover(formulas: readonly TotalFormula[], locale: Locale): string {
  return formulas.map((f) => formatOne(f, locale)).join('\n\n---\n\n');
}

function formatOne(f: TotalFormula, locale: Locale): string {
  const head = f.along ? `${f.targetLabel}（${f.along}）` : f.targetLabel;
  const equation = f.terms
    .map((t, i) => (i === 0 ? (t.sign < 0 ? '− ' : '') : t.sign < 0 ? ' − ' : ' + ') + t.label)
    .join('');
  const lines = [
    `**${localize(M.hoverTitle, locale)}** ${esc(head)}`,
    '',
    `\`${f.targetLabel || head} = ${equation}\``,
    '',
    '| | |',
    '|---|---:|',
    ...f.terms.map(
      (t) =>
        `| ${t.sign < 0 ? '− ' : ''}${esc(t.label)} | ${t.value === undefined ? localize(M.hoverNotANumber, locale) : fmtNum(t.value)} |`,
    ),
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

/** Last year's figure behind a 上年结转 cell (table 三, row 二): the carry-over identity of that column. */
export interface CarryOverHover {
  /** This year's cell hovered. */
  span: Span;
  result: RelationResult;
  /** Last year's report's name in the text. */
  previousName: string;
}

/**
 * The carry-over of the cell at `offset` when it is one of this year's 二、上年结转 cells and last year's
 * report is given (the same identity the cross-year rule checks, read the same way).
 */
export function carryOverAt(
  model: ReportModel,
  offset: number,
  previous: { model: ReportModel; name: string } | undefined,
): CarryOverHover | undefined {
  if (!previous) return undefined;
  const t3 = model.tables.t3;
  if (!t3 || offset < t3.span.start || offset > t3.span.end) return undefined;
  const row = t3.rows.find((r) => r.rowId === 't3.carried' && offset >= r.span.start && offset <= r.span.end);
  if (!row || !row.cells.some((c) => offset >= c.span.start && offset <= c.span.end)) return undefined;
  for (const r of evaluateCrossYear(model, previous.model)) {
    if (r.relation.ruleId !== CARRY_OVER_RULE || !r.target.span) continue;
    if (offset >= r.target.span.start && offset <= r.target.span.end)
      return { span: r.target.span, result: r, previousName: previous.name };
  }
  return undefined;
}

/** Markdown for the carry-over part of a hover. */
export function formatCarryOverHover(h: CarryOverHover, locale: Locale): string {
  const prev = h.result.terms[0];
  const head = `**${localize(M.hoverCarryOverTitle, locale)}** ${esc(h.result.target.columnName)}`;
  const line =
    prev.value === undefined
      ? localize(M.hoverPreviousUnreadable(h.previousName, prev.rowName, prev.columnName), locale)
      : localize(CY.previousCell(h.previousName, prev.rowName, prev.columnName, prev.value), locale);
  const verdict =
    h.result.status === 'holds'
      ? localize(M.hoverMatches, locale)
      : h.result.status === 'broken'
        ? localize(M.hoverDiffers, locale)
        : '';
  return [head, '', esc(line), ...(verdict ? ['', verdict] : [])].join('\n');
}
