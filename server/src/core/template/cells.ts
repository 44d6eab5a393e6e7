/**
 * Names and columns of a table's cells, as the template gives them: the one place that says which template
 * column a cell is and what messages call it.
 */
import type { FormatEdition, RowNode, TableNode } from '../types';
import { T3_COLUMNS_WITH_SUBTOTAL, T4_GROUPS, TEMPLATES, rowDisplay, type ColumnTemplate } from './template';
import { memoOn } from '../util/memo';
import { T4_ROW_NAME } from '../i18n/messages/table';

/** The template columns of a row, in cell order. */
export function columnsOfRow(table: TableNode, row: RowNode): ColumnTemplate[] {
  if (table.kind === 't2') {
    const byRow = T2_COLUMNS_OF[table.edition];
    let cols = byRow.get(row.rowId);
    if (!cols) {
      const blockId = row.rowId.split('.').slice(0, 2).join('.');
      const b =
        TEMPLATES[table.edition].table2.find((x) => x.id === blockId) ??
        TEMPLATES['2019'].table2.find((x) => x.id === blockId);
      byRow.set(row.rowId, (cols = b ? b.columns : []));
    }
    return cols;
  }
  if (table.kind === 't4') return TEMPLATES['2021'].table4.columns;
  return memoOn(table, T3_COLUMNS_OF, t3Columns);
}

const T3_COLUMNS_OF = Symbol('t3Columns');
/** Table 三's layouts (7 or 8 columns), shared by every table of that layout. */
const T3_LAYOUTS = new Map<string, ColumnTemplate[]>();
function t3Columns(table: TableNode): ColumnTemplate[] {
  const key = table.columnIds.join(',');
  let cols = T3_LAYOUTS.get(key);
  if (!cols) {
    cols = table.columnIds.map((id) => T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === id)!);
    // Only layouts made of template columns are kept (there are two); anything else is computed each time.
    if (cols.every(Boolean) && T3_LAYOUTS.size < 8) T3_LAYOUTS.set(key, cols);
  }
  return cols;
}
/** Table 二's columns by row id (template row ids only: the cache stays small). */
const T2_COLUMNS_OF: Record<FormatEdition, Map<string, ColumnTemplate[]>> = { '2019': new Map(), '2021': new Map() };

/** A column's name for messages: table 四 adds its group ("行政复议·总计"). */
export function columnDisplay(table: Pick<TableNode, 'kind'>, col: ColumnTemplate): string {
  if (table.kind === 't4') {
    const g = T4_GROUPS.find((x) => col.id.startsWith(`${x.id}.`));
    return g ? `${g.label}·${col.label}` : col.label;
  }
  return col.label;
}

/** A row's name for messages. */
export function rowName(table: TableNode, row: RowNode): string {
  if (table.kind === 't4') return T4_ROW_NAME;
  return rowDisplay(table.edition, row.rowId);
}
