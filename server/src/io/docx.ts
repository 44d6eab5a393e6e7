/**
 * Text of a Word (.docx) document: mammoth reads it into its document model, and docxModel.ts walks
 * that model into lines — paragraphs, and tables as rows of tab-separated cells — exactly the lines
 * the HTML reader (html.ts) gives for the HTML mammoth would write, without writing and re-parsing it.
 * The notes section, and documents whose shape the walk does not follow, still go through mammoth's
 * HTML and the HTML reader.
 */
import type * as Mammoth from 'mammoth';
import * as yauzl from 'yauzl';
import { htmlToText } from './html';
import { modelToText, type ModelElement } from './docxModel';
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

/**
 * A part's name as the zip library mammoth uses (JSZip) files it: `.` and empty segments dropped
 * (yauzl has already turned backslashes into slashes and refused absolute and `..` names).
 */
export function zipPartName(name: string): string {
  const parts = name.split('/');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (part === '.' || (part === '' && i !== 0 && i !== parts.length - 1)) return;
    out.push(part);
  });
  return out.join('/');
}

/** The zip file mammoth reads (`exists`, `read`), served from the parts already read under DOCX_LIMITS. */
export interface DocxFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

/** The parts as mammoth's zip file: what mammoth reads is exactly what passed the limits, nothing is re-zipped. */
export function docxFile(parts: Map<string, Buffer>): DocxFile {
  const files = new Map<string, Buffer>();
  // Later entries of the same name win, as in JSZip.
  for (const [name, data] of parts) files.set(zipPartName(name), data);
  return {
    exists: (name) => files.has(name),
    read: (name, encoding) => {
      const data = files.get(name);
      if (data === undefined) return Promise.reject(new Error(`No part named ${name}`));
      if (encoding === 'base64') return Promise.resolve(data.toString('base64'));
      if (encoding) return Promise.resolve(new TextDecoder(encoding).decode(data));
      return Promise.resolve(new Uint8Array(data));
    },
  };
}

let mammothModule: Promise<typeof Mammoth> | undefined;

/**
 * mammoth, loaded when the first Word file is read: it and what it brings (jszip, xmldom, underscore …) are
 * about a quarter of the command line's start-up, which a run without Word files need not pay.
 */
function loadMammoth(): Promise<typeof Mammoth> {
  mammothModule ??= import('mammoth');
  return mammothModule;
}

/** mammoth's input holding a zip file it reads as is (`{ file }`: unzip.openZip; not in its typings). */
function input(file: DocxFile): Parameters<typeof Mammoth.convertToHtml>[0] {
  return { file } as unknown as Parameters<typeof Mammoth.convertToHtml>[0];
}

/** A document with nothing in it: what mammoth converts to HTML after the model has been taken. */
const EMPTY_DOCUMENT = { type: 'document', children: [], comments: [] };

/**
 * mammoth's document model of the file. The public `transformDocument` hook hands it over; mammoth then
 * converts an empty document, with no style map to parse.
 */
async function readModel(file: DocxFile): Promise<ModelElement> {
  const mammoth = await loadMammoth();
  let model: ModelElement | undefined;
  await mammoth.convertToHtml(input(file), {
    externalFileAccess: false,
    includeDefaultStyleMap: false,
    includeEmbeddedStyleMap: false,
    transformDocument: (document) => {
      model = document as unknown as ModelElement;
      return EMPTY_DOCUMENT as unknown as typeof document;
    },
  });
  if (!model) throw new Error('mammoth gave no document');
  return model;
}

/** The whole document through mammoth's HTML and the HTML reader (the shapes the model walk does not follow). */
async function htmlText(file: DocxFile): Promise<string> {
  const mammoth = await loadMammoth();
  const result = await mammoth.convertToHtml(input(file), {
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    externalFileAccess: false,
  });
  return htmlToText(result.value);
}

/**
 * The notes section: mammoth converts a paragraph of the body's note references (numbered as in the
 * body, so the notes' own references are numbered on from there) and the notes they resolve to; the
 * paragraph's line is checked and dropped. Undefined when that line is not the references.
 */
async function notesText(file: DocxFile): Promise<string | undefined> {
  const mammoth = await loadMammoth();
  let references = 0;
  const result = await mammoth.convertToHtml(input(file), {
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    externalFileAccess: false,
    transformDocument: (document) => {
      const refs = modelToText(document as unknown as ModelElement)?.noteReferences ?? [];
      references = refs.length;
      const paragraph = { type: 'paragraph', children: refs, styleId: null, styleName: null, numbering: null };
      return { ...document, children: [paragraph], comments: [] } as unknown as typeof document;
    },
  });
  const lines = (await htmlToText(result.value)).split('\n');
  const expected = Array.from({ length: references }, (_, i) => `[${i + 1}]`).join('');
  if (references === 0 || lines[0] !== expected) return undefined;
  return lines.slice(1).join('\n');
}

/** How a document's text was read: the model walk alone, the walk and the notes through HTML, or all through HTML. */
export type DocxRoute = 'model' | 'model+notes' | 'html';

/** Text of the document's parts, and the route it took. */
export async function readDocxText(parts: Map<string, Buffer>): Promise<{ text: string; route: DocxRoute }> {
  const file = docxFile(parts);
  const body = modelToText(await readModel(file));
  if (!body) return { text: await htmlText(file), route: 'html' };
  if (body.noteReferences.length === 0) return { text: body.text, route: 'model' };
  const notes = await notesText(file);
  if (notes === undefined) return { text: await htmlText(file), route: 'html' };
  return { text: [body.text, notes].filter((t) => t !== '').join('\n'), route: 'model+notes' };
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
  try {
    return (await readDocxText(parts)).text;
  } catch (e) {
    throw inputFailure('docx-damaged', inputMessages.docxDamaged(detailOf(e)));
  }
}
