/** Text of a PDF document via pdfjs-dist, with lines and cells rebuilt from item positions. */
import * as path from 'node:path';
import { layoutPage, joinPages } from './pdfLayout';
import type { PositionedText } from './pdfLayout';
import { detailOf, inputError, InputError } from './errors';

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
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return lib;
  })();
  return loading;
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

export async function pdfToText(buf: Uint8Array): Promise<string> {
  if (!isPdf(buf)) throw inputError('pdf-invalid', '不是有效的 PDF 文件（缺少 %PDF 文件头）', 'not a valid PDF file (no %PDF header)');
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf),
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
        throw inputError('pdf-encrypted', 'PDF 已加密（需要密码），无法读取文字', 'the PDF is encrypted (password required); its text cannot be read');
      }
      throw inputError('pdf-invalid', `PDF 文件无效或已损坏：${detailOf(e)}`, `invalid or damaged PDF: ${detailOf(e)}`);
    }
    const pages: string[][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, c, d, x, y] = it.transform as number[];
        items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(c, d) || Math.hypot(a, b) || it.height });
      }
      pages.push(layoutPage(items));
      page.cleanup();
    }
    const text = joinPages(pages);
    if (text.trim() === '') {
      throw inputError('pdf-no-text', 'PDF 中没有可提取的文字（可能是扫描件）', 'the PDF has no extractable text (it may be a scan)');
    }
    return text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputError('pdf-invalid', `PDF 文件无效或已损坏：${detailOf(e)}`, `invalid or damaged PDF: ${detailOf(e)}`);
  } finally {
    await task.destroy();
  }
}
