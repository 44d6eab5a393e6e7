import type { CellNode, ReportModel, RowNode, TableNode } from '../../types';
import { T4_GROUPS, TEMPLATES, rowDisplay, type ColumnTemplate } from '../../template/template';
import { T3_COLUMNS_WITH_SUBTOTAL } from '../../template/template';

export type TableKey = 't2' | 't3' | 't4';

export function tablesOf(model: ReportModel): [TableKey, TableNode][] {
  return (['t2', 't3', 't4'] as TableKey[]).flatMap((k) => (model.tables[k] ? [[k, model.tables[k]!]] : [])) as [
    TableKey,
    TableNode,
  ][];
}

/** The template columns of a row, in cell order. */
export function columnsOfRow(table: TableNode, row: RowNode): ColumnTemplate[] {
  if (table.kind === 't2') {
    const blockId = row.rowId.split('.').slice(0, 2).join('.');
    const b =
      TEMPLATES[table.edition].table2.find((x) => x.id === blockId) ??
      TEMPLATES['2019'].table2.find((x) => x.id === blockId);
    return b ? b.columns : [];
  }
  if (table.kind === 't4') return TEMPLATES['2021'].table4.columns;
  let cols = T3_COLUMNS_OF.get(table);
  if (!cols) T3_COLUMNS_OF.set(table, (cols = table.columnIds.map((id) => T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === id)!)));
  return cols;
}

const T3_COLUMNS_OF = new WeakMap<TableNode, ColumnTemplate[]>();

/** A column's name for messages: table 四 adds its group ("行政复议·总计"). */
export function columnDisplay(table: TableNode, col: ColumnTemplate): string {
  if (table.kind === 't4') {
    const g = T4_GROUPS.find((x) => col.id.startsWith(`${x.id}.`));
    return g ? `${g.label}·${col.label}` : col.label;
  }
  return col.label;
}

export function rowName(table: TableNode, row: RowNode): string {
  if (table.kind === 't4') return '行政复议、行政诉讼数据行';
  return rowDisplay(table.edition, row.rowId);
}

/** The cell of `row` in template column `columnId`, if the row has it. */
export function cellAt(table: TableNode, row: RowNode, columnId: string): CellNode | undefined {
  const cols = columnsOfRow(table, row);
  const i = cols.findIndex((c) => c.id === columnId);
  return i >= 0 ? row.cells[i] : undefined;
}
