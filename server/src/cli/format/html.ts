/**
 * The html review report (审核意见): one self-contained page — no external resources, works offline, prints
 * on A4 — with a summary per report, inline SVG charts of problems by rule and by report, and every finding
 * with its line of text, the expected and written values and the fix that would apply. A small inline
 * script sorts and filters the findings; without it the page is complete and plain. Every piece of report
 * text is escaped: a report may hold anything.
 */
import type { Locale, Localized, Rule } from '../../core/types';
import { localize } from '../../core';
import { reviewMessages as R, SEVERITY_NAMES } from '../../core/i18n/messages/review';
import type { Diagnostic, FileResult } from '../process';
import { summarize } from './summary';
import { esc } from '../../core/util/html';
import { generatorMeta } from './marker';
import { cliMessages } from '../../core/i18n/messages/cli';

export interface HtmlContext {
  lang: Locale;
  version: string;
  rules: readonly Rule[];
  date: Date;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The page's style: screen and print (A4). Shared with `compare --format html`. */
export const PAGE_STYLE = `
:root { --err: #c62828; --warn: #b26a00; --info: #1565c0; --ok: #2e7d32; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; } [hidden] { display: none !important; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  margin: 24px auto; max-width: 1200px; padding: 0 16px; color: #1f2328; line-height: 1.5; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sev-error { color: var(--err); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; } .sev-info { color: var(--info); }
.verdict-pass { color: var(--ok); font-weight: 600; } .verdict-errors { color: var(--err); font-weight: 600; } .verdict-warnings { color: var(--warn); font-weight: 600; }
code, .src { font-family: "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", Consolas, monospace; font-size: 12px; }
.src { white-space: pre-wrap; word-break: break-all; background: #f6f8fa; padding: 2px 4px; display: block; }
mark { background: #ffe08a; }
.related { color: var(--muted); font-size: 12px; display: block; }
.chart { margin: 8px 0 16px; } .chart svg { width: 100%; max-width: 760px; height: auto; display: block; }
.chart text { font-size: 12px; fill: #1f2328; }
td.verdict, td.pos { white-space: nowrap; }
.controls { margin: 8px 0; display: flex; gap: 8px; flex-wrap: wrap; } .controls input { flex: 1 1 240px; padding: 4px; }
th[data-sort] { cursor: pointer; } th[data-sort]::after { content: " ⇅"; color: var(--muted); }
.up { color: var(--err); } .down { color: var(--ok); } .changed td { background: #fffbea; }
.note { color: var(--muted); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  .controls, .noprint { display: none !important; }
  h2 { break-after: avoid; } tr, .chart { break-inside: avoid; } thead { display: table-header-group; }
  th[data-sort]::after { content: ""; }
  .changed td { background: none; }
}
`;

/** Sorting and filtering: progressive enhancement over a complete static table. Reads no report data. */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var controls = document.getElementById('controls');
  if (controls) controls.hidden = false;
  var text = document.getElementById('filter-text');
  var sev = document.getElementById('filter-severity');
  function apply() {
    var q = text ? text.value.trim().toLowerCase() : '';
    var s = sev ? sev.value : '';
    rows.forEach(function (r) {
      var show = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (!s || r.getAttribute('data-severity') === s);
      r.hidden = !show;
    });
  }
  if (text) text.addEventListener('input', apply);
  if (sev) sev.addEventListener('change', apply);
  var dir = {};
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    if (!th.hasAttribute('data-sort')) return;
    th.tabIndex = 0;
    function sort() {
      var asc = dir[i] = !dir[i];
      var numeric = th.getAttribute('data-sort') === 'num';
      rows.sort(function (a, b) {
        var x = a.cells[i].getAttribute('data-key') || a.cells[i].textContent;
        var y = b.cells[i].getAttribute('data-key') || b.cells[i].textContent;
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh');
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  });
})();
`;

/**
 * A whole page: the Content-Security-Policy forbids every request, so the page cannot reach the network.
 * The generator tag marks it as ours (format/marker.ts): a later run over its folder leaves it out.
 */
export function htmlPage(title: string, lang: Locale, version: string, body: string, script = ''): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    generatorMeta(version),
    `<title>${esc(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    script ? `<script>${script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

type Verdict = 'pass' | 'errors' | 'warnings' | 'infos' | 'not-report' | 'unreadable';

function verdictOf(r: FileResult): Verdict {
  if (r.status === 'error') return 'unreadable';
  if (r.status === 'not-report') return 'not-report';
  if (r.diagnostics.some((d) => d.severity === 'error')) return 'errors';
  if (r.diagnostics.some((d) => d.severity === 'warning')) return 'warnings';
  if (r.diagnostics.length > 0) return 'infos';
  return 'pass';
}

const VERDICT_TEXT: Record<Verdict, Localized> = {
  pass: R.verdictPass,
  errors: R.verdictErrors,
  warnings: R.verdictWarnings,
  infos: R.verdictInfos,
  'not-report': R.verdictNotReport,
  unreadable: R.verdictUnreadable,
};

/** Count per severity of a list of diagnostics. */
function counts(ds: readonly Diagnostic[]): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}

/** How many bars a chart shows at most (the rest are summed up in a note). */
const MAX_BARS = 30;

/** A horizontal bar chart, stacked by severity, as inline SVG. Labels are escaped text nodes. */
export function barChart(
  title: string,
  bars: { label: string; counts: Record<'error' | 'warning' | 'info', number> }[],
  lang: Locale,
): string {
  const shown = bars.slice(0, MAX_BARS);
  const labelW = 260;
  const barW = 420;
  const rowH = 20;
  const max = Math.max(1, ...shown.map((b) => b.counts.error + b.counts.warning + b.counts.info));
  const h = shown.length * rowH + 8;
  const parts: string[] = [];
  shown.forEach((b, i) => {
    const y = i * rowH + 4;
    const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
    parts.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${esc(label)}</text>`);
    let x = labelW;
    for (const s of ['error', 'warning', 'info'] as const) {
      const w = (b.counts[s] / max) * barW;
      if (w > 0)
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="var(--${s === 'error' ? 'err' : s === 'warning' ? 'warn' : 'info'})"><title>${esc(`${b.label}: ${localize(SEVERITY_NAMES[s], lang)} ${b.counts[s]}`)}</title></rect>`,
        );
      x += w;
    }
    const total = b.counts.error + b.counts.warning + b.counts.info;
    parts.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 13}">${total}</text>`);
  });
  const more = bars.length - shown.length;
  const note = more > 0 ? `<p class="note">${esc(localize(cliMessages.andMore(more), lang))}</p>` : '';
  return (
    `<figure class="chart"><figcaption><strong>${esc(title)}</strong></figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 60} ${h}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>${note}</figure>`
  );
}

/** The text of 1-based `line` around the finding, with the finding's characters marked. */
function lineExcerpt(text: string | undefined, lines: number[], d: Diagnostic): string {
  if (text === undefined) return '';
  const start = lines[d.line - 1];
  if (start === undefined) return '';
  let end = d.line < lines.length ? lines[d.line] : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  const a = Math.min(end, start + d.column - 1);
  const b = d.endLine === d.line ? Math.min(end, Math.max(a, start + d.endColumn - 1)) : end;
  // A window of the line (one-line texts can be very long), never splitting a surrogate pair.
  const from = safe(text, Math.max(start, a - 60));
  const to = safe(text, Math.min(end, Math.max(b, a) + 60));
  return (
    (from > start ? '…' : '') +
    esc(text.slice(from, a)) +
    `<mark>${esc(text.slice(a, Math.min(b, to)))}</mark>` +
    esc(text.slice(Math.min(b, to), to)) +
    (to < end ? '…' : '')
  );
}

function safe(text: string, i: number): number {
  return i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00 ? i - 1 : i;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    } else if (c === 10) out.push(i + 1);
  }
  return out;
}

function valueText(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return '';
}

export function formatHtml(results: readonly FileResult[], ctx: HtmlContext): string {
  const L = (t: Localized) => esc(localize(t, ctx.lang));
  const s = summarize(results);
  const out: string[] = [];
  out.push(`<header><h1>${L(R.reportTitle)}</h1>`);
  out.push(
    `<p class="meta">${L(R.generated(ctx.date.toISOString().slice(0, 10), ctx.version))} · ${L(R.counts(s.files, s.errors, s.warnings, s.infos))}</p></header>`,
  );

  // Summary per report.
  out.push(`<section id="summary"><h2>${L(R.reports)}</h2><table id="reports"><thead><tr>`);
  out.push(`<th>${L(R.file)}</th><th>${L(R.body)}</th><th class="num">${L(R.year)}</th><th>${L(R.verdict)}</th>`);
  out.push(
    `<th class="num">${L(R.errors)}</th><th class="num">${L(R.warnings)}</th><th class="num">${L(R.infos)}</th><th>${L(R.previous)}</th></tr></thead><tbody>`,
  );
  for (const r of results) {
    const v = verdictOf(r);
    const c = counts(r.diagnostics);
    const cls =
      v === 'pass'
        ? 'verdict-pass'
        : v === 'errors' || v === 'unreadable'
          ? 'verdict-errors'
          : v === 'warnings'
            ? 'verdict-warnings'
            : '';
    const prev =
      r.crossYear?.previous !== undefined
        ? esc(r.crossYear.previous)
        : r.crossYear?.note
          ? `<span class="note">${L(r.crossYear.note)}</span>`
          : '';
    out.push(
      `<tr data-verdict="${v}"><td>${esc(r.display)}</td><td>${esc(r.identity?.body ?? '')}</td><td class="num">${r.identity?.year ?? ''}</td>` +
        `<td class="verdict ${cls}">${L(VERDICT_TEXT[v])}${r.status === 'error' && r.error ? `<span class="related">${L(r.error.message)}</span>` : ''}</td>` +
        `<td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td><td>${prev}</td></tr>`,
    );
  }
  out.push(
    `</tbody><tfoot><tr><th colspan="4">${L(R.total)}</th><th class="num">${s.errors}</th><th class="num">${s.warnings}</th><th class="num">${s.infos}</th><th></th></tr></tfoot></table></section>`,
  );

  // Charts.
  const byRule = new Map<string, Diagnostic[]>();
  for (const r of results)
    for (const d of r.diagnostics) (byRule.get(d.rule) ?? byRule.set(d.rule, []).get(d.rule)!).push(d);
  const ruleBars = [...byRule.entries()]
    .map(([id, ds]) => ({ label: id, counts: counts(ds) }))
    .sort((a, b) => total(b.counts) - total(a.counts) || (a.label < b.label ? -1 : 1));
  const reportBars = results
    .filter((r) => r.diagnostics.length > 0)
    .map((r) => ({ label: r.display, counts: counts(r.diagnostics) }))
    .sort((a, b) => total(b.counts) - total(a.counts) || (a.label < b.label ? -1 : 1));
  if (ruleBars.length > 0) {
    out.push(`<section id="charts"><h2>${L(R.summary)}</h2><div class="charts">`);
    out.push(barChart(localize(R.chartByRule, ctx.lang), ruleBars, ctx.lang));
    out.push(barChart(localize(R.chartByReport, ctx.lang), reportBars, ctx.lang));
    out.push('</div></section>');
  }

  // Findings.
  out.push(`<section><h2>${L(R.findings)}</h2>`);
  const all = results.flatMap((r) => r.diagnostics.map((d) => ({ r, d })));
  if (all.length === 0) out.push(`<p>${L(R.noFindings)}</p>`);
  else {
    out.push(
      `<div id="controls" class="controls noprint" hidden><input id="filter-text" type="search" placeholder="${L(R.filterPlaceholder)}" aria-label="${L(R.filter)}">` +
        `<select id="filter-severity" aria-label="${L(R.severity)}"><option value="">${L(R.allSeverities)}</option>` +
        (['error', 'warning', 'info'] as const)
          .map((x) => `<option value="${x}">${L(SEVERITY_NAMES[x])}</option>`)
          .join('') +
        `</select><span class="note">${L(R.sortHint)}</span></div>`,
    );
    out.push(`<table id="findings"><thead><tr>`);
    out.push(
      `<th data-sort="text">${L(R.file)}</th><th data-sort="num" class="num">${L(R.position)}</th><th data-sort="num">${L(R.severity)}</th>`,
    );
    out.push(
      `<th data-sort="text">${L(R.rule)}</th><th>${L(R.message)}</th><th>${L(R.lineText)}</th><th class="num">${L(R.expected)}</th><th class="num">${L(R.written)}</th><th>${L(R.fix)}</th></tr></thead><tbody>`,
    );
    const describe = new Map(ctx.rules.map((x) => [x.meta.id, localize(x.meta.description, ctx.lang)]));
    results.forEach((r, fileIndex) => {
      const starts = r.text !== undefined && r.diagnostics.length > 0 ? lineStarts(r.text) : [];
      for (const d of r.diagnostics) {
        const related = (d.related ?? [])
          .map((x) => `<span class="related">${L(R.previousReport)} ${esc(x.display)}:${x.line}:${x.column}</span>`)
          .join('');
        out.push(
          `<tr data-severity="${d.severity}"><td data-key="${String(fileIndex).padStart(6, '0')}">${esc(r.display)}</td>` +
            `<td class="num pos" data-key="${d.line * 100000 + d.column}">${d.line}:${d.column}</td>` +
            `<td class="verdict sev-${d.severity}" data-key="${SEVERITY_ORDER[d.severity]}">${L(SEVERITY_NAMES[d.severity])}</td>` +
            `<td><code title="${esc(describe.get(d.rule) ?? '')}">${esc(d.rule)}</code></td><td>${L(d.message)}${related}</td>` +
            `<td><span class="src">${lineExcerpt(r.text, starts, d)}</span></td>` +
            `<td class="num">${esc(valueText(d.data?.expected))}</td><td class="num">${esc(valueText(d.data?.actual))}</td>` +
            `<td>${d.fixTitle ? L(d.fixTitle) : ''}</td></tr>`,
        );
      }
    });
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return htmlPage(
    localize(R.reportTitle, ctx.lang),
    ctx.lang,
    ctx.version,
    out.join('\n'),
    all.length > 0 ? PAGE_SCRIPT : '',
  );
}

function total(c: Record<'error' | 'warning' | 'info', number>): number {
  return c.error + c.warning + c.info;
}
