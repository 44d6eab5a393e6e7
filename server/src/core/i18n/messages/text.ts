/** Messages of the text rules (Chinese first, English available). */
import type { Localized } from '../../types';
import { fmtNum } from '../locale';

const q = (s: string) => `“${s}”`;

/** The prose figures the number rule compares with the tables. */
export type ProseMetric = 'new' | 'carried' | 'done' | 'next' | 'review' | 'litigation';

export const METRIC_NAMES: Record<ProseMetric, Localized> = {
  new: { zh: '本年新收政府信息公开申请数', en: 'the number of new applications' },
  carried: { zh: '上年结转政府信息公开申请数', en: 'the number of applications carried over from last year' },
  done: { zh: '本年度办结数（办理结果总计）', en: 'the number of applications concluded (results total)' },
  next: { zh: '结转下年度继续办理数', en: 'the number of applications carried over to next year' },
  review: { zh: '行政复议数', en: 'the number of administrative reviews' },
  litigation: { zh: '行政诉讼数', en: 'the number of administrative lawsuits' },
};

export const textMessages = {
  compatChars: (count: number, pairs: [string, string][], more: boolean): Localized => {
    const zhPairs = pairs.map(([a, b]) => `${a}→${b}`).join('、');
    const enPairs = pairs.map(([a, b]) => `${a}→${b}`).join(', ');
    return {
      zh: `本行有 ${count} 个 PDF 兼容字符，应为标准汉字：${zhPairs}${more ? ' 等' : ''}`,
      en: `${count} PDF compatibility character${count === 1 ? '' : 's'} on this line should be standard ideographs: ${enPairs}${more ? ', …' : ''}`,
    };
  },
  compatFix: (): Localized => ({
    zh: '将本行的兼容字符替换为标准汉字',
    en: 'Replace the compatibility characters on this line with standard ideographs',
  }),

  /**
   * A prose figure against the table. `written` is the prose as written when it states no number
   * ("未收到…申请" means 0); `where` names the table cell(s); `formula` shows a sum of cells.
   */
  numberMismatch: (
    metric: ProseMetric,
    actual: number,
    expected: number,
    where: Localized,
    written?: string,
    formula?: string,
  ): Localized => {
    const name = METRIC_NAMES[metric];
    const zhActual = written ? `正文${q(written)}即${name.zh}为 0` : `正文所述${name.zh}为 ${fmtNum(actual)}`;
    const enActual = written
      ? `The prose says "${written}", i.e. ${name.en} is 0`
      : `The prose gives ${name.en} as ${fmtNum(actual)}`;
    const f = formula ? `${formula} = ` : '';
    return {
      zh: `${zhActual}，与表格不一致：${where.zh}为 ${f}${fmtNum(expected)}`,
      en: `${enActual}, but the table has ${f}${fmtNum(expected)} (${where.en})`,
    };
  },
  t3Cell: (row: string, column: string): Localized => ({
    zh: `表三${q(row)}行${q(column)}列`,
    en: `table 三, row "${row}", column "${column}"`,
  }),
  t4Cells: (columns: string[]): Localized => ({
    zh: `表四${columns.map(q).join('与')}`,
    en: `table 四, ${columns.map((c) => `"${c}"`).join(' and ')}`,
  }),
  tableValue: (value: number): Localized => ({
    zh: `表格中的数值：${fmtNum(value)}`,
    en: `The value in the table: ${fmtNum(value)}`,
  }),
  useTableValue: (value: number): Localized => ({
    zh: `将正文中的数字改为表格中的 ${fmtNum(value)}`,
    en: `Change the figure in the prose to the table's ${fmtNum(value)}`,
  }),

  yearInProse: (proseYear: number, titleYear: number): Localized => ({
    zh: `正文报告了 ${proseYear} 年的统计数据，但标题的统计年度为 ${titleYear} 年`,
    en: `The prose reports figures for ${proseYear}, but the title's statistics year is ${titleYear}`,
  }),
  yearInTitle: (titleYear: number, usedYear: number, times: number): Localized => ({
    zh: `标题的统计年度为 ${titleYear} 年，但正文从未提及 ${titleYear} 年，而 ${usedYear} 年出现 ${times} 次`,
    en: `The title's statistics year is ${titleYear}, but the prose never mentions ${titleYear} while ${usedYear} appears ${times} times`,
  }),
  titleYear: (year: number): Localized => ({
    zh: `标题中的统计年度：${year} 年`,
    en: `The statistics year in the title: ${year}`,
  }),
  proseYear: (year: number): Localized => ({
    zh: `正文中的 ${year} 年`,
    en: `${year} in the prose`,
  }),

  listTotal: (parts: number[], unit: string, marker: string, stated: number): Localized => {
    const sum = parts.reduce((a, b) => a + b, 0);
    const f = parts.map(fmtNum).join(' + ');
    return {
      zh: `列举的各项之和为 ${f} = ${fmtNum(sum)}${unit}，但写明${marker} ${fmtNum(stated)}${unit}`,
      en: `The listed items add up to ${f} = ${fmtNum(sum)} (${unit}), but the stated total (${marker}) is ${fmtNum(stated)}`,
    };
  },
  listPart: (value: number, unit: string): Localized => ({
    zh: `列举项：${fmtNum(value)}${unit}`,
    en: `Listed item: ${fmtNum(value)} (${unit})`,
  }),
  setListTotal: (marker: string, sum: number): Localized => ({
    zh: `将${marker}改为 ${fmtNum(sum)}`,
    en: `Set the total (${marker}) to ${fmtNum(sum)}`,
  }),
};
