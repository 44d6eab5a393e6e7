import type { Rule } from '../../types';

export const TEXT_RULES: readonly Rule[] = [];
