import { sumRule } from './sumRule';

export const sumRowTotal = sumRule('sum-row-total', {
  zh: '申请情况表每行的“总计”应等于自然人与五类法人或其他组织之和',
  en: "In the applications table, each row's 总计 equals the natural persons plus the five kinds of organisations",
});
