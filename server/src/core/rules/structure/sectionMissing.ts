import type { Fix, SectionId } from '../../types';
import { defineRule } from '../define';
import { structureMessages as M } from '../../i18n/messages/structure';
import { firstOfEach, officialHeading } from './common';
import { sectionBody } from '../../template/skeleton';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

export const sectionMissing = defineRule(
  {
    id: 'section-missing',
    category: 'structure',
    description: D.sectionMissing,
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
      let prefix: string;
      let lead = '';
      let tail = '';
      let span;
      // In one-line text a heading's line holds the whole report: a heading starts where its line would.
      const lineStart = (s: (typeof present)[number]) =>
        model.oneLine ? s.headingSpan.start : model.lineStarts[s.line];
      // The emphasis that closes a heading's line ("**一、总体情况**"), copied with its opening prefix: a heading
      // opened and never closed ("**二、…") is not read as a heading, and fix-all would insert it again.
      const closing = (s: (typeof present)[number]) => {
        if (model.oneLine) return '';
        const lineEnd = s.line + 1 < model.lineStarts.length ? model.lineStarts[s.line + 1] : model.text.length;
        return /^[*_]*(?=[ \t]*(?:\r\n|\r|\n)?$)/.exec(model.text.slice(s.headingSpan.end, lineEnd))?.[0] ?? '';
      };
      let suffix: string;
      if (nextSec) {
        at = lineStart(nextSec);
        prefix = model.text.slice(at, nextSec.headingSpan.start);
        suffix = closing(nextSec);
        tail = eol;
        span = nextSec.headingSpan;
      } else {
        at = model.text.length;
        prefix = prevSec ? model.text.slice(lineStart(prevSec), prevSec.headingSpan.start) : '';
        suffix = prevSec ? closing(prevSec) : '';
        lead = (/(\r\n|\r|\n)$/.test(model.text) || at === 0 ? '' : eol) + eol;
        const last = model.lineStarts.length - 1;
        span = { start: model.lineStarts[last], end: model.text.length };
      }
      const headingOnly = `${lead}${prefix}${heading}${suffix}${eol}${tail}`;
      // The skeleton: the section's sub-items or its table with every count 0, for the author to fill in.
      const body = sectionBody(id, model.edition).join(eol);
      const withBody = `${lead}${prefix}${heading}${suffix}${eol}${eol}${body}${eol}${tail}`;
      const tableThere =
        (id === 2 && model.tables.t2) || (id === 3 && model.tables.t3) || (id === 4 && model.tables.t4);
      const fixes: Fix[] = [
        { title: M.insertSection(heading), edits: [{ start: at, end: at, newText: headingOnly }], preferred: true },
      ];
      if (!tableThere)
        fixes.push({ title: M.insertSectionSkeleton(heading), edits: [{ start: at, end: at, newText: withBody }] });
      report({
        message: M.sectionMissing(heading),
        span,
        fixes,
        data: { section: id },
      });
    }
  },
);
