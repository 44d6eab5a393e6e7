/**
 * Text encodings of report files: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030
 * (a superset of GBK and GB2312).
 *
 * Not every byte sequence decodes to text that encodes back to the same bytes: GBK's 0x80 reads as
 * "€" (whose GB18030 code is A2 E3), a four-byte GB18030 code outside the mapping reads as U+FFFD,
 * an odd trailing byte of UTF-16 reads as nothing. So a fix is never written by encoding the whole
 * text again: `byteOffsets` maps text offsets to byte offsets of the file, and only the bytes of the
 * fixed spans are replaced (`spliceEdits`).
 */
import * as iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text without its BOM. */
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

/** Display name of an encoding, as shown in verbose output. */
export function encodingLabel(d: { encoding: TextEncoding; bom: boolean }): string {
  const names: Record<TextEncoding, string> = {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16LE',
    'utf-16be': 'UTF-16BE',
    gb18030: 'GB18030',
  };
  return names[d.encoding] + (d.bom ? ' BOM' : '');
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(buf: Uint8Array, prefix: readonly number[]): boolean {
  return buf.length >= prefix.length && prefix.every((b, i) => buf[i] === b);
}

/**
 * Whether bytes look binary rather than text: a NUL byte, or many control characters, in the first
 * 8 KiB. (Call only for data without a UTF-16 BOM: UTF-16 text is full of NULs.)
 */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Decodes file bytes: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is taken as
 * GB18030. Returns undefined when the bytes are neither (GB18030 decoding would need replacement
 * characters).
 */
export function decodeText(buf: Uint8Array): DecodedText | undefined {
  if (startsWith(buf, UTF8_BOM)) {
    const text = decodeUtf8Strict(buf.subarray(3));
    return text === undefined ? undefined : { text, encoding: 'utf-8', bom: true };
  }
  if (startsWith(buf, [0xff, 0xfe]))
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (startsWith(buf, [0xfe, 0xff]))
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'utf-16be', bom: true };
  const utf8 = decodeUtf8Strict(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };
  const gb = decodeGb18030(buf);
  return gb === undefined ? undefined : { text: gb, encoding: 'gb18030', bom: false };
}

/** One character of GB18030 at `i`: its length in bytes and in UTF-16 units, and whether the mapping has it. */
interface GbChar {
  bytes: number;
  units: number;
  /** A well-formed four-byte code that maps to no character (read as U+FFFD). */
  unmapped?: boolean;
}

/** Linear index of four-byte codes: 81 30 81 30 is 0; 84 31 A4 39 (U+FFFF) is 39419; 90 30 81 30 (U+10000) is 189000. */
const GB_BMP_LAST = 39419;
const GB_SUPPLEMENTARY_FIRST = 189000;
const GB_SUPPLEMENTARY_LAST = GB_SUPPLEMENTARY_FIRST + 0xfffff;

/** The GB18030 character at `i`, or undefined when the bytes there are not GB18030 (or end too soon). */
function gbCharAt(buf: Uint8Array, i: number): GbChar | undefined {
  const b = buf[i];
  if (b <= 0x80) return { bytes: 1, units: 1 }; // ASCII, and 0x80 read as "€" (GBK)
  if (b === 0xff || i + 1 >= buf.length) return undefined;
  const b2 = buf[i + 1];
  if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) return { bytes: 2, units: 1 };
  if (b2 < 0x30 || b2 > 0x39 || i + 3 >= buf.length) return undefined;
  const b3 = buf[i + 2];
  const b4 = buf[i + 3];
  if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return undefined;
  const linear = (((b - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
  if (linear <= GB_BMP_LAST) return { bytes: 4, units: 1 };
  if (linear >= GB_SUPPLEMENTARY_FIRST && linear <= GB_SUPPLEMENTARY_LAST) return { bytes: 4, units: 2 };
  return { bytes: 4, units: 1, unmapped: true };
}

/**
 * GB18030 (and GBK) to text; undefined when the bytes are not GB18030. A well-formed four-byte code
 * outside the mapping reads as U+FFFD (its bytes are kept on writing); any other replacement
 * character means the guess of GB18030 was wrong.
 */
function decodeGb18030(buf: Uint8Array): string | undefined {
  const parts: string[] = [];
  let runStart = 0;
  let runUnits = 0;
  const flush = (end: number): boolean => {
    if (end === runStart) return true;
    const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset + runStart, end - runStart), 'gb18030');
    parts.push(text);
    return text.length === runUnits && !text.includes('\uFFFD');
  };
  for (let i = 0; i < buf.length;) {
    const c = gbCharAt(buf, i);
    if (!c) return undefined;
    if (c.unmapped) {
      if (!flush(i)) return undefined;
      parts.push('\uFFFD');
      runStart = i + c.bytes;
      runUnits = 0;
    } else runUnits += c.units;
    i += c.bytes;
  }
  if (!flush(buf.length)) return undefined;
  return parts.join('');
}

/**
 * Byte offsets in `buf` (the whole file, BOM included) of the given text offsets (ascending) of the
 * text that `decodeText(buf)` read. Undefined when an offset falls inside a character.
 */
export function byteOffsets(
  buf: Uint8Array,
  how: { encoding: TextEncoding; bom: boolean },
  offsets: readonly number[],
): number[] | undefined {
  const out: number[] = [];
  let byte = how.bom ? (how.encoding === 'utf-8' ? 3 : 2) : 0;
  let unit = 0;
  let k = 0;
  const step =
    how.encoding === 'utf-16le' || how.encoding === 'utf-16be'
      ? (): { bytes: number; units: number } | undefined => (byte + 1 < buf.length ? { bytes: 2, units: 1 } : undefined)
      : how.encoding === 'utf-8'
        ? (): { bytes: number; units: number } | undefined => {
            const b = buf[byte];
            return b < 0x80
              ? { bytes: 1, units: 1 }
              : b < 0xe0
                ? { bytes: 2, units: 1 }
                : b < 0xf0
                  ? { bytes: 3, units: 1 }
                  : { bytes: 4, units: 2 };
          }
        : (): GbChar | undefined => gbCharAt(buf, byte);
  while (k < offsets.length) {
    if (offsets[k] === unit) {
      out.push(byte);
      k++;
      continue;
    }
    if (offsets[k] < unit) return undefined; // inside a character (or not ascending)
    const c = byte < buf.length ? step() : undefined;
    if (!c) return undefined; // past the text
    byte += c.bytes;
    unit += c.units;
  }
  return out;
}

export interface ByteEdit {
  /** Text offsets (UTF-16) in the decoded text; non-overlapping, ascending. */
  start: number;
  end: number;
  newText: string;
}

/**
 * The file's bytes with each edit's span replaced by its new text, encoded; every byte outside the
 * spans is copied as it is. Undefined when a span boundary does not map to a byte offset.
 */
export function spliceEdits(
  buf: Uint8Array,
  how: { encoding: TextEncoding; bom: boolean },
  edits: readonly ByteEdit[],
): Buffer | undefined {
  const points = edits.flatMap((e) => [e.start, e.end]);
  for (let i = 1; i < points.length; i++) if (points[i] < points[i - 1]) return undefined;
  const at = byteOffsets(buf, how, points);
  if (!at) return undefined;
  const pieces: Uint8Array[] = [];
  let copied = 0;
  edits.forEach((e, i) => {
    pieces.push(buf.subarray(copied, at[2 * i]));
    pieces.push(encodeText(e.newText, { encoding: how.encoding, bom: false }));
    copied = at[2 * i + 1];
  });
  pieces.push(buf.subarray(copied));
  return Buffer.concat(pieces);
}

function decodeUtf8Strict(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** Encodes text back as it was read (same encoding, BOM kept). */
export function encodeText(text: string, how: { encoding: TextEncoding; bom: boolean }): Buffer {
  if (how.encoding === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return how.bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
  }
  const body = iconv.encode(text, how.encoding);
  if (!how.bom) return body;
  const bom = how.encoding === 'utf-16le' ? [0xff, 0xfe] : how.encoding === 'utf-16be' ? [0xfe, 0xff] : [];
  return Buffer.concat([Buffer.from(bom), body]);
}

export type LineEnding = 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';

/** The line endings a text uses. */
export function lineEndingOf(text: string): LineEnding {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'CRLF' : lf > 0 ? 'LF' : 'CR';
}

/**
 * Makes line breaks that a fix inserted match the file: when the original used only CRLF (or only
 * CR), bare LFs in the fixed text become that line ending. Mixed files are left as they are.
 */
export function matchLineEndings(original: string, fixed: string): string {
  return toLineEnding(lineEndingOf(original), fixed);
}

/** Line breaks in `text` as `kind` when that is CRLF or CR; otherwise `text` as it is. */
export function toLineEnding(kind: LineEnding, text: string): string {
  if (kind === 'CRLF') return text.replace(/\r?\n/g, '\r\n');
  if (kind === 'CR') return text.replace(/\r?\n/g, '\r');
  return text;
}
