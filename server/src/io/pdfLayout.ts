/**
 * Rebuilds lines of text from positioned PDF text items, the way a copy-paste from a PDF viewer
 * looks: items on one baseline form a line, left to right; a visible gap between two items (a table
 * cell border, a column) becomes a single space.
 */

export interface PositionedText {
  str: string;
  /** Left edge, in PDF user-space units (origin bottom-left). */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (height of the text). */
  size: number;
}

/** A gap wider than this fraction of the font size separates two items with a space. */
const GAP_FACTOR = 0.25;
/** Items whose baselines differ by less than this fraction of the font size share a line. */
const BASELINE_FACTOR = 0.45;

/** Lines of one page, top to bottom. */
export function layoutPage(items: readonly PositionedText[]): string[] {
  const visible = items.filter((it) => it.str.trim() !== '' && Number.isFinite(it.x) && Number.isFinite(it.y));
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedText[][] = [];
  let current: PositionedText[] = [];
  let baseline = Number.NaN;
  for (const it of visible) {
    const tolerance = Math.max(1, BASELINE_FACTOR * Math.max(it.size, 1));
    if (current.length > 0 && Math.abs(it.y - baseline) <= tolerance) {
      current.push(it);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [it];
    baseline = it.y;
  }
  if (current.length > 0) lines.push(current);
  return lines.map(joinLine);
}

function joinLine(items: PositionedText[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const it of sorted) {
    const str = it.str.replace(/[\t\r\n]+/g, ' ');
    if (out !== '') {
      const gap = it.x - prevEnd;
      if (gap > GAP_FACTOR * Math.max(it.size, 1) && !out.endsWith(' ') && !str.startsWith(' ')) out += ' ';
    }
    out += str;
    prevEnd = Math.max(prevEnd, it.x + it.width);
  }
  return out.replace(/\s+$/, '');
}

/** The text of a document from its pages' lines: one line per line, pages separated by a blank line. */
export function joinPages(pages: readonly string[][]): string {
  return pages
    .map((lines) => lines.join('\n'))
    .filter((p) => p !== '')
    .join('\n\n');
}
