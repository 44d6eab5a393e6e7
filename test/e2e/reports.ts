/**
 * Reports for the end-to-end suite, derived from a real seed report (all of whose tables are zeros) by filling in
 * numbers. Expected results are never written here: the tests ask the engine (lint/fixAll) what they should see.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './harness';

export const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

/** A seed whose tables are all zeros and whose text has no problem. */
const BASE_SEED = '002_f34c183db723c9dd.txt';

export function readSeed(name: string): string {
  return fs.readFileSync(path.join(SEEDS, name), 'utf8');
}

/** The seed's lines split on \n (its line ends are kept in each line's tail, if any). */
function lines(text: string): string[] {
  return text.split('\n');
}

/** Replaces the last `values.length` numeric cells (tab-separated) of the line holding `label`. */
export function setRow(text: string, label: string, values: readonly number[]): string {
  const all = lines(text);
  const index = all.findIndex((l) => l.includes(label));
  if (index < 0) throw new Error(`no line holds ${label}`);
  const cells = all[index].split('\t');
  const numeric = cells.map((c, i) => (/^\s*\d+\s*$/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (numeric.length < values.length) throw new Error(`the line of ${label} has ${numeric.length} numbers`);
  numeric.slice(numeric.length - values.length).forEach((cellIndex, k) => (cells[cellIndex] = String(values[k])));
  all[index] = cells.join('\t');
  return all.join('\n');
}

/** The line index (0-based) of table 四's data row: the one line made of 15 numbers. */
export function table4Line(text: string): number {
  const index = lines(text).findIndex((l) => /^\d+(\t\d+){14}\s*$/.test(l));
  if (index < 0) throw new Error('no data row of table 四');
  return index;
}

/** Replaces table 四's data row: 行政复议 (5 cells), 未经复议直接起诉 (5), 复议后起诉 (5). */
export function setTable4(text: string, values: readonly number[]): string {
  if (values.length !== 15) throw new Error('table 四 has 15 cells');
  const all = lines(text);
  all[table4Line(text)] = values.join('\t');
  return all.join('\n');
}

export interface Table3Totals {
  /** The 总计 of row 一 (new applications); 16 adds up. */
  newTotal: number;
  /** The 总计 of row 四 (carried over to next year); 2 adds up. */
  carriedTotal: number;
}

/**
 * A full report with applications in table 三 and decisions in table 四. With the default totals every sum
 * adds up; pass other totals to break them.
 */
export function filledReport(
  agency: string,
  totals: Partial<Table3Totals> = {},
  table4 = [2, 1, 0, 0, 3, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1],
): string {
  let text = readSeed(BASE_SEED).replaceAll('北关区政务服务和大数据管理局', agency);
  text = text.replace(
    '2023 年未收到群众提交的政府信息公开申请。未收到上年转结数量。',
    '2023 年新收政府信息公开申请 16 件，上年结转 1 件，办结 15 件，结转下年度继续办理 2 件。',
  );
  // columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
  text = setRow(text, '一、本年新收政府信息公开申请数量', [12, 3, 0, 1, 0, 0, totals.newTotal ?? 16]);
  text = setRow(text, '二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]);
  text = setRow(text, '(一) 予以公开', [6, 2, 0, 1, 0, 0, 9]);
  text = setRow(text, '(二) 部分公开', [2, 0, 0, 0, 0, 0, 2]);
  text = setRow(text, '4.保护第三方合法权益', [1, 0, 0, 0, 0, 0, 1]);
  text = setRow(text, '1.本机关不掌握相关政府信息', [2, 1, 0, 0, 0, 0, 3]);
  text = setRow(text, '(七) 总计', [11, 3, 0, 1, 0, 0, 15]);
  text = setRow(text, '四、结转下年度继续办理', [2, 0, 0, 0, 0, 0, totals.carriedTotal ?? 2]);
  return setTable4(text, table4);
}

/** A report file name the extension recognises by its pattern (*年度报告*.txt). */
export function reportFileName(agency: string, year = 2023): string {
  return `${agency}${year}年政府信息公开工作年度报告.txt`;
}
