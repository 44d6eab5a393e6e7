/** Messages about one-line text: reports whose line breaks are gone (Chinese first, English available). */
import type { Localized } from '../../types';

const q = (s: string) => `“${s}”`;

export const oneLineMessages = {
  valuesInferred: (row: string, split: string, by: 'row' | 'table'): Localized =>
    by === 'row'
      ? {
          zh: `${q(row)}的数值连在一起，有多种拆分方式，按本行合计只有一种成立，读作 ${split}（请核对）`,
          en: `The values of "${row}" run together and split several ways; only one satisfies the row's own total, read as ${split} (please check)`,
        }
      : {
          zh: `${q(row)}的数值连在一起，按本行合计仍有多种拆分方式，按本表的列合计关系只有一种成立，读作 ${split}（请核对）`,
          en: `The values of "${row}" run together and split several ways even by the row's total; only one satisfies the table's column sums, read as ${split} (please check)`,
        },
  oneLine: (): Localized => ({
    zh: '报告全文的换行已丢失（如从网页复制），已按标准格式逐行读取；所有表格数值均可确定',
    en: "The report's line breaks are gone (as when copied from a web page); it was read in the standard layout, and every table value is certain",
  }),
  reformat: (): Localized => ({ zh: '重新排版为标准格式', en: 'Reformat into the standard layout' }),
};
