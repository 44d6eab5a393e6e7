import { sumRule } from './sumRule';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sumBalance = sumRule('sum-balance', D.sumBalance);
