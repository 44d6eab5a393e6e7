/**
 * SARIF 2.1.0 for code-scanning tools. Regions use 1-based lines and UTF-16 columns (the SARIF
 * default `columnKind`), end column exclusive. Unreadable files and skipped files become tool
 * execution notifications; the preferred fix of a problem in a text file becomes a SARIF fix.
 * Findings hidden by `.govreport-suppressions.json` are emitted too, each with one external
 * `suppressions` object (SARIF §3.35): a code-scanning tool then shows them as accepted instead of
 * losing them, and the log stays a complete baseline.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale, Rule } from '../../core/types';
import { localize } from '../../core';
import { cliMessages } from '../../core/i18n/messages/cli';
import type { FileResult, RangeEdit } from '../process';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifContext {
  cwd: string;
  version: string;
  rules: readonly Rule[];
  lang: Locale;
}

/** A URI reference for a file: relative to %SRCROOT% (the working folder) when inside it. */
function artifactLocation(r: { path: string }, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, r.path);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(r.path).href };
}

function region(e: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn };
}

export function toSarif(results: readonly FileResult[], ctx: SarifContext): Record<string, unknown> {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.meta.id, i]));
  const artifacts: Record<string, unknown>[] = [];
  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  let failed = false;
  // Each result is one artifact, at its own index; files only related locations point into (last year's
  // report named by --previous) are listed after them.
  const indexOf = new Map<string, number>(results.map((r, i) => [r.path, i]));
  const extra: Record<string, unknown>[] = [];
  const artifactFor = (file: string): number => {
    const i = results.length + extra.length;
    extra.push({ location: artifactLocation({ path: file }, ctx.cwd) });
    indexOf.set(file, i);
    return i;
  };
  for (const r of results) {
    const location = artifactLocation(r, ctx.cwd);
    const artifactIndex = artifacts.length;
    const artifact: Record<string, unknown> = { location };
    if (r.encoding) artifact.encoding = r.encoding.replace(/ BOM$/, '');
    artifacts.push(artifact);
    const physical = { artifactLocation: { ...location, index: artifactIndex } };
    if (r.status === 'error' && r.error) {
      failed = true;
      notifications.push({
        level: 'error',
        message: { text: localize(r.error.message, ctx.lang) },
        locations: [{ physicalLocation: physical }],
        descriptor: { id: r.error.code },
      });
      continue;
    }
    if (r.status === 'not-report') {
      notifications.push({
        level: 'note',
        message: {
          text: localize(cliMessages.notReportSkipped(), ctx.lang),
        },
        locations: [{ physicalLocation: physical }],
        descriptor: { id: 'not-a-report' },
      });
      continue;
    }
    const suppressed = new Set(r.suppressed ?? []);
    for (const d of [...r.diagnostics, ...(r.suppressed ?? [])]) {
      const result: Record<string, unknown> = {
        ruleId: d.rule,
        level: LEVEL[d.severity],
        message: { text: localize(d.message, ctx.lang) },
        locations: [{ physicalLocation: { ...physical, region: region(d) } }],
      };
      if (d.related && d.related.length > 0) {
        result.relatedLocations = d.related.map((x, i) => {
          const loc: Record<string, unknown> = artifactLocation({ path: x.path }, ctx.cwd);
          const at = indexOf.get(x.path) ?? artifactFor(x.path);
          loc.index = at;
          return {
            id: i,
            physicalLocation: { artifactLocation: loc, region: region(x) },
            message: { text: localize(x.message, ctx.lang) },
          };
        });
      }
      const idx = ruleIndex.get(d.rule);
      if (idx !== undefined) result.ruleIndex = idx;
      if (d.fix && d.fix.edits.length > 0) {
        result.fixes = [
          {
            description: { text: localize(d.fix.title, ctx.lang) },
            artifactChanges: [
              {
                artifactLocation: { ...location, index: artifactIndex },
                replacements: d.fix.edits.map((e: RangeEdit) => ({
                  deletedRegion: region(e),
                  insertedContent: { text: e.newText },
                })),
              },
            ],
          },
        ];
      }
      if (suppressed.has(d)) result.suppressions = [{ kind: 'external', status: 'accepted' }];
      if (r.kind === 'docx' || r.kind === 'pdf' || r.kind === 'html') {
        result.properties = { extractedText: true };
      }
      sarifResults.push(result);
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govreport-lint',
            version: ctx.version,
            semanticVersion: ctx.version,
            rules: ctx.rules.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: localize(r.meta.description, ctx.lang) },
              fullDescription: { text: `${r.meta.description.zh} / ${r.meta.description.en}` },
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
              properties: { category: r.meta.category, fixable: r.meta.fixable },
            })),
          },
        },
        invocations: [{ executionSuccessful: !failed, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd + path.sep).href } },
        artifacts: [...artifacts, ...extra],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: readonly FileResult[], ctx: SarifContext): string {
  return JSON.stringify(toSarif(results, ctx), null, 2) + '\n';
}
