/** UTF-16 surrogate pairs: offsets are code units, and no span or edit may fall between a pair's halves. */

export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Either half of a pair. */
export const isSurrogate = (c: number): boolean => (c & 0xf800) === 0xd800;

/** Whether offset `i` falls between the two halves of a surrogate pair of `text`. */
export function insidePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1));
}
