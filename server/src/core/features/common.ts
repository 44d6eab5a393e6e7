/** Small helpers shared by the editor features: which findings fall where, and of which kind. */
import type { Finding, ReportModel, RuleCategory, Span, TableKind, TableNode } from '../types';
import { TABLE_KINDS } from '../template/template';
import { ruleById } from '../rules';

export { arithmeticRuleIds } from '../rules';

export type { TableKind } from '../types';
export { TABLE_KINDS, TABLE_SECTION } from '../template/template';

export function categoryOf(ruleId: string): RuleCategory | undefined {
  return ruleById(ruleId)?.meta.category;
}

export function inside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/** Whether `span` intersects [start, end] (touching counts, so an empty span at an edge is in). */
export function touches(span: Span, start: number, end: number): boolean {
  return span.start <= end && span.end >= start;
}

export function findingsWithin(findings: readonly Finding[], span: Span): Finding[] {
  return findings.filter((f) => inside(f.span, span));
}

export function presentTables(model: ReportModel): { kind: TableKind; table: TableNode }[] {
  const out: { kind: TableKind; table: TableNode }[] = [];
  for (const kind of TABLE_KINDS) {
    const table = model.tables[kind];
    if (table) out.push({ kind, table });
  }
  return out;
}

/** Whether a finding has a preferred fix (what fix-all applies). */
export function hasPreferredFix(f: Finding): boolean {
  return !!f.fixes?.some((x) => x.preferred);
}

/** The table (if any) whose span holds `offset`. */
export function tableAt(model: ReportModel, offset: number): { kind: TableKind; table: TableNode } | undefined {
  return presentTables(model).find(({ table }) => offset >= table.span.start && offset <= table.span.end);
}
