/** What every part of the parser shares: the normalized text, its lines, and span mapping. */
import type { CellNode, Span } from '../types';
import type { NormalizedText } from '../text/normalize';
import { isBlank, isPageMarker, type Line } from './lines';
import { scanRow, type CellToken, type RowScan } from './layouts';

export interface ParseContext {
  norm: NormalizedText;
  lines: Line[];
  /** Normalized [start, end) → original span. */
  span(start: number, end: number): Span;
  /** `scanRow` of line `index`, computed once per expected cell count. */
  scan(index: number, expected?: number): RowScan;
  /** Whether line `index` carries nothing: blank, a Markdown delimiter row or a page marker (computed once). */
  empty(index: number): boolean;
}

export function makeContext(norm: NormalizedText, lines: Line[]): ParseContext {
  const cache = new Map<number, RowScan>();
  // 0 = not yet known, 1 = empty, 2 = has content.
  const emptiness = new Uint8Array(lines.length);
  return {
    norm,
    lines,
    span: (s, e) => norm.span(s, e),
    scan(index, expected) {
      // Tables are read a few times (column count, each edition): keep each line's split.
      const key = index * 32 + (expected ?? 31);
      let r = cache.get(key);
      if (!r) cache.set(key, (r = scanRow(lines[index], expected)));
      return r;
    },
    empty(index) {
      let e = emptiness[index];
      if (e === 0) emptiness[index] = e = isBlank(lines[index].text) || isPageMarker(lines[index].text) ? 1 : 2;
      return e === 1;
    },
  };
}

/** A cell token (normalized) as a model cell (original span and characters). */
export function toCell(ctx: ParseContext, t: CellToken): CellNode {
  const span = ctx.span(t.start, t.end);
  const cell: CellNode = {
    span,
    raw: ctx.norm.original.slice(span.start, span.end),
    kind: t.kind,
  };
  if (t.value !== undefined) cell.value = t.value;
  if (t.grouped) cell.grouped = true;
  return cell;
}

/** Whether cells look like several numbers run together ("713000074" where 7 cells belong). */
export function looksRunTogether(cells: CellNode[], expected: number): boolean {
  if (cells.length === 0 || cells.length > expected / 2) return false;
  const missing = expected - cells.length;
  return cells.some((c) => c.kind === 'integer' && !c.grouped && c.raw.replace(/\D/g, '').length > missing);
}
