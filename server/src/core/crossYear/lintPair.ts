/** The cross-year runner: every enabled cross-year rule on this year's report and last year's. */
import type { Finding, LintOptions, ReportRef, Severity } from '../types';
import { RULES } from '../rules';
import { effectiveSeverity, type RuleError } from '../lint';

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
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  if (!options.force && (!current.model.isReport || !previous.model.isReport)) return { findings, errors };
  for (const rule of RULES) {
    if (!rule.checkPair) continue;
    const setting = effectiveSeverity(rule, options);
    if (setting === 'off') continue;
    const severity: Severity = setting;
    const ruleId = rule.meta.id;
    const configured = Boolean(options.rules?.[ruleId]);
    try {
      rule.checkPair({
        current,
        previous,
        report(f) {
          const finding = f as Finding;
          finding.ruleId = ruleId;
          finding.severity = configured ? severity : (f.severity ?? severity);
          findings.push(finding);
        },
      });
    } catch (e) {
      errors.push({ ruleId, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { findings, errors };
}
