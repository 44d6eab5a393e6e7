/** Writing numbers the way the document writes them. */

/**
 * Writes `value` the way `written` (the ORIGINAL text of a number) was written: thousands separators
 * kept (also when the reader saw a grouping that `written` spells otherwise: `grouped`), full-width
 * digits kept, and between full-width digits the comma the text used (full-width unless it used only ",").
 */
export function formatLike(written: string, value: number, grouped = false): string {
  let s = String(value);
  if (grouped || /[,，]/.test(written)) s = value.toLocaleString('en-US');
  if (/[０-９]/.test(written)) {
    const comma = written.includes(',') && !written.includes('，') ? ',' : '，';
    s = s.replace(/[0-9,]/g, (c) => (c === ',' ? comma : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  }
  return s;
}
