/**
 * How our own outputs say that they are ours, so that a later run over the same folder leaves them
 * out (docs/cli.md): the html pages (review report, comparison) carry
 * `<meta name="generator" content="govreport-lint <version>">`; SARIF names the tool in
 * `runs[0].tool.driver.name`; the JSON format is an array of `{"file": …}` entries, which no report
 * starts with. Only the beginning of a file is looked at.
 */

export const GENERATOR_NAME = 'govreport-lint';

/** How many bytes of a file are enough to recognize it. */
export const MARKER_BYTES = 4096;

/** The generator tag of our html pages. */
export function generatorMeta(version: string): string {
  return `<meta name="generator" content="${GENERATOR_NAME} ${version.replace(/[^0-9A-Za-z.+-]/g, '')}">`;
}

const HTML = /<meta\s+name="generator"\s+content="govreport-lint(?:\s[^"<>]*)?"\s*\/?>/i;
const SARIF =
  /^\uFEFF?\s*\{\s*"\$schema":\s*"https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json",[^]*?"driver":\s*\{\s*"name":\s*"govreport-lint"/;
const JSON_FORMAT = /^\uFEFF?\[\s*(?:\]\s*$|\{\s*"file":\s*")/;

/** Whether the beginning of a file (its first {@link MARKER_BYTES} bytes, as UTF-8) is one of our outputs. */
export function isOwnOutput(head: string): boolean {
  const h = head.slice(0, MARKER_BYTES);
  return HTML.test(h) || SARIF.test(h) || JSON_FORMAT.test(h);
}

/** The bytes every marker needs one of: `<` (html), `{` (SARIF), `[` (JSON). */
const MARKER_START_BYTES = [0x3c, 0x7b, 0x5b] as const;

/**
 * {@link isOwnOutput} on the first bytes of a file, read as UTF-8. A file holding none of the bytes a marker needs
 * (most reports) is answered without decoding: each of those characters is one byte in UTF-8, never part of another.
 */
export function isOwnOutputBytes(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, MARKER_BYTES);
  if (!MARKER_START_BYTES.some((b) => head.includes(b))) return false;
  return isOwnOutput(Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8'));
}
