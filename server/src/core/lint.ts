/** The lint runner: parse once, run every enabled rule on the model, collect findings. */
import type { Finding, LintOptions, LintResult, Rule, RuleContext, Severity, SeveritySetting } from './types';
import { parse } from './parser/parse';
import { RULES } from './rules';

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface LintResultWithErrors extends LintResult {
  /** Rules that threw (a bug in the rule, never in the user's text): reported, not fatal. */
  errors: RuleError[];
}

export function effectiveSeverity(rule: Rule, options: LintOptions | undefined): SeveritySetting {
  return options?.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
}

/**
 * The rule runner: for every rule `takes` that is not off, calls `run` with the report function that makes
 * each reported object a finding of that rule, at its severity (a configured severity wins over the one a
 * finding asks for). A rule that throws is recorded in `errors` and the others go on. Never throws; the
 * findings come back sorted by position.
 */
export function runRules(
  options: LintOptions,
  takes: (rule: Rule) => boolean,
  run: (rule: Rule, report: RuleContext['report']) => void,
): { findings: Finding[]; errors: RuleError[] } {
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  for (const rule of RULES) {
    if (!takes(rule)) continue;
    const setting = effectiveSeverity(rule, options);
    if (setting === 'off') continue;
    const severity: Severity = setting;
    const ruleId = rule.meta.id;
    const configured = Boolean(options.rules?.[ruleId]);
    try {
      run(rule, (f) => {
        // The reported object becomes the finding (same keys, in the same order, as a copy would have):
        // copying it was a tenth of the time on reports with many findings.
        const finding = f as Finding;
        finding.ruleId = ruleId;
        finding.severity = configured ? severity : (f.severity ?? severity);
        findings.push(finding);
      });
    } catch (e) {
      errors.push({ ruleId, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { findings, errors };
}

/** Lints `text`. Never throws. */
export function lint(text: string, options: LintOptions = {}): LintResultWithErrors {
  const model = parse(text);
  if (!model.isReport && !options.force) return { model, findings: [], errors: [] };
  const { findings, errors } = runRules(
    options,
    () => true,
    (rule, report) => rule.check({ model, report }),
  );
  return { model, findings, errors };
}
