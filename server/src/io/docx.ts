/**
 * Text of a Word (.docx) document: mammoth turns it into HTML, and the HTML reader (html.ts) turns that
 * into lines: paragraphs, and tables as rows of tab-separated cells — the same path as saved web pages.
 */
import * as mammoth from 'mammoth';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';
import { htmlToText } from './html';
import { detailOf, inputFailure, InputError } from './errors';
import { inputMessages } from '../core/i18n/messages/input';

/**
 * What a .docx may hold before it is unpacked. A report's text parts are a few MB; these refuse zip
 * bombs (a small file that inflates to gigabytes) and masses of empty elements before mammoth sees them.
 */
export const DOCX_LIMITS = {
  /** Entries in the zip's central directory (counted before anything is read). */
  maxEntries: 5_000,
  /** Inflated size of one XML part (the declared size is checked before inflating; the stream is cut past it). */
  maxPartBytes: 32 * 1024 * 1024,
  /** Inflated size of all XML parts together. */
  maxTotalBytes: 64 * 1024 * 1024,
  /** XML elements in all parts together (counted as '<'), what mammoth's memory grows with. */
  maxElements: 500_000,
};

/** The parts mammoth reads to convert a document: XML and relationships. Images and other media are never unpacked. */
function isTextPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

function damaged(e: unknown): InputError {
  return inputFailure('docx-damaged', inputMessages.docxDamaged(detailOf(e)));
}

/**
 * The XML parts of a .docx, read under DOCX_LIMITS: the central directory is inspected first (entry
 * count, declared sizes), then each part is inflated as a stream that stops at its declared size
 * (yauzl validates it) and at the limit. Nothing else is inflated.
 */
export async function readDocxParts(buf: Buffer, limits = DOCX_LIMITS): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, {
      lazyEntries: true,
      validateEntrySizes: true,
      decodeStrings: true,
      strictFileNames: false,
    });
  } catch (e) {
    throw damaged(e);
  }
  if (zip.entryCount > limits.maxEntries)
    throw inputFailure('limit-exceeded', inputMessages.docxTooManyEntries(zip.entryCount, limits.maxEntries));
  const wanted: yauzl.Entry[] = [];
  const names = new Set<string>();
  let declared = 0;
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      if (entry.fileName.endsWith('/') || !isTextPart(entry.fileName) || names.has(entry.fileName)) continue;
      if (entry.uncompressedSize > limits.maxPartBytes) {
        throw inputFailure(
          'limit-exceeded',
          inputMessages.docxPartTooLarge(entry.fileName, entry.uncompressedSize, limits.maxPartBytes),
        );
      }
      declared += entry.uncompressedSize;
      if (declared > limits.maxTotalBytes)
        throw inputFailure('limit-exceeded', inputMessages.docxTotalTooLarge(declared, limits.maxTotalBytes));
      names.add(entry.fileName);
      wanted.push(entry);
    }
    const parts = new Map<string, Buffer>();
    let elements = 0;
    for (const entry of wanted) {
      const data = await inflateEntry(zip, entry, limits.maxPartBytes);
      for (let i = data.indexOf(0x3c); i !== -1; i = data.indexOf(0x3c, i + 1)) {
        if (++elements > limits.maxElements)
          throw inputFailure('limit-exceeded', inputMessages.docxTooManyElements(limits.maxElements));
      }
      parts.set(entry.fileName, data);
    }
    return parts;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw damaged(e);
  } finally {
    zip.close();
  }
}

/** The next central-directory entry (lazy: nothing is inflated), or undefined at the end. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      done();
      resolve(entry);
    };
    const onEnd = () => {
      done();
      resolve(undefined);
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

async function inflateEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      stream.destroy();
      throw inputFailure('limit-exceeded', inputMessages.docxPartTooLarge(entry.fileName, total, limit));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** A stored (uncompressed) zip of the parts: the bounded input mammoth converts. */
function storedZip(parts: Map<string, Buffer>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out = new yazl.ZipFile();
    for (const [name, data] of parts) out.addBuffer(data, name, { compress: false });
    const chunks: Buffer[] = [];
    out.outputStream.on('data', (c: Buffer) => chunks.push(c));
    out.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    out.outputStream.on('error', reject);
    out.end();
  });
}

/** An OLE compound file: a password-protected .docx, or an old binary .doc. */
export function isOleCompoundFile(buf: Uint8Array): boolean {
  return buf.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => buf[i] === b);
}

export function isZip(buf: Uint8Array): boolean {
  return (
    buf.length >= 4 &&
    buf[0] === 0x50 &&
    buf[1] === 0x4b &&
    (buf[2] === 3 || buf[2] === 5) &&
    (buf[3] === 4 || buf[3] === 6)
  );
}

export async function docxToText(buf: Buffer): Promise<string> {
  if (isOleCompoundFile(buf)) {
    throw inputFailure('docx-encrypted', inputMessages.docxEncrypted());
  }
  if (!isZip(buf)) {
    throw inputFailure('docx-damaged', inputMessages.docxNotZip());
  }
  const parts = await readDocxParts(buf);
  let html: string;
  try {
    const bounded = await storedZip(parts);
    const result = await mammoth.convertToHtml(
      { buffer: bounded },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (e) {
    throw inputFailure('docx-damaged', inputMessages.docxDamaged(detailOf(e)));
  }
  return htmlToText(html);
}
