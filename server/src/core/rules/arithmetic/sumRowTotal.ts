import { sumRule } from './sumRule';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sumRowTotal = sumRule('sum-row-total', D.sumRowTotal);
