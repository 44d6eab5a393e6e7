import { sumRule } from './sumRule';

export const sumColumnTotal = sumRule('sum-column-total', {
  zh: '“（七）总计”每列应等于（一）至（六）各项办理结果之和',
  en: 'Each column of （七）总计 equals the sum of the outcomes （一）–（六）',
});
