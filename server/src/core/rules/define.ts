import type { Rule, RuleContext, RuleMeta } from '../types';

/** Declares a rule: its metadata and its check. */
export function defineRule(meta: RuleMeta, check: (ctx: RuleContext) => void): Rule {
  return { meta, check };
}
