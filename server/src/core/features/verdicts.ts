/**
 * Per-table verdicts: are the table's sums right (✓ 勾稽关系正确) or how many are broken, how many
 * rows could not be read, and whether "fix all totals" has something to do.
 */
import type { Finding, ReportModel, Span } from '../types';
import { categoryOf, findingsWithin, hasPreferredFix, presentTables, type TableKind } from './common';

export interface TableVerdict {
  kind: TableKind;
  /** The table's extent and first line (where a code lens goes). */
  span: Span;
  line: number;
  /** Findings of arithmetic rules inside the table. */
  brokenSums: number;
  /** Of those, how many have a preferred fix. */
  fixableSums: number;
  /** Rows whose cells could not be separated. */
  malformedRows: number;
  /** Template rows not found. */
  missingRows: number;
  /** Every finding inside the table, whatever its rule. */
  problems: number;
  /** Whether the table has sum relations at all (table 二 has none). */
  hasSums: boolean;
}

export function tableVerdicts(model: ReportModel, findings: readonly Finding[]): TableVerdict[] {
  return presentTables(model).map(({ kind, table }) => {
    const within = findingsWithin(findings, table.span);
    const sums = within.filter((f) => categoryOf(f.ruleId) === 'arithmetic');
    const rows = [...table.rows, ...(table.blocks ?? []).flatMap((b) => b.rows)];
    const uniqueRows = new Set(rows);
    return {
      kind,
      span: table.span,
      line: table.line,
      brokenSums: sums.length,
      fixableSums: sums.filter(hasPreferredFix).length,
      malformedRows: [...uniqueRows].filter((r) => r.malformed).length,
      missingRows: table.missingRowIds.length,
      problems: within.length,
      hasSums: kind !== 't2',
    };
  });
}
