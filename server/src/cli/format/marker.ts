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
