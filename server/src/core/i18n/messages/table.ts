/** Messages of the table rules (Chinese first, English available). */
import type { Localized, TableKind } from '../../types';

const q = (s: string) => `“${s}”`;

export const TABLE_NAMES: Record<TableKind, Localized> = {
  t2: { zh: '主动公开情况表（第二十条）', en: 'the proactive-disclosure table (Article 20)' },
  t3: { zh: '收到和处理政府信息公开申请情况表', en: 'the applications table' },
  t4: { zh: '行政复议、行政诉讼情况表', en: 'the review and litigation table' },
};

/**
 * How messages name table 四's one data row, which the official table leaves without a label. Row names
 * are the template's Chinese in both languages, and so is this one.
 */
export const T4_ROW_NAME = '行政复议、行政诉讼数据行';

export const tableMessages = {
  tableMissing: (section: string, t: TableKind): Localized => ({
    zh: `章节${q(section)}缺少${TABLE_NAMES[t].zh}`,
    en: `Section "${section}" lacks ${TABLE_NAMES[t].en}`,
  }),
  rowMissing: (t: TableKind, row: string): Localized => ({
    zh: `${TABLE_NAMES[t].zh}缺少行${q(row)}`,
    en: `${cap(TABLE_NAMES[t].en)} lacks the row "${row}"`,
  }),
  blockMissing: (heading: string): Localized => ({
    zh: `主动公开情况缺少${q(heading)}`,
    en: `The proactive-disclosure table lacks "${heading}"`,
  }),
  rowLabel: (actual: string, expected: string): Localized => ({
    zh: `行标签与官方表述不一致：应为${q(expected)}，实为${q(actual)}`,
    en: `Row label differs from the official wording: expected "${expected}", found "${actual}"`,
  }),
  rowLabelMissing: (expected: string): Localized => ({
    zh: `缺少行标签：此行应为${q(expected)}`,
    en: `Row label missing: this row should be "${expected}"`,
  }),
  headerLabel: (actual: string, expected: string): Localized => ({
    zh: `列标题与官方表述不一致：应为${q(expected)}，实为${q(actual)}`,
    en: `Column header differs from the official wording: expected "${expected}", found "${actual}"`,
  }),
  strayRow: (text: string): Localized => ({
    zh: `无法识别的表格行：${q(text)}`,
    en: `Unrecognized table row: "${text}"`,
  }),
  restoreLabel: (expected: string): Localized => ({
    zh: `恢复官方表述${q(expected)}`,
    en: `Restore the official wording "${expected}"`,
  }),
  cellCount: (row: string, expected: number, actual: number): Localized => ({
    zh: `${q(row)}应有 ${expected} 个数值，实有 ${actual} 个`,
    en: `"${row}" should have ${expected} values, found ${actual}`,
  }),
  cellsRunTogether: (row: string, raw: string, expected: number): Localized => ({
    zh: `${q(row)}的数值连在一起（${q(raw)}），无法可靠读取 ${expected} 个数值，请用制表符或空格分隔`,
    en: `The values of "${row}" run together ("${raw}"); ${expected} values cannot be read reliably — separate them with tabs or blanks`,
  }),
  rowBroken: (row: string, pieces: number): Localized => ({
    zh: `${q(row)}的单元格断成 ${pieces + 1} 行（转换损坏或单元格单独成行），无法与各列对应，此行未读取`,
    en: `The cells of "${row}" are broken over ${pieces + 1} lines (damaged by a converter, or a cell on a line of its own) and cannot be aligned with the columns; the row is not read`,
  }),
  rowPiece: (): Localized => ({ zh: '此行的一部分', en: 'a piece of the row' }),
  cellBlank: (row: string, column: string): Localized => ({
    zh: `${q(row)}的${q(column)}为空，应填写数字（没有则填 0）`,
    en: `"${row}", column "${column}" is empty; write a number (0 if none)`,
  }),
  cellPlaceholder: (row: string, column: string, raw: string): Localized => ({
    zh: `${q(row)}的${q(column)}为${q(raw)}，不是数字（没有则填 0）`,
    en: `"${row}", column "${column}" is "${raw}", not a number (write 0 if none)`,
  }),
  cellNegative: (row: string, column: string, raw: string): Localized => ({
    zh: `${q(row)}的${q(column)}为负数 ${raw}，此处应为非负整数`,
    en: `"${row}", column "${column}" is negative (${raw}); a non-negative integer belongs here`,
  }),
  cellDecimal: (row: string, column: string, raw: string): Localized => ({
    zh: `${q(row)}的${q(column)}为小数 ${raw}，此处应为整数（件数）`,
    en: `"${row}", column "${column}" is a decimal (${raw}); a whole count belongs here`,
  }),
  writeZero: (): Localized => ({ zh: '填写 0', en: 'Write 0' }),
  writeTotal: (value: number): Localized => ({ zh: `填写合计 ${value}`, en: `Write the total ${value}` }),
  oldFormat: (year: number): Localized => ({
    zh: `${year} 年度报告应使用 2021 年版格式（国办公开办函〔2021〕30号），此处为 2019 年试行格式`,
    en: `A report for ${year} must use the 2021 format (国办公开办函〔2021〕30号); this table follows the 2019 trial format`,
  }),
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
