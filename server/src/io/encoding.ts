/**
 * Text encodings of report files: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030
 * (a superset of GBK and GB2312, so GBK files decode and re-encode byte for byte).
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
  const names: Record<TextEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };
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
  if (startsWith(buf, [0xff, 0xfe])) return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (startsWith(buf, [0xfe, 0xff])) return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'utf-16be', bom: true };
  const utf8 = decodeUtf8Strict(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };
  const gb = iconv.decode(Buffer.from(buf), 'gb18030');
  if (gb.includes('\uFFFD')) return undefined;
  return { text: gb, encoding: 'gb18030', bom: false };
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
  const kind = lineEndingOf(original);
  if (kind === 'CRLF') return fixed.replace(/\r?\n/g, '\r\n');
  if (kind === 'CR') return fixed.replace(/\r?\n/g, '\r');
  return fixed;
}
