import type { ReportModel, TableKind, TableNode } from '../../types';
import { TABLE_KINDS } from '../../template/template';

/** The tables the report has, in report order. */
export function tablesOf(model: ReportModel): [TableKind, TableNode][] {
  // (A loop: every table rule asks, and flatMap costs more than the three lookups.)
  const out: [TableKind, TableNode][] = [];
  for (const k of TABLE_KINDS) {
    const t = model.tables[k];
    if (t) out.push([k, t]);
  }
  return out;
}
