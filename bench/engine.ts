/**
 * Engine throughput: our lint (and lint + fix computation) per document, beside the two
 * references measured in the same process on the same texts — the lower bound and markdownlint.
 */
import { fixAll, lint } from '../server/src/core';
import { lowerBound } from './lowerBound';
import { markdownlint } from './markdownlint';
import {
  mbPerSecond,
  median,
  summarize,
  timeRounds,
  timeRuns,
  type RepeatPlan,
  type Summary,
  type Timed,
} from './stats';
import { utf8Bytes } from './generate';

export interface BenchDocument {
  name: string;
  kind: 'seed' | 'compilation' | 'long-line';
  text: string;
}

export interface Measured extends Summary {
  mbPerS: number;
  /** Median CPU time of the process per run (see `Timed.cpu`). */
  cpuMedianMs?: number;
}

export interface EngineRow {
  name: string;
  kind: BenchDocument['kind'];
  bytes: number;
  chars: number;
  lines: number;
  isReport: boolean;
  findings: number;
  /** `lint(text)`: parse + every rule, each finding carrying its fix edits. */
  lint: Measured;
  /** `fixAll(text, { maxPasses: 1 })`: the above + the sum cascade + choosing and applying the preferred edits. */
  lintFix: Measured;
  lowerBound: Measured;
  markdownlint?: Measured & { problems: number };
}

export interface EngineOptions {
  smoke: boolean;
  markdownlint: boolean;
  log: (line: string) => void;
}

/**
 * More runs for small documents, fewer for large ones. Small documents get a warm-up first; large
 * ones come after them, when the code is already optimized, and are not warmed again (a warm-up
 * run of markdownlint on 10 MB alone takes about a minute).
 */
export function planFor(bytes: number, smoke: boolean, slow = false): RepeatPlan {
  if (smoke) return { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 200 };
  if (bytes >= 5e6) return { warmup: 0, minRuns: slow ? 1 : 5, maxRuns: 50, budgetMs: slow ? 0 : 3000 };
  if (bytes >= 5e5) return { warmup: 0, minRuns: slow ? 3 : 10, maxRuns: 200, budgetMs: slow ? 0 : 3000 };
  return { warmup: 5, minRuns: slow ? 20 : 100, maxRuns: 5000, budgetMs: 2000 };
}

function measured(times: number[] | Timed, bytes: number): Measured {
  const s = summarize(Array.isArray(times) ? times : times.wall);
  const cpu = Array.isArray(times) ? undefined : median(times.cpu);
  return { ...s, mbPerS: mbPerSecond(bytes, s.medianMs), cpuMedianMs: cpu };
}

export function benchEngine(docs: readonly BenchDocument[], o: EngineOptions): EngineRow[] {
  const rows: EngineRow[] = [];
  for (const d of docs) {
    const bytes = utf8Bytes(d.text);
    const plan = planFor(bytes, o.smoke);
    const first = lint(d.text);
    const t = timeRounds(
      {
        lowerBound: () => lowerBound(d.text),
        lint: () => lint(d.text),
        lintFix: () => fixAll(d.text, { maxPasses: 1 }),
      },
      plan,
    );
    const row: EngineRow = {
      name: d.name,
      kind: d.kind,
      bytes,
      chars: d.text.length,
      lines: d.text.split('\n').length,
      isReport: first.model.isReport,
      findings: first.findings.length,
      lowerBound: measured(t.lowerBound, bytes),
      lint: measured(t.lint, bytes),
      lintFix: measured(t.lintFix, bytes),
    };
    if (first.errors.length)
      o.log(`  ! ${d.name}: ${first.errors.length} rule error(s): ${first.errors.map((e) => e.ruleId).join(', ')}`);
    if (o.markdownlint) {
      const problems = markdownlint(d.text);
      row.markdownlint = {
        ...measured(
          timeRuns(() => markdownlint(d.text), planFor(bytes, o.smoke, true)),
          bytes,
        ),
        problems,
      };
    }
    o.log(
      `  ${d.name}: lint ${row.lint.medianMs.toFixed(3)} ms, lint+fix ${row.lintFix.medianMs.toFixed(3)} ms, lower bound ${row.lowerBound.medianMs.toFixed(3)} ms` +
        (row.markdownlint ? `, markdownlint ${row.markdownlint.medianMs.toFixed(3)} ms` : ''),
    );
    rows.push(row);
  }
  return rows;
}
