/**
 * Whether text is an annual report: its title says 政府信息公开 … 报告, or it holds three or more of the
 * six section headings — on lines of their own or inline ("…一、总体情况 2023年，…"). What was found is
 * kept, so that text that is not taken for a report can be told why.
 */
import type { SectionId } from '../types';
import { SECTIONS, SECTION_NUMERALS } from '../template/template';
import { isSpace, type Line } from './lines';

/** How many non-empty lines from the top a title is looked for in. */
const TITLE_LINES = 30;
/** The longest title, in characters without blanks. */
const MAX_TITLE = 100;

/** Whether one of the first lines reads as a report's title: 政府信息公开 (or 政务公开) … 报告, year or not. */
export function titleSaysReport(lines: Line[], empty: (i: number) => boolean): boolean {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < TITLE_LINES; i++) {
    if (empty(i)) continue;
    seen++;
    const t = lines[i].text;
    if (t.length > 2 * MAX_TITLE) continue;
    let c = '';
    for (let k = 0; k < t.length; k++) if (!isSpace(t.charCodeAt(k))) c += t[k];
    c = c.replace(/^[#*【]+|[*】]+$/g, '').replace(/[。.]+$/, '');
    if (c.length <= MAX_TITLE && /政府信息公开|政务公开/.test(c) && /报告$/.test(c)) return true;
  }
  return false;
}

const NUMERALS = SECTION_NUMERALS;
const WORDINGS = SECTIONS.map((s) => ({ id: s.id, words: [s.title, ...s.variants] }));

/** The sections whose heading stands anywhere in the text as numeral, 、 and title ("三、收到和处理政府信息公开申请情况"). */
export function inlineHeadings(text: string): Set<SectionId> {
  const found = new Set<SectionId>();
  for (const { id, words } of WORDINGS) {
    const numeral = NUMERALS[id - 1];
    for (const w of words) {
      if (found.has(id)) break;
      for (let at = text.indexOf(w); at >= 0 && !found.has(id); at = text.indexOf(w, at + 1)) {
        let j = at - 1;
        while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
        if (j >= 0 && '、.,，．'.includes(text[j])) j--;
        while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
        if (j >= 0 && text[j] === numeral) found.add(id);
      }
    }
  }
  return found;
}
