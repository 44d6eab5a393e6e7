import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { tablesOf } from './common';
import { columnsOfRow, rowName } from '../../template/cells';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const tableCellCount = defineRule(
  {
    id: 'table-cell-count',
    category: 'table',
    description: D.tableCellCount,
    defaultSeverity: 'error',
    fixable: false,
  },
  ({ model, report }) => {
    for (const [, table] of tablesOf(model)) {
      for (const row of table.rows) {
        const expected = columnsOfRow(table, row).length;
        if (row.fragments) {
          // A row broken over lines: one finding over all its pieces; no cell of it is read.
          const at = row.cells[0]?.span.start ?? row.span.start;
          const end = row.fragments[row.fragments.length - 1].end;
          report({
            message: M.rowBroken(rowName(table, row), row.fragments.length),
            span: { start: at, end },
            related: row.fragments.map((f) => ({ span: f, message: M.rowPiece() })),
            data: { row: row.rowId, expected, actual: row.cells.length, pieces: row.fragments.length + 1 },
          });
          continue;
        }
        if (expected === 0 || row.cells.length === expected) continue;
        const first = row.cells[0];
        const last = row.cells[row.cells.length - 1];
        const span = first ? { start: first.span.start, end: last.span.end } : row.span;
        const name = rowName(table, row);
        const message = row.malformed
          ? M.cellsRunTogether(name, row.cells.map((c) => c.raw).join(' '), expected)
          : M.cellCount(name, expected, row.cells.length);
        report({ message, span, data: { row: row.rowId, expected, actual: row.cells.length } });
      }
    }
  },
);
