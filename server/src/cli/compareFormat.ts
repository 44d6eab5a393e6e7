/**
 * The outputs of `compare`: stylish (Chinese first), JSON and a self-contained html page. The words, the
 * figures' text and the html body are the shared ones of `core/features/compareView.ts` (the editor's
 * comparison panel shows the same body).
 */
import type { Comparison, FigureRow } from '../core';
import { localize } from '../core';
import type { Locale, Localized } from '../core/types';
import { TABLE_NAMES } from '../core/i18n/messages/table';
import { reviewMessages as R } from '../core/i18n/messages/review';
import {
  COMPARED_TABLES,
  changeText,
  compareHtmlBody,
  figureText,
  identityFormula,
  identityName,
  identityStatus,
  isChanged,
  pctText,
  rowLabel,
  sideLabel,
  skipText,
  type CompareHtmlInput,
} from '../core/features/compareView';
import type { Colors } from './format/color';
import { displayWidth, padEnd } from './format/color';
import { htmlPage } from './format/html';
import { lineIndex, positionAt } from './positions';

export interface CompareInput extends CompareHtmlInput {
  previousText: string;
  currentText: string;
}

export function formatCompareStylish(input: CompareInput, lang: Locale, c: Colors, changedOnly: boolean): string {
  const { comparison: cmp } = input;
  const L = (t: Localized) => localize(t, lang);
  const out: string[] = [];
  out.push(c.bold(L(R.compareTitle)));
  out.push(`${L(R.lastYear)}: ${sideLabel(input.previousName, cmp.previous, lang)}`);
  out.push(`${L(R.thisYear)}: ${sideLabel(input.currentName, cmp.current, lang)}`);
  out.push('');
  for (const t of COMPARED_TABLES) {
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
  const body = compareHtmlBody(input, lang, { generated: { date, version } });
  return htmlPage(`${localize(R.compareTitle, lang)} — ${input.currentName}`, lang, version, body);
}
