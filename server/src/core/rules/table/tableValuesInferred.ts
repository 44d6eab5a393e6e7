import { defineRule } from '../define';
import { oneLineMessages as M } from '../../i18n/messages/oneLine';
import { tablesOf } from './common';
import { rowName } from '../../template/cells';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const tableValuesInferred = defineRule(
  {
    id: 'table-values-inferred',
    category: 'table',
    description: D.tableValuesInferred,
    defaultSeverity: 'info',
    fixable: false,
  },
  ({ model, report }) => {
    const by = model.oneLine?.inferredBy ?? {};
    for (const [, table] of tablesOf(model)) {
      for (const row of table.rows) {
        if (!row.inferred || row.cells.length === 0) continue;
        const split = row.cells.map((c) => c.raw).join(' ');
        const first = row.cells[0];
        const last = row.cells[row.cells.length - 1];
        report({
          message: M.valuesInferred(rowName(table, row), split, by[row.rowId] ?? 'row'),
          span: { start: first.span.start, end: last.span.end },
          data: { row: row.rowId, split: row.cells.map((c) => c.value ?? c.raw), by: by[row.rowId] ?? 'row' },
        });
      }
    }
  },
);
