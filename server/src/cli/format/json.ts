/**
 * The JSON format (stable, documented in docs/cli.md):
 * [{"file", "diagnostics": [{"rule", "severity", "message", "line", "column", "endLine", "endColumn", "fixable"}]}]
 * Lines and columns are 1-based; columns count UTF-16 code units; the end is exclusive.
 * Optional per file: "skipped": "not-a-report", "error": {"code", "message"}, "diff" (with --fix-dry-run),
 * "crossYear": {"body", "year", "previous" | "note"}. Optional per diagnostic: "related" (locations in other files).
 * "suppressed" (findings hidden by the suppressions file) and "staleSuppressions" (its entries for
 * this file that matched nothing), each only when not 0.
 */
import type { Locale } from '../../core/types';
import { localize } from '../../core';
import type { FileResult } from '../process';

export interface JsonDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  /** Locations in other files: last year's cell of a cross-year problem. */
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

export interface JsonFileEntry {
  file: string;
  diagnostics: JsonDiagnostic[];
  skipped?: 'not-a-report';
  error?: { code: string; message: string };
  diff?: string;
  /** Cross-year checking: last year's report this one was checked against, or a note saying why it was not. */
  crossYear?: { body?: string; year?: number; previous?: string; note?: string };
  suppressed?: number;
  staleSuppressions?: number;
}

export function toJson(results: readonly FileResult[], lang: Locale): JsonFileEntry[] {
  return results.map((r) => {
    const entry: JsonFileEntry = {
      file: r.display,
      diagnostics: r.diagnostics.map((d) => {
        const j: JsonDiagnostic = {
          rule: d.rule,
          severity: d.severity,
          message: localize(d.message, lang),
          line: d.line,
          column: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
          fixable: d.fixable,
        };
        if (d.related) {
          j.related = d.related.map((x) => ({
            file: x.display,
            line: x.line,
            column: x.column,
            endLine: x.endLine,
            endColumn: x.endColumn,
            message: localize(x.message, lang),
          }));
        }
        return j;
      }),
    };
    if (r.status === 'not-report') entry.skipped = 'not-a-report';
    if (r.status === 'error' && r.error) entry.error = { code: r.error.code, message: localize(r.error.message, lang) };
    if (r.fix?.diff) entry.diff = r.fix.diff;
    if (r.crossYear) {
      const c: NonNullable<JsonFileEntry['crossYear']> = {};
      if (r.identity) {
        c.body = r.identity.body;
        c.year = r.identity.year;
      }
      if (r.crossYear.previous !== undefined) c.previous = r.crossYear.previous;
      if (r.crossYear.note) c.note = localize(r.crossYear.note, lang);
      entry.crossYear = c;
    }
    if (r.suppressed?.length) entry.suppressed = r.suppressed.length;
    if (r.staleSuppressions) entry.staleSuppressions = r.staleSuppressions;
    return entry;
  });
}

export function formatJson(results: readonly FileResult[], lang: Locale): string {
  return JSON.stringify(toJson(results, lang), null, 2) + '\n';
}
