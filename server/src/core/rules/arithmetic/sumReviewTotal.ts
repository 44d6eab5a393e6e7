import { sumRule } from './sumRule';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sumReviewTotal = sumRule('sum-review-total', D.sumReviewTotal);
