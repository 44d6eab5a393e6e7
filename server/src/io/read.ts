/**
 * Reading one input file into text for the engine: plain text and Markdown (encoding detected),
 * Word (.docx), PDF and saved web pages (.html, text extracted). Problems become an InputError with a clear message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText, looksBinary } from './encoding';
import type { TextEncoding } from './encoding';
import { docxToText, isZip } from './docx';
import { isPdf, pdfToText } from './pdf';
import { htmlToText } from './html';
import { decodeHtml } from './htmlCharset';
import { detailOf, inputError, InputError } from './errors';

export type InputKind = 'text' | 'markdown' | 'docx' | 'pdf' | 'html';

/** Extensions searched for in folders. */
export const REPORT_EXTENSIONS: Readonly<Record<string, InputKind>> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
};

/** Inputs larger than this are refused by default (a report is well under 1 MB of text; Word and PDF files with images are larger). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface InputText {
  kind: InputKind;
  /** The text the engine lints (for .docx, .pdf and .html: the extracted text; for text files: without BOM). */
  text: string;
  /** For text files: how to write the file back. */
  encoding?: TextEncoding;
  /** For web pages: the encoding the page was decoded with (e.g. "GB18030"), and what decided it. */
  pageEncoding?: string;
  bom?: boolean;
  /** Whether fixes may be written to this file (text and Markdown only). */
  writable: boolean;
}

export function kindOfPath(file: string): InputKind {
  return REPORT_EXTENSIONS[path.extname(file).toLowerCase()] ?? 'text';
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1);
}

/** Reads and decodes one input. Throws InputError only. */
export async function readInput(file: string, options: { maxBytes?: number } = {}): Promise<InputText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('not-found', '文件不存在', 'file not found');
    throw inputError('unreadable', `无法读取：${detailOf(e)}`, `cannot be read: ${detailOf(e)}`);
  }
  if (stat.isDirectory()) throw inputError('is-directory', '这是文件夹，不是文件', 'this is a folder, not a file');
  if (stat.size > maxBytes) {
    throw inputError(
      'too-large',
      `文件过大（${mb(stat.size)} MB，上限 ${mb(maxBytes)} MB），已跳过`,
      `file too large (${mb(stat.size)} MB, limit ${mb(maxBytes)} MB); skipped`,
    );
  }
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch (e) {
    throw inputError('unreadable', `无法读取：${detailOf(e)}`, `cannot be read: ${detailOf(e)}`);
  }
  return decodeInput(buf, kindOfPath(file));
}

/** Decodes the bytes of an input whose extension suggests `kind` (the content has the last word). */
export async function decodeInput(buf: Buffer, kind: InputKind): Promise<InputText> {
  if (kind === 'pdf' || (kind !== 'docx' && isPdf(buf.subarray(0, 8)))) {
    return { kind: 'pdf', text: await pdfToText(buf), writable: false };
  }
  if (kind === 'docx' || isZip(buf)) return { kind: 'docx', text: await docxToText(buf), writable: false };
  if (kind === 'html') return decodeHtmlInput(buf);
  const hasUtf16Bom = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
  if (!hasUtf16Bom && looksBinary(buf)) {
    throw inputError('binary', '二进制文件，不是文本，已跳过', 'binary file, not text; skipped');
  }
  const decoded = decodeText(buf);
  if (!decoded) {
    throw inputError('unknown-encoding', '无法识别文本编码（既不是 UTF-8，也不是 GB18030/GBK）', 'unknown text encoding (neither UTF-8 nor GB18030/GBK)');
  }
  return { kind, text: decoded.text, encoding: decoded.encoding, bom: decoded.bom, writable: true };
}

/** A saved web page: decoded by its BOM or declared charset, then its text extracted. */
async function decodeHtmlInput(buf: Buffer): Promise<InputText> {
  const hasUtf16Bom = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
  if (!hasUtf16Bom && looksBinary(buf)) {
    throw inputError('binary', '二进制文件，不是文本，已跳过', 'binary file, not text; skipped');
  }
  const decoded = decodeHtml(buf);
  if (!decoded) {
    throw inputError('unknown-encoding', '无法识别网页编码（声明的编码、UTF-8 与 GB18030/GBK 都无法解码）', 'unknown page encoding (neither the declared encoding, UTF-8 nor GB18030/GBK decodes it)');
  }
  const source = { bom: 'BOM', meta: 'meta', content: 'detected' }[decoded.source];
  return { kind: 'html', text: await htmlToText(decoded.text), pageEncoding: `${decoded.encoding} (${source})`, writable: false };
}

export { InputError };
