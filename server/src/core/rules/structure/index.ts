import type { Rule } from '../../types';

export const STRUCTURE_RULES: readonly Rule[] = [];
