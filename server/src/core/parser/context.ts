/** What every part of the parser shares: the normalized text, its lines, and span mapping. */
import type { CellNode, Span } from '../types';
import type { NormalizedText } from '../text/normalize';
import type { CellToken, Line } from './lines';

export interface ParseContext {
  norm: NormalizedText;
  lines: Line[];
  /** Normalized [start, end) → original span. */
  span(start: number, end: number): Span;
}

export function makeContext(norm: NormalizedText, lines: Line[]): ParseContext {
  return { norm, lines, span: (s, e) => norm.span(s, e) };
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
