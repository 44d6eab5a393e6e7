/** Folding ranges: each section, each table, and each block of table 二. Lines are 0-based, inclusive. */
import type { ReportModel } from '../types';
import { presentTables } from './common';

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind: 'section' | 'table' | 'block';
}

export function foldingRanges(model: ReportModel): FoldRange[] {
  const out: FoldRange[] = [];
  for (const s of model.sections)
    out.push({ startLine: s.line, endLine: trimBlank(model, s.line, s.endLine), kind: 'section' });
  for (const { table } of presentTables(model)) {
    out.push({ startLine: table.line, endLine: trimBlank(model, table.line, table.endLine), kind: 'table' });
    const blocks = table.blocks ?? [];
    blocks.forEach((b, i) => {
      const end = i + 1 < blocks.length ? blocks[i + 1].line - 1 : table.endLine;
      out.push({ startLine: b.line, endLine: trimBlank(model, b.line, end), kind: 'block' });
    });
  }
  return out.filter((r) => r.endLine > r.startLine).sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Moves `end` up past blank lines, so a fold does not swallow the gap before the next heading. */
function trimBlank(model: ReportModel, start: number, end: number): number {
  let e = Math.min(end, model.lineStarts.length - 1);
  while (e > start && lineText(model, e).trim() === '') e--;
  return e;
}

function lineText(model: ReportModel, line: number): string {
  const s = model.lineStarts[line];
  const n = model.lineStarts[line + 1] ?? model.text.length;
  return model.text.slice(s, n);
}
