/*
 * The Word reader as it was before it walked mammoth's document model: the parts read under the
 * limits are zipped again (stored), mammoth writes HTML, and the HTML reader turns that into lines.
 * The model walk (server/src/io/docx.ts) must give the same text, character for character.
 */
import * as mammoth from 'mammoth';
import * as yazl from 'yazl';
import { htmlToText } from '../../../server/src/io/html';
import { readDocxParts } from '../../../server/src/io/docx';

/** A stored (uncompressed) zip of the parts: the bounded input mammoth converted. */
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

/** The text of the parts through mammoth's HTML. */
export async function referenceDocxPartsToText(parts: Map<string, Buffer>): Promise<string> {
  const bounded = await storedZip(parts);
  const result = await mammoth.convertToHtml(
    { buffer: bounded },
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
  );
  return htmlToText(result.value);
}

/** The text of a .docx through mammoth's HTML (the limits apply as in the product). */
export async function referenceDocxToText(buf: Buffer): Promise<string> {
  return referenceDocxPartsToText(await readDocxParts(buf));
}
