import type { Rule } from '../../types';
import { tableMissing } from './tableMissing';
import { tableRowMissing } from './tableRowMissing';
import { tableLabel } from './tableLabel';
import { tableCellCount } from './tableCellCount';
import { tableCellInvalid } from './tableCellInvalid';
import { tableOldFormat } from './tableOldFormat';
import { tableValuesInferred } from './tableValuesInferred';

export const TABLE_RULES: readonly Rule[] = [
  tableMissing,
  tableRowMissing,
  tableLabel,
  tableCellCount,
  tableCellInvalid,
  tableOldFormat,
  tableValuesInferred,
];
