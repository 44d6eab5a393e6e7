import { sumRule } from './sumRule';

export const sumReviewTotal = sumRule('sum-review-total', {
  zh: '行政复议“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和',
  en: 'Administrative review 总计 equals upheld + corrected + other + pending',
});
