import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { TEMPLATES, rowDisplay } from '../../template/template';
import { tablesOf } from './common';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const tableRowMissing = defineRule(
  {
    id: 'table-row-missing',
    category: 'table',
    description: D.tableRowMissing,
    defaultSeverity: 'error',
    fixable: false,
  },
  ({ model, report }) => {
    for (const [key, table] of tablesOf(model)) {
      const missing = new Set(table.missingRowIds);
      // One-line text: every row is on line 0, so a missing row is shown on the label of the next row present.
      const order = model.oneLine
        ? TEMPLATES[table.edition][key === 't2' ? 'table2' : key === 't3' ? 'table3' : 'table4']
        : undefined;
      const templateRows = order ? ('rows' in order ? order.rows : order.flatMap((b) => b.rows)) : [];
      const oneLineSpan = (id: string) => {
        const after = templateRows.slice(templateRows.findIndex((r) => r.id === id) + 1);
        for (const r of after) {
          const row = table.rows.find((x) => x.rowId === r.id);
          if (row) return row.labelSpan ?? row.span;
        }
        return { start: table.span.end, end: table.span.end };
      };
      const spanAt = (line: number, id?: string) => {
        if (model.oneLine && id) return oneLineSpan(id);
        if (line >= model.lineStarts.length) {
          const s = table.span.end;
          return { start: s, end: s };
        }
        const start = model.lineStarts[line];
        const next = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
        return {
          start,
          end: Math.max(
            start,
            next -
              (/\r\n$/.test(model.text.slice(start, next)) ? 2 : /[\r\n]$/.test(model.text.slice(start, next)) ? 1 : 0),
          ),
        };
      };
      if (key === 't2') {
        // A whole missing block is one finding.
        for (const b of TEMPLATES[table.edition].table2) {
          if (b.rows.every((r) => missing.has(r.id))) {
            report({
              message: M.blockMissing(b.heading),
              span: spanAt(table.missingRowAnchors[b.rows[0].id], b.rows[0].id),
              data: { table: key, block: b.id },
            });
            for (const r of b.rows) missing.delete(r.id);
          }
        }
      }
      for (const id of missing) {
        report({
          message: M.rowMissing(key, rowDisplay(table.edition, id)),
          span: spanAt(table.missingRowAnchors[id], id),
          data: { table: key, row: id },
        });
      }
    }
  },
);
