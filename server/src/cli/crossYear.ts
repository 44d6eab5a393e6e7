/**
 * Cross-year checks over a batch: pair each report with last year's report of the same body (by the titles),
 * run the cross-year rules on each pair, and add their problems — with last year's cell as a related
 * location in the other file — to this year's results. Runs in the main thread after every file was
 * checked, on the texts the results kept (the fixed texts with `--fix`).
 */
import { lintPair, pairReports, parse } from '../core';
import type { Localized, ReportModel } from '../core/types';
import { crossYearMessages as M } from '../core/i18n/messages/crossYear';
import { reviewMessages as R } from '../core/i18n/messages/review';
import type { Diagnostic, FileChecker, FileResult, RelatedLocation } from './process';
import { toDiagnostic } from './process';
import { lineIndex, positionAt } from './positions';
import type { LineIndex } from './positions';

export interface CrossYearSummary {
  /** Pairs checked. */
  pairs: number;
}

interface Pair {
  current: FileResult;
  previous: FileResult;
}

/** Parsed models kept while a later pair still needs them (each report is in at most two pairs). */
class ModelCache {
  private readonly models = new Map<FileResult, { model: ReportModel; index: LineIndex }>();
  private readonly uses = new Map<FileResult, number>();

  constructor(pairs: readonly Pair[]) {
    for (const p of pairs) for (const r of [p.current, p.previous]) this.uses.set(r, (this.uses.get(r) ?? 0) + 1);
  }

  take(r: FileResult): { model: ReportModel; index: LineIndex } {
    let m = this.models.get(r);
    if (!m) {
      const text = r.text ?? '';
      m = { model: parse(text), index: lineIndex(text) };
      this.models.set(r, m);
    }
    const left = (this.uses.get(r) ?? 1) - 1;
    this.uses.set(r, left);
    if (left <= 0) this.models.delete(r);
    return m;
  }
}

function checkable(r: FileResult): boolean {
  return r.status === 'checked' && r.text !== undefined;
}

/**
 * Pairs the results by body and year and runs the cross-year checks on every pair. With `previous`, the
 * only result is checked against that report instead (`--previous`).
 */
export function runCrossYear(results: FileResult[], checker: FileChecker, previous?: FileResult): CrossYearSummary {
  const pairs: Pair[] = [];
  if (previous) {
    const current = results.find(checkable);
    if (current && checkable(previous)) {
      pairs.push({ current, previous });
      const note = yearNote(current, previous);
      current.crossYear = { previous: previous.display, ...(note ? { note } : {}) };
    }
  } else {
    const candidates = results.filter(checkable);
    const statuses = pairReports(candidates.map((r) => ({ item: r, identity: r.identity })));
    statuses.forEach((s, i) => {
      const r = candidates[i];
      if (s.paired) {
        pairs.push({ current: r, previous: s.previous });
        r.crossYear = { previous: s.previous.display };
      } else {
        r.crossYear = { note: unpairedNote(s.reason, r, s.candidates) };
      }
    });
  }
  const cache = new ModelCache(pairs);
  for (const p of pairs) {
    const cur = cache.take(p.current);
    const prev = cache.take(p.previous);
    const out = lintPair(
      { model: cur.model, name: p.current.display, uri: p.current.path },
      { model: prev.model, name: p.previous.display, uri: p.previous.path },
      checker.optionsFor(p.current.path),
    );
    p.current.ruleErrors.push(...out.errors);
    if (out.findings.length === 0) continue;
    const added: Diagnostic[] = out.findings.map((f) => {
      const d = toDiagnostic(f, cur.model.text, cur.index, false);
      const related: RelatedLocation[] = [];
      for (const rel of f.related ?? []) {
        if (rel.uri !== p.previous.path) continue;
        const a = positionAt(prev.index, rel.span.start);
        const b = positionAt(prev.index, rel.span.end);
        related.push({
          path: p.previous.path,
          display: p.previous.display,
          line: a.line,
          column: a.column,
          endLine: b.line,
          endColumn: b.column,
          message: rel.message,
        });
      }
      if (related.length > 0) d.related = related;
      return d;
    });
    p.current.diagnostics = [...p.current.diagnostics, ...added].sort((a, b) => a.line - b.line || a.column - b.column);
  }
  return { pairs: pairs.length };
}

function unpairedNote(
  reason: 'no-identity' | 'no-previous' | 'several-previous',
  r: FileResult,
  candidates?: FileResult[],
): Localized {
  if (reason === 'no-identity' || !r.identity) return M.unpaired['no-identity'];
  if (reason === 'no-previous') return M.unpaired['no-previous'](r.identity.body, r.identity.year - 1);
  return M.unpaired['several-previous'](
    r.identity.body,
    r.identity.year - 1,
    (candidates ?? []).map((c) => c.display),
  );
}

/** With `--previous`, a note when the two titles do not name one body in consecutive years. */
function yearNote(current: FileResult, previous: FileResult): Localized | undefined {
  const a = current.identity;
  const b = previous.identity;
  if (!a || !b) return R.previousUnchecked;
  if (a.key !== b.key || b.year !== a.year - 1) return R.previousMismatch(b.body, b.year, a.body, a.year);
  return undefined;
}
