/**
 * Cross-year rules: this year's report against last year's report of the same body (FORMAT.md §5 item 9).
 * The identities are declared and evaluated in `crossYear/relations.ts`; each rule reports the broken ones
 * that belong to it, on this year's cell, with last year's cell as a related location in the other file.
 */
import type { PairRuleContext, Rule, RuleMeta } from '../../types';
import { CARRY_OVER_RULE, VALID_DOCUMENTS_RULE, evaluateCrossYear, type RelationResult } from './relations';
import { crossYearMessages as M } from '../../i18n/messages/crossYear';

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

export const crossYearCarryOver = defineCrossYearRule(
  {
    id: CARRY_OVER_RULE,
    category: 'cross-year',
    description: {
      zh: '本年报告的“二、上年结转政府信息公开申请数量”每列应等于上年报告的“四、结转下年度继续办理”',
      en: "Each column of this year's 二、上年结转 (carried over) equals last year's 四、结转下年度继续办理 (carried forward)",
    },
    defaultSeverity: 'warning',
    fixable: false,
    details: {
      zh: '需要同一机关相邻两年的报告：命令行检查文件夹或多个文件时自动按标题中的机关名称与统计年度配对，或用 `--previous <文件>` 指定上年报告；`--no-cross-year` 关闭。两年的表格可以是不同格式（2019 年试行格式与 2021 年格式的表三行列相同）。问题标在本年的单元格上，并链接上年报告中对应的单元格。不提供自动修复：哪一年的数字有误无法确定。',
      en: "Needs two reports of one body for consecutive years: the command line pairs the files of a folder or list by the body and statistics year of their titles, or takes last year's report from `--previous <file>`; `--no-cross-year` turns it off. The two reports may follow different editions (table 三 has the same rows and columns in the 2019 trial format and the 2021 format). The problem sits on this year's cell and links last year's. No automatic fix: which year's figure is wrong cannot be known.",
    },
  },
  (ctx, r) => {
    const prev = r.terms[0];
    ctx.report({
      message: M.carryOver(
        ctx.current.name,
        r.target.rowName,
        r.target.columnName,
        r.actual!,
        ctx.previous.name,
        prev.rowName,
        prev.value!,
      ),
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
        previousRow: prev.term.row,
      },
    });
  },
);

export const crossYearValidDocuments = defineCrossYearRule(
  {
    id: VALID_DOCUMENTS_RULE,
    category: 'cross-year',
    description: {
      zh: '第二十条第（一）项规章、行政规范性文件：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
      en: "Article 20 (1), 规章 and 行政规范性文件: this year's 现行有效件数 = last year's + this year's 制发 − this year's 废止",
    },
    defaultSeverity: 'info',
    fixable: false,
    details: {
      zh: '实际数据经常不满足这一关系（文件清理、修订、失效而非废止、统计口径变化），因此默认只是提示（info），不应视为错误。仅在两年的表格都采用 2021 年格式时核对：2019 年试行格式的“本年新制作数量、本年新公开数量、对外公开总数量”没有可靠的对应列——“对外公开总数量”累计所有公开过的文件（含已废止的），且没有废止件数——因此 2020 年（试行格式）与 2021 年的报告之间跳过此项。',
      en: "Real data often break this identity (documents reviewed, revised, expired rather than repealed, changes of counting), so it is only a hint by default. Checked only when both reports use the 2021 columns: the 2019 trial format's 本年新制作数量, 本年新公开数量 and 对外公开总数量 have no sound counterpart — 对外公开总数量 counts every document ever published, repealed ones included, and there is no repeal count — so a 2020 report in the trial format is not compared with a 2021 report here.",
    },
  },
  (ctx, r) => {
    const [prevValid, made, repealed] = r.terms;
    ctx.report({
      message: M.validDocuments(
        ctx.current.name,
        r.target.rowName,
        r.actual!,
        ctx.previous.name,
        prevValid.value!,
        made.value!,
        repealed.value!,
        r.expected!,
      ),
      span: r.target.span!,
      related: [
        {
          span: prevValid.span!,
          message: M.previousCell(ctx.previous.name, prevValid.rowName, prevValid.columnName, prevValid.value!),
          uri: ctx.previous.uri ?? ctx.previous.name,
        },
      ],
      data: {
        relation: r.relation.id,
        expected: r.expected,
        actual: r.actual,
        row: r.target.term.row,
        column: r.target.term.column,
      },
    });
  },
);

export const CROSS_YEAR_RULES: readonly Rule[] = [crossYearCarryOver, crossYearValidDocuments];
