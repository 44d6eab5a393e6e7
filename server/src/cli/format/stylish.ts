/** The human format: grouped by file, one line per problem, a summary at the end. Chinese unless English is asked for. */
import type { Locale } from '../../core/types';
import { localize, suppressionMessages as M } from '../../core';
import type { FileResult } from '../process';
import { summarize } from './summary';
import type { Colors } from './color';
import { displayWidth, padEnd } from './color';
import { reviewMessages as R, SEVERITY_NAMES } from '../../core/i18n/messages/review';
import { stylishMessages as S } from '../../core/i18n/messages/cli';
import { escapeControl as safe, escapeControlKeepLines } from './escape';

export function formatStylish(results: readonly FileResult[], lang: Locale, c: Colors): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.fix?.diff) out.push(escapeControlKeepLines(r.fix.diff.trimEnd()), '');
    if (r.status === 'error' && r.error) {
      out.push(
        c.underline(safe(r.display)),
        `  ${c.red(localize(SEVERITY_NAMES.error, lang))}  ${safe(localize(r.error.message, lang))}`,
        '',
      );
      continue;
    }
    if (r.status === 'not-report') {
      out.push(
        c.underline(safe(r.display)),
        `  ${c.dim(localize(S.notReport(), lang))}`,
        ...(r.notReport ? [`  ${c.dim(localize(S.why(r.notReport), lang))}`] : []),
        '',
      );
      continue;
    }
    const notes: string[] = [];
    if (r.fix?.written) notes.push(localize(S.fixesWritten(r.fix.edits), lang));
    if (r.fix?.error) notes.push(c.red(safe(localize(r.fix.error, lang))));
    if (r.fix?.notWritable) notes.push(localize(S.neverModified(String(r.kind)), lang));
    if (r.diagnostics.length === 0 && notes.length === 0) continue;
    out.push(c.underline(safe(r.display)));
    for (const n of notes) out.push(`  ${c.dim(n)}`);
    const rows = r.diagnostics.map((d) => {
      const sev = localize(SEVERITY_NAMES[d.severity], lang);
      const colored = d.severity === 'error' ? c.red(sev) : d.severity === 'warning' ? c.yellow(sev) : c.blue(sev);
      const related = (d.related ?? []).map(
        (x) => `${localize(R.previousReport, lang)} ${safe(x.display)}:${x.line}:${x.column}`,
      );
      return {
        pos: `${d.line}:${d.column}`,
        sev: colored,
        msg: safe(localize(d.message, lang)),
        rule: c.dim(safe(d.rule)),
        related,
      };
    });
    const posW = Math.max(0, ...rows.map((x) => x.pos.length));
    const sevW = Math.max(0, ...rows.map((x) => displayWidth(x.sev)));
    for (const x of rows) {
      out.push(`  ${c.dim(x.pos.padEnd(posW))}  ${padEnd(x.sev, sevW)}  ${x.msg}  ${x.rule}`);
      for (const rel of x.related) out.push(`  ${' '.repeat(posW)}  ${' '.repeat(sevW)}  ${c.dim(rel)}`);
    }
    out.push('');
  }
  out.push(...summaryLines(results, lang, c));
  return out.join('\n') + '\n';
}

export function summaryLines(results: readonly FileResult[], lang: Locale, c: Colors): string[] {
  const s = summarize(results);
  const lines: string[] = [];
  const problems = s.errors + s.warnings + s.infos;
  if (problems === 0) {
    lines.push(c.green(localize(S.noProblems(), lang)));
  } else {
    const mark = s.errors > 0 ? c.red('✖') : c.yellow('⚠');
    const head = localize(S.problems(mark, { problems, errors: s.errors, warnings: s.warnings, infos: s.infos }), lang);
    lines.push(c.bold(head));
    if (s.fixable > 0) {
      lines.push(localize(S.fixable(s.fixable), lang));
    }
  }
  lines.push(localize(S.files(s), lang));
  const pairs = results.filter((r) => r.crossYear?.previous !== undefined).length;
  if (pairs > 0) lines.push(localize(R.crossYearPairs(pairs), lang));
  if (s.suppressed > 0 || s.staleSuppressions > 0)
    lines.push(localize(M.summary(s.suppressed, s.staleSuppressions), lang));
  if (s.byRule.length > 0) {
    lines.push(localize(S.byRule(s.byRule.map(([id, n]) => `${safe(id)} ${n}`)), lang));
  }
  return lines;
}
