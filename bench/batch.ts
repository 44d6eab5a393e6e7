/**
 * Batch throughput: many report files checked in one go — by the CLI (dist/cli.js) with and
 * without worker threads, and by the engine in-process (read + lint per file) on one thread and
 * on worker threads, which separates the engine's cost from the CLI's own.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { lint } from '../server/src/core';

export const CLI_JS = path.join(__dirname, '..', '..', 'dist', 'cli.js');

export interface BatchRun {
  how: string;
  /** Worker threads used (1 = none). */
  threads: number;
  files: number;
  seconds: number;
  reportsPerSecond: number;
  exitCode?: number;
  note?: string;
  /** When the row is the median of interleaved rounds: the seconds of each round, in order. */
  rounds?: number[];
}

/**
 * One row from the same run repeated in interleaved rounds: the round of median time (the later of the two middle
 * ones for an even count), with every round's seconds kept. A single whole-process run on a shared 2-core machine
 * can be off by a quarter; its ratio to a reference run once is as noisy as both.
 */
export function medianRun(runs: readonly BatchRun[]): BatchRun {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const failed = runs.find((r) => r.note?.startsWith('failed'));
  if (failed) return failed;
  if (runs.length === 1) return runs[0];
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor(sorted.length / 2)];
  return { ...mid, rounds: runs.map((r) => r.seconds) };
}

/** Whether the built CLI exists and offers `--jobs`. */
export function cliAvailable(cliJs: string = CLI_JS): { ok: boolean; why?: string } {
  if (!fs.existsSync(cliJs)) return { ok: false, why: `${path.relative(process.cwd(), cliJs)} is not built` };
  const r = spawnSync(process.execPath, [cliJs, '--help'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) return { ok: false, why: `--help exited with ${r.status}` };
  if (!/--jobs/.test(r.stdout)) return { ok: false, why: '--help does not list --jobs' };
  return { ok: true };
}

/**
 * Runs the CLI on `dir` with `--jobs <threads>`, or with its default (`auto`: the CLI chooses from the
 * cores and the number of files; `threads` then says what it chose). The report goes to a file (JSON)
 * so the terminal is not timed.
 */
export function runCli(
  dir: string,
  files: number,
  threads: number,
  cliJs: string = CLI_JS,
  jobs: 'auto' | 'given' = 'given',
): BatchRun {
  const out = path.join(os.tmpdir(), `govreport-bench-${process.pid}.json`);
  const args = [
    cliJs,
    '--no-config',
    '--format',
    'json',
    '--output-file',
    out,
    ...(jobs === 'auto' ? [] : ['--jobs', String(threads)]),
    dir,
  ];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  fs.rmSync(out, { force: true });
  // Exit 1 means problems were found (some reports carry a typo on purpose); 2 and up is a failure.
  const ok = r.status === 0 || r.status === 1;
  return {
    how:
      jobs === 'auto'
        ? `CLI default (--jobs auto: ${threads} thread${threads === 1 ? '' : 's'} here)`
        : `CLI --jobs ${threads}`,
    threads,
    files,
    seconds,
    reportsPerSecond: files / seconds,
    exitCode: r.status ?? -1,
    note: ok ? undefined : `failed: ${(r.stderr || r.error?.message || '').split('\n')[0]}`,
  };
}

/**
 * A fresh process that reads and checks the folder with the engine alone (no CLI), or with markdownlint:
 * the CLI's whole-process references (bench/freshBatch.ts).
 */
export function runFresh(which: 'engine' | 'markdownlint', dir: string, files: number): BatchRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(__dirname, 'freshBatch.js'), which, dir], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    how:
      which === 'engine'
        ? 'engine alone, whole process (read + lint, no CLI)'
        : 'markdownlint, whole process (read + lint, default rules)',
    threads: 1,
    files,
    seconds,
    reportsPerSecond: files / seconds,
    exitCode: r.status ?? -1,
    note:
      r.status === 0 ? `${r.stdout.trim()} findings` : `failed: ${(r.stderr || r.error?.message || '').split('\n')[0]}`,
  };
}

/** Reads and lints every file on this thread. */
export function inProcessSerial(files: readonly string[]): BatchRun {
  const t0 = performance.now();
  let findings = 0;
  for (const f of files) findings += lint(fs.readFileSync(f, 'utf8')).findings.length;
  const seconds = (performance.now() - t0) / 1000;
  return {
    how: 'engine in-process, 1 thread',
    threads: 1,
    files: files.length,
    seconds,
    reportsPerSecond: files.length / seconds,
    note: `${findings} findings`,
  };
}

/** Reads and lints the files on `threads` worker threads (start-up of the workers included). */
export async function inProcessWorkers(files: readonly string[], threads: number): Promise<BatchRun> {
  const t0 = performance.now();
  const slices: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((f, i) => slices[i % threads].push(f));
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<{ files: number; findings: number }>((resolve, reject) => {
          const w = new Worker(path.join(__dirname, 'batchWorker.js'), { workerData: { files: slice } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const findings = results.reduce((n, r) => n + r.findings, 0);
  return {
    how: `engine in-process, ${threads} worker threads`,
    threads,
    files: files.length,
    seconds,
    reportsPerSecond: files.length / seconds,
    note: `${findings} findings`,
  };
}
