import { defineRule } from '../define';
import { structureMessages as M } from '../../i18n/messages/structure';
import { firstOfEach, officialHeading } from './common';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

/** Indices of a longest increasing subsequence of `xs`. */
function lis(xs: number[]): Set<number> {
  const n = xs.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (xs[j] < xs[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
  let best = 0;
  for (let i = 1; i < n; i++) if (len[i] > len[best]) best = i;
  const keep = new Set<number>();
  for (let i = n ? best : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export const sectionOrder = defineRule(
  {
    id: 'section-order',
    category: 'structure',
    description: D.sectionOrder,
    defaultSeverity: 'error',
    fixable: false,
  },
  ({ model, report }) => {
    const secs = firstOfEach(model);
    const keep = lis(secs.map((s) => s.id));
    secs.forEach((s, i) => {
      if (keep.has(i)) return;
      const before = secs.filter((x, j) => keep.has(j) && x.id < s.id).pop();
      const after = secs.find((x, j) => keep.has(j) && x.id > s.id);
      const message = before
        ? M.sectionOrder(officialHeading(s.id), officialHeading(before.id))
        : M.sectionOrderFirst(officialHeading(s.id), officialHeading(after ? after.id : s.id));
      report({ message, span: s.headingSpan, data: { section: s.id } });
    });
  },
);
