/**
 * An arithmetic rule: one finding per broken equation of the template relations that carry its id,
 * with its fixes (set the target, preferred, or solve for an alternative cell).
 */
import type { Finding, Localized, Rule, Severity } from '../../types';
import { T3_COLUMNS_WITH_SUBTOTAL, T4_GROUPS, rowDisplay } from '../../template/template';
import { arithmeticMessages as M } from '../../i18n/messages/arithmetic';
import { defineRule } from '../define';
import { equationsOf, evaluate, holds, relationsOf, setCellEdit, valueOf, type Equation } from './equations';

export function sumRule(id: string, description: Localized, defaultSeverity: Severity = 'error'): Rule {
  return defineRule(
    { id, category: 'arithmetic', description, defaultSeverity, fixable: true },
    ({ model, report }) => {
      for (const table of [model.tables.t3, model.tables.t4]) {
        if (!table) continue;
        for (const relation of relationsOf(model, table)) {
          if (relation.ruleId !== id) continue;
          for (const eq of equationsOf(table, relation)) {
            const f = findingOf(eq);
            if (f) report(f);
          }
        }
      }
    },
  );
}

/** The addends with their values; long column sums list only the non-zero ones. */
function formula(eq: Equation): Localized {
  const shown = eq.plus.length > 8 ? eq.plus.filter((t) => valueOf(t) !== 0) : eq.plus;
  const rest = eq.plus.length - shown.length;
  const f = shown.map((t) => `${t.name} ${valueOf(t)}`).join(' + ');
  if (rest === 0) return { zh: f, en: f };
  if (shown.length === 0) return M.allZero(eq.plus.length);
  return M.restZero(f, rest);
}

/** The finding of a broken equation, with its fixes: set the target (preferred), or an alternative cell. */
export function findingOf(eq: Equation): Omit<Finding, 'ruleId' | 'severity'> | undefined {
  const r = evaluate(eq);
  if (!r || holds(r)) return undefined;
  const { relation, table } = eq;
  const related = [...eq.plus, ...eq.minus].map((t) => ({
    span: t.cell.span,
    message: M.addend(t.fullName, valueOf(t)!),
  }));
  const fixes = [];
  if (r.expected >= 0) {
    fixes.push({
      title:
        relation.id === 't3.balance'
          ? M.setCell(rowDisplay(table.edition, 't3.next'), r.expected)
          : M.setTotal(r.expected),
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
      fixes.push({
        title: M.setCell(t.row === eq.target.row ? t.name : rowDisplay(table.edition, t.row.rowId), value),
        edits: [setCellEdit(t.cell, value)],
      });
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
          ? M.t4What(T4_GROUPS.find((g) => eq.target.column.startsWith(`${g.id}.`))?.label ?? eq.target.fullName)
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
