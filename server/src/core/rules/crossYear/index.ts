/**
 * Cross-year rules: this year's report against last year's report of the same body (FORMAT.md §5 item 9).
 * The identities are declared and evaluated in `crossYear/relations.ts`; each rule reports the broken ones
 * that belong to it, on this year's cell, with last year's cell as a related location in the other file.
 */
import type { Localized, PairRuleContext, Rule, RuleMeta } from '../../types';
import { CARRY_OVER_RULE, VALID_DOCUMENTS_RULE, evaluateCrossYear, type RelationResult } from './relations';
import { crossYearMessages as M } from '../../i18n/messages/crossYear';
import { ruleDescriptions as D, ruleDetails as DETAILS } from '../../i18n/messages/rules';

function defineCrossYearRule(meta: RuleMeta, report: (ctx: PairRuleContext, r: RelationResult) => void): Rule {
  return {
    meta,
    check() {
      // One report alone has nothing to compare.
    },
    checkPair(ctx) {
      for (const r of evaluateCrossYear(ctx.current.model, ctx.previous.model)) {
        if (r.relation.ruleId === meta.id && r.status === 'broken') report(ctx, r);
      }
    },
  };
}

/** Reports on this year's cell of `r`, with last year's cell `prev` as the related location in the other file. */
function reportLinked(
  ctx: PairRuleContext,
  r: RelationResult,
  prev: RelationResult['terms'][number],
  message: Localized,
  data: Record<string, unknown> = {},
): void {
  ctx.report({
    message,
    span: r.target.span!,
    related: [
      {
        span: prev.span!,
        message: M.previousCell(ctx.previous.name, prev.rowName, prev.columnName, prev.value!),
        uri: ctx.previous.uri ?? ctx.previous.name,
      },
    ],
    data: {
      relation: r.relation.id,
      expected: r.expected,
      actual: r.actual,
      row: r.target.term.row,
      column: r.target.term.column,
      ...data,
    },
  });
}

export const crossYearCarryOver = defineCrossYearRule(
  {
    id: CARRY_OVER_RULE,
    category: 'cross-year',
    description: D.crossYearCarryOver,
    defaultSeverity: 'warning',
    fixable: false,
    details: DETAILS.crossYearCarryOver,
  },
  (ctx, r) => {
    const prev = r.terms[0];
    reportLinked(
      ctx,
      r,
      prev,
      M.carryOver(
        ctx.current.name,
        r.target.rowName,
        r.target.columnName,
        r.actual!,
        ctx.previous.name,
        prev.rowName,
        prev.value!,
      ),
      { previousRow: prev.term.row },
    );
  },
);

export const crossYearValidDocuments = defineCrossYearRule(
  {
    id: VALID_DOCUMENTS_RULE,
    category: 'cross-year',
    description: D.crossYearValidDocuments,
    defaultSeverity: 'info',
    fixable: false,
    details: DETAILS.crossYearValidDocuments,
  },
  (ctx, r) => {
    const [prevValid, made, repealed] = r.terms;
    reportLinked(
      ctx,
      r,
      prevValid,
      M.validDocuments(
        ctx.current.name,
        r.target.rowName,
        r.actual!,
        ctx.previous.name,
        prevValid.value!,
        made.value!,
        repealed.value!,
        r.expected!,
      ),
    );
  },
);

export const CROSS_YEAR_RULES: readonly Rule[] = [crossYearCarryOver, crossYearValidDocuments];
