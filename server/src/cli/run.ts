/** The CLI from arguments to exit code. All output goes through `io`, so tests can run it in-process. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localize, RULES } from '../core';
import type { Locale, Localized } from '../core/types';
import { buildConfigSchema } from '../config/schema';
import { parseArgs } from './args';
import type { CliOptions } from './args';
import { HELP } from '../core/i18n/messages/help';
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE_OR_IO,
  IO_LANES,
  discoverInputs,
  outputIsAnInput,
  stderrSay,
  writeOutput,
} from './shared';
import { bilingualCliMessages, cliMessages, verboseMessages } from '../core/i18n/messages/cli';
import { SEVERITY_NAMES } from '../core/i18n/messages/review';
import { FileChecker } from './process';
import type { CheckSettings, FileResult } from './process';
import { checkInWorkers, DEFAULT_FILE_LIMITS, DEFAULT_TIMEOUT_SECONDS } from './pool';
import type { FileLimits } from './pool';
import { runExtract } from './extractRun';
import { formatStylish, summaryLines } from './format/stylish';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatHtml } from './format/html';
import { runCrossYear } from './crossYear';
import { runCompare } from './compare';
import { summarize } from './format/summary';
import { colorByDefault, colors } from './format/color';
import { escapeControl } from './format/escape';
import { applySuppressionFiles } from './suppress';
import pkg from '../../../package.json';

export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The script worker threads run; without it, files are checked in this thread. */
  workerScript?: string;
}

export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE_OR_IO } from './shared';

/** Below this many files, starting workers costs more than it saves (measured: docs/cli.md). */
const PARALLEL_MIN_FILES = 24;
/** On two cores, workers measured slower than one thread (docs/cli.md). */
const PARALLEL_MIN_CORES = 4;

function usageError(io: CliIo, error: Localized): number {
  io.stderr.write(
    bilingualCliMessages.usageError('govreport-lint', { zh: escapeControl(error.zh), en: escapeControl(error.en) }),
  );
  return EXIT_USAGE_OR_IO;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'compare') return runCompare(argv.slice(1), io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.error);
  const o = parsed.options;
  if (o.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (o.version) {
    io.stdout.write(`${pkg.version}\n`);
    return EXIT_OK;
  }
  if (o.printConfigSchema) {
    io.stdout.write(JSON.stringify(buildConfigSchema(RULES), null, 2) + '\n');
    return EXIT_OK;
  }
  const unknown = Object.keys(o.rules).filter((id) => !RULES.some((r) => r.meta.id === id));
  if (unknown.length > 0) {
    return usageError(io, cliMessages.unknownRules(unknown));
  }
  if (o.command === 'extract') return runExtract(o, io);
  if (o.config && !fs.existsSync(path.resolve(io.cwd, o.config))) {
    return usageError(io, cliMessages.configNotFound(o.config));
  }

  const lang = o.lang;
  const say = stderrSay(io.stderr, lang);
  const found = discoverInputs(o.inputs, io.cwd, say);
  let ioFailure = found.failed;

  const settings: CheckSettings = {
    cwd: io.cwd,
    rules: o.rules,
    config: o.config,
    noConfig: o.noConfig,
    force: o.force,
    fix: o.fix ? 'write' : o.fixDryRun ? 'dry-run' : 'none',
    printText: o.printText,
    maxBytes: o.maxBytes,
    keepText: (o.crossYear || o.format === 'html') && !o.printText,
  };
  if (o.previous !== undefined && found.files.length !== 1) {
    return usageError(io, cliMessages.previousNeedsOneFile());
  }
  if (outputIsAnInput(o.outputFile, o.previous === undefined ? found.files : [...found.files, o.previous], io.cwd)) {
    say(cliMessages.outputIsInput(o.outputFile!));
    return EXIT_USAGE_OR_IO;
  }
  const results = await checkAll(found.files, settings, o, io);

  if (o.printText) return printTexts(results, io, lang);

  if (o.crossYear) {
    // Last year's report is only read: never fixed, never reported on its own.
    const checker = new FileChecker({ ...settings, fix: 'none' });
    let previous: FileResult | undefined;
    if (o.previous !== undefined) {
      previous = await checker.check(path.resolve(io.cwd, o.previous));
      if (previous.status === 'error') {
        ioFailure = true;
        say(cliMessages.previousUnreadable(previous.display, previous.error!.message));
      } else if (previous.status === 'not-report') {
        say(cliMessages.previousNotReport(previous.display));
      }
    }
    runCrossYear(results, checker, previous);
  }

  const suppressions = await applySuppressionFiles(results, {
    cwd: io.cwd,
    suppressAll: o.suppressAll,
    prune: o.pruneSuppressions,
  });
  for (const n of suppressions.notes) {
    if (n.error) ioFailure = true;
    say(n.message);
  }

  ioFailure = reportSideNotes(results, o, io, lang) || ioFailure;
  const shown = o.quiet
    ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : results;

  let output: string;
  if (o.format === 'json') output = formatJson(shown, lang);
  else if (o.format === 'sarif') output = formatSarif(shown, { cwd: io.cwd, version: pkg.version, rules: RULES, lang });
  else if (o.format === 'html')
    output = formatHtml(shown, { lang, version: pkg.version, rules: RULES, date: new Date() });
  else {
    const colored = o.outputFile ? false : (o.color ?? colorByDefault(io.stdout, io.env));
    output = formatStylish(shown, lang, colors(colored));
  }
  if (!writeOutput(output, o.outputFile, io, say)) ioFailure = true;
  if (o.format !== 'stylish' && io.stderr.isTTY) {
    // Machine formats keep stdout clean; a person watching still gets the summary.
    io.stderr.write(
      summaryLines(results, lang, colors(o.color ?? colorByDefault(io.stderr, io.env))).join('\n') + '\n',
    );
  }

  if (ioFailure) return EXIT_USAGE_OR_IO;
  const s = summarize(results);
  if (s.errors > 0) return EXIT_PROBLEMS;
  if (o.maxWarnings !== undefined && s.warnings > o.maxWarnings) {
    say(cliMessages.tooManyWarnings(s.warnings, o.maxWarnings));
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/**
 * With one job, plain text and Markdown files up to this size are checked on the main thread: the
 * engine is linear and never throws, so such a file costs a bounded few tens of milliseconds and
 * little memory, where a worker's start and per-file round trip cost more than the check
 * (docs/cli.md). Larger text files, Word and PDF files (where decompression bombs and pdf.js loops
 * live) go to a worker, under the time and memory limits.
 */
export const INLINE_TEXT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Files per worker below which another worker for Word, PDF and large text files does not pay: a
 * worker loads pdf.js (about 0.4 s of CPU) and a PDF takes 0.1–0.2 s (BENCHMARKS.md).
 */
const DOCUMENTS_PER_WORKER = 4;

/**
 * How many worker threads to use for `count` files: small text files (`text`), or the files that
 * always go to workers (`documents`: Word, PDF, large text). These cost far more per file than a
 * worker's start, and the main thread waits while they are checked, so they get every core.
 */
export function jobsFor(count: number, requested: number | undefined, files: 'text' | 'documents' = 'text'): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, count));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (files === 'documents') return Math.max(1, Math.min(cores, 8, Math.floor(count / DOCUMENTS_PER_WORKER)));
  if (count < PARALLEL_MIN_FILES || cores < PARALLEL_MIN_CORES) return 1;
  return Math.max(1, Math.min(cores, 8, Math.ceil(count / 12)));
}

/** Runs `each` over `items` with a few in flight, so the thread does not sit idle on I/O. */
async function inLanes<T>(items: readonly T[], each: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) await each(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(IO_LANES, items.length) }, lane));
}

async function checkAll(
  files: readonly string[],
  settings: CheckSettings,
  o: CliOptions,
  io: CliIo,
): Promise<FileResult[]> {
  const progress = progressReporter(files.length, io, o.lang);
  const checker = new FileChecker(settings);
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  try {
    if (io.workerScript) {
      // With one job, small text files here; with several, every file on the workers, which then share the text too.
      // Everything else always goes to workers, so that a file that hangs or exhausts memory costs only itself.
      const deferred: number[] = [];
      const allOnWorkers = jobsFor(files.length, o.jobs) > 1;
      if (allOnWorkers) files.forEach((_, i) => deferred.push(i));
      else {
        await inLanes(files, async (file, i) => {
          const r = await checker.checkInline(file, INLINE_TEXT_MAX_BYTES);
          if (r) {
            results[i] = r;
            progress.update(++done);
          } else deferred.push(i);
        });
      }
      if (deferred.length === 0) return results;
      deferred.sort((x, y) => x - y);
      const limits: FileLimits = {
        ...DEFAULT_FILE_LIMITS,
        timeoutMs: Math.round((o.timeoutPerFile ?? DEFAULT_TIMEOUT_SECONDS) * 1000),
      };
      // A smaller (or larger) heap per worker, for machines with little memory (documented in docs/cli.md).
      const heapMb = Number(io.env.GOVREPORT_LINT_WORKER_HEAP_MB);
      if (Number.isInteger(heapMb) && heapMb >= 16) limits.workerHeapMb = heapMb;
      const inline = done;
      const checked = await checkInWorkers(
        deferred.map((i) => files[i]),
        settings,
        jobsFor(deferred.length, o.jobs, allOnWorkers ? 'text' : 'documents'),
        io.workerScript,
        (n) => progress.update(inline + n),
        limits,
      );
      deferred.forEach((i, k) => (results[i] = checked[k]));
      return results;
    }
    // One thread, a few files in flight: while one is linted (synchronous work) the next ones are being read.
    await inLanes(files, async (file, i) => {
      results[i] = await checker.check(file);
      progress.update(++done);
    });
    return results;
  } finally {
    progress.done();
  }
}

/** "检查中 12/1000" on stderr, for long runs on a terminal only. */
function progressReporter(total: number, io: CliIo, lang: Locale): { update(done: number): void; done(): void } {
  if (!io.stderr.isTTY || total < 20) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      io.stderr.write(`\r${localize(cliMessages.checking(), lang)} ${done}/${total}`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}

function printTexts(results: readonly FileResult[], io: CliIo, lang: Locale): number {
  let failed = false;
  for (const r of results) {
    if (r.status === 'error' && r.error) {
      failed = true;
      io.stderr.write(`govreport-lint: ${escapeControl(`${r.display}: ${localize(r.error.message, lang)}`)}\n`);
      continue;
    }
    if (results.length > 1) io.stdout.write(`==> ${escapeControl(r.display)} <==\n`);
    io.stdout.write(r.text ?? '');
    if (!(r.text ?? '').endsWith('\n')) io.stdout.write('\n');
  }
  return failed ? EXIT_USAGE_OR_IO : EXIT_OK;
}

/**
 * Messages beside the report, on stderr: configuration problems (once per file and setting),
 * engine errors, unreadable files in machine formats, verbose details. Returns whether any of
 * them is an I/O or configuration error.
 */
function reportSideNotes(results: readonly FileResult[], o: CliOptions, io: CliIo, lang: Locale): boolean {
  let failure = false;
  const seen = new Set<string>();
  const say = (s: string) => io.stderr.write(`govreport-lint: ${escapeControl(s)}\n`);
  for (const r of results) {
    for (const n of r.configNotes) {
      const key = `${n.file}\0${n.path}\0${n.message.en}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (n.severity === 'error') failure = true;
      const label = localize(SEVERITY_NAMES[n.severity], lang);
      say(`${n.file}${n.path ? ` (${n.path})` : ''}: ${label}: ${localize(n.message, lang)}`);
    }
    for (const e of r.ruleErrors) {
      say(localize(cliMessages.ruleFailed(r.display, e.ruleId, e.message), lang));
    }
    if (r.status === 'error') {
      failure = true;
      if (o.format !== 'stylish' || o.outputFile) say(`${r.display}: ${localize(r.error!.message, lang)}`);
    }
    if (r.fix?.error) {
      failure = true;
      say(`${r.display}: ${localize(r.fix.error, lang)}`);
    }
    if (o.verbose) say(verboseLine(r, lang));
  }
  return failure;
}

function verboseLine(r: FileResult, lang: Locale): string {
  const V = verboseMessages;
  const parts: Localized[] = [];
  if (r.kind) parts.push({ zh: r.kind, en: r.kind });
  if (r.encoding) parts.push(V.encoding(r.encoding));
  if (r.lineEnding && r.lineEnding !== 'none') parts.push(V.lineEndings(r.lineEnding));
  if (r.status === 'not-report') parts.push(V.notReport());
  else if (r.status === 'error') parts.push(V.unreadable());
  else parts.push(V.problems(r.diagnostics.length));
  if (r.fix?.written) parts.push(V.fixesWritten(r.fix.edits));
  return `${r.display}: ${localize(V.list(parts), lang)}`;
}
