/** The human format: grouped by file, one line per problem, a summary at the end. Chinese unless English is asked for. */
import type { Locale } from '../../core/types';
import { localize, suppressionMessages as M } from '../../core';
import type { FileResult } from '../process';
import { summarize } from './summary';
import type { Colors } from './color';
import { displayWidth, padEnd } from './color';
import { reviewMessages as R } from '../../core/i18n/messages/review';
import { escapeControl as safe, escapeControlKeepLines } from './escape';

const SEVERITY_TEXT = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

export function formatStylish(results: readonly FileResult[], lang: Locale, c: Colors): string {
  const zh = lang !== 'en';
  const out: string[] = [];
  for (const r of results) {
    if (r.fix?.diff) out.push(escapeControlKeepLines(r.fix.diff.trimEnd()), '');
    if (r.status === 'error' && r.error) {
      out.push(
        c.underline(safe(r.display)),
        `  ${c.red(localize(SEVERITY_TEXT.error, lang))}  ${safe(localize(r.error.message, lang))}`,
        '',
      );
      continue;
    }
    if (r.status === 'not-report') {
      out.push(
        c.underline(safe(r.display)),
        `  ${c.dim(zh ? '未识别为政府信息公开工作年度报告，已跳过（可用 --force 强制检查）' : 'not recognised as an annual report; skipped (use --force to check it anyway)')}`,
        ...(r.notReport ? [`  ${c.dim((zh ? '原因：' : 'why: ') + localize(r.notReport, lang))}`] : []),
        '',
      );
      continue;
    }
    const notes: string[] = [];
    if (r.fix?.written)
      notes.push(zh ? `已写入 ${r.fix.edits} 处修复` : `${r.fix.edits} fix${r.fix.edits === 1 ? '' : 'es'} written`);
    if (r.fix?.error) notes.push(c.red(safe(localize(r.fix.error, lang))));
    if (r.fix?.notWritable) notes.push(zh ? `${r.kind} 文件不会被修改` : `${r.kind} files are never modified`);
    if (r.diagnostics.length === 0 && notes.length === 0) continue;
    out.push(c.underline(safe(r.display)));
    for (const n of notes) out.push(`  ${c.dim(n)}`);
    const rows = r.diagnostics.map((d) => {
      const sev = localize(SEVERITY_TEXT[d.severity], lang);
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
  const zh = lang !== 'en';
  const lines: string[] = [];
  const problems = s.errors + s.warnings + s.infos;
  if (problems === 0) {
    lines.push(c.green(zh ? '✔ 没有发现问题' : '✔ no problems found'));
  } else {
    const mark = s.errors > 0 ? c.red('✖') : c.yellow('⚠');
    const head = zh
      ? `${mark} ${problems} 个问题（${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示）`
      : `${mark} ${problems} problem${problems === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info)`;
    lines.push(c.bold(head));
    if (s.fixable > 0) {
      lines.push(zh ? `  其中 ${s.fixable} 个可用 --fix 自动修复` : `  ${s.fixable} can be fixed with --fix`);
    }
  }
  const files = zh
    ? `共 ${s.files} 个文件：已检查 ${s.checked} 个，其中 ${s.filesWithErrors} 个有错误；${s.notReports} 个不是年度报告；${s.unreadable} 个无法读取` +
      (s.fixedFiles > 0 ? `；已修复 ${s.fixedFiles} 个` : '')
    : `${s.files} file${s.files === 1 ? '' : 's'}: ${s.checked} checked, ${s.filesWithErrors} with errors; ${s.notReports} not reports; ${s.unreadable} unreadable` +
      (s.fixedFiles > 0 ? `; ${s.fixedFiles} fixed` : '');
  lines.push(files);
  const pairs = results.filter((r) => r.crossYear?.previous !== undefined).length;
  if (pairs > 0) lines.push(localize(R.crossYearPairs(pairs), lang));
  if (s.suppressed > 0 || s.staleSuppressions > 0)
    lines.push(localize(M.summary(s.suppressed, s.staleSuppressions), lang));
  if (s.byRule.length > 0) {
    lines.push((zh ? '按规则：' : 'by rule: ') + s.byRule.map(([id, n]) => `${safe(id)} ${n}`).join(zh ? '，' : ', '));
  }
  return lines;
}
