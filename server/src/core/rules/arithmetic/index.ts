import type { Rule } from '../../types';

export const ARITHMETIC_RULES: readonly Rule[] = [];
