import type { CellNode, ReportModel, Span, TableNode } from '../../types';
import { equationsOf, evaluate, relationsOf } from '../arithmetic/equations';
import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { tablesOf } from './common';
import { columnDisplay, columnsOfRow, rowName } from '../../template/cells';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const tableCellInvalid = defineRule(
  {
    id: 'table-cell-invalid',
    category: 'table',
    description: D.tableCellInvalid,
    defaultSeverity: 'error',
    fixable: true,
  },
  ({ model, report }) => {
    for (const [, table] of tablesOf(model)) {
      for (const row of table.rows) {
        const cols = columnsOfRow(table, row);
        if (row.malformed) continue;
        row.cells.forEach((cell, i) => {
          const col = cols[i];
          if (!col) return;
          if (cell.kind === 'integer' && cell.value !== undefined && cell.value >= 0) return; // the usual case
          const name = rowName(table, row);
          const colName = columnDisplay(table, col);
          const data = { row: row.rowId, column: col.id };
          if (cell.kind === 'blank') {
            // An empty cell is an insertion point; underline the separator after it so it can be seen.
            const next = model.text.charCodeAt(cell.span.start);
            const span: Span =
              next === 9 || next === 0x7c ? { start: cell.span.start, end: cell.span.start + 1 } : cell.span;
            // A total left empty is filled with the total of its addends (blank ones counting 0); any other cell with 0.
            const total = blankTotal(model, table, cell);
            const fix =
              total === undefined
                ? {
                    title: M.writeZero(),
                    edits: [{ start: cell.span.start, end: cell.span.start, newText: '0' }],
                    preferred: true,
                  }
                : {
                    title: M.writeTotal(total),
                    edits: [{ start: cell.span.start, end: cell.span.start, newText: String(total) }],
                    preferred: true,
                  };
            report({ message: M.cellBlank(name, colName), span, fixes: [fix], data });
          } else if (cell.kind === 'invalid') {
            report({
              message: M.cellPlaceholder(name, colName, cell.raw),
              span: cell.span,
              fixes: [
                {
                  title: M.writeZero(),
                  edits: [{ start: cell.span.start, end: cell.span.end, newText: '0' }],
                  preferred: true,
                },
              ],
              data,
            });
          } else if (cell.value !== undefined && cell.value < 0 && !col.signed) {
            report({ message: M.cellNegative(name, colName, cell.raw), span: cell.span, data });
          } else if (cell.kind === 'decimal' && !col.decimal) {
            report({ message: M.cellDecimal(name, colName, cell.raw), span: cell.span, data });
          }
        });
      }
    }
  },
);

/**
 * The value of a blank cell that is the total of a sum relation (one without subtracted terms), its
 * addends read with blank cells as 0; undefined when the cell totals nothing or an addend is no number.
 */
function blankTotal(model: ReportModel, table: TableNode, cell: CellNode): number | undefined {
  if (table.kind === 't2') return undefined;
  let blanks: Map<CellNode, number> | undefined;
  for (const relation of relationsOf(model, table)) {
    if (relation.minus?.length) continue;
    for (const eq of equationsOf(table, relation)) {
      if (eq.target.cell !== cell) continue;
      if (!blanks) {
        blanks = new Map();
        for (const r of table.rows) for (const c of r.cells) if (c.kind === 'blank') blanks.set(c, 0);
      }
      const r = evaluate(eq, blanks);
      if (r && r.expected >= 0 && Number.isInteger(r.expected)) return r.expected;
    }
  }
  return undefined;
}
