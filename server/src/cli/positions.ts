/** Offsets (UTF-16) → 1-based line and column (UTF-16 units), with the line breaks LSP counts: \r\n, \r, \n. */
import { lastAtOrBefore } from '../core/util/search';

export interface LineIndex {
  starts: number[];
  length: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return { starts, length: text.length };
}

export interface Position1 {
  line: number;
  column: number;
}

export function positionAt(index: LineIndex, offset: number): Position1 {
  const o = Math.max(0, Math.min(offset, index.length));
  const lo = lastAtOrBefore(index.starts.length, (i) => index.starts[i], o);
  return { line: lo + 1, column: o - index.starts[lo] + 1 };
}
