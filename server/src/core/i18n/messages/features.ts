/** Text of the editor features (outline, lenses, hover, view, actions), Chinese first. */
import type { Localized, TableKind } from '../../types';

export type Template<A extends unknown[]> = (...args: A) => Localized;

export const FEATURE_MESSAGES = {
  tableName: {
    t2: { zh: '表二 主动公开政府信息情况', en: 'Table 2 · Proactive disclosure' },
    t3: { zh: '表三 收到和处理政府信息公开申请情况', en: 'Table 3 · Requests received and handled' },
    t4: { zh: '表四 行政复议、行政诉讼情况', en: 'Table 4 · Administrative review and litigation' },
  } as Record<TableKind, Localized>,
  problems: ((n: number) => ({ zh: `${n} 个问题`, en: n === 1 ? '1 problem' : `${n} problems` })) as Template<[number]>,
  sumsOk: { zh: '✓ 勾稽关系正确', en: '✓ All sums match' } as Localized,
  sumsBroken: ((n: number) => ({
    zh: `${n} 处合计不符`,
    en: n === 1 ? '1 sum does not match' : `${n} sums do not match`,
  })) as Template<[number]>,
  fixAllInTable: { zh: '全部修复', en: 'Fix all' } as Localized,
  malformedRows: ((n: number) => ({
    zh: `${n} 行无法读取`,
    en: n === 1 ? '1 unreadable row' : `${n} unreadable rows`,
  })) as Template<[number]>,
  missingRows: ((n: number) => ({ zh: `缺 ${n} 行`, en: n === 1 ? '1 row missing' : `${n} rows missing` })) as Template<
    [number]
  >,
  missing: { zh: '缺失', en: 'missing' } as Localized,
  present: { zh: '已填写', en: 'present' } as Localized,
  empty: { zh: '无内容', en: 'empty' } as Localized,
  untitledReport: { zh: '（无标题）', en: '(no title)' } as Localized,
  hoverTitle: { zh: '合计', en: 'Total' } as Localized,
  hoverComputed: { zh: '计算值', en: 'Computed' } as Localized,
  hoverWritten: { zh: '表中填写', en: 'Written' } as Localized,
  hoverMatches: { zh: '✓ 相符', en: '✓ matches' } as Localized,
  hoverDiffers: { zh: '✗ 不符', en: '✗ does not match' } as Localized,
  hoverNotANumber: { zh: '（非数字）', en: '(not a number)' } as Localized,
  hoverCannotCompute: {
    zh: '有加数不是数字，无法计算。',
    en: 'Some addends are not numbers: the total cannot be computed.',
  } as Localized,
  hoverCarryOverTitle: { zh: '上年结转', en: 'Carried over from last year' } as Localized,
  hoverPreviousUnreadable: ((file: string, row: string, column: string) => ({
    zh: `上年报告 ${file}：“${row}”“${column}”列无法读取（不是整数或该行无法拆分）`,
    en: `Last year's report ${file}: "${row}", column "${column}" cannot be read (not a whole number, or the row's cells cannot be told apart)`,
  })) as Template<[string, string, string]>,
  actionFixTableTotals: ((table: Localized) => ({
    zh: `修复本表全部合计（${table.zh}）`,
    en: `Fix all totals in this table (${table.en})`,
  })) as Template<[Localized]>,
  actionFixAllOfRule: ((ruleId: string) => ({
    zh: `修复本文档中所有此类问题（${ruleId}）`,
    en: `Fix all ${ruleId} problems in this document`,
  })) as Template<[string]>,
  actionFixAllInDocument: {
    zh: '修复文档中所有可自动修复的问题',
    en: 'Fix all auto-fixable problems in the document',
  } as Localized,
  actionFixAllSource: { zh: '修复所有年报问题（govreport）', en: 'Fix all report problems (govreport)' } as Localized,
};
