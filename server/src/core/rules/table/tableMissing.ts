import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { officialHeading } from '../structure/common';
import { TABLE_KINDS, TABLE_SECTION } from '../../template/template';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const tableMissing = defineRule(
  {
    id: 'table-missing',
    category: 'table',
    description: D.tableMissing,
    defaultSeverity: 'error',
    fixable: false,
  },
  ({ model, report }) => {
    for (const t of TABLE_KINDS) {
      const id = TABLE_SECTION[t];
      if (model.tables[t]) continue;
      const sec = model.sections.find((s) => s.id === id);
      if (!sec) continue; // section-missing says it
      report({ message: M.tableMissing(officialHeading(id), t), span: sec.headingSpan, data: { table: t } });
    }
  },
);
