/**
 * The rule catalogue, registered explicitly and in a fixed order (the order of the README table).
 * Rule ids are user-facing (settings, CLI, `.govreportrc.json`) and stable.
 */
import type { Rule, RuleCategory } from '../types';
import { STRUCTURE_RULES } from './structure';
import { TABLE_RULES } from './table';
import { ARITHMETIC_RULES } from './arithmetic';
import { TEXT_RULES } from './text';
import { CROSS_YEAR_RULES } from './crossYear';

export const RULES: readonly Rule[] = [
  ...STRUCTURE_RULES,
  ...TABLE_RULES,
  ...ARITHMETIC_RULES,
  ...TEXT_RULES,
  ...CROSS_YEAR_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** Ids of the rules of a category, in catalogue order: rule groups are read from the rules' metadata. */
export function ruleIdsOf(category: RuleCategory): string[] {
  return RULES.filter((r) => r.meta.category === category).map((r) => r.meta.id);
}

/** Ids of the arithmetic (勾稽关系) rules: what "fix all totals" applies and what fix-all cascades. */
export function arithmeticRuleIds(): string[] {
  return ruleIdsOf('arithmetic');
}
