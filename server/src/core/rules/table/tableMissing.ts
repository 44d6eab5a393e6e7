import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { officialHeading } from '../structure/common';
import type { SectionId } from '../../types';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

const TABLE_OF: [SectionId, 't2' | 't3' | 't4'][] = [
  [2, 't2'],
  [3, 't3'],
  [4, 't4'],
];

export const tableMissing = defineRule(
  {
    id: 'table-missing',
    category: 'table',
    description: D.tableMissing,
    defaultSeverity: 'error',
    fixable: false,
  },
  ({ model, report }) => {
    for (const [id, t] of TABLE_OF) {
      if (model.tables[t]) continue;
      const sec = model.sections.find((s) => s.id === id);
      if (!sec) continue; // section-missing says it
      report({ message: M.tableMissing(officialHeading(id), t), span: sec.headingSpan, data: { table: t } });
    }
  },
);
