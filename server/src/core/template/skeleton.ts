/**
 * An empty report for a given year, in the format of that year (2021 format from 2021 on, 2019 试行
 * before): title, the six sections, and the three tables with every count 0 — so it lints clean and
 * the author only overwrites numbers.
 */
import type { FormatEdition } from '../types';
import { FIRST_YEAR_OF_2021_FORMAT, SECTIONS, SECTION1_SUBITEMS, T3_NOTE, TEMPLATES } from '../template/template';

export interface SkeletonOptions {
  year: number;
  /** 机关名称; a placeholder when omitted. */
  body?: string;
  /** Line break to use (default "\n"). */
  eol?: string;
}

export function editionForYear(year: number): FormatEdition {
  return year >= FIRST_YEAR_OF_2021_FORMAT ? '2021' : '2019';
}

export function reportSkeleton(options: SkeletonOptions): string {
  const edition = editionForYear(options.year);
  const t = TEMPLATES[edition];
  const body = options.body?.trim() || '（机关名称）';
  const out: string[] = [`${body}${options.year}年政府信息公开工作年度报告`, ''];
  for (const s of SECTIONS) {
    out.push(`${s.enumerator}${s.title}`, '');
    if (s.id === 1) for (const item of SECTION1_SUBITEMS) out.push(`${item}`, '', '');
    if (s.id === 2) out.push(...table2(t.table2));
    if (s.id === 3) out.push(...table3(t.table3.columns.map((c) => c.label), t.table3.rows));
    if (s.id === 4) out.push(...table4(t.table4.columns.map((c) => c.label)));
    if (s.id === 6) out.push('本年度未收取信息处理费。', '');
    if (s.id === 5) out.push('', '');
  }
  return out.join(options.eol ?? '\n');
}

function table2(blocks: (typeof TEMPLATES)['2021']['table2']): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    out.push(b.heading);
    out.push(['信息内容', ...b.columns.map((c) => c.label)].join('\t'));
    for (const r of b.rows) out.push([r.label, ...b.columns.map(() => '0')].join('\t'));
  }
  out.push('');
  return out;
}

function table3(columns: string[], rows: (typeof TEMPLATES)['2021']['table3']['rows']): string[] {
  const out: string[] = [
    `${T3_NOTE}\t申请人情况`,
    ['', columns[0], '法人或其他组织', '', '', '', '', columns[columns.length - 1]].join('\t'),
    ['', '', ...columns.slice(1, -1), ''].join('\t'),
  ];
  const zeros = columns.map(() => '0');
  for (const r of rows) {
    const label = `${r.enumerator}${r.label}`;
    out.push(r.group ? label : [label, ...zeros].join('\t'));
  }
  out.push('');
  return out;
}

function table4(columns: string[]): string[] {
  const groups = ['行政复议', '', '', '', '', '行政诉讼'];
  return [
    groups.join('\t'),
    ['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉'].join('\t'),
    columns.join('\t'),
    columns.map(() => '0').join('\t'),
    '',
  ];
}
