/**
 * `npm run bench`: engine throughput against the lower bound and markdownlint, editor latency and
 * memory of the built language server, and batch throughput of the CLI. Prints Markdown tables
 * and writes bench/results/latest.json (and latest.md).
 *
 *   node out/bench/run.js [--smoke] [--skip engine,markdownlint,lsp,workspace,batch,pdf,docx] [--document-rounds N] [--batch-rounds N] [--out DIR]
 *
 * `--smoke` runs tiny sizes with few repeats: it shows that the harness works, nothing more.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliAvailable, inProcessSerial, inProcessWorkers, medianRun, runCli, runFresh, type BatchRun } from './batch';
import { jobsFor } from '../server/src/cli/run';
import { benchEngine, type BenchDocument, type EngineRow } from './engine';
import {
  compilation,
  loadSeeds,
  longLineDocument,
  rng,
  drawReport,
  variantPool,
  writeReports,
  type Variant,
} from './generate';
import {
  memoryWithOpenReports,
  ServerUnderTest,
  typingPair,
  SERVER_JS,
  typingLatency,
  type MemoryResult,
  type TypingResult,
  type TypingPhases,
} from './lsp';
import { loadMarkdownlint } from './markdownlint';
import { benchWorkspaceTyping } from './workspaceTyping';
import { sinkValue } from './stats';
import { lint } from '../server/src/core';
import { checkTargets, renderMarkdown, type Results } from './report';
import {
  mammothInProcess,
  ourDocxInProcess,
  ourPdfInProcess,
  pdftotextAvailable,
  runCliOn,
  runFreshPdf,
  runPdftotext,
  writeDocuments,
  type DocumentRun,
} from './documents';

interface Args {
  smoke: boolean;
  /** Interleaved rounds of the PDF and Word rows. */
  documentRounds: number;
  /** Rounds of the batch's whole-process rows that the targets compare (engine alone, CLI default, markdownlint). */
  batchRounds: number;
  skip: Set<string>;
  outDir: string;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = {
    smoke: false,
    documentRounds: 2,
    batchRounds: 3,
    skip: new Set(),
    outDir: path.join(__dirname, '..', '..', 'bench', 'results'),
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--smoke') a.smoke = true;
    else if (argv[i] === '--skip') for (const s of (argv[++i] ?? '').split(',')) a.skip.add(s.trim());
    else if (argv[i] === '--document-rounds') a.documentRounds = Math.max(1, Number(argv[++i]) || 1);
    else if (argv[i] === '--batch-rounds') a.batchRounds = Math.max(1, Number(argv[++i]) || 1);
    else if (argv[i] === '--out') a.outDir = path.resolve(argv[++i] ?? a.outDir);
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return a;
}

const log = (line: string) => process.stderr.write(line + '\n');

function machine(): Results['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** The offset of the last digit of table 三's grand total (（七）总计, 总计 column). */
function totalDigitOffset(text: string): number {
  const t3 = lint(text).model.tables.t3;
  const row = t3?.rows.find((r) => r.rowId === 't3.total');
  const cell = row?.cells.filter((c) => c.kind === 'integer').at(-1);
  if (!cell) throw new Error('no total in table 三 to type into');
  return cell.span.end - 1;
}

/** Text as long as `text` (UTF-16 code units) that is no report: prose lines with digits, no headings or tables. */
function notAReport(text: string): string {
  const line = 'The quick brown fox jumps over the lazy dog 1234567 times.\n';
  return line.repeat(Math.ceil(text.length / line.length)).slice(0, text.length);
}

const KB = 1e3;
const MB = 1e6;

function sizeName(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const seeds = loadSeeds();
  if (seeds.length === 0) throw new Error('no seed reports found');
  log(
    `govreport-lint bench${args.smoke ? ' (smoke)' : ''}: ${seeds.length} seeds, node ${process.version}, ${os.availableParallelism()} cores`,
  );
  const pool: Variant[] = variantPool(seeds, args.smoke ? 1 : 10);
  const sizes = args.smoke ? [10 * KB] : [10 * KB, 100 * KB, 1 * MB, 10 * MB];
  const longLine = args.smoke ? 20 * KB : 1 * MB;
  const compilations = new Map(sizes.map((s) => [s, compilation(pool, s)]));
  const docs: BenchDocument[] = [
    ...(args.smoke ? seeds.slice(0, 2) : seeds).map((s) => ({
      name: `seed ${s.name.slice(0, 3)}`,
      kind: 'seed' as const,
      text: s.text,
    })),
    ...sizes.map((s) => ({
      name: `compilation ${sizeName(s)}`,
      kind: 'compilation' as const,
      text: compilations.get(s)!,
    })),
    { name: `one ${sizeName(longLine)} line`, kind: 'long-line', text: longLineDocument(pool, longLine) },
  ];

  const results: Results = {
    date: new Date().toISOString(),
    smoke: args.smoke,
    machine: machine(),
    load: {},
    engine: [],
    typing: [],
    batch: [],
    documents: [],
    documentNotes: [],
    corpora: {},
  };
  const noteLoad = (part: string) => (results.load[part] = Math.round(os.loadavg()[0] * 10) / 10);

  if (!args.skip.has('engine')) {
    let withMarkdownlint = !args.skip.has('markdownlint');
    if (withMarkdownlint) {
      try {
        results.markdownlintVersion = await loadMarkdownlint();
      } catch (e) {
        log(`markdownlint could not be loaded (${e instanceof Error ? e.message : String(e)}): measured without it`);
        withMarkdownlint = false;
      }
    }
    log('engine:');
    noteLoad('engine');
    results.engine = benchEngine(docs, {
      smoke: args.smoke,
      markdownlint: withMarkdownlint,
      log,
    }) satisfies EngineRow[];
  }

  if (!args.skip.has('lsp')) {
    if (!fs.existsSync(SERVER_JS)) {
      results.typingNote = `${path.relative(process.cwd(), SERVER_JS)} is not built (npm run build): editor latency not measured`;
      log(results.typingNote);
    } else {
      log('editor latency:');
      noteLoad('editor');
      const seed = seeds[1] ?? seeds[0];
      const big = compilations.get(args.smoke ? 10 * KB : 1 * MB)!;
      const timeoutMs = args.smoke ? 60_000 : 600_000;
      const flags = (process.env.GOVREPORT_BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean);
      const server = new ServerUnderTest(SERVER_JS, timeoutMs, flags);
      try {
        await server.initialize();
        // The seed, keystroke for keystroke with the floor: a document of the same size in a language the
        // server does not check, so nothing is linted and empty diagnostics come back. A plain-text
        // document would not do: plain text is checked to find out whether it is a report.
        const seedName = `seed ${seed.name.slice(0, 3)}`;
        const plain = notAReport(seed.text);
        const warmup = args.smoke ? 2 : 20;
        const pair = await typingPair(
          server,
          [
            {
              name: seedName,
              uri: 'file:///bench/seed.txt',
              text: seed.text,
              offset: totalDigitOffset(seed.text),
              languageId: 'govreport',
            },
            {
              name: `${seedName}: floor (same length, not checked)`,
              uri: 'file:///bench/plain.txt',
              text: plain,
              offset: plain.indexOf('7'),
              languageId: 'log',
            },
          ],
          args.smoke ? 10 : 200,
          warmup,
          args.smoke ? 10_000 : 300_000,
          // The same server once its engine is warm: where the timed keystrokes lie between the first
          // ones after the start and these says how much of their tail is the engine still being compiled.
          { settle: args.smoke ? 2 : 200, edits: args.smoke ? 10 : 1000 },
        );
        for (const r of pair) {
          log(
            `  ${r.document}: median ${r.medianMs.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms over ${r.edits} edits`,
          );
          results.typing.push(withoutPhases(r));
        }
        for (const r of pair) {
          const { first, warm } = r;
          const rows: TypingResult[] = [
            {
              ...withoutPhases(r),
              ...first,
              phase: 'first',
              document: `${r.document}: keystrokes 1–${first.edits}, untimed, just after the start`,
            },
          ];
          if (warm)
            rows.push({
              ...withoutPhases(r),
              ...warm,
              phase: 'warm',
              document: `${r.document}: keystrokes ${warm.from}–${warm.from + warm.edits - 1}, the engine warm`,
            });
          for (const row of rows) {
            log(`  ${row.document}: median ${row.medianMs.toFixed(2)} ms, p99 ${row.p99Ms.toFixed(2)} ms`);
            results.typing.push(row);
          }
        }
        // `--skip typing-1mb` leaves out the slow one (200 keystrokes into the 1 MB compilation).
        const targets: [string, string, string][] = args.skip.has('typing-1mb')
          ? []
          : [[`compilation ${sizeName(args.smoke ? 10 * KB : 1 * MB)}`, 'file:///bench/compilation.txt', big]];
        for (const [name, uri, text] of targets) {
          const r: TypingResult = await typingLatency(
            server,
            uri,
            name,
            text,
            totalDigitOffset(text),
            args.smoke ? 10 : 200,
            args.smoke ? 2 : 20,
            args.smoke ? 10_000 : 300_000,
          );
          log(`  ${name}: median ${r.medianMs.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms over ${r.edits} edits`);
          results.typing.push(r);
        }
      } finally {
        await server.stop();
      }
      const r = rng(17);
      const reports = Array.from({ length: args.smoke ? 5 : 100 }, () => drawReport(pool, r));
      const mem: MemoryResult = await memoryWithOpenReports(reports, timeoutMs);
      log(`  memory: ${mem.reports} reports open, RSS ${((mem.rssBytes ?? NaN) / 2 ** 20).toFixed(1)} MiB`);
      results.memory = mem;
      if (!args.skip.has('workspace'))
        Object.assign(results, { workspace: await benchWorkspaceTyping(pool, args.smoke, log) });
    }
  }

  if (!args.skip.has('batch')) {
    log('batch:');
    noteLoad('batch');
    const count = args.smoke ? 20 : 1000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-'));
    try {
      const files = writeReports(pool, dir, count);
      const threads = Math.max(2, os.availableParallelism());
      const runs: BatchRun[] = [];
      const cli = cliAvailable();
      if (cli.ok) {
        // What a user gets without options on this machine, then one thread and all cores forced.
        // Interleaved with its whole-process references, so that a load that comes and goes hits them alike.
        // The three rows the targets compare run in interleaved rounds, each row's median kept.
        const rounds: BatchRun[][] = [[], [], []];
        for (let i = 0; i < (args.smoke ? 1 : args.batchRounds); i++) {
          rounds[0].push(runFresh('engine', dir, count));
          rounds[1].push(runCli(dir, count, jobsFor(count, undefined), undefined, 'auto'));
          if (!args.skip.has('markdownlint')) rounds[2].push(runFresh('markdownlint', dir, count));
        }
        runs.push(
          ...rounds.filter((r) => r.length > 0).map(medianRun),
          runCli(dir, count, 1),
          runCli(dir, count, threads),
        );
      } else {
        results.batchNote = `CLI not measured: ${cli.why}`;
        log(`  ${results.batchNote}`);
      }
      runs.push(inProcessSerial(files), await inProcessWorkers(files, threads));
      for (const b of runs)
        log(`  ${b.how}: ${b.reportsPerSecond.toFixed(0)} reports/s${b.note ? ` (${b.note})` : ''}`);
      results.batch = runs;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  for (const format of ['pdf', 'docx'] as const) {
    if (args.skip.has(format)) continue;
    log(`${format}:`);
    noteLoad(format);
    const count = args.smoke ? 4 : 60;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `govreport-bench-${format}-`));
    try {
      const corpus = await writeDocuments(pool, dir, count, format);
      results.corpora[format] = { files: count, pages: corpus.pages, bytes: corpus.bytes };
      const runs: DocumentRun[] = [];
      const cli = cliAvailable();
      const reference = format === 'pdf' ? pdftotextAvailable() : true;
      if (format === 'pdf' && !reference)
        results.documentNotes.push('pdftotext: reference unavailable (poppler-utils is not installed)');
      if (!cli.ok) results.documentNotes.push(`${format}: CLI not measured: ${cli.why}`);
      // Rounds of reference, CLI as a user runs it, CLI on one worker, the PDF floor on as many processes as the
      // CLI's workers, reader in-process: a load that comes and goes hits them alike.
      const rounds = args.smoke ? 1 : args.documentRounds;
      const workers = jobsFor(count, undefined, 'documents');
      for (let round = 0; round < rounds; round++) {
        if (format === 'pdf' && reference) runs.push(runPdftotext(corpus));
        if (format === 'docx') runs.push(await mammothInProcess(corpus));
        if (cli.ok) {
          runs.push(runCliOn(corpus, format, undefined, workers));
          runs.push(runCliOn(corpus, format, 1, 1));
        }
        if (format === 'pdf') runs.push(runFreshPdf(corpus, workers));
        runs.push(await (format === 'pdf' ? ourPdfInProcess(corpus) : ourDocxInProcess(corpus)));
      }
      for (const b of runs)
        log(
          `  ${b.how}: ${b.seconds.toFixed(2)} s, ${b.cpuSeconds?.toFixed(2) ?? '–'} s CPU${b.note ? ` (${b.note})` : ''}`,
        );
      results.documents.push(...runs);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  noteLoad('end');
  results.targets = checkTargets(results);
  results.seconds = (performance.now() - t0) / 1000;
  const md = renderMarkdown(results);
  process.stdout.write(md + '\n');
  fs.mkdirSync(args.outDir, { recursive: true });
  const name = args.smoke ? 'smoke' : 'latest';
  fs.writeFileSync(path.join(args.outDir, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(args.outDir, `${name}.md`), md + '\n');
  log(
    `wrote ${path.relative(process.cwd(), path.join(args.outDir, name + '.json'))} (${results.seconds.toFixed(0)} s; checksum ${sinkValue()})`,
  );
  const broken = [...results.engine.map((e) => (e.isReport ? '' : `${e.name} not recognised as a report`))].filter(
    Boolean,
  );
  if (broken.length) throw new Error(broken.join('; '));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);

/** A typing result without the summaries of its other keystrokes (they become rows of their own). */
function withoutPhases(r: TypingResult & TypingPhases): TypingResult {
  const { first: _first, warm: _warm, ...rest } = r;
  return rest;
}
