/** The cross-year runner: every enabled cross-year rule on this year's report and last year's. */
import type { Finding, LintOptions, ReportRef } from '../types';
import { runRules, type RuleError } from '../lint';

export interface PairLintResult {
  /** Findings on the current report, sorted by position; related locations in the previous one carry its uri. */
  findings: Finding[];
  errors: RuleError[];
}

/**
 * Runs the cross-year rules with `options` (the current report's configuration: severities and `off` as for
 * every rule). Never throws. Reports that are not annual reports get no findings unless `options.force`.
 */
export function lintPair(current: ReportRef, previous: ReportRef, options: LintOptions = {}): PairLintResult {
  if (!options.force && (!current.model.isReport || !previous.model.isReport)) return { findings: [], errors: [] };
  return runRules(
    options,
    (rule) => rule.checkPair !== undefined,
    (rule, report) => rule.checkPair!({ current, previous, report }),
  );
}
