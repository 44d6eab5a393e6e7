import { sumRule } from './sumRule';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sumColumnTotal = sumRule('sum-column-total', D.sumColumnTotal);
