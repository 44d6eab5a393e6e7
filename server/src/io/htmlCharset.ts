/**
 * The character encoding of a saved web page, decided as a browser does: a byte order mark, then a
 * declaration found by the WHATWG prescan of the first 1024 bytes (`<meta charset>`, or
 * `<meta http-equiv="Content-Type" content="…charset=…">`), then the content itself (valid UTF-8 is
 * UTF-8, anything else is tried as GB18030, as for text files). GB2312, GBK and GB18030 are all
 * decoded as GB18030, their common superset (the WHATWG Encoding standard does the same for GBK).
 */
import * as iconv from 'iconv-lite';
import { decodeText } from './encoding';

export interface DecodedHtml {
  text: string;
  /** The encoding used, e.g. "UTF-8", "GB18030". */
  encoding: string;
  /** How it was decided. */
  source: 'bom' | 'meta' | 'content';
}

/** WHATWG labels → the decoder used here (only the encodings Chinese government pages use, and their aliases). */
const LABELS: ReadonlyMap<string, string> = new Map([
  ...['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'].map(
    (l) => [l, 'utf-8'] as const,
  ),
  ...[
    'chinese',
    'csgb2312',
    'csiso58gb231280',
    'gb2312',
    'gb_2312',
    'gb_2312-80',
    'gbk',
    'iso-ir-58',
    'x-gbk',
    'gb18030',
  ].map((l) => [l, 'gb18030'] as const),
  ...['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'].map((l) => [l, 'big5'] as const),
  // The prescan turns a UTF-16 declaration into UTF-8 (a page that really is UTF-16 has a BOM).
  ...[
    'utf-16',
    'utf-16le',
    'utf-16be',
    'unicode',
    'ucs-2',
    'csunicode',
    'iso-10646-ucs-2',
    'unicodefeff',
    'unicodefffe',
  ].map((l) => [l, 'utf-8'] as const),
  ...['ascii', 'us-ascii', 'iso-8859-1', 'latin1', 'l1', 'windows-1252', 'cp1252', 'x-cp1252'].map(
    (l) => [l, 'windows-1252'] as const,
  ),
]);

const DISPLAY: Record<string, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  big5: 'Big5',
  'windows-1252': 'windows-1252',
};

/** The decoder for an encoding label (trimmed, case-insensitive), or undefined when it names none we know. */
export function encodingForLabel(label: string): string | undefined {
  return LABELS.get(label.trim().toLowerCase());
}

/** Decodes the bytes of a web page. Returns undefined when no encoding decodes them cleanly. */
export function decodeHtml(buf: Uint8Array): DecodedHtml | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return decodeWith(buf.subarray(3), 'utf-8', 'bom');
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE', source: 'bom' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE', source: 'bom' };
  const declared = prescanCharset(buf);
  if (declared) {
    const d = decodeWith(buf, declared, 'meta');
    if (d) return d;
    // Declared wrongly (bytes the declared encoding cannot decode): what the bytes are decides, as for text files.
  }
  const guessed = decodeText(buf);
  if (!guessed) return undefined;
  return { text: guessed.text, encoding: DISPLAY[guessed.encoding] ?? guessed.encoding, source: 'content' };
}

function decodeWith(buf: Uint8Array, encoding: string, source: DecodedHtml['source']): DecodedHtml | undefined {
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    } catch {
      return undefined;
    }
  } else {
    text = iconv.decode(Buffer.from(buf), encoding);
    if (text.includes('\uFFFD')) return undefined;
  }
  return { text, encoding: DISPLAY[encoding] ?? encoding, source };
}

// ---------------------------------------------------------------- the WHATWG prescan

const PRESCAN_BYTES = 1024;

function isSpace(b: number): boolean {
  return b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
}

function lower(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
}

function startsAt(buf: Uint8Array, i: number, ascii: string): boolean {
  for (let k = 0; k < ascii.length; k++) if (lower(buf[i + k] ?? -1) !== ascii.charCodeAt(k)) return false;
  return true;
}

/**
 * "Prescan a byte stream to determine its encoding" (HTML Living Standard, 13.2.3.2) over the first
 * 1024 bytes: the decoder name of the first usable declaration, or undefined.
 */
export function prescanCharset(input: Uint8Array): string | undefined {
  const buf = input.subarray(0, PRESCAN_BYTES);
  const n = buf.length;
  let i = 0;
  while (i < n) {
    if (startsAt(buf, i, '<!--')) {
      const end = indexOfSeq(buf, i + 2, '-->');
      if (end < 0) return undefined;
      i = end + 3;
      continue;
    }
    if (startsAt(buf, i, '<meta') && (isSpace(buf[i + 5] ?? -1) || buf[i + 5] === 0x2f)) {
      i += 6;
      const names = new Set<string>();
      let gotPragma = false;
      let needPragma: boolean | undefined;
      let charset: string | undefined;
      for (;;) {
        const a = getAttribute(buf, i);
        if (!a) break;
        i = a.next;
        if (names.has(a.name)) continue;
        names.add(a.name);
        if (a.name === 'http-equiv') {
          if (a.value === 'content-type') gotPragma = true;
        } else if (a.name === 'content') {
          const c = charsetFromContent(a.value);
          if (c !== undefined && charset === undefined) {
            charset = c;
            needPragma = true;
          }
        } else if (a.name === 'charset') {
          charset = a.value;
          needPragma = false;
        }
      }
      if (needPragma === undefined || charset === undefined || (needPragma && !gotPragma)) continue;
      const encoding = encodingForLabel(charset);
      if (encoding !== undefined) return encoding;
      continue;
    }
    if (buf[i] === 0x3c && (isLetter(buf[i + 1] ?? -1) || (buf[i + 1] === 0x2f && isLetter(buf[i + 2] ?? -1)))) {
      // Another tag: skip its name and attributes.
      i += buf[i + 1] === 0x2f ? 2 : 1;
      while (i < n && !isSpace(buf[i]) && buf[i] !== 0x3e) i++;
      for (;;) {
        const a = getAttribute(buf, i);
        if (!a) break;
        i = a.next;
      }
      continue;
    }
    if (buf[i] === 0x3c && (buf[i + 1] === 0x21 || buf[i + 1] === 0x2f || buf[i + 1] === 0x3f)) {
      const end = buf.indexOf(0x3e, i + 1);
      if (end < 0) return undefined;
      i = end + 1;
      continue;
    }
    i++;
  }
  return undefined;
}

function isLetter(b: number): boolean {
  const l = lower(b);
  return l >= 0x61 && l <= 0x7a;
}

function indexOfSeq(buf: Uint8Array, from: number, ascii: string): number {
  for (let i = from; i + ascii.length <= buf.length; i++) if (startsAt(buf, i, ascii)) return i;
  return -1;
}

/** "Get an attribute": the next attribute name and value (lower-cased) from position `i`, or undefined at `>` or the end. */
function getAttribute(buf: Uint8Array, start: number): { name: string; value: string; next: number } | undefined {
  const n = buf.length;
  let i = start;
  while (i < n && (isSpace(buf[i]) || buf[i] === 0x2f)) i++;
  if (i >= n || buf[i] === 0x3e) return undefined;
  let name = '';
  let value = '';
  // The name.
  for (;;) {
    if (i >= n) return undefined;
    const b = buf[i];
    if (b === 0x3d && name !== '') {
      i++;
      break;
    }
    if (isSpace(b)) {
      while (i < n && isSpace(buf[i])) i++;
      if (buf[i] !== 0x3d) return { name, value: '', next: i };
      i++;
      break;
    }
    if (b === 0x2f || b === 0x3e) return { name, value: '', next: i };
    name += String.fromCharCode(lower(b));
    i++;
  }
  while (i < n && isSpace(buf[i])) i++;
  if (i >= n) return undefined;
  const q = buf[i];
  if (q === 0x22 || q === 0x27) {
    i++;
    while (i < n && buf[i] !== q) value += String.fromCharCode(lower(buf[i++]));
    if (i >= n) return undefined;
    return { name, value, next: i + 1 };
  }
  if (q === 0x3e) return { name, value: '', next: i };
  while (i < n && !isSpace(buf[i]) && buf[i] !== 0x3e) value += String.fromCharCode(lower(buf[i++]));
  if (i >= n) return undefined;
  return { name, value, next: i };
}

/** "Extracting a character encoding from a meta element" (the `content` of an http-equiv meta). */
function charsetFromContent(content: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = content.indexOf('charset', from);
    if (at < 0) return undefined;
    let i = at + 7;
    while (i < content.length && /[\t\n\f\r ]/.test(content[i])) i++;
    if (content[i] !== '=') {
      from = at + 7;
      continue;
    }
    i++;
    while (i < content.length && /[\t\n\f\r ]/.test(content[i])) i++;
    const q = content[i];
    if (q === '"' || q === "'") {
      const end = content.indexOf(q, i + 1);
      return end < 0 ? undefined : content.slice(i + 1, end);
    }
    let end = i;
    while (end < content.length && !/[\t\n\f\r ;]/.test(content[end])) end++;
    return end > i ? content.slice(i, end) : undefined;
  }
}
