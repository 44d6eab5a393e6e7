/**
 * The lower bound: the least any checker of these reports must do — one pass that splits the text
 * into lines and parses every number on them (ASCII and full-width digits, decimals), nothing else.
 * It returns a checksum so that the work cannot be optimized away.
 */
export function lowerBound(text: string): number {
  let checksum = 0;
  for (const line of text.split('\n')) {
    let value = 0;
    let inNumber = false;
    let scale = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10;
      if (d >= 0) {
        value = value * 10 + d;
        if (scale) scale *= 10;
        inNumber = true;
      } else if (inNumber && (c === 0x2e || c === 0xff0e) && !scale) {
        scale = 1;
      } else if (inNumber && c === 0x2c) {
        // thousands separator: the number goes on
      } else if (inNumber) {
        checksum += scale ? value / scale : value;
        value = 0;
        scale = 0;
        inNumber = false;
      }
    }
    if (inNumber) checksum += scale ? value / scale : value;
  }
  return checksum;
}
