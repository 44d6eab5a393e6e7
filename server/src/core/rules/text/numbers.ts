/** Numbers and years as the prose writes them (in normalized text: ASCII digits and commas). */

export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** A number written in the prose. */
export interface ProseNumber {
  value: number;
  /** Offsets in the piece or paragraph it was found in. */
  start: number;
  end: number;
}

/**
 * Reads an integer starting at `i` in `text`: digits, optionally grouped by thousands ("3,119").
 * Returns undefined when `i` is inside a longer number, or the number is a decimal.
 */
export function readInteger(
  text: string,
  i: number,
  groupSep: (k: number) => boolean = () => true,
): ProseNumber | undefined {
  if (!isDigitCode(text.charCodeAt(i))) return undefined;
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (isDigitCode(p) || p === 0x2e) return undefined;
  }
  let j = i + 1;
  while (j < text.length && isDigitCode(text.charCodeAt(j))) j++;
  const digitsEnd = j;
  // Thousands groups: ",ddd" not followed by another digit (the first group has 1–3 digits).
  if (j - i <= 3) {
    let k = j;
    while (
      text.charCodeAt(k) === 0x2c &&
      groupSep(k) &&
      isDigitCode(text.charCodeAt(k + 1)) &&
      isDigitCode(text.charCodeAt(k + 2)) &&
      isDigitCode(text.charCodeAt(k + 3)) &&
      !isDigitCode(text.charCodeAt(k + 4))
    ) {
      k += 4;
    }
    j = k;
  }
  if (text.charCodeAt(j) === 0x2e && isDigitCode(text.charCodeAt(j + 1))) return undefined;
  const digits = text.slice(i, j);
  const value = Number(j === digitsEnd ? digits : digits.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, start: i, end: j };
}

/** A statistics year written in the text ("2022年", "2022 年度"). */
export interface YearMention {
  year: number;
  start: number;
  end: number;
}

const YEAR_RE = /(?<![\d.])((?:19|20)\d{2})(?!\d)\s*年/g;

/** Years followed by 年 in `text` (offsets of the digits). */
export function yearsIn(text: string): YearMention[] {
  const out: YearMention[] = [];
  if (text.indexOf('年') < 0) return out;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    out.push({ year: Number(m[1]), start: m.index, end: m.index + m[1].length });
  }
  return out;
}
