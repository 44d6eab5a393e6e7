import { sumRule } from './sumRule';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sumLitigationTotal = sumRule('sum-litigation-total', D.sumLitigationTotal);
