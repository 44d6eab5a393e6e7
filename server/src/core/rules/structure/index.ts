import type { Rule } from '../../types';
import { titleMissing } from './titleMissing';
import { sectionMissing } from './sectionMissing';
import { sectionOrder } from './sectionOrder';
import { sectionDuplicate } from './sectionDuplicate';
import { sectionTitle } from './sectionTitle';
import { sectionEmpty } from './sectionEmpty';
import { layoutOneLine } from './layoutOneLine';

export const STRUCTURE_RULES: readonly Rule[] = [
  titleMissing,
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionTitle,
  sectionEmpty,
  layoutOneLine,
];
