import { sumRule } from './sumRule';

export const sumBalance = sumRule('sum-balance', {
  zh: '每列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度）',
  en: 'Per column: new (一) + carried over (二) = handled total (三（七）) + carried forward (四)',
});
