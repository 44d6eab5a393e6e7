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
import { detailOf, inputFailure, InputError } from './errors';
import { inputMessages } from '../core/i18n/messages/input';
import type { SpecialFileKind } from '../core/i18n/messages/input';

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

/**
 * The V8 heap of a worker thread that reads Word and PDF files (the CLI's and the language server's), in MB. V8 grows
 * a heap in steps set by its limit: below 2048 MB (on 64-bit) in smaller steps, so that a worker of 1024 MB collected
 * garbage more often — two workers reading 60 PDFs took 15–20 % longer than with 2048 MB or with no limit (five
 * interleaved runs each, BENCHMARKS.md). The CLI's watch on the process's resident memory stays the first bound.
 */
export const READER_WORKER_HEAP_MB = 2048;

export function kindOfPath(file: string): InputKind {
  return REPORT_EXTENSIONS[path.extname(file).toLowerCase()] ?? 'text';
}

function specialKind(stat: fs.Stats): SpecialFileKind {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'char-device';
  if (stat.isBlockDevice()) return 'block-device';
  return 'other';
}

/** Opening never blocks: a FIFO without a writer opens at once (and is then refused), where the flag exists. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads and decodes one input. Throws InputError only. Only regular files are read: the opened handle
 * is checked (not only the path, which could be swapped in between), so a FIFO, a socket or a device
 * behind a symlink is refused before a byte is read; and at most `maxBytes` are read whatever the size says.
 */
export async function readInput(file: string, options: { maxBytes?: number } = {}): Promise<InputText> {
  const buf = readRegularFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return decodeInput(buf!, kindOfPath(file));
}

/**
 * Reads a plain text or Markdown input of at most `inlineMaxBytes`, for checking on the calling thread;
 * `undefined` for anything else (a Word or PDF file, text content that is really a PDF or a zip, a
 * larger file), which is then checked where time and memory are bounded (a worker). Refusals
 * (missing, special or too large) throw the same InputError that readInput would.
 */
export async function readTextInline(
  file: string,
  options: { maxBytes?: number; inlineMaxBytes: number },
): Promise<InputText | undefined> {
  const kind = kindOfPath(file);
  if (kind !== 'text' && kind !== 'markdown') return undefined;
  const buf = readRegularFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES, options.inlineMaxBytes);
  if (!buf || isPdf(buf.subarray(0, 8)) || isZip(buf)) return undefined;
  return decodeInput(buf, kind);
}

/**
 * The bytes of a regular file of at most `maxBytes`; `undefined`, unread, when it is larger than
 * `deferAbove`. Synchronous: a handful of system calls on one small file, where the asynchronous
 * calls cost a thread-pool round trip each (five per file) and dominated a batch of small reports.
 */
function readRegularFile(file: string, maxBytes: number, deferAbove?: number): Buffer | undefined {
  let pre: fs.Stats;
  try {
    pre = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputFailure('not-found', inputMessages.notFound());
    throw inputFailure('unreadable', inputMessages.unreadable(detailOf(e)));
  }
  if (pre.isDirectory()) throw inputFailure('is-directory', inputMessages.isDirectory());
  // A socket cannot be opened at all, and a FIFO is not opened (a writer could be waiting on it).
  if (!pre.isFile()) throw inputFailure('not-regular-file', inputMessages.notRegular(specialKind(pre)));
  if (deferAbove !== undefined && pre.size > deferAbove && pre.size <= maxBytes) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw inputFailure('unreadable', inputMessages.unreadable(detailOf(e)));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw inputFailure('not-regular-file', inputMessages.notRegular(specialKind(stat)));
    if (stat.size > maxBytes) throw inputFailure('too-large', inputMessages.tooLarge(stat.size, maxBytes));
    if (deferAbove !== undefined && stat.size > deferAbove) return undefined;
    return readBounded(fd, stat.size, maxBytes);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputFailure('unreadable', inputMessages.unreadable(detailOf(e)));
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Nothing to do: the bytes are read.
    }
  }
}

/** Reads to the end, refusing past `maxBytes` (a file that grows while it is read). */
function readBounded(fd: number, sizeHint: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.min(Math.max(sizeHint + 1, 8 * 1024), maxBytes + 1));
  for (;;) {
    const bytesRead = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw inputFailure('too-large', inputMessages.grewTooLarge(maxBytes));
    chunks.push(chunk.subarray(0, bytesRead));
    if (bytesRead === chunk.length) chunk = Buffer.allocUnsafe(Math.min(chunk.length * 2, maxBytes + 1 - total));
    else chunk = chunk.subarray(bytesRead);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
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
    throw inputFailure('binary', inputMessages.binary());
  }
  const decoded = decodeText(buf);
  if (!decoded) {
    throw inputFailure('unknown-encoding', inputMessages.unknownEncoding());
  }
  return { kind, text: decoded.text, encoding: decoded.encoding, bom: decoded.bom, writable: true };
}

/** A saved web page: decoded by its BOM or declared charset, then its text extracted. */
async function decodeHtmlInput(buf: Buffer): Promise<InputText> {
  const hasUtf16Bom = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
  if (!hasUtf16Bom && looksBinary(buf)) {
    throw inputFailure('binary', inputMessages.binary());
  }
  const decoded = decodeHtml(buf);
  if (!decoded) {
    throw inputFailure('unknown-encoding', inputMessages.unknownPageEncoding());
  }
  const source = { bom: 'BOM', meta: 'meta', content: 'detected' }[decoded.source];
  return {
    kind: 'html',
    text: await htmlToText(decoded.text),
    pageEncoding: `${decoded.encoding} (${source})`,
    writable: false,
  };
}

export { InputError };
