import type { TextEdit } from '../../types';
import { defineRule } from '../define';
import { structureMessages as M } from '../../i18n/messages/structure';
import { SECTIONS, SECTION_NUMERALS } from '../../template/template';
import { minimalEdit } from '../../text/edits';
import { officialHeading } from './common';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

const NUMERALS = SECTION_NUMERALS;
const NUMERAL = new RegExp(`[${NUMERALS}]`);

export const sectionTitle = defineRule(
  {
    id: 'section-title',
    category: 'structure',
    description: D.sectionTitle,
    defaultSeverity: 'warning',
    fixable: true,
  },
  ({ model, report }) => {
    for (const s of model.sections) {
      const tpl = SECTIONS[s.id - 1];
      const numeral = NUMERAL.exec(s.enumeratorText)?.[0];
      const wrongNumber = numeral !== undefined && NUMERALS.indexOf(numeral) + 1 !== s.id;
      if (s.titleMatch === 'standard' && !wrongNumber) continue;
      const edits: TextEdit[] = [];
      if (s.titleMatch !== 'standard') {
        const e = minimalEdit(model.text, s.titleSpan.start, s.titleSpan.end, tpl.title);
        if (e) edits.push(e);
      }
      let span = s.titleSpan;
      let message = M.sectionTitleVariant(model.text.slice(s.titleSpan.start, s.titleSpan.end), tpl.title);
      if (wrongNumber) {
        const at = s.headingSpan.start + model.text.slice(s.headingSpan.start, s.titleSpan.start).search(NUMERAL);
        if (at >= s.headingSpan.start) edits.push({ start: at, end: at + 1, newText: NUMERALS[s.id - 1] });
        span = { start: s.headingSpan.start, end: s.titleSpan.end };
        if (s.titleMatch === 'standard') {
          message = M.sectionEnumerator(
            model.text.slice(s.headingSpan.start, s.titleSpan.start).trim(),
            tpl.enumerator,
          );
        }
      }
      report({
        message,
        span,
        fixes: edits.length
          ? [{ title: M.restoreSectionTitle(officialHeading(s.id)), edits, preferred: true }]
          : undefined,
        data: { section: s.id, match: s.titleMatch },
      });
    }
  },
);
