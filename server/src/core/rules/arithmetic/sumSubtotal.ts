import { sumRule } from './sumRule';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sumSubtotal = sumRule('sum-subtotal', D.sumSubtotal);
