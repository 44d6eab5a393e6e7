/** The outputs of `compare`: stylish (Chinese first), JSON and a self-contained html page. */
import type { Comparison, FigureRow, RelationResult } from '../core';
import { localize } from '../core';
import type { Locale, Localized } from '../core/types';
import { fmtNum } from '../core/i18n/locale';
import { TABLE_NAMES } from '../core/i18n/messages/table';
import { reviewMessages as R } from '../core/i18n/messages/review';
import type { Colors } from './format/color';
import { displayWidth, padEnd } from './format/color';
import { esc, htmlPage } from './format/html';
import { lineIndex, positionAt } from './positions';

export interface CompareInput {
  comparison: Comparison;
  previousName: string;
  currentName: string;
  previousText: string;
  currentText: string;
}

const TABLES = ['t2', 't3', 't4'] as const;

function sideLabel(name: string, c: Comparison['previous'], lang: Locale): string {
  const id = c.identity;
  const parts = [name];
  if (id) parts.push(lang === 'en' ? `${id.body}, ${id.year}` : `${id.body} ${id.year} 年`);
  parts.push(localize(R.edition(c.edition), lang));
  return parts.join(lang === 'en' ? ' · ' : ' · ');
}

function figureText(f: FigureRow['previous']): string {
  if (!f) return '—';
  if (f.value !== undefined) return fmtNum(f.value);
  return f.raw === '' ? '∅' : f.raw;
}

function changeText(f: FigureRow): string {
  if (f.change === undefined) return '';
  const sign = f.change > 0 ? '+' : '';
  return `${sign}${fmtNum(f.change)}`;
}

function pctText(f: FigureRow): string {
  if (f.changePct === undefined) return '';
  const sign = f.changePct > 0 ? '+' : '';
  return `${sign}${f.changePct.toFixed(1)}%`;
}

function isChanged(f: FigureRow): boolean {
  if (f.change !== undefined) return f.change !== 0;
  return figureText(f.previous) !== figureText(f.current);
}

function rowLabel(f: FigureRow): string {
  if (f.table === 't4') return f.columnName;
  if (f.table === 't2') return `${f.block ?? ''} ${f.rowName} · ${f.columnName}`;
  return `${f.rowName} · ${f.columnName}`;
}

export function identityName(r: RelationResult): Localized {
  return r.relation.ruleId === 'cross-year-carry-over'
    ? R.identityCarryOver(r.target.columnName)
    : R.identityValid(r.target.rowName);
}

export function identityStatus(r: RelationResult): Localized {
  if (r.status === 'holds') return R.holds;
  if (r.status === 'broken') return R.broken;
  return R.skipped;
}

export function skipText(r: RelationResult): Localized | undefined {
  if (r.status !== 'skipped') return undefined;
  return r.skip === 'edition' ? R.skipEdition : r.skip === 'not-a-number' ? R.skipNotANumber : R.skipMissing;
}

/** "5 = 2 + 4 − 1", with each side's numbers. */
export function identityFormula(r: RelationResult): string {
  if (r.expected === undefined || r.actual === undefined) return '';
  const terms = r.terms
    .map((t, i) => `${i === 0 ? (t.term.sign < 0 ? '−' : '') : t.term.sign < 0 ? ' − ' : ' + '}${fmtNum(t.value!)}`)
    .join('');
  return `${fmtNum(r.actual)} ${r.status === 'holds' ? '=' : '≠'} ${terms}${r.terms.length > 1 ? ` = ${fmtNum(r.expected)}` : ''}`;
}

export function formatCompareStylish(input: CompareInput, lang: Locale, c: Colors, changedOnly: boolean): string {
  const { comparison: cmp } = input;
  const L = (t: Localized) => localize(t, lang);
  const out: string[] = [];
  out.push(c.bold(L(R.compareTitle)));
  out.push(`${L(R.lastYear)}: ${sideLabel(input.previousName, cmp.previous, lang)}`);
  out.push(`${L(R.thisYear)}: ${sideLabel(input.currentName, cmp.current, lang)}`);
  out.push('');
  for (const t of TABLES) {
    const figures = cmp.figures.filter((f) => f.table === t && (!changedOnly || isChanged(f)));
    if (figures.length === 0) continue;
    out.push(c.underline(L(TABLE_NAMES[t])));
    const labels = figures.map(rowLabel);
    const w = Math.max(...labels.map(displayWidth));
    const pw = Math.max(displayWidth(L(R.lastYear)), ...figures.map((f) => figureText(f.previous).length));
    const cw = Math.max(displayWidth(L(R.thisYear)), ...figures.map((f) => figureText(f.current).length));
    out.push(
      c.dim(
        `  ${padEnd('', w)}  ${' '.repeat(Math.max(0, pw - displayWidth(L(R.lastYear))))}${L(R.lastYear)}  ${' '.repeat(Math.max(0, cw - displayWidth(L(R.thisYear))))}${L(R.thisYear)}  ${L(R.change)}`,
      ),
    );
    figures.forEach((f, i) => {
      const change = [changeText(f), pctText(f) && `(${pctText(f)})`].filter(Boolean).join(' ');
      const line = `  ${padEnd(labels[i], w)}  ${figureText(f.previous).padStart(pw)}  ${figureText(f.current).padStart(cw)}  ${change}`;
      out.push(isChanged(f) ? c.yellow(line) : line);
    });
    out.push('');
  }
  const changed = cmp.figures.filter(isChanged).length;
  out.push(L(R.differences(changed)), '');
  out.push(c.underline(L(R.sections)));
  if (cmp.onlyInPrevious.length === 0 && cmp.onlyInCurrent.length === 0) out.push(`  ${L(R.sameSections)}`);
  for (const p of cmp.onlyInPrevious) out.push(`  ${L(R.onlyInPrevious)}: ${L(p.name)}`);
  for (const p of cmp.onlyInCurrent) out.push(`  ${L(R.onlyInCurrent)}: ${L(p.name)}`);
  out.push('');
  out.push(c.underline(L(R.identities)));
  for (const r of cmp.identities) {
    const mark = r.status === 'holds' ? c.green('✔') : r.status === 'broken' ? c.yellow('✖') : c.dim('–');
    const detail = r.status === 'skipped' ? c.dim(L(skipText(r)!)) : identityFormula(r);
    out.push(`  ${mark} ${L(identityName(r))}  ${L(identityStatus(r))}  ${detail}`);
  }
  return out.join('\n') + '\n';
}

export function formatCompareJson(input: CompareInput, lang: Locale): string {
  const { comparison: cmp } = input;
  const pi = lineIndex(input.previousText);
  const ci = lineIndex(input.currentText);
  const at = (f: FigureRow['previous'], side: 'previous' | 'current') => {
    if (!f) return null;
    const p = positionAt(side === 'previous' ? pi : ci, f.span.start);
    return { raw: f.raw, ...(f.value !== undefined ? { value: f.value } : {}), line: p.line, column: p.column };
  };
  const side = (name: string, c: Comparison['previous']) => ({
    file: name,
    ...(c.identity ? { body: c.identity.body, year: c.identity.year } : {}),
    edition: c.edition,
  });
  const json = {
    previous: side(input.previousName, cmp.previous),
    current: side(input.currentName, cmp.current),
    figures: cmp.figures.map((f) => ({
      table: f.table,
      ...(f.block ? { block: f.block } : {}),
      row: f.rowId,
      rowName: f.rowName,
      column: f.columnId,
      columnName: f.columnName,
      previous: at(f.previous, 'previous'),
      current: at(f.current, 'current'),
      ...(f.change !== undefined ? { change: f.change } : {}),
      ...(f.changePct !== undefined ? { changePct: f.changePct } : {}),
    })),
    onlyInPrevious: cmp.onlyInPrevious.map((p) => ({ kind: p.kind, id: p.id, name: localize(p.name, lang) })),
    onlyInCurrent: cmp.onlyInCurrent.map((p) => ({ kind: p.kind, id: p.id, name: localize(p.name, lang) })),
    identities: cmp.identities.map((r) => ({
      id: r.relation.id,
      rule: r.relation.ruleId,
      name: localize(identityName(r), lang),
      status: r.status,
      ...(r.skip ? { skip: r.skip, reason: localize(skipText(r)!, lang) } : {}),
      ...(r.expected !== undefined ? { expected: r.expected } : {}),
      ...(r.actual !== undefined ? { actual: r.actual } : {}),
    })),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

export function formatCompareHtml(input: CompareInput, lang: Locale, version: string, date: Date): string {
  const { comparison: cmp } = input;
  const L = (t: Localized) => esc(localize(t, lang));
  const out: string[] = [];
  out.push(`<header><h1>${L(R.compareTitle)}</h1>`);
  out.push(`<p class="meta">${L(R.generated(date.toISOString().slice(0, 10), version))}</p>`);
  out.push(
    `<table id="sides"><tbody><tr><th>${L(R.lastYear)}</th><td>${esc(sideLabel(input.previousName, cmp.previous, lang))}</td></tr>`,
  );
  out.push(
    `<tr><th>${L(R.thisYear)}</th><td>${esc(sideLabel(input.currentName, cmp.current, lang))}</td></tr></tbody></table></header>`,
  );
  out.push(`<p>${L(R.differences(cmp.figures.filter(isChanged).length))}</p>`);
  for (const t of TABLES) {
    const figures = cmp.figures.filter((f) => f.table === t);
    if (figures.length === 0) continue;
    out.push(`<section><h2>${L(TABLE_NAMES[t])}</h2><table class="figures" data-table="${t}"><thead><tr>`);
    out.push(
      `<th>${L(R.row)}</th><th>${L(R.column)}</th><th class="num">${L(R.lastYear)}</th><th class="num">${L(R.thisYear)}</th><th class="num">${L(R.change)}</th><th class="num">${L(R.changePct)}</th></tr></thead><tbody>`,
    );
    for (const f of figures) {
      const dir = f.change === undefined || f.change === 0 ? '' : f.change > 0 ? 'up' : 'down';
      const row = t === 't2' ? `${f.block ?? ''} ${f.rowName}` : t === 't4' ? '' : f.rowName;
      out.push(
        `<tr${isChanged(f) ? ' class="changed"' : ''}><td>${esc(row)}</td><td>${esc(f.columnName)}</td>` +
          `<td class="num">${esc(figureText(f.previous))}</td><td class="num">${esc(figureText(f.current))}</td>` +
          `<td class="num ${dir}">${esc(changeText(f))}</td><td class="num ${dir}">${esc(pctText(f))}</td></tr>`,
      );
    }
    out.push('</tbody></table></section>');
  }
  out.push(`<section><h2>${L(R.sections)}</h2>`);
  if (cmp.onlyInPrevious.length === 0 && cmp.onlyInCurrent.length === 0) out.push(`<p>${L(R.sameSections)}</p>`);
  else {
    out.push('<ul>');
    for (const p of cmp.onlyInPrevious) out.push(`<li>${L(R.onlyInPrevious)}：${L(p.name)}</li>`);
    for (const p of cmp.onlyInCurrent) out.push(`<li>${L(R.onlyInCurrent)}：${L(p.name)}</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  out.push(
    `<section><h2>${L(R.identities)}</h2><table id="identities"><thead><tr><th>${L(R.identity)}</th><th>${L(R.status)}</th><th></th></tr></thead><tbody>`,
  );
  for (const r of cmp.identities) {
    const cls = r.status === 'holds' ? 'verdict-pass' : r.status === 'broken' ? 'verdict-warnings' : 'note';
    const detail = r.status === 'skipped' ? L(skipText(r)!) : esc(identityFormula(r));
    out.push(
      `<tr data-status="${r.status}"><td>${L(identityName(r))}</td><td class="${cls}">${L(identityStatus(r))}</td><td>${detail}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');
  return htmlPage(`${localize(R.compareTitle, lang)} — ${input.currentName}`, lang, version, out.join('\n'));
}
