/** Messages of the cross-year rules and of pairing (Chinese first, English available). */
import type { Localized } from '../../types';
import { fmtNum } from '../locale';

const q = (s: string) => `“${s}”`;

export const crossYearMessages = {
  /** This year's 二、上年结转 differs from last year's 四、结转下年度继续办理. */
  carryOver: (
    file: string,
    row: string,
    column: string,
    value: number,
    prevFile: string,
    prevRow: string,
    prevValue: number,
  ): Localized => ({
    zh: `与上年报告不衔接：本报告 ${file} 的${q(row)}${q(column)}列为 ${fmtNum(value)}，上年报告 ${prevFile} 的${q(prevRow)}${q(column)}列为 ${fmtNum(prevValue)}，两者应相等`,
    en: `Does not follow on from last year's report: ${file} has ${fmtNum(value)} in "${row}", column "${column}"; last year's report ${prevFile} has ${fmtNum(prevValue)} in "${prevRow}", column "${column}"; they should be equal`,
  }),
  /** 现行有效件数 differs from last year's plus this year's made minus repealed. */
  validDocuments: (
    file: string,
    row: string,
    value: number,
    prevFile: string,
    prevValid: number,
    made: number,
    repealed: number,
    expected: number,
  ): Localized => ({
    zh:
      `第二十条第（一）项${q(row)}的现行有效件数与上年不衔接：本报告 ${file} 为 ${fmtNum(value)}，` +
      `按上年报告 ${prevFile} 的现行有效件数 ${fmtNum(prevValid)} + 本年制发 ${fmtNum(made)} − 本年废止 ${fmtNum(repealed)} 应为 ${fmtNum(expected)}（实际数据常因清理、修订而不满足此关系，仅供核对）`,
    en:
      `现行有效件数 of "${row}" (Article 20 (1)) does not follow on from last year: ${file} has ${fmtNum(value)}; ` +
      `last year's ${fmtNum(prevValid)} in ${prevFile} + ${fmtNum(made)} made − ${fmtNum(repealed)} repealed = ${fmtNum(expected)} (real data often break this identity through reviews and revisions; for checking only)`,
  }),
  /** The related location in last year's report. */
  previousCell: (prevFile: string, row: string, column: string, value: number): Localized => ({
    zh: `上年报告 ${prevFile}：${q(row)}${q(column)}列为 ${fmtNum(value)}`,
    en: `Last year's report ${prevFile}: "${row}", column "${column}" is ${fmtNum(value)}`,
  }),
  /** Why a report was not paired (a note, not a problem). */
  unpaired: {
    'no-identity': {
      zh: '标题中没有可读的机关名称和统计年度，未与上年报告配对',
      en: "the title names no readable body and statistics year; not paired with last year's report",
    },
    'no-previous': (body: string, year: number): Localized => ({
      zh: `所检查的文件中没有${q(body)} ${year} 年的报告，未进行跨年核对`,
      en: `no ${year} report of "${body}" among the files checked; no cross-year checks`,
    }),
    'several-previous': (body: string, year: number, files: string[]): Localized => ({
      zh: `${q(body)} ${year} 年的报告有多份（${files.join('、')}），无法确定与哪一份核对；可用 --previous 指定`,
      en: `several ${year} reports of "${body}" (${files.join(', ')}); which one to compare with is not certain — name it with --previous`,
    }),
  },
};
