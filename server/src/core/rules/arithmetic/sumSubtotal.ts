import { sumRule } from './sumRule';

export const sumSubtotal = sumRule('sum-subtotal', {
  zh: '八列表中“法人或其他组织”小计应等于其下五类之和',
  en: 'In the eight-column variant, the 法人或其他组织 subtotal equals its five kinds',
});
