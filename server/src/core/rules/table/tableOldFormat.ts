import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { FIRST_YEAR_OF_2021_FORMAT } from '../../template/template';
import { tablesOf } from './common';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const tableOldFormat = defineRule(
  {
    id: 'table-old-format',
    category: 'table',
    description: D.tableOldFormat,
    defaultSeverity: 'warning',
    fixable: false,
  },
  ({ model, report }) => {
    const year = model.title?.year;
    if (year === undefined || year < FIRST_YEAR_OF_2021_FORMAT) return;
    for (const [key, table] of tablesOf(model)) {
      if (table.edition !== '2019') continue;
      const span =
        key === 't2' && table.blocks?.length
          ? table.blocks[0].span
          : (table.rows.find((r) => r.rowId === 't3.other')?.span ?? table.span);
      report({ message: M.oldFormat(year), span, data: { table: key } });
    }
  },
);
