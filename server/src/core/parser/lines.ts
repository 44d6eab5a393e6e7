/** Lines of normalized text: splitting, blank lines, page markers, pipe rows. All offsets here are NORMALIZED offsets. */

export interface Line {
  index: number;
  start: number;
  /** End of the line's text (before the line break). */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ index: index++, start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

/** Blank, or a line that only decorates: a Markdown table's delimiter row ("|---|:--:|"). */
export function isBlank(s: string): boolean {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) <= 0x20 || s.charCodeAt(i) === 0xa0)) i++;
  if (i === s.length) return true;
  const c = s.charCodeAt(i);
  // Only a line starting with "|", "-" or ":" can be a delimiter row.
  if ((c !== 0x7c && c !== 0x2d && c !== 0x3a) || s.length > 400) return false;
  return /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$|^\s*:?-{3,}:?\s*\|[\s:|-]*$/.test(s);
}

/** A Markdown pipe-table row: "| 规章 | 0 | 0 | 0 |". */
export function isPipeRow(s: string): boolean {
  return /^\s*\|.*\|\s*$/.test(s);
}

/** A page number or footer that PDF extraction leaves between rows: "-3-", "— 3 —", "第 3 页". */
export function isPageMarker(s: string): boolean {
  if (s.length > 40) return false;
  return /^\s*(?:[-—–―]+\s*\d{1,4}\s*[-—–―]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/.test(
    s,
  );
}

/** What `\s` matches (and `trim` removes), by code unit. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
