/**
 * An empty report for a given year, in the format of that year (2021 format from 2021 on, 2019 试行
 * before): title, the six sections, and the three tables with every count 0 — so it lints clean and
 * the author only overwrites numbers.
 */
import type { FormatEdition, SectionId } from '../types';
import { FIRST_YEAR_OF_2021_FORMAT, SECTIONS, SECTION1_SUBITEMS, T3_NOTE, TEMPLATES } from './template';

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
  const body = options.body?.trim() || '（机关名称）';
  const out: string[] = [`${body}${options.year}年政府信息公开工作年度报告`, ''];
  for (const s of SECTIONS) out.push(`${s.enumerator}${s.title}`, '', ...sectionBody(s.id, edition));
  return out.join(options.eol ?? '\n');
}

/** The lines that follow a section's heading in an empty report: sub-items, a table of zeros, or blanks. */
export function sectionBody(id: SectionId, edition: FormatEdition): string[] {
  const t = TEMPLATES[edition];
  switch (id) {
    case 1:
      return SECTION1_SUBITEMS.flatMap((item) => [item, '', '']);
    case 2:
      return table2(t.table2);
    case 3:
      return table3(
        t.table3.columns.map((c) => c.label),
        t.table3.rows,
      );
    case 4:
      return table4(t.table4.columns.map((c) => c.label));
    case 5:
      return ['', ''];
    case 6:
      return ['本年度未收取信息处理费。', ''];
  }
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
