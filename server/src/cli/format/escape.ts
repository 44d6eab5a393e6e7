/**
 * Text from outside (file names, report text quoted in messages) shown on a terminal: control
 * characters are escaped so that they can neither move the cursor, colour or clear the screen, ring
 * the bell, nor forge a result line. C0 (including newline, carriage return, tab and ESC), DEL, C1,
 * the line and paragraph separators, and the bidirectional overrides and isolates become visible
 * escapes: `\n`, `\r`, `\t`, `\x1b`, `\u202e`.
 */

// U+0000–U+001F, U+007F–U+009F, U+2028–U+2029, U+202A–U+202E, U+2066–U+2069.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of output: every control character escaped, newlines included. */
export function escapeControl(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** Several lines of output (a diff of tab-separated rows): newlines and tabs kept, every other control character escaped. */
export function escapeControlKeepLines(s: string): string {
  return s.replace(UNSAFE_KEEP_LINES, escapeChar);
}
