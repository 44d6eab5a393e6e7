import type { Rule } from '../../types';
import { sumRowTotal } from './sumRowTotal';
import { sumColumnTotal } from './sumColumnTotal';
import { sumBalance } from './sumBalance';
import { sumReviewTotal } from './sumReviewTotal';
import { sumLitigationTotal } from './sumLitigationTotal';
import { sumSubtotal } from './sumSubtotal';

export const ARITHMETIC_RULES: readonly Rule[] = [
  sumRowTotal,
  sumColumnTotal,
  sumBalance,
  sumReviewTotal,
  sumLitigationTotal,
  sumSubtotal,
];
