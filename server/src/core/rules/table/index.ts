import type { Rule } from '../../types';

export const TABLE_RULES: readonly Rule[] = [];
