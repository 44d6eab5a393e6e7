import { defineRule } from '../define';
import { structureMessages as M } from '../../i18n/messages/structure';
import { officialHeading } from './common';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sectionEmpty = defineRule(
  {
    id: 'section-empty',
    category: 'structure',
    description: D.sectionEmpty,
    defaultSeverity: 'warning',
    fixable: false,
  },
  ({ model, report }) => {
    for (const s of model.sections) {
      if (!s.hasContent)
        report({ message: M.sectionEmpty(officialHeading(s.id)), span: s.headingSpan, data: { section: s.id } });
    }
  },
);
