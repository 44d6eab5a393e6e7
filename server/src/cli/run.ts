/** The CLI from arguments to exit code. All output goes through `io`, so tests can run it in-process. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localize, RULES } from '../core';
import type { Locale, Localized } from '../core/types';
import { buildConfigSchema } from '../config/schema';
import { parseArgs } from './args';
import type { CliOptions } from './args';
import { HELP } from './help';
import { discover } from './discover';
import { displayPath, FileChecker } from './process';
import { inputMessages } from '../core/i18n/messages/input';
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

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE_OR_IO = 2;

/** Below this many files, starting workers costs more than it saves (measured: docs/cli.md). */
const PARALLEL_MIN_FILES = 24;
/** On two cores, workers measured slower than one thread (docs/cli.md). */
const PARALLEL_MIN_CORES = 4;

function usageError(io: CliIo, error: Localized): number {
  io.stderr.write(
    `govreport-lint：用法错误：${escapeControl(error.zh)}\n` +
      `govreport-lint: usage error: ${escapeControl(error.en)}\n` +
      `运行 govreport-lint --help 查看用法 / Run govreport-lint --help for usage.\n`,
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
    return usageError(io, {
      zh: `未知的规则：${unknown.join('、')}（规则列表见 --print-config-schema）`,
      en: `unknown rule: ${unknown.join(', ')} (see --print-config-schema for the list)`,
    });
  }
  if (o.command === 'extract') return runExtract(o, io);
  if (o.config && !fs.existsSync(path.resolve(io.cwd, o.config))) {
    return usageError(io, { zh: `配置文件不存在：${o.config}`, en: `configuration file not found: ${o.config}` });
  }

  const lang = o.lang;
  const say = (text: Localized) => io.stderr.write(`govreport-lint: ${escapeControl(localize(text, lang))}\n`);
  let ioFailure = false;

  const found = discover(o.inputs, io.cwd);
  for (const p of found.problems) {
    ioFailure = true;
    say({ zh: `${p.input}：${p.message.zh}`, en: `${p.input}: ${p.message.en}` });
  }
  // Our own outputs are left out: quietly when a folder or a glob found them, with a note when named.
  for (const f of found.ownOutputs) if (f.named) say(inputMessages.ownOutput(displayPath(f.file, io.cwd)));

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
    return usageError(io, {
      zh: '--previous 只能用于检查一个文件',
      en: '--previous can only be used when checking one file',
    });
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
        say({
          zh: `上年报告 ${previous.display}：${previous.error!.message.zh}`,
          en: `last year's report ${previous.display}: ${previous.error!.message.en}`,
        });
      } else if (previous.status === 'not-report') {
        say({
          zh: `上年报告 ${previous.display} 未识别为年度报告，未进行跨年核对`,
          en: `last year's report ${previous.display} is not recognised as a report; no cross-year checks`,
        });
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
  if (o.outputFile) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, o.outputFile), output);
    } catch (e) {
      say({
        zh: `无法写入输出文件 ${o.outputFile}：${String(e)}`,
        en: `cannot write the output file ${o.outputFile}: ${String(e)}`,
      });
      ioFailure = true;
    }
  } else io.stdout.write(output);
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
    say({
      zh: `警告数 ${s.warnings} 超过 --max-warnings ${o.maxWarnings}`,
      en: `${s.warnings} warnings exceed --max-warnings ${o.maxWarnings}`,
    });
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** Files read ahead on one thread. */
const IO_LANES = 4;

/**
 * With one job, plain text and Markdown files up to this size are checked on the main thread: the
 * engine is linear and never throws, so such a file costs a bounded few tens of milliseconds and
 * little memory, where a worker's start and per-file round trip cost more than the check
 * (docs/cli.md). Larger text files, Word and PDF files (where decompression bombs and pdf.js loops
 * live) go to a worker, under the time and memory limits.
 */
export const INLINE_TEXT_MAX_BYTES = 2 * 1024 * 1024;

/** How many worker threads to use for `count` files. */
export function jobsFor(count: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, count));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
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
      if (jobsFor(files.length, o.jobs) > 1) files.forEach((_, i) => deferred.push(i));
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
        jobsFor(deferred.length, o.jobs),
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
      io.stderr.write(`\r${lang === 'en' ? 'checking' : '检查中'} ${done}/${total}`);
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
      const label = n.severity === 'error' ? (lang === 'en' ? 'error' : '错误') : lang === 'en' ? 'warning' : '警告';
      say(`${n.file}${n.path ? ` (${n.path})` : ''}: ${label}: ${localize(n.message, lang)}`);
    }
    for (const e of r.ruleErrors) {
      say(
        lang === 'en'
          ? `${r.display}: rule ${e.ruleId} failed (a bug; please report it): ${e.message}`
          : `${r.display}：规则 ${e.ruleId} 运行出错（程序缺陷，请报告）：${e.message}`,
      );
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
  const zh = lang !== 'en';
  const parts: string[] = [];
  if (r.kind) parts.push(r.kind);
  if (r.encoding) parts.push(zh ? `编码 ${r.encoding}` : `encoding ${r.encoding}`);
  if (r.lineEnding && r.lineEnding !== 'none') parts.push(zh ? `换行 ${r.lineEnding}` : `line endings ${r.lineEnding}`);
  if (r.status === 'not-report') parts.push(zh ? '不是年度报告' : 'not a report');
  else if (r.status === 'error') parts.push(zh ? '无法读取' : 'unreadable');
  else parts.push(zh ? `${r.diagnostics.length} 个问题` : `${r.diagnostics.length} problem(s)`);
  if (r.fix?.written) parts.push(zh ? `已写入 ${r.fix.edits} 处修复` : `${r.fix.edits} fix(es) written`);
  return `${r.display}: ${parts.join(zh ? '，' : ', ')}`;
}
