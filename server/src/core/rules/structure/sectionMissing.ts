import type { SectionId } from '../../types';
import { defineRule } from '../define';
import { structureMessages as M } from '../../i18n/messages/structure';
import { firstOfEach, officialHeading } from './common';

export const sectionMissing = defineRule(
  {
    id: 'section-missing',
    category: 'structure',
    description: { zh: '缺少规定的六个章节之一', en: 'One of the six required sections is missing' },
    defaultSeverity: 'error',
    fixable: true,
  },
  ({ model, report }) => {
    const present = firstOfEach(model);
    const eol = model.eol;
    for (let id = 1 as SectionId; id <= 6; id = (id + 1) as SectionId) {
      if (present.some((s) => s.id === id)) continue;
      const heading = officialHeading(id);
      // Insert before the next section present after it in the official order, else after the previous one.
      const nextSec = present.filter((s) => s.id > id).sort((a, b) => a.line - b.line)[0];
      const prevSec = present.filter((s) => s.id < id).sort((a, b) => b.line - a.line)[0];
      let at: number;
      let newText: string;
      let span;
      if (nextSec) {
        at = model.lineStarts[nextSec.line];
        const prefix = model.text.slice(at, nextSec.headingSpan.start);
        newText = `${prefix}${heading}${eol}${eol}`;
        span = nextSec.headingSpan;
      } else {
        at = model.text.length;
        const prefix = prevSec ? model.text.slice(model.lineStarts[prevSec.line], prevSec.headingSpan.start) : '';
        const lead = /(\r\n|\r|\n)$/.test(model.text) || at === 0 ? '' : eol;
        newText = `${lead}${eol}${prefix}${heading}${eol}`;
        const last = model.lineStarts.length - 1;
        span = { start: model.lineStarts[last], end: model.text.length };
      }
      report({
        message: M.sectionMissing(heading),
        span,
        fixes: [{ title: M.insertSection(heading), edits: [{ start: at, end: at, newText }], preferred: true }],
        data: { section: id },
      });
    }
  },
);
