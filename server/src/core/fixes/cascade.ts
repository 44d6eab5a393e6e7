/**
 * The sum cascade of fix-all: edits that make every enabled sum hold, computed in dependency order
 * on virtual values so that one pass converges — row totals first, then （七）总计 from the corrected
 * rows, then 四 from the balance. The equations come from the rules' equation module.
 */
import type { ReportModel, Span, TextEdit } from '../types';
import { equationsOf, evaluate, holds, relationsOf, setCellEdit, type Values } from '../rules/arithmetic/equations';

/**
 * Edits that make every enabled sum hold; only targets inside `within` (if given) are changed, and
 * never a cell `frozen` says to leave as written (the cell of a suppressed sum finding): sums that
 * depend on it are computed from its written value.
 */
export function cascadeEdits(
  model: ReportModel,
  enabled: (ruleId: string) => boolean,
  within?: Span,
  frozen?: (cell: Span) => boolean,
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
        if (!r || holds(r) || r.expected < 0) continue;
        const c = eq.target.cell.span;
        if (within && (c.start < within.start || c.end > within.end)) continue;
        if (frozen?.(c)) continue;
        values.set(eq.target.cell, r.expected);
      }
    }
  }
  for (const [cell, v] of values) if (cell.value !== v) edits.push(setCellEdit(cell, v));
  return edits.sort((a, b) => a.start - b.start);
}
