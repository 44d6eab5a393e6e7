/**
 * Word, PDF and web-page reports in the editor: their extracted text is a read-only document of its
 * own URI scheme, derived from the file's URI in one place (client and server both import this).
 *
 *   file:///a/b/2023年报.docx  ⇄  govreport-extracted:///a/b/2023年报.docx
 *
 * The path is kept as it is, so the editor's tab and the Problems panel show the file's own name;
 * diagnostics of such a file are published on the extracted URI, so a Problems entry opens the text
 * the positions count in.
 */

export const EXTRACTED_SCHEME = 'govreport-extracted';

/** Extensions whose files are read by extraction (never edited as text). */
export const EXTRACTED_EXTENSIONS: readonly string[] = ['.docx', '.pdf', '.html', '.htm', '.shtml'];

const FILE_PREFIX = 'file:';
const EXTRACTED_PREFIX = `${EXTRACTED_SCHEME}:`;

/** Whether the URI (of any scheme) names a file that is read by extraction. */
export function isExtractedKind(uri: string): boolean {
  const path = uri.split(/[?#]/, 1)[0].toLowerCase();
  return EXTRACTED_EXTENSIONS.some((ext) => path.endsWith(ext));
}

export function isExtractedUri(uri: string): boolean {
  return uri.startsWith(EXTRACTED_PREFIX);
}

/** `file:///x.docx` → `govreport-extracted:///x.docx`; undefined for other schemes. */
export function extractedUriOf(fileUri: string): string | undefined {
  if (!fileUri.startsWith(FILE_PREFIX)) return undefined;
  return EXTRACTED_PREFIX + fileUri.slice(FILE_PREFIX.length);
}

/** `govreport-extracted:///x.docx` → `file:///x.docx`; undefined for other schemes. */
export function sourceUriOf(extractedUri: string): string | undefined {
  if (!isExtractedUri(extractedUri)) return undefined;
  return FILE_PREFIX + extractedUri.slice(EXTRACTED_PREFIX.length);
}
