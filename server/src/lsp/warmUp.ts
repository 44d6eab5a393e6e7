/**
 * Warming the engine when the server starts. A fresh process runs the engine in V8's interpreter until
 * the optimizing compiler has seen enough of it: measured over stdio, the first few hundred keystrokes
 * into a report took twice as long (median 4.7–5.6 ms against 2.0–2.3 ms after 400 untimed keystrokes,
 * p99 20–21 ms against 11–12 ms), and those are the keystrokes an author makes right after opening it.
 *
 * So while nothing else is to be done, the server checks an empty report of last year's format with one
 * figure changed each time (so that the sum rules find, explain and fix broken totals) and converts the
 * findings as for the editor. One check per turn of the event loop, each a fraction of a millisecond
 * once warm: a message that arrives waits for at most one. It stops after `runs` checks or `budgetMs`
 * of its own time, whichever comes first, and when stopped.
 *
 * 200 checks, not more: while the author types, every check of the warm-up is a wait for a keystroke,
 * and past about 200 checks that wait costs more than the warmer engine gives back. The measurements
 * (200 against 400, 150, 300 and 100 checks) are in BENCHMARKS.md, "Typing: the first second of a
 * server, and a shorter warm-up".
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../core';
import { reportSkeleton } from '../core/template/skeleton';
import { toDiagnostic } from './convert';

export interface WarmUpOptions {
  /** Checks at most. */
  runs?: number;
  /** Time spent in checks at most, in milliseconds. */
  budgetMs?: number;
  /** Called once when it ends (for tests and the log): how many checks ran, and the time they took. */
  done?: (runs: number, ms: number) => void;
}

/** Texts to check: the skeleton, then the skeleton with its n-th figure of table 三 written as a small count. */
export function warmUpTexts(): (n: number) => string {
  const base = reportSkeleton({ year: new Date().getFullYear() - 1 });
  const cells = (lint(base).model.tables.t3?.rows ?? [])
    .flatMap((r) => r.cells)
    .filter((c) => c.kind === 'integer')
    .map((c) => c.span);
  return (n) => {
    if (cells.length === 0 || n === 0) return base;
    const span = cells[n % cells.length];
    return base.slice(0, span.start) + String((n % 9) + 1) + base.slice(span.end);
  };
}

/** Starts warming; the function returned stops it. */
export function warmUp(options: WarmUpOptions = {}): () => void {
  const runs = options.runs ?? 200;
  const budgetMs = options.budgetMs ?? 3_000;
  let stopped = false;
  let timer: ReturnType<typeof setImmediate> | undefined;
  let n = 0;
  let spent = 0;
  let textOf: ((n: number) => string) | undefined;
  const end = () => {
    if (stopped) return;
    stopped = true;
    if (timer) clearImmediate(timer);
    options.done?.(n, spent);
  };
  const step = () => {
    timer = undefined;
    if (stopped) return;
    const t0 = performance.now();
    try {
      textOf ??= warmUpTexts();
      const text = textOf(n);
      const doc = TextDocument.create('untitled:warm-up', 'govreport', n, text);
      for (const f of lint(text).findings) toDiagnostic(doc, f, 'zh-cn');
    } catch {
      // The engine never throws on text; if it ever did, warming is not worth a crash.
      n = runs;
    }
    n++;
    spent += performance.now() - t0;
    if (n >= runs || spent >= budgetMs) end();
    else timer = setImmediate(step);
  };
  timer = setImmediate(step);
  return end;
}
