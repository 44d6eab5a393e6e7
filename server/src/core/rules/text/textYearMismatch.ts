/**
 * text-year-mismatch: the title's statistics year against the years the prose reports figures for.
 *
 * Two findings:
 * - a clause that states counts (N 件/条/个/起/次) for year Z ≠ the title's year — unless the clause
 *   plans (将, 计划, 下一步, 明年 …), compares (同比, 较, 比, 上年 …), accumulates (累计, 截至 …),
 *   names the title's year too, or names several years; the range is the year in the prose;
 * - a title year that never appears in the prose while another year is used throughout (at least
 *   three times, outside plans and document titles 《…》); the range is the title's year.
 * When the second fires, the first is not reported for that other year: the title is the odd one out.
 */
import { defineRule } from '../define';
import { textMessages as M } from '../../i18n/messages/text';
import { BookTitles } from './bookTitles';
import { readInteger, yearsIn, type YearMention } from './numbers';
import { peek, paragraphsOf, spanIn, type Paragraph } from './paragraphs';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

const PLAN = /将|计划|下一步|明年|下一年|下年|拟|预计|力争|打算|争取/;
const COMPARISON = /同比|较|比|上年|去年|上一年|前年|增长|下降|增加|减少/;
const CUMULATIVE = /累计|截至|截止|以来|至今|历年|近年|期间|(?:自|从)\s*(?:19|20)\d{2}|年\s*(?:起|开始)/;
/** "2021年度报告", "2021年政府信息公开工作年度报告", "2021年年报": a document, not a period. */
const REPORT_REFERENCE = /^\s*年(?:度)?(?:政府信息公开|政务公开)?(?:工作)?(?:年度)?(?:报告|年报)/;
const COUNT = /^\s*(?:件|条|个|起|次)(?!工作日|月|小时|百分点)/;
/** How often another year must be used for the title's year to be the odd one out. */
const THROUGHOUT = 3;

interface Mention extends YearMention {
  para: Paragraph;
  /** In a plan clause or a document title: not a year the report speaks about. */
  incidental: boolean;
}

export const textYearMismatch = defineRule(
  {
    id: 'text-year-mismatch',
    category: 'text',
    description: D.textYearMismatch,
    defaultSeverity: 'warning',
    fixable: false,
  },
  ({ model, report }) => {
    const title = model.title;
    if (!title) return;
    const Y = title.year;
    const paragraphs = paragraphsOf(model);
    const mentions: Mention[] = [];
    const countClauses: { para: Paragraph; year: YearMention }[] = [];
    let titleYearSeen = false;

    const titleYearRe = new RegExp(`(?<!\\d)${Y}(?!\\d)`);
    for (const para of paragraphs) {
      if (!titleYearSeen && titleYearRe.test(para.text)) titleYearSeen = true;
      // No digit: no year.
      if (!para.hasDigit) continue;
      let book: BookTitles | undefined;
      for (const clause of para.clauses) {
        if (!clause.hasDigit) continue;
        const years = yearsIn(clause.text);
        if (years.length === 0) continue;
        const titles = (book ??= new BookTitles(para.text));
        const inBook = years.map((y) => titles.inside(clause.start + y.start));
        const plan = PLAN.test(clause.text);
        years.forEach((y, k) => {
          mentions.push({
            year: y.year,
            start: clause.start + y.start,
            end: clause.start + y.end,
            para,
            incidental: plan || inBook[k],
          });
        });
        if (plan || COMPARISON.test(clause.text) || CUMULATIVE.test(clause.text)) continue;
        const outside = years.filter((_, k) => !inBook[k]);
        const distinct = new Set(outside.map((y) => y.year));
        if (distinct.size !== 1 || distinct.has(Y)) continue;
        const first = outside[0];
        // "2021年3月…": a date, not the year figures are reported for.
        if (/^\s*年\s*\d{1,2}\s*月/.test(peek(clause.text, first.end))) continue;
        if (REPORT_REFERENCE.test(peek(clause.text, first.end, 20))) continue;
        if (!hasCountAfter(clause.text, first.end)) continue;
        countClauses.push({
          para,
          year: { ...first, start: clause.start + first.start, end: clause.start + first.end },
        });
      }
    }

    // The title's year never used while another year is used throughout.
    let oddTitleFor: number | undefined;
    if (!titleYearSeen) {
      const counts = new Map<number, Mention[]>();
      for (const m of mentions) {
        if (m.incidental || m.year === Y) continue;
        const list = counts.get(m.year);
        if (list) list.push(m);
        else counts.set(m.year, [m]);
      }
      let best: [number, Mention[]] | undefined;
      for (const entry of counts) if (!best || entry[1].length > best[1].length) best = entry;
      if (best && best[1].length >= THROUGHOUT) {
        const [W, list] = best;
        oddTitleFor = W;
        report({
          message: M.yearInTitle(Y, W, list.length),
          span: title.yearSpan,
          related: list
            .slice(0, 5)
            .map((m) => ({ span: spanIn(model, m.para, m.start, m.end), message: M.proseYear(W) })),
          data: { expected: W, actual: Y, times: list.length },
        });
      }
    }

    for (const { para, year } of countClauses) {
      if (year.year === oddTitleFor) continue;
      report({
        message: M.yearInProse(year.year, Y),
        span: spanIn(model, para, year.start, year.end),
        related: [{ span: title.yearSpan, message: M.titleYear(Y) }],
        data: { expected: Y, actual: year.year },
      });
    }
  },
);

/** Whether a count (N 件/条/个/起/次, not 第N条 nor N个工作日) follows clause offset `from`. */
function hasCountAfter(clause: string, from: number): boolean {
  for (let i = from; i < clause.length; i++) {
    const n = readInteger(clause, i);
    if (!n) continue;
    i = n.end - 1;
    if (clause[n.start - 1] === '第') continue;
    if (COUNT.test(peek(clause, n.end))) return true;
  }
  return false;
}
