/**
 * Fix-all round trips: fix everything, lint again, nothing fixable remains; the text outside the
 * edits is byte for byte the same; broken sums converge in one pass; fixing twice is fixing once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../server/src/core';
import type { TextEdit } from '../../server/src/core/types';
import {
  cloneSpec,
  makeSpec,
  render,
  t3Col,
  type Layout,
  type RenderOptions,
  type ReportSpec,
} from '../helpers/report';
import { seeds } from '../helpers/paths';
import { brief, show } from '../helpers/findings';

/** Asserts that `fixed` is `original` with `edits` applied, and that nothing outside them changed. */
function assertOnlyEdits(original: string, fixed: string, edits: TextEdit[]): void {
  assert.equal(applyEdits(original, edits), fixed, 'the reported edits produce the fixed text');
  let pos = 0;
  let out = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    assert.ok(e.start >= pos, 'edits do not overlap');
    const same = original.slice(pos, e.start);
    assert.equal(fixed.slice(out, out + same.length), same, 'text between edits is unchanged');
    out += same.length + e.newText.length;
    pos = e.end;
  }
  assert.equal(fixed.slice(out), original.slice(pos), 'text after the last edit is unchanged');
}

function fixableLeft(text: string): string[] {
  return lint(text)
    .findings.filter((f) => (f.fixes ?? []).some((x) => x.preferred))
    .map((f) => show(brief(text, f)));
}

/** Several sums broken at once: addends changed in three rows without their totals, 四 wrong, table 四 totals. */
function sumsBroken(base: ReportSpec): ReportSpec {
  const spec = cloneSpec(base);
  const n = (row: string) => spec.t3[row] as number[];
  n('t3.open')[t3Col(spec, 'natural')] += 2;
  n('t3.refuse.1')[t3Col(spec, 1)] += 1; // 科研机构
  n('t3.other.2')[t3Col(spec, 'natural')] += 1;
  n('t3.next')[t3Col(spec, 4)] += 1; // 四 wrong on its own (其他)
  (spec.t4 as number[])[4] += 2;
  (spec.t4 as number[])[14] += 1;
  return spec;
}

const LAYOUTS: [string, Layout, RenderOptions][] = [
  ['tab', 'tab', {}],
  ['pdf', 'pdf', {}],
  ['markdown', 'markdown', {}],
  ['tab CRLF', 'tab', { eol: '\r\n' }],
  ['pdf thousands separators', 'pdf', { numbers: 'grouped' }],
  ['tab full-width digits', 'tab', { numbers: 'fullwidth' }],
];

for (const [name, layout, options] of LAYOUTS) {
  test(`fix-all converges in one pass on several broken sums (${name})`, () => {
    const base = makeSpec({ big: options.numbers === 'grouped' });
    const original = render(sumsBroken(base), layout, options);
    const before = lint(original).findings.filter((f) => f.ruleId.startsWith('sum-'));
    assert.deepEqual([...new Set(before.map((f) => f.ruleId))].sort(), [
      'sum-balance',
      'sum-column-total',
      'sum-litigation-total',
      'sum-review-total',
      'sum-row-total',
    ]);
    const result = fixAll(original);
    assert.equal(result.passes, 1, 'one pass');
    assertOnlyEdits(original, result.text, result.edits);
    assert.deepEqual(
      lint(result.text).findings.map((f) => show(brief(result.text, f))),
      [],
    );
    // Every edit rewrites one number, in the notation it was written in.
    const digits = options.numbers === 'fullwidth' ? /^[０-９]+$/ : /^[\d,]+$/;
    for (const e of result.edits) {
      assert.match(original.slice(e.start, e.end), digits);
      assert.match(e.newText, digits);
    }
    // The totals the author wrote were replaced by the sums: the fixed text is the consistent report
    // with the changed addends, whose totals follow from them.
    const expected = cloneSpec(sumsBroken(base));
    const t = expected.t3 as Record<string, number[]>;
    const total = t3Col(expected, 'total');
    for (const row of Object.values(t)) row[total] = row.slice(0, total).reduce((a, b) => a + b, 0);
    for (let c = 0; c < total; c++) {
      t['t3.total'][c] = Object.keys(t)
        .filter((id) => !['t3.new', 't3.carried', 't3.total', 't3.next'].includes(id))
        .reduce((a, id) => a + t[id][c], 0);
      t['t3.next'][c] = t['t3.new'][c] + t['t3.carried'][c] - t['t3.total'][c];
    }
    t['t3.total'][total] = t['t3.total'].slice(0, total).reduce((a, b) => a + b, 0);
    t['t3.next'][total] = t['t3.next'].slice(0, total).reduce((a, b) => a + b, 0);
    const t4 = expected.t4 as number[];
    for (const g of [0, 5, 10]) t4[g + 4] = t4[g] + t4[g + 1] + t4[g + 2] + t4[g + 3];
    assert.equal(result.text, render(expected, layout, options));
    // Idempotent.
    const twice = fixAll(result.text);
    assert.equal(twice.text, result.text);
    assert.deepEqual(twice.edits, []);
    assert.equal(twice.passes, 0);
  });
}

test('fix-all on a report broken in every fixable way leaves no fixable finding and touches nothing else', () => {
  const spec = sumsBroken(makeSpec());
  spec.labels['t3.refuse.2'] = '其他法律法规禁止公开';
  spec.labels['t3.noprocess.4'] = '无正当理由大量反复申';
  spec.headers['t2.1:1'] = '本年度止件数';
  spec.t2['t2.6.enforcement'] = ['—'];
  (spec.t3['t3.unable.2'] as (number | string)[])[2] = '';
  for (const [name, layout, options] of LAYOUTS) {
    let original = render(spec, layout, options);
    original = original.replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进措施');
    original = original.replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况');
    const before = fixableLeft(original);
    assert.ok(before.length >= 10, `${name}: ${before.length} fixable findings before`);
    const result = fixAll(original);
    assertOnlyEdits(original, result.text, result.edits);
    assert.deepEqual(fixableLeft(result.text), [], name);
    const twice = fixAll(result.text);
    assert.equal(twice.text, result.text, `${name}: idempotent`);
    assert.deepEqual(twice.edits, []);
    // The line structure is kept: fixes never add or remove a line here.
    assert.equal(result.text.split(/\r\n|\r|\n/).length, original.split(/\r\n|\r|\n/).length);
  }
});

test('fix-all on each seed leaves no fixable finding, keeps the rest byte for byte, and is idempotent', () => {
  for (const { id, text } of seeds()) {
    const result = fixAll(text);
    assertOnlyEdits(text, result.text, result.edits);
    assert.deepEqual(fixableLeft(result.text), [], `seed ${id}`);
    assert.equal(fixAll(result.text).text, result.text, `seed ${id}: idempotent`);
    if (id === '002') assert.deepEqual(result.edits, [], 'seed 002 needs nothing');
    if (id === '001') {
      assert.deepEqual(
        result.edits.map((e) => [text.slice(e.start, e.end), e.newText]),
        [
          ['政府信息主动公开', '主动公开政府信息'],
          ['', '请'],
          ['', '申请'],
        ],
      );
    }
  }
});

test('fix-all restricted to one rule or to a range changes only that', () => {
  const spec = sumsBroken(makeSpec());
  spec.labels['t3.refuse.2'] = '其他法律法规禁止公开';
  const original = render(spec, 'tab');
  const onlyT4 = fixAll(original, { ruleIds: ['sum-review-total', 'sum-litigation-total'] });
  assert.equal(onlyT4.edits.length, 2);
  const left = lint(onlyT4.text).findings.map((f) => f.ruleId);
  assert.ok(!left.includes('sum-review-total') && !left.includes('sum-litigation-total'));
  assert.ok(left.includes('sum-row-total') && left.includes('table-label'));
  const { model } = lint(original);
  const t4 = model.tables.t4!.span;
  const inT4 = fixAll(original, { within: t4 });
  assert.equal(inT4.text, onlyT4.text);
  for (const e of inT4.edits) assert.ok(e.start >= t4.start && e.end <= t4.end);
});
