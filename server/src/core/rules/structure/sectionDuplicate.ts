import type { SectionId } from '../../types';
import { defineRule } from '../define';
import { structureMessages as M } from '../../i18n/messages/structure';
import { officialHeading } from './common';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sectionDuplicate = defineRule(
  {
    id: 'section-duplicate',
    category: 'structure',
    description: D.sectionDuplicate,
    defaultSeverity: 'error',
    fixable: false,
  },
  ({ model, report }) => {
    const first = new Map<SectionId, number>();
    for (const s of model.sections) {
      const f = first.get(s.id);
      if (f === undefined) {
        first.set(s.id, s.line);
        continue;
      }
      report({
        message: M.sectionDuplicate(officialHeading(s.id), f + 1),
        span: s.headingSpan,
        related: [
          {
            span: model.sections.find((x) => x.line === f)!.headingSpan,
            message: M.sectionDuplicate(officialHeading(s.id), f + 1),
          },
        ],
        data: { section: s.id },
      });
    }
  },
);
