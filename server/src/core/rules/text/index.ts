import type { Rule } from '../../types';
import { textCompatChar } from './textCompatChar';
import { textNumberMismatch } from './textNumberMismatch';
import { textYearMismatch } from './textYearMismatch';
import { textListTotal } from './textListTotal';

/** The text rules, in catalogue order. */
export const TEXT_RULES: readonly Rule[] = [textCompatChar, textNumberMismatch, textYearMismatch, textListTotal];
