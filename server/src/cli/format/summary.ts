/** Counts over a batch: files checked, files with errors, problems by severity and by rule. */
import type { FileResult } from '../process';

export interface Summary {
  files: number;
  checked: number;
  notReports: number;
  unreadable: number;
  filesWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  fixedFiles: number;
  /** Findings hidden by suppression entries. */
  suppressed: number;
  /** Suppression entries of the checked reports that matched nothing. */
  staleSuppressions: number;
  /** rule id → number of problems, most frequent first. */
  byRule: [string, number][];
}

export function summarize(results: readonly FileResult[]): Summary {
  const s: Summary = {
    files: results.length,
    checked: 0,
    notReports: 0,
    unreadable: 0,
    filesWithErrors: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    fixable: 0,
    fixedFiles: 0,
    suppressed: 0,
    staleSuppressions: 0,
    byRule: [],
  };
  const byRule = new Map<string, number>();
  for (const r of results) {
    if (r.status === 'error') s.unreadable++;
    else if (r.status === 'not-report') s.notReports++;
    else s.checked++;
    if (r.fix?.written) s.fixedFiles++;
    s.suppressed += r.suppressed?.length ?? 0;
    s.staleSuppressions += r.staleSuppressions ?? 0;
    let hasError = false;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') {
        s.errors++;
        hasError = true;
      } else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
      if (d.fixable) s.fixable++;
      byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
    }
    if (hasError) s.filesWithErrors++;
  }
  s.byRule = [...byRule.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return s;
}
