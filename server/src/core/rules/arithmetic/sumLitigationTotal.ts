import { sumRule } from './sumRule';

export const sumLitigationTotal = sumRule('sum-litigation-total', {
  zh: '行政诉讼（未经复议直接起诉、复议后起诉）的“总计”应等于四项结果之和',
  en: "Each litigation group's 总计 equals upheld + corrected + other + pending",
});
