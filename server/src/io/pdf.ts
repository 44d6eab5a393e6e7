/** Text of a PDF document via pdfjs-dist, with lines and cells rebuilt from item positions. */
import * as path from 'node:path';
import { layoutPage, joinPages } from './pdfLayout';
import type { PositionedText } from './pdfLayout';
import { detailOf, inputFailure, InputError } from './errors';
import { inputMessages } from '../core/i18n/messages/input';

/**
 * Limits on what one PDF may cost. Time and memory outside these (a stream that inflates to
 * gigabytes, operators that loop) are bounded where the file is checked: a worker thread with a
 * deadline and a memory watch (server/src/cli/pool.ts).
 */
export const PDF_LIMITS = {
  /**
   * Pages read. An annual report has tens of pages; pdf.js finds page n by walking the page tree
   * from the start, so reading n pages costs n² steps: 2,000 pages stay well under a second.
   */
  maxPages: 2_000,
  /** Text pieces produced by the whole document (form objects drawing each other multiply them). */
  maxTextItems: 2_000_000,
  /** Characters of text produced by the whole document. */
  maxTextChars: 20_000_000,
  /** Largest image pdf.js decodes, in pixels (text extraction needs none). */
  maxImagePixels: 4_000_000,
};

/** Pages read at the same time (the reading is on one thread; this overlaps inflating with parsing). */
const PAGES_IN_FLIGHT = 4;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });

let loading: Promise<PdfJs> | undefined;

/** Loads pdfjs-dist once, running its "worker" in this thread (no extra file to locate). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // pdfjs-dist expects Promise.withResolvers (Node 22+).
    const P = Promise as unknown as { withResolvers?: unknown };
    if (typeof P.withResolvers !== 'function') {
      P.withResolvers = function withResolvers<T>() {
        let resolve!: (v: T) => void;
        let reject!: (e: unknown) => void;
        const promise = new Promise<T>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        return { promise, resolve, reject };
      };
    }
    return keepingBuiltIns(async () => {
      // The minified builds: the same code, a fifth less for V8 to parse and compile at each start.
      const lib = (await import('pdfjs-dist/legacy/build/pdf.min.mjs')) as PdfJs;
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
      return lib;
    });
  })();
  return loading;
}

/** The built-in objects whose methods the legacy build of pdf.js may replace. */
const BUILT_INS: readonly object[] = [
  Array.prototype,
  Function.prototype,
  JSON,
  Object,
  Object.prototype,
  String.prototype,
  Map.prototype,
  Set.prototype,
  WeakMap.prototype,
  Promise,
  Promise.prototype,
  Math,
  Number,
  Uint8Array,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  ArrayBuffer.prototype,
  RegExp.prototype,
];

/**
 * Runs `load` (which imports pdf.js) and then puts back every built-in method it replaced.
 *
 * The legacy build bundles core-js, which adds what Node 20 lacks (kept: pdf.js needs those) but also
 * replaces methods Node has, over spec corner cases pdf.js never meets: `Array.prototype.push`,
 * `JSON.stringify` and `JSON.parse` become JavaScript functions, for the whole thread — several
 * times slower, and 10 % of a PDF's extraction time in a profile (BENCHMARKS.md).
 */
async function keepingBuiltIns<T>(load: () => Promise<T>): Promise<T> {
  const saved = BUILT_INS.map((o) => {
    const d = new Map<PropertyKey, PropertyDescriptor>();
    for (const k of Reflect.ownKeys(o)) {
      const desc = Object.getOwnPropertyDescriptor(o, k);
      if (desc && typeof desc.value === 'function') d.set(k, desc);
    }
    return d;
  });
  try {
    return await load();
  } finally {
    BUILT_INS.forEach((o, i) => {
      for (const [k, desc] of saved[i]) {
        const now = Object.getOwnPropertyDescriptor(o, k);
        if (now && now.value !== desc.value) Object.defineProperty(o, k, desc);
      }
    });
  }
}

function pdfjsDataDir(sub: string): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), sub) + path.sep;
  } catch {
    return undefined;
  }
}

export function isPdf(buf: Uint8Array): boolean {
  // The header may be preceded by up to 1024 bytes of junk.
  const head = Buffer.from(buf.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * pdf.js may compile fonts to JavaScript when allowed: never. (pdfjs-dist 6 dropped the option with
 * its last generated-code path; it is still set here for any version that has it.)
 */
const NO_GENERATED_CODE: Record<string, unknown> = { isEvalSupported: false };

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** A page's positioned text, read as a stream so that a page that produces too much is stopped, not collected. */
async function pageText(page: PdfPage, budget: { items: number; chars: number }): Promise<PositionedText[]> {
  const items: PositionedText[] = [];
  const reader = page.streamTextContent().getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const chunk = value as {
      items: ({ str?: string; transform?: number[]; width?: number; height?: number } | object)[];
    };
    budget.items -= chunk.items.length;
    for (const it of chunk.items) {
      if (!('str' in it) || typeof it.str !== 'string') continue;
      budget.chars -= it.str.length;
      const [a, b, c, d, x, y] = it.transform as number[];
      items.push({
        str: it.str,
        x,
        y,
        width: it.width ?? 0,
        size: Math.hypot(c, d) || Math.hypot(a, b) || (it.height ?? 0),
      });
    }
    if (budget.items < 0 || budget.chars < 0) {
      await reader.cancel().catch(() => undefined);
      throw inputFailure('limit-exceeded', inputMessages.pdfTooMuchText(PDF_LIMITS.maxTextItems));
    }
  }
  return items;
}

export async function pdfToText(buf: Uint8Array): Promise<string> {
  if (!isPdf(buf)) throw inputFailure('pdf-invalid', inputMessages.pdfNoHeader());
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    ...NO_GENERATED_CODE,
    data: new Uint8Array(buf),
    maxImageSize: PDF_LIMITS.maxImagePixels,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: pdfjsDataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsDataDir('standard_fonts'),
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = (e as { name?: string } | undefined)?.name;
      if (name === 'PasswordException') {
        throw inputFailure('pdf-encrypted', inputMessages.pdfEncrypted());
      }
      throw inputFailure('pdf-invalid', inputMessages.pdfInvalid(detailOf(e)));
    }
    if (doc.numPages > PDF_LIMITS.maxPages) {
      throw inputFailure('limit-exceeded', inputMessages.pdfTooManyPages(doc.numPages, PDF_LIMITS.maxPages));
    }
    const pages: string[][] = new Array(doc.numPages);
    const budget = { items: PDF_LIMITS.maxTextItems, chars: PDF_LIMITS.maxTextChars };
    // A few pages in flight: while one page's streams are inflated (off the thread), another is parsed.
    let next = 1;
    const lane = async (): Promise<void> => {
      for (let i = next++; i <= doc.numPages; i = next++) {
        const page = await doc.getPage(i);
        pages[i - 1] = layoutPage(await pageText(page, budget));
        page.cleanup();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PAGES_IN_FLIGHT, doc.numPages) }, lane));
    const text = joinPages(pages);
    if (text.trim() === '') {
      throw inputFailure('pdf-no-text', inputMessages.pdfNoText());
    }
    return text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputFailure('pdf-invalid', inputMessages.pdfInvalid(detailOf(e)));
  } finally {
    await task.destroy();
  }
}
