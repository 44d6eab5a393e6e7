/** Messages of the structure rules (Chinese first, English available). */
import type { Localized } from '../../types';

const q = (s: string) => `“${s}”`;

export const structureMessages = {
  titleMissing: (): Localized => ({
    zh: '缺少标题行：应为“<机关名称><年份>年政府信息公开工作年度报告”',
    en: 'No title line: expected "<body name><year>年政府信息公开工作年度报告"',
  }),
  notReport: (headings: number): Localized => ({
    zh: `没有写明“政府信息公开……报告”的标题，六个规定章节的标题只找到 ${headings} 个（至少 3 个才按年度报告检查）`,
    en: `no title saying 政府信息公开…报告, and ${headings} of the six section headings found (3 make a report)`,
  }),
  titleNoBody: (title: string): Localized => ({
    zh: `标题未写明机关名称：${q(title)}`,
    en: `The title does not name the administrative body: "${title}"`,
  }),
  sectionMissing: (heading: string): Localized => ({
    zh: `缺少章节${q(heading)}`,
    en: `Missing section "${heading}"`,
  }),
  insertSection: (heading: string): Localized => ({
    zh: `插入章节标题${q(heading)}`,
    en: `Insert the section heading "${heading}"`,
  }),
  insertSectionSkeleton: (heading: string): Localized => ({
    zh: `插入章节${q(heading)}及其空白模板（表格数值为 0，请据实填写）`,
    en: `Insert the section "${heading}" with its empty template (table counts 0: fill in the real figures)`,
  }),
  sectionOrder: (heading: string, after: string): Localized => ({
    zh: `章节顺序错误：${q(heading)}应位于${q(after)}之后`,
    en: `Section out of order: "${heading}" belongs after "${after}"`,
  }),
  sectionOrderFirst: (heading: string, before: string): Localized => ({
    zh: `章节顺序错误：${q(heading)}应位于${q(before)}之前`,
    en: `Section out of order: "${heading}" belongs before "${before}"`,
  }),
  sectionDuplicate: (heading: string, firstLine: number): Localized => ({
    zh: `章节重复：${q(heading)}已在第 ${firstLine} 行出现`,
    en: `Duplicate section: "${heading}" already appears on line ${firstLine}`,
  }),
  sectionTitleVariant: (actual: string, expected: string): Localized => ({
    zh: `章节标题不是规范表述：应为${q(expected)}，实为${q(actual)}`,
    en: `Non-standard section title: expected "${expected}", found "${actual}"`,
  }),
  sectionEnumerator: (actual: string, expected: string): Localized => ({
    zh: `章节序号有误：应为${q(expected)}，实为${q(actual)}`,
    en: `Wrong section number: expected "${expected}", found "${actual}"`,
  }),
  restoreSectionTitle: (expected: string): Localized => ({
    zh: `改为规范标题${q(expected)}`,
    en: `Use the standard title "${expected}"`,
  }),
  sectionEmpty: (heading: string): Localized => ({
    zh: `章节${q(heading)}没有内容（无内容时也应写明“无”或相关说明）`,
    en: `Section "${heading}" is empty (write "无" or an explanation when there is nothing to report)`,
  }),
};
