/**
 * Text of a Word (.docx) document: mammoth turns it into HTML, and the HTML reader (html.ts) turns that
 * into lines: paragraphs, and tables as rows of tab-separated cells — the same path as saved web pages.
 */
import * as mammoth from 'mammoth';
import { htmlToText } from './html';
import { detailOf, inputError } from './errors';

/** An OLE compound file: a password-protected .docx, or an old binary .doc. */
export function isOleCompoundFile(buf: Uint8Array): boolean {
  return buf.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => buf[i] === b);
}

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5) && (buf[3] === 4 || buf[3] === 6);
}

export async function docxToText(buf: Buffer): Promise<string> {
  if (isOleCompoundFile(buf)) {
    throw inputError(
      'docx-encrypted',
      '文档受密码保护，或是旧版 Word 97-2003（.doc）文件：请去除密码或另存为 .docx',
      'the document is password-protected, or an old Word 97-2003 (.doc) file: remove the password or save it as .docx',
    );
  }
  if (!isZip(buf)) {
    throw inputError('docx-damaged', '不是有效的 .docx 文件（不是 ZIP 压缩包）', 'not a valid .docx file (not a ZIP package)');
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: buf },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (e) {
    throw inputError('docx-damaged', `.docx 文件已损坏，无法读取：${detailOf(e)}`, `the .docx file is damaged and cannot be read: ${detailOf(e)}`);
  }
  return htmlToText(html);
}
