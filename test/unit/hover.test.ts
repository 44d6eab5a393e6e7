/**
 * The hover on a total reads the rules' own equations: it says "does not match" on exactly the cells
 * where a sum finding sits, on every table cell of every fixture.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, localize, ruleById } from '../../server/src/core';
import { FEATURE_MESSAGES, formatTotalHover, totalFormulasAt } from '../../server/src/core/features';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const DIFFERS = localize(FEATURE_MESSAGES.hoverDiffers, 'en');

function texts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? texts(p) : e.name.endsWith('.txt') ? [p] : [];
  });
}

test('a （七）总计 row without its first cell: no sum is shown on its cells, as no sum rule reports one', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'features/total-row-first-cell-deleted.txt'), 'utf8');
  const { model, findings } = lint(text);
  const row = model.tables.t3!.rows.find((r) => r.rowId === 't3.total')!;
  assert.equal(row.cells.length, model.tables.t3!.columnIds.length - 1, 'the row is one cell short');
  const onRow = findings.filter((f) => f.span.start >= row.span.start && f.span.end <= row.span.end);
  assert.deepEqual(
    onRow.map((f) => f.ruleId),
    ['table-cell-count'],
  );
  // Its first cell holds 商业企业's 3; the 自然人 column of the result rows sums to 11.
  assert.equal(row.cells[0].raw, '3');
  for (const cell of row.cells) assert.deepEqual(totalFormulasAt(model, cell.span.start), [], `cell ${cell.raw}`);
});

test('a column sum with an unreadable addend row: shown, but not computed, as the rule does not check it', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'features/total-row-first-cell-deleted.txt'), 'utf8');
  // Delete the first cell of （一）予以公开 instead: the column sums over it cannot be formed.
  const { model } = lint(text);
  const open = model.tables.t3!.rows.find((r) => r.rowId === 't3.open')!;
  // The cell and its tab go, and the row's trailing tabs with them: otherwise a trailing empty field would read as
  // a blank 总计 cell, and the row would have all its cells.
  const lineEnd = text.indexOf('\n', open.cells[0].span.start);
  const rest = text.slice(open.cells[1].span.start, lineEnd).replace(/\t+$/, '');
  const cut = text.slice(0, open.cells[0].span.start) + rest + text.slice(lineEnd);
  const fixed = cut.replace(/\(七\) 总计\t/, '(七) 总计\t11\t');
  const again = lint(fixed);
  const total = again.model.tables.t3!.rows.find((r) => r.rowId === 't3.total')!;
  const formulas = totalFormulasAt(again.model, total.cells[0].span.start);
  const col = formulas.find((f) => f.ruleId === 'sum-column-total')!;
  assert.ok(col, 'the column sum of 自然人 is shown');
  assert.equal(col.computed, undefined);
  assert.equal(col.matches, undefined);
  assert.equal(col.terms.find((t) => t.label.startsWith('（一）'))!.value, undefined);
  assert.ok(!again.findings.some((f) => f.ruleId === 'sum-column-total' && f.span.start === total.cells[0].span.start));
});

test('on every table cell of every fixture, the hover says "does not match" exactly where a sum finding is', () => {
  let cells = 0;
  let differs = 0;
  for (const file of texts(FIXTURES)) {
    const text = fs.readFileSync(file, 'utf8');
    const { model, findings } = lint(text, { force: true });
    const sums = findings.filter((f) => ruleById(f.ruleId)?.meta.category === 'arithmetic');
    for (const table of [model.tables.t3, model.tables.t4]) {
      for (const row of table?.rows ?? []) {
        for (const cell of row.cells) {
          cells++;
          const formulas = totalFormulasAt(model, cell.span.start);
          const hover = formatTotalHover(formulas, 'en');
          const says = hover.includes(DIFFERS);
          const found = sums.filter((f) => f.span.start <= cell.span.start && f.span.end >= cell.span.end);
          const where = `${path.relative(FIXTURES, file)} ${row.rowId} "${cell.raw}" at ${cell.span.start}`;
          assert.equal(
            says,
            found.length > 0,
            `${where}: hover ${says ? 'differs' : 'does not differ'}, findings ${found.map((f) => f.ruleId)}`,
          );
          // And per relation: the hover's mismatching sums are the findings' rules.
          const mismatching = formulas
            .filter((f) => f.matches === false)
            .map((f) => f.ruleId)
            .sort();
          assert.deepEqual(mismatching, found.map((f) => f.ruleId).sort(), where);
          if (says) differs++;
        }
      }
    }
  }
  assert.ok(cells > 3000, `${cells} cells`);
  assert.ok(differs >= 10, `${differs} broken totals among the fixtures`);
});
