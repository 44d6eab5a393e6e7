/**
 * text-list-total: an enumeration in one sentence that states its total — "…发布2条…1条…总计6条" —
 * whose parts do not add up.
 *
 * Conservative: the parts are the counts before the total in the same sentence (after any earlier
 * total), all in the total's unit (a count in another unit among them means the list is not a plain
 * sum, so the rule stays silent), at least two of them; the total is introduced by 总计/合计/共计/
 * 总共/一共/共/累计. Sentences that compare (同比, 较上年, 增加 …), nest (其中), share out (分别),
 * approximate (余, 多, 左右) or scale (万, 千) are left alone, as are article numbers (第N条).
 * The fix sets the stated total to the sum.
 */
import type { RelatedInfo } from '../../types';
import { defineRule } from '../define';
import { formatLike } from '../../text/numbers';
import { textMessages as M } from '../../i18n/messages/text';
import { isDigitCode, readInteger } from './numbers';
import { asciiCommaAt, paragraphsOf, spanIn, type Paragraph } from './paragraphs';
import { isSpace } from '../../parser/lines';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

const UNITS = [
  '人次',
  '场次',
  '条',
  '件',
  '篇',
  '个',
  '次',
  '项',
  '份',
  '期',
  '场',
  '家',
  '起',
  '宗',
  '部',
  '名',
  '人',
  '批',
  '张',
  '幅',
  '套',
  '本',
];
const UNIT_RE = new RegExp(`^\\s*(${UNITS.join('|')})`);
const SKIP_SENTENCE = /同比|较上|较去|较\s*\d|比上|比去|增加|减少|增长|下降|上年|去年|其中|分别|平均|占比|比例/;
const APPROXIMATE = /^\s*(?:余|多|左右|以上|以下|万|千|百|亿|\.\d|%|％)/;
/** The first characters of UNIT_RE's units and of APPROXIMATE's words, after the spaces both skip. */
const AFTER_NUMBER: ReadonlySet<number> = new Set(
  [...UNITS.map((u) => u[0]), ...'余多左以万千百亿.%％'].map((c) => c.charCodeAt(0)),
);
const MARKER_RE = /总计|合计|共计|总共|一共|累计|共/g;
/** "共" inside another word: 公共, 中共, 共同, 共享 … */
const NOT_A_TOTAL_BEFORE = /^[公中]$/;
const NOT_A_TOTAL_AFTER = /^[同享产建青性识赢治通]/;
/** Between a marker and its number: words, no digits, no separators. */
const MARKER_FILL = /^[^\d,;:、，；：。!?\n]{0,10}$/;
const PERIOD = /年|以来|至今|截至|截止|历年/;

interface Count {
  value: number;
  start: number;
  end: number;
  unit: string;
}

export const textListTotal = defineRule(
  {
    id: 'text-list-total',
    category: 'text',
    description: D.textListTotal,
    defaultSeverity: 'warning',
    fixable: true,
  },
  ({ model, report }) => {
    for (const para of paragraphsOf(model)) {
      if (!para.hasDigit) continue;
      for (const sentence of para.sentences) {
        // Two parts and a total: at least three numbers, so at least one digit.
        if (!sentence.hasDigit || SKIP_SENTENCE.test(sentence.text)) continue;
        const counts = countsIn(model, para, sentence.text, sentence.start);
        if (!counts || counts.length < 3) continue;
        const periodWords = PERIOD.test(sentence.text);
        let from = sentence.start;
        let next = 0; // index of the first count not yet passed
        MARKER_RE.lastIndex = 0;
        for (let m = MARKER_RE.exec(sentence.text); m; m = MARKER_RE.exec(sentence.text)) {
          const mStart = sentence.start + m.index;
          const mEnd = mStart + m[0].length;
          if (m[0] === '共') {
            if (NOT_A_TOTAL_BEFORE.test(sentence.text[m.index - 1] ?? '')) continue;
            if (NOT_A_TOTAL_AFTER.test(sentence.text[m.index + 1] ?? '')) continue;
          }
          if (m[0] === '累计' && periodWords) continue;
          let first = next;
          while (first < counts.length && counts[first].start < from) first++;
          let t = first;
          while (t < counts.length && counts[t].start < mEnd) t++;
          const total = counts[t];
          if (!total || !MARKER_FILL.test(para.text.slice(mEnd, Math.min(total.start, mEnd + 11)))) continue;
          if (total.start - mEnd > 10) continue;
          const between = counts.slice(first, t).filter((c) => c.end <= mStart);
          from = total.end;
          next = t + 1;
          MARKER_RE.lastIndex = total.end - sentence.start;
          if (between.length < 2 || between.some((c) => c.unit !== total.unit)) continue;
          const sum = between.reduce((a, c) => a + c.value, 0);
          if (sum === total.value) continue;
          const span = spanIn(model, para, total.start, total.end);
          const written = model.text.slice(span.start, span.end);
          const related: RelatedInfo[] = between.map((c) => ({
            span: spanIn(model, para, c.start, c.end),
            message: M.listPart(c.value, c.unit),
          }));
          report({
            message: M.listTotal(
              between.map((c) => c.value),
              total.unit,
              m[0],
              total.value,
            ),
            span,
            related,
            fixes: [
              {
                title: M.setListTotal(m[0], sum),
                edits: [{ start: span.start, end: span.end, newText: formatLike(written, sum) }],
                preferred: true,
              },
            ],
            data: { expected: sum, actual: total.value, parts: between.map((c) => c.value), unit: total.unit },
          });
        }
      }
    }
  },
);

/** The counts (N + unit) of a sentence, in order; undefined when the sentence approximates or scales. */
function countsIn(
  model: Parameters<typeof spanIn>[0],
  para: Paragraph,
  text: string,
  base: number,
): Count[] | undefined {
  const out: Count[] = [];
  const groupSep = (k: number) => asciiCommaAt(model, para, k);
  for (let i = 0; i < text.length; i++) {
    if (!isDigitCode(text.charCodeAt(i))) continue;
    const n = readInteger(para.text, base + i, groupSep);
    if (!n || n.end > base + text.length) continue;
    i = n.end - base - 1;
    const limit = Math.min(n.end + 12, base + text.length);
    // Neither a unit nor an approximation follows: nothing to look at (most table-like numbers).
    let k = n.end;
    while (k < limit && isSpace(para.text.charCodeAt(k))) k++;
    if (k >= limit || !AFTER_NUMBER.has(para.text.charCodeAt(k))) continue;
    const after = para.text.slice(n.end, limit);
    const u = UNIT_RE.exec(after);
    if (APPROXIMATE.test(after) || (u && APPROXIMATE.test(after.slice(u[0].length)))) return undefined;
    if (!u) continue;
    if (para.text[n.start - 1] === '第') continue;
    out.push({ value: n.value, start: n.start, end: n.end, unit: u[1] });
  }
  return out;
}
