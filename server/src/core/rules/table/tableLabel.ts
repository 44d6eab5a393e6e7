import type { Fix, TextEdit } from '../../types';
import { defineRule } from '../define';
import { tableMessages as M } from '../../i18n/messages/table';
import { findRow, headerGroupLabel, rowDisplay, TEMPLATES, T3_COLUMNS_WITH_SUBTOTAL } from '../../template/template';
import { minimalEdit } from '../../text/edits';
import { compatReplacement } from '../../text/normalize';
import { tablesOf } from './common';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

/** Official label text of a header column id. */
function headerLabel(edition: '2021' | '2019', columnId: string): string | undefined {
  if (columnId.startsWith('group.')) {
    return headerGroupLabel(columnId.slice(6));
  }
  if (columnId.startsWith('t2.')) {
    const [, b, c] = columnId.split('.');
    return TEMPLATES[edition].table2.find((x) => x.id === `t2.${b}`)?.columns.find((x) => x.id === c)?.label;
  }
  const t3 = T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === columnId);
  if (t3) return t3.label;
  return TEMPLATES['2021'].table4.columns.find((c) => c.id === columnId)?.label;
}

export const tableLabel = defineRule(
  {
    id: 'table-label',
    category: 'table',
    description: D.tableLabel,
    defaultSeverity: 'warning',
    fixable: true,
  },
  ({ model, report }) => {
    for (const [, table] of tablesOf(model)) {
      for (const row of table.rows) {
        if (row.labelMatch === 'exact' || table.kind === 't4') continue;
        const tpl = findRow(table.edition, row.rowId);
        if (!tpl) continue;
        const expected = `${tpl.enumerator}${tpl.label}`;
        if (row.labelSpans.length === 0) {
          const at = row.cells[0]?.span ?? row.span;
          report({
            message: M.rowLabelMissing(rowDisplay(table.edition, row.rowId)),
            span: at,
            data: { row: row.rowId },
          });
          continue;
        }
        const first = row.labelSpans[0];
        const last = row.labelSpans[row.labelSpans.length - 1];
        const actual = row.labelText.replace(/\s+/g, ' ').trim();
        let fixes: Fix[] | undefined;
        if (row.labelBodySpan && startsAWord(model.text, first.start)) {
          // Replace the label's body only: the author's enumerator style stays.
          const edit = bodyEdit(model.text, row.labelBodySpan.start, row.labelBodySpan.end, tpl.label);
          if (edit) fixes = [{ title: M.restoreLabel(expected), edits: [edit], preferred: true }];
        }
        report({
          message: M.rowLabel(actual, expected),
          span: { start: first.start, end: last.end },
          fixes,
          data: { row: row.rowId, expected },
        });
      }
      for (const h of table.headers) {
        if (h.match !== 'altered') continue;
        const expected = headerLabel(table.edition, h.columnId);
        if (!expected) continue;
        const edit = bodyEdit(model.text, h.span.start, h.span.end, expected);
        report({
          message: M.headerLabel(h.text.trim(), expected),
          span: h.span,
          fixes: edit ? [{ title: M.restoreLabel(expected), edits: [edit], preferred: true }] : undefined,
          data: { column: h.columnId, expected },
        });
      }
      for (const s of table.strayLines) {
        report({ message: M.strayRow(s.text.length > 40 ? s.text.slice(0, 40) + '…' : s.text), span: s.span });
      }
    }
  },
);

/**
 * Whether a label starting at `at` starts a word: the text before it is not a letter, ideograph or
 * digit. A label matched inside a longer run of text (a header cell, another row's words) cannot be
 * rewritten safely: the match would start one character earlier after the fix, and fix-all would
 * eat the author's text a character per pass.
 */
function startsAWord(text: string, at: number): boolean {
  if (at === 0) return true;
  let i = at - 1;
  if (i > 0 && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff) i--;
  return !/[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** One character as matching sees it: full-width forms and compatibility ideographs folded. */
function fold(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  return compatReplacement(cp) ?? ch;
}

/**
 * The smallest edit that makes text[start, end) read `official`. Characters are compared folded,
 * so the author's punctuation width and any compatibility characters (another rule's business)
 * are left alone; blanks inside the label are kept.
 */
function bodyEdit(text: string, start: number, end: number, official: string): TextEdit | undefined {
  const written = text.slice(start, end);
  const a = [...written];
  const b = [...official];
  const squash = (xs: string[]) => xs.map(fold).join('').replace(/\s+/g, '');
  if (squash(a) === squash(b)) return undefined;
  const eq = (x: string, y: string) => fold(x) === fold(y);
  let p = 0;
  while (p < a.length && p < b.length && eq(a[p], b[p])) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && eq(a[a.length - 1 - s], b[b.length - 1 - s])) s++;
  const from = start + a.slice(0, p).join('').length;
  const to = end - a.slice(a.length - s).join('').length;
  return minimalEdit(text, from, to, b.slice(p, b.length - s).join(''));
}
