/**
 * The JSON format (stable, documented in docs/cli.md):
 * [{"file", "diagnostics": [{"rule", "severity", "message", "line", "column", "endLine", "endColumn", "fixable"}]}]
 * Lines and columns are 1-based; columns count UTF-16 code units; the end is exclusive.
 * Optional per file: "skipped": "not-a-report", "error": {"code", "message"}, "diff" (with --fix-dry-run),
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
}

export interface JsonFileEntry {
  file: string;
  diagnostics: JsonDiagnostic[];
  skipped?: 'not-a-report';
  error?: { code: string; message: string };
  diff?: string;
  suppressed?: number;
  staleSuppressions?: number;
}

export function toJson(results: readonly FileResult[], lang: Locale): JsonFileEntry[] {
  return results.map((r) => {
    const entry: JsonFileEntry = {
      file: r.display,
      diagnostics: r.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: localize(d.message, lang),
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        fixable: d.fixable,
      })),
    };
    if (r.status === 'not-report') entry.skipped = 'not-a-report';
    if (r.status === 'error' && r.error) entry.error = { code: r.error.code, message: localize(r.error.message, lang) };
    if (r.fix?.diff) entry.diff = r.fix.diff;
    if (r.suppressed?.length) entry.suppressed = r.suppressed.length;
    if (r.staleSuppressions) entry.staleSuppressions = r.staleSuppressions;
    return entry;
  });
}

export function formatJson(results: readonly FileResult[], lang: Locale): string {
  return JSON.stringify(toJson(results, lang), null, 2) + '\n';
}
