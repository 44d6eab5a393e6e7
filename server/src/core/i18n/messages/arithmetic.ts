/** Messages of the arithmetic (勾稽关系) rules (Chinese first, English available). */
import type { Localized } from '../../types';
import { fmtNum } from '../locale';

const q = (s: string) => `“${s}”`;

export const arithmeticMessages = {
  /** A total that differs from the sum of its addends. */
  sumMismatch: (what: Localized, formula: Localized, expected: number, actual: number): Localized => ({
    zh: `${what.zh}合计不符：${formula.zh} = ${fmtNum(expected)}，实填 ${fmtNum(actual)}`,
    en: `${what.en}: total does not match: ${formula.en} = ${fmtNum(expected)}, written ${fmtNum(actual)}`,
  }),
  balance: (column: string, lhs: string, lv: number, rhs: string, rv: number): Localized => ({
    zh: `${q(column)}列勾稽关系不成立：一 + 二 = ${lhs} = ${fmtNum(lv)}，三（七）+ 四 = ${rhs} = ${fmtNum(rv)}`,
    en: `Column "${column}" does not balance: 一 + 二 = ${lhs} = ${fmtNum(lv)}, 三（七）+ 四 = ${rhs} = ${fmtNum(rv)}`,
  }),
  setTotal: (value: number): Localized => ({
    zh: `将合计改为 ${fmtNum(value)}`,
    en: `Set the total to ${fmtNum(value)}`,
  }),
  setCell: (label: string, value: number): Localized => ({
    zh: `将${q(label)}改为 ${fmtNum(value)}`,
    en: `Set "${label}" to ${fmtNum(value)}`,
  }),
  addend: (label: string, value: number): Localized => ({
    zh: `${label} = ${fmtNum(value)}`,
    en: `${label} = ${fmtNum(value)}`,
  }),
  rowWhat: (row: string): Localized => ({ zh: `${q(row)}行`, en: `Row "${row}"` }),
  columnWhat: (column: string): Localized => ({
    zh: `（七）总计的${q(column)}列`,
    en: `（七）总计, column "${column}"`,
  }),
  /** A long column sum whose addends are all 0. */
  allZero: (n: number): Localized => ({ zh: `${n} 项之和（均为 0）`, en: `the ${n} items (all 0)` }),
  /** A long column sum shown by its non-zero addends. */
  restZero: (formula: string, rest: number): Localized => ({
    zh: `${formula}（其余 ${rest} 项为 0）`,
    en: `${formula} (the other ${rest} items are 0)`,
  }),
  t4What: (group: string): Localized => ({ zh: `${q(group)}`, en: `"${group}"` }),
};
