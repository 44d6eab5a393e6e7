/**
 * PDF and Word throughput: folders of reports drawn as .pdf (pdfkit with an embedded CJK font, 5–10
 * pages each, as test/cli/helpers.ts draws the test fixtures) and as .docx (the docx package), read
 * by the CLI and by our readers in-process, beside references on the same files in the same run:
 * poppler's `pdftotext -layout` (one process per file, one after another, as a shell loop runs it;
 * "reference unavailable" where poppler-utils is not installed) and mammoth's `extractRawText`
 * in-process.
 *
 * Whole processes are run under `bash -c '…; times'`, which reports the CPU time of the children
 * (user + system): on a shared machine wall time wanders with the load, CPU time much less.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as mammoth from 'mammoth';
import { docxToText } from '../server/src/io/docx';
import { pdfToText } from '../server/src/io/pdf';
import { makeDocx, makePdf } from '../test/cli/helpers';
import { drawReport, rng, type Variant } from './generate';
import { CLI_JS } from './batch';

/** Page height of the bench's PDFs: a seed report then runs over 5–10 pages (4–5 for the shortest). */
export const PDF_PAGE_HEIGHT_MM = 90;

export interface DocumentRun {
  /** 'pdf' or 'docx'. */
  format: string;
  how: string;
  threads: number;
  files: number;
  seconds: number;
  /** CPU seconds (user + system) of the process(es), where measured. */
  cpuSeconds?: number;
  reportsPerSecond: number;
  note?: string;
}

export interface Corpus {
  dir: string;
  files: string[];
  /** Total pages (PDF) or bytes. */
  pages?: number;
  bytes: number;
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/** Writes `count` reports drawn from the pool as PDFs (or .docx) in `dir`. */
export async function writeDocuments(
  pool: readonly Variant[],
  dir: string,
  count: number,
  format: 'pdf' | 'docx',
  seedNumber = 23,
): Promise<Corpus> {
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(seedNumber);
  const files: string[] = [];
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = drawReport(pool, r);
    const data = format === 'pdf' ? await makePdf(text, { pageHeightMm: PDF_PAGE_HEIGHT_MM }) : await makeDocx(text);
    if (format === 'pdf') pages += pageCount(data);
    bytes += data.length;
    const f = path.join(dir, `${String(i).padStart(4, '0')}-年度报告.${format}`);
    fs.writeFileSync(f, data);
    files.push(f);
  }
  return { dir, files, pages: format === 'pdf' ? pages : undefined, bytes };
}

interface Timed {
  seconds: number;
  cpuSeconds?: number;
  status: number | null;
  stderr: string;
}

/** Runs a shell script (positional arguments `args`) and reads the children's CPU time from `times`. */
function timedShell(script: string, args: readonly string[]): Timed {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', `${script}\ns=$?; times >&2; exit $s`, 'bash', ...args], {
    encoding: 'utf8',
    timeout: 900_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const lines = (r.stderr ?? '').trimEnd().split('\n');
  // `times` prints the shell's user/system times, then its children's: "0m1.234s 0m0.056s".
  const children = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(lines.at(-1) ?? '');
  const cpuSeconds = children
    ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])
    : undefined;
  return {
    seconds,
    cpuSeconds,
    status: r.status,
    stderr: children ? lines.slice(0, -2).join('\n') : (r.stderr ?? r.error?.message ?? ''),
  };
}

/** Whether poppler's pdftotext can be run here. */
export function pdftotextAvailable(): boolean {
  const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return r.error === undefined && (r.status === 0 || r.status === 99);
}

/** `pdftotext -layout` on each file, one process after another. */
export function runPdftotext(corpus: Corpus): DocumentRun {
  const out = path.join(os.tmpdir(), `govreport-bench-pdftotext-${process.pid}.txt`);
  const t = timedShell(`for f in "$@"; do pdftotext -layout "$f" ${JSON.stringify(out)} || exit 3; done`, corpus.files);
  fs.rmSync(out, { force: true });
  return {
    format: 'pdf',
    how: 'pdftotext -layout (poppler), one process per file',
    threads: 1,
    files: corpus.files.length,
    seconds: t.seconds,
    cpuSeconds: t.cpuSeconds,
    reportsPerSecond: corpus.files.length / t.seconds,
    note: t.status === 0 ? undefined : `failed: ${t.stderr.split('\n')[0]}`,
  };
}

/** The CLI on the folder (`--jobs auto` when `jobs` is undefined), report to a JSON file. */
export function runCliOn(corpus: Corpus, format: string, jobs: number | undefined, threads: number): DocumentRun {
  const out = path.join(os.tmpdir(), `govreport-bench-${process.pid}.json`);
  const args = [
    process.execPath,
    CLI_JS,
    '--no-config',
    '--format',
    'json',
    '--output-file',
    out,
    ...(jobs === undefined ? [] : ['--jobs', String(jobs)]),
    corpus.dir,
  ];
  const t = timedShell('"$@"', args);
  let failed = t.status !== 0 && t.status !== 1 ? `failed: exit ${t.status}: ${t.stderr.split('\n')[0]}` : undefined;
  if (!failed) {
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as { error?: unknown; skipped?: unknown }[];
    const bad = results.filter((r) => r.error !== undefined || r.skipped !== undefined).length;
    if (bad > 0) failed = `${bad} files not checked`;
  }
  fs.rmSync(out, { force: true });
  return {
    format,
    how:
      jobs === undefined
        ? `CLI default (--jobs auto: ${threads} thread${threads === 1 ? '' : 's'} here)`
        : `CLI --jobs ${jobs}`,
    threads,
    files: corpus.files.length,
    seconds: t.seconds,
    cpuSeconds: t.cpuSeconds,
    reportsPerSecond: corpus.files.length / t.seconds,
    note: failed,
  };
}

/**
 * The floor of the CLI on PDFs: `processes` fresh Node processes side by side, each reading (pdfToText)
 * and linting its share of the files (bench/freshBatch.ts), with none of the CLI's own work.
 */
export function runFreshPdf(corpus: Corpus, processes: number): DocumentRun {
  const script = path.join(__dirname, 'freshBatch.js');
  const t = timedShell(
    `pids=; for k in $(seq 0 ${processes - 1}); do ${JSON.stringify(process.execPath)} ${JSON.stringify(script)} pdf "$1" "$k" ${processes} >/dev/null & pids="$pids $!"; done
s=0; for p in $pids; do wait "$p" || s=3; done; (exit $s)`,
    [corpus.dir],
  );
  return {
    format: 'pdf',
    how: `our reader + engine alone, ${processes} fresh process${processes === 1 ? '' : 'es'} (no CLI)`,
    threads: processes,
    files: corpus.files.length,
    seconds: t.seconds,
    cpuSeconds: t.cpuSeconds,
    reportsPerSecond: corpus.files.length / t.seconds,
    note: t.status === 0 ? undefined : `failed: ${t.stderr.split('\n')[0]}`,
  };
}

/** Runs `each` over the files in this process, one after another, and times it (CPU of this process). */
async function inProcess(
  corpus: Corpus,
  format: string,
  how: string,
  each: (buf: Buffer) => Promise<string>,
): Promise<DocumentRun> {
  // Warm: the first call loads the libraries, which the CLI rows pay in their own processes.
  await each(fs.readFileSync(corpus.files[0]));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let chars = 0;
  for (const f of corpus.files) chars += (await each(fs.readFileSync(f))).length;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    format,
    how,
    threads: 1,
    files: corpus.files.length,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    reportsPerSecond: corpus.files.length / seconds,
    note: `${chars} characters`,
  };
}

export function ourPdfInProcess(corpus: Corpus): Promise<DocumentRun> {
  return inProcess(corpus, 'pdf', 'our PDF reader in-process (pdfToText), 1 thread', pdfToText);
}

export function ourDocxInProcess(corpus: Corpus): Promise<DocumentRun> {
  return inProcess(corpus, 'docx', 'our Word reader in-process (docxToText), 1 thread', docxToText);
}

export function mammothInProcess(corpus: Corpus): Promise<DocumentRun> {
  return inProcess(corpus, 'docx', 'mammoth.extractRawText in-process, 1 thread', async (buffer) => {
    return (await mammoth.extractRawText({ buffer })).value;
  });
}
