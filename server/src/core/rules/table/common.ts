import type { ReportModel, TableKind, TableNode } from '../../types';
import { TABLE_KINDS } from '../../template/template';

/** The tables the report has, in report order. */
export function tablesOf(model: ReportModel): [TableKind, TableNode][] {
  return TABLE_KINDS.flatMap((k): [TableKind, TableNode][] => {
    const t = model.tables[k];
    return t ? [[k, t]] : [];
  });
}
