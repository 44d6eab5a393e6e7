/** The results of a run: their shape (written as JSON), the targets of the issue, and Markdown tables. */
import type { BatchRun } from './batch';
import type { DocumentRun } from './documents';
import type { EngineRow } from './engine';
import type { MemoryResult, TypingResult } from './lsp';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface Results {
  date: string;
  smoke: boolean;
  seconds?: number;
  machine: {
    cpu: string;
    cores: number;
    availableParallelism: number;
    memoryGB: number;
    node: string;
    platform: string;
  };
  /** 1-minute load average of the machine when each part started and when the run ended. */
  load: Record<string, number>;
  markdownlintVersion?: string;
  engine: EngineRow[];
  typing: TypingResult[];
  typingNote?: string;
  memory?: MemoryResult;
  batch: BatchRun[];
  batchNote?: string;
  /** PDF and Word folders: the CLI, our readers in-process, and the references (bench/documents.ts). */
  documents: DocumentRun[];
  documentNotes: string[];
  corpora: Record<string, { files: number; pages?: number; bytes: number }>;
  targets?: TargetCheck[];
}

export function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (v < 1) return v.toFixed(3);
  if (v < 100) return v.toFixed(2);
  return v.toFixed(0);
}

function num(v: number | undefined, digits = 1): string {
  return v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
}

function size(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  return `${(bytes / 1e3).toFixed(1)} KB`;
}

function mib(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** Time of each compilation divided by the time of the compilation ten times smaller (linear ≈ 10). */
export function growth(rows: readonly EngineRow[], cpu = false): Map<string, number> {
  const out = new Map<string, number>();
  const comps = rows.filter((r) => r.kind === 'compilation').sort((a, b) => a.bytes - b.bytes);
  const time = (r: EngineRow) => (cpu ? (r.lintFix.cpuMedianMs ?? NaN) : r.lintFix.medianMs);
  for (let i = 1; i < comps.length; i++) {
    const ratio = comps[i].bytes / comps[i - 1].bytes;
    if (ratio > 9 && ratio < 11) out.set(comps[i].name, time(comps[i]) / time(comps[i - 1]));
  }
  return out;
}

export function checkTargets(r: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  const typical = r.engine.filter((e) => e.bytes <= 20e3 && e.kind !== 'long-line');
  if (typical.length) {
    const worst = typical.reduce((a, b) => (b.lintFix.medianMs > a.lintFix.medianMs ? b : a));
    out.push({
      target: 'typical report (≤ 20 KB): lint + fixes ≤ 0.5 ms median',
      measured: `worst ${worst.name}: ${ms(worst.lintFix.medianMs)} ms`,
      met: worst.lintFix.medianMs <= 0.5,
    });
  }
  const withMd = r.engine.filter((e) => e.markdownlint);
  if (withMd.length) {
    const worst = withMd.reduce((a, b) =>
      b.lintFix.medianMs / b.markdownlint!.medianMs > a.lintFix.medianMs / a.markdownlint!.medianMs ? b : a,
    );
    const ratio = worst.lintFix.medianMs / worst.markdownlint!.medianMs;
    out.push({
      target: '≥ 10× faster than markdownlint on every document (ours/markdownlint ≤ 0.1)',
      measured: `worst ${worst.name}: ${ratio.toFixed(3)}`,
      met: ratio <= 0.1,
    });
  }
  const large = r.engine.filter((e) => e.bytes >= 100e3);
  if (large.length) {
    const worst = large.reduce((a, b) =>
      b.lintFix.medianMs / b.lowerBound.medianMs > a.lintFix.medianMs / a.lowerBound.medianMs ? b : a,
    );
    const ratio = worst.lintFix.medianMs / worst.lowerBound.medianMs;
    out.push({
      target: 'from 100 KB up, within 5× the lower bound',
      measured: `worst ${worst.name}: ${ratio.toFixed(1)}×`,
      met: ratio <= 5,
    });
  }
  const tenMb = [...growth(r.engine).entries()].find(([name]) => name.includes('10 MB'));
  const tenMbCpu = growth(r.engine, true).get(tenMb?.[0] ?? '');
  if (tenMb) {
    out.push({
      target: '10 MB within 12× the 1 MB time',
      measured: `${tenMb[1].toFixed(1)}× wall, ${num(tenMbCpu)}× CPU`,
      met: tenMb[1] <= 12,
    });
  }
  const isSeed = (t: TypingResult) => t.document.startsWith('seed') && !t.document.includes('floor');
  const seedTyping = r.typing.find((t) => !t.phase && isSeed(t));
  const floor = r.typing.find((t) => !t.phase && t.document.includes('floor'));
  const seedFirst = r.typing.find((t) => t.phase === 'first' && isSeed(t));
  const seedWarm = r.typing.find((t) => t.phase === 'warm' && isSeed(t));
  if (seedTyping)
    out.push({
      target: 'didChange → diagnostics p99 ≤ 10 ms, typical report',
      measured:
        `${ms(seedTyping.p99Ms)} ms` +
        (floor
          ? ` (floor in the same run, a document the server does not check: p99 ${ms(floor.p99Ms)} ms, median ${ms(floor.medianMs)} ms; seed − floor medians ${ms(seedTyping.medianMs - floor.medianMs)} ms)`
          : '') +
        (seedFirst && seedWarm
          ? `; the same server, its ${seedFirst.edits} keystrokes before: median ${ms(seedFirst.medianMs)} ms, and ${seedWarm.edits} keystrokes with the engine warm: p99 ${ms(seedWarm.p99Ms)} ms`
          : ''),
      met: seedTyping.p99Ms <= 10,
    });
  if (r.memory?.rssBytes !== undefined) {
    out.push({
      target: `server memory with ${r.memory.reports} open reports ≤ 150 MB`,
      measured: mib(r.memory.rssBytes),
      met: r.memory.rssBytes <= 150 * 2 ** 20,
    });
  }
  // The CLI as a user runs it on this machine (its default --jobs auto), on the machine's cores.
  const defaultCli = r.batch.find((b) => b.how.startsWith('CLI default') && !b.note);
  if (defaultCli) {
    out.push({
      target: `CLI ≥ 300 text reports/s on ${r.machine.cores} cores (default --jobs auto: ${defaultCli.threads} thread${defaultCli.threads === 1 ? '' : 's'})`,
      measured: `${defaultCli.reportsPerSecond.toFixed(0)} reports/s`,
      met: defaultCli.reportsPerSecond >= 300,
    });
  }
  const engineAlone = r.batch.find((b) => b.how.startsWith('engine alone') && b.exitCode === 0);
  const mdAlone = r.batch.find((b) => b.how.startsWith('markdownlint, whole') && b.exitCode === 0);
  if (defaultCli && engineAlone) {
    const overhead = defaultCli.seconds / engineAlone.seconds - 1;
    out.push({
      target:
        "CLI's own overhead ≤ 30 % of the engine's time (whole process against the engine alone in a whole process)",
      measured: `${(overhead * 100).toFixed(0)} % (${defaultCli.seconds.toFixed(2)} s against ${engineAlone.seconds.toFixed(2)} s)`,
      met: overhead <= 0.3,
    });
  }
  if (defaultCli && mdAlone) {
    const ratio = mdAlone.seconds / defaultCli.seconds;
    // The engine alone in a whole process is what the CLI cannot go below: markdownlint ÷ it is the most the CLI can reach.
    const ceiling = engineAlone
      ? `; the most reachable, markdownlint ÷ the engine alone in a whole process: ${(mdAlone.seconds / engineAlone.seconds).toFixed(1)}×`
      : '';
    out.push({
      target: 'CLI whole process ≥ 10× faster than markdownlint whole process, same files',
      measured: `${ratio.toFixed(1)}× (${defaultCli.seconds.toFixed(2)} s against ${mdAlone.seconds.toFixed(2)} s${ceiling})`,
      met: ratio >= 10,
    });
  }
  out.push(...documentTargets(r));
  return out;
}

/** Rows of one format and kind, and the sum of their times (several rounds of the same run). */
function sumOf(
  runs: readonly DocumentRun[],
  format: string,
  prefix: string,
): { seconds: number; cpu?: number } | undefined {
  const rows = runs.filter((d) => d.format === format && d.how.startsWith(prefix) && !d.note?.startsWith('failed'));
  if (rows.length === 0 || rows.some((d) => d.note?.includes('not checked'))) return undefined;
  const cpu = rows.every((d) => d.cpuSeconds !== undefined) ? rows.reduce((a, d) => a + d.cpuSeconds!, 0) : undefined;
  return { seconds: rows.reduce((a, d) => a + d.seconds, 0), cpu };
}

/** Our Word reader against mammoth's raw-text extraction, both in-process (the issue sets no target). */
function wordRatio(r: Results): string {
  const ours = sumOf(r.documents, 'docx', 'our Word reader');
  const raw = sumOf(r.documents, 'docx', 'mammoth');
  if (!ours || !raw) return '';
  const cpu =
    ours.cpu !== undefined && raw.cpu !== undefined ? `, ${(ours.cpu / raw.cpu).toFixed(2)}× its CPU time` : '';
  return `\n\nWord: our reader in-process takes ${(ours.seconds / raw.seconds).toFixed(2)}× the wall time of \`mammoth.extractRawText\`${cpu}.`;
}

function documentTargets(r: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  const cli = sumOf(r.documents, 'pdf', 'CLI default');
  const poppler = sumOf(r.documents, 'pdf', 'pdftotext');
  const floor = sumOf(r.documents, 'pdf', 'our reader + engine alone');
  if (cli && poppler) {
    const wall = cli.seconds / poppler.seconds;
    const cpu = cli.cpu !== undefined && poppler.cpu !== undefined ? cli.cpu / poppler.cpu : undefined;
    // pdf.js and the engine in fresh processes, as many as the CLI's workers, are what the CLI cannot go below.
    const least = floor
      ? `; the least reachable, the reader and engine alone: ${(floor.seconds / poppler.seconds).toFixed(2)}×`
      : '';
    out.push({
      target: 'PDF: CLI (default --jobs auto) within 3× of `pdftotext -layout` on the same files (wall time)',
      measured: `${wall.toFixed(2)}× wall${cpu === undefined ? '' : `, ${cpu.toFixed(2)}× CPU`}${least}`,
      met: wall <= 3,
    });
  }
  return out;
}

export function renderMarkdown(r: Results): string {
  const parts: string[] = [];
  const m = r.machine;
  parts.push(
    `Run ${r.date}${r.smoke ? ' (smoke: tiny sizes, few repeats — not a measurement)' : ''} on ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}.`,
  );
  const loads = Object.entries(r.load);
  if (loads.length) {
    const busy = loads.some(([, v]) => v > m.cores);
    parts.push(
      `Load average (1 min) during the run: ${loads.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}` +
        (busy
          ? ` — **above the ${m.cores} cores: other processes competed for the CPU and wall times are inflated; the CPU-time column is the steadier figure.**`
          : '.'),
    );
  }
  if (r.engine.length) {
    const g = growth(r.engine);
    const gc = growth(r.engine, true);
    parts.push(
      '### Engine\n\n`lint` = `lint(text)`: parse + every rule, each finding carrying its fix edits. `lint+fix` = `fixAll(text, { maxPasses: 1 })`: the same plus the sum cascade and choosing and applying the preferred edits. Times are wall-clock medians and 99th percentiles; CPU ms is the median CPU time of the process per run (including V8 helper threads). MB/s of `lint+fix` (UTF-8 bytes). Growth = time (wall, or CPU) ÷ time of the compilation ten times smaller (linear ≈ 10).\n\n' +
        table(
          [
            'document',
            'size',
            'lines',
            'findings',
            'runs',
            'lint median ms',
            'lint p99 ms',
            'lint+fix median ms',
            'lint+fix p99 ms',
            'lint+fix CPU ms',
            'MB/s',
            'growth ×10',
            'growth ×10 (CPU)',
          ],
          r.engine.map((e) => [
            e.name,
            size(e.bytes),
            String(e.lines),
            String(e.findings),
            String(e.lintFix.n),
            ms(e.lint.medianMs),
            ms(e.lint.p99Ms),
            ms(e.lintFix.medianMs),
            ms(e.lintFix.p99Ms),
            ms(e.lintFix.cpuMedianMs),
            num(e.lintFix.mbPerS),
            g.has(e.name) ? num(g.get(e.name)) : '',
            gc.has(e.name) ? num(gc.get(e.name)) : '',
          ]),
        ),
    );
    parts.push(
      `### References in the same run\n\nLower bound = one pass splitting lines and parsing every number. markdownlint ${r.markdownlintVersion ?? '(not run)'} = \`lint({ strings })\` from \`markdownlint/sync\`, default rules.\n\n` +
        table(
          [
            'document',
            'ours (lint+fix) ms',
            'lower bound ms',
            'lower bound MB/s',
            'markdownlint ms',
            'markdownlint runs',
            'ours / lower bound',
            'ours / markdownlint',
          ],
          r.engine.map((e) => [
            e.name,
            ms(e.lintFix.medianMs),
            ms(e.lowerBound.medianMs),
            num(e.lowerBound.mbPerS, 0),
            ms(e.markdownlint?.medianMs),
            e.markdownlint ? String(e.markdownlint.n) : '–',
            num(e.lintFix.medianMs / e.lowerBound.medianMs),
            e.markdownlint ? (e.lintFix.medianMs / e.markdownlint.medianMs).toFixed(3) : '–',
          ]),
        ),
    );
  }
  if (r.typing.length || r.typingNote) {
    parts.push(
      "### Editor latency\n\nBuilt server over stdio, `govreport.debounceMs` = 0: `didChange` (one digit of table 三's grand total, alternating) → `publishDiagnostics` for that version.\n\n" +
        (r.typing.length
          ? table(
              ['document', 'size', 'edits', 'median ms', 'p99 ms', 'max ms', 'diagnostics'],
              r.typing.map((t) => [
                t.document,
                size(t.bytes),
                String(t.edits),
                ms(t.medianMs),
                ms(t.p99Ms),
                ms(t.maxMs),
                String(t.lastDiagnostics),
              ]),
            )
          : (r.typingNote ?? '')),
    );
  }
  if (r.memory) {
    parts.push(
      `Server memory: ${mib(r.memory.rssIdleBytes)} RSS after initialize; ${mib(r.memory.rssBytes)} RSS with ${r.memory.reports} reports open (${size(r.memory.openBytes)} of text) and their diagnostics published.`,
    );
  }
  if (r.batch.length || r.batchNote) {
    parts.push(
      '### Batch\n\n' +
        (r.batchNote ? r.batchNote + '\n\n' : '') +
        table(
          ['how', 'threads', 'files', 'seconds', 'reports/s', 'note'],
          r.batch.map((b) => [
            b.how,
            String(b.threads),
            String(b.files),
            b.seconds.toFixed(2),
            b.reportsPerSecond.toFixed(0),
            [
              b.note,
              b.rounds && `median of ${b.rounds.length} rounds: ${b.rounds.map((x) => x.toFixed(2)).join(', ')} s`,
            ]
              .filter(Boolean)
              .join('; '),
          ]),
        ),
    );
  }
  if (r.documents.length || r.documentNotes.length) {
    const corpora = Object.entries(r.corpora)
      .map(
        ([f, c]) =>
          `${f}: ${c.files} files, ${size(c.bytes)}${c.pages !== undefined ? `, ${c.pages} pages (${(c.pages / c.files).toFixed(1)} a file)` : ''}`,
      )
      .join('; ');
    parts.push(
      '### PDF and Word\n\nReports drawn as PDF (pdfkit, embedded CJK font subset) and as .docx (docx package); ' +
        'whole processes timed from spawn to exit, CPU = user + system of the process and its threads. ' +
        'The rows run in interleaved rounds (the reference first in each).' +
        (corpora ? ` Corpora: ${corpora}.` : '') +
        '\n\n' +
        (r.documentNotes.length ? r.documentNotes.join('\n\n') + '\n\n' : '') +
        table(
          ['format', 'how', 'threads', 'files', 'seconds', 'CPU s', 'reports/s', 'note'],
          r.documents.map((d) => [
            d.format,
            d.how,
            String(d.threads),
            String(d.files),
            d.seconds.toFixed(2),
            d.cpuSeconds === undefined ? '–' : d.cpuSeconds.toFixed(2),
            d.reportsPerSecond.toFixed(1),
            d.note ?? '',
          ]),
        ) +
        wordRatio(r),
    );
  }
  if (r.targets?.length) {
    parts.push(
      '### Targets\n\n' +
        table(
          ['target', 'measured', 'met'],
          r.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : '**no**']),
        ),
    );
  }
  return parts.join('\n\n');
}
