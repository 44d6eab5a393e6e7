import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { TEMPLATES, rowDisplay } from '../../template/template';
import { tablesOf } from './common';

export const tableRowMissing = defineRule(
  {
    id: 'table-row-missing',
    category: 'table',
    description: { zh: '统计表缺少规定的行', en: 'A table lacks a required row' },
    defaultSeverity: 'error',
    fixable: false,
  },
  ({ model, report }) => {
    for (const [key, table] of tablesOf(model)) {
      const missing = new Set(table.missingRowIds);
      const spanAt = (line: number) => {
        if (line >= model.lineStarts.length) {
          const s = table.span.end;
          return { start: s, end: s };
        }
        const start = model.lineStarts[line];
        const next = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : model.text.length;
        return { start, end: Math.max(start, next - (/\r\n$/.test(model.text.slice(start, next)) ? 2 : /[\r\n]$/.test(model.text.slice(start, next)) ? 1 : 0)) };
      };
      if (key === 't2') {
        // A whole missing block is one finding.
        for (const b of TEMPLATES[table.edition].table2) {
          if (b.rows.every((r) => missing.has(r.id))) {
            report({ message: M.blockMissing(b.heading), span: spanAt(table.missingRowAnchors[b.rows[0].id]), data: { table: key, block: b.id } });
            for (const r of b.rows) missing.delete(r.id);
          }
        }
      }
      for (const id of missing) {
        report({
          message: M.rowMissing(key, rowDisplay(table.edition, id)),
          span: spanAt(table.missingRowAnchors[id]),
          data: { table: key, row: id },
        });
      }
    }
  },
);
