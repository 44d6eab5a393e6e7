/** Fix-all never fixes a suppressed finding: its own fix is left out and its cell is never rewritten. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuppressions, fixAll, lint } from '../../server/src/core';
import { mapSpan } from '../../server/src/core/fixes/fixAll';
import { entryAt, suppressedFixture } from '../helpers/suppressed';

const F = 'r.txt';

test('without suppressions, fix-all fixes all three broken totals (the case the others are measured against)', () => {
  const { text, cells } = suppressedFixture();
  const fixed = fixAll(text, { force: true });
  for (const c of cells) assert.ok(fixed.edits.some((e) => e.start === c));
  assert.deepEqual(
    lint(fixed.text, { force: true }).findings.map((f) => f.ruleId),
    [],
  );
});

test('a suppressed sum finding is not fixed: its cell stays as written, the other sums are fixed', () => {
  const { text, cells } = suppressedFixture();
  const entry = entryAt(text, 'sum-row-total', cells[0], F);
  const fixed = fixAll(text, { force: true, suppressions: [entry] });
  assert.ok(fixed.edits.length > 0);
  assert.ok(
    fixed.edits.every((e) => e.end <= cells[0] || e.start >= cells[0] + 1),
    JSON.stringify(fixed.edits),
  );
  assert.equal(fixed.text[cells[0]], '1');
  // The other two rows are fixed.
  assert.equal(fixed.text[cells[1]], '0');
  assert.equal(fixed.text[cells[2]], '0');
  // After the fix the two rows add up, and the suppressed finding is still there and still matched.
  const after = lint(fixed.text, { force: true }).findings;
  const applied = applySuppressions(fixed.text, after, [entry]);
  assert.deepEqual(
    applied.suppressed.map((f) => [f.ruleId, f.span.start]),
    [['sum-row-total', cells[0]]],
  );
  assert.ok(!after.some((f) => f.span.start === cells[1] || f.span.start === cells[2]));
});

test('the sums that depend on a suppressed cell are computed from its written value', () => {
  const { text, cells } = suppressedFixture();
  const entry = entryAt(text, 'sum-row-total', cells[0], F);
  const fixed = fixAll(text, { force: true, suppressions: [entry] });
  // （七）总计 of the 总计 column: the results rows add up to the one suppressed 1.
  const t3 = lint(fixed.text, { force: true }).model.tables.t3!;
  const total = t3.rows.find((r) => r.rowId === 't3.total')!;
  assert.equal(total.cells[total.cells.length - 1].value, 1);
});

test('per-rule fix-all (ruleIds) leaves the suppressed finding of that rule and the other rules', () => {
  const { text, cells } = suppressedFixture();
  const entry = entryAt(text, 'sum-row-total', cells[1], F);
  const fixed = fixAll(text, { force: true, ruleIds: ['sum-row-total'], suppressions: [entry] });
  assert.deepEqual(
    fixed.edits.map((e) => [e.start, e.newText]),
    [
      [cells[0], '0'],
      [cells[2], '0'],
    ],
  );
});

test('an entry of another rule or fingerprint changes nothing', () => {
  const { text, cells } = suppressedFixture();
  const entry = entryAt(text, 'sum-row-total', cells[0], F);
  const all = fixAll(text, { force: true });
  assert.deepEqual(fixAll(text, { force: true, suppressions: [{ ...entry, rule: 'sum-column-total' }] }), all);
  assert.deepEqual(
    fixAll(text, { force: true, suppressions: [{ ...entry, fingerprint: 'fp1:0000000000000000' }] }),
    all,
  );
});

test('a suppressed finding stays suppressed in later passes, when a fix on its row changed the text beside it', () => {
  const { text, cells } = suppressedFixture();
  // A wrong character in the row's label: its fix (restore the label) changes the text beside the
  // suppressed total. A cell's fingerprint is placed by its ids, so the entry matches before and after.
  const damaged = text.replace('属于国家秘密', '属于国家秘蜜');
  assert.equal(damaged.length, text.length);
  const entry = entryAt(damaged, 'sum-row-total', cells[0], F);
  assert.equal(entryAt(text, 'sum-row-total', cells[0], F).fingerprint, entry.fingerprint);
  const fixed = fixAll(damaged, { force: true, suppressions: [entry] });
  assert.ok(fixed.text.includes('属于国家秘密'), 'the label is fixed');
  assert.equal(fixed.text[cells[0]], '1');
  assert.equal(fixed.text[cells[1]], '0');
});

test('mapSpan follows a span through edits before, inside and after it', () => {
  const edits = [
    { start: 0, end: 2, newText: 'abcd' },
    { start: 5, end: 6, newText: '' },
    { start: 20, end: 21, newText: 'x' },
  ];
  assert.deepEqual(mapSpan({ start: 4, end: 10 }, edits), { start: 6, end: 11 });
  assert.deepEqual(mapSpan({ start: 2, end: 3 }, edits), { start: 4, end: 5 });
  assert.deepEqual(mapSpan({ start: 1, end: 3 }, edits), { start: 4, end: 5 });
});
