/** Prose that mentions a table's words does not start that table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint';
import { seed } from '../helpers/paths';

const base = seed('002');

function withProse(text: string, after: string, prose: string): string {
  const i = text.indexOf(after);
  assert.ok(i >= 0, `anchor text ${after}`);
  const j = text.indexOf('\n', i) + 1;
  return text.slice(0, j) + '\n' + prose + '\n' + text.slice(j);
}

test('prose naming table words before the tables leaves every table in place', () => {
  let text = withProse(
    base,
    '一、总体情况',
    '2023年本年新收政府信息公开申请0件，依据《条例》第二十条第（一）项主动公开规章0件。',
  );
  text = withProse(
    text,
    '四、政府信息公开行政复议、行政诉讼情况',
    '本年度未发生因政府信息公开引起的行政复议、行政诉讼。',
  );
  const before = lint(base);
  const after = lint(text);
  for (const t of ['t2', 't3', 't4'] as const) {
    assert.ok(after.model.tables[t], `table ${t} found`);
    assert.equal(after.model.tables[t]!.rows.length, before.model.tables[t]!.rows.length, `rows of ${t}`);
  }
  assert.deepEqual(
    after.findings.map((f) => f.ruleId),
    before.findings.map((f) => f.ruleId),
  );
});

test('a 第二十条 line inside a sentence is not a block heading', () => {
  const text = withProse(base, '二、主动公开政府信息情况', '按照第二十条第（五）项的要求公开。');
  const t2 = lint(text).model.tables.t2!;
  assert.deepEqual(
    t2.blocks!.map((b) => b.blockId),
    ['t2.1', 't2.5', 't2.6', 't2.8'],
  );
});

test('without section 四’s heading, table 四 is still table 四 and not rows of table 三', () => {
  const text = base.replace(/\n四、政府信息公开行政复议、行政诉讼情况\n/, '\n');
  assert.notEqual(text, base);
  const r = lint(text);
  assert.ok(r.model.tables.t4, 'table 四 found');
  assert.equal(r.model.tables.t4!.rows[0].cells.length, 15);
  assert.equal(r.model.tables.t3!.rows.length, lint(base).model.tables.t3!.rows.length);
  assert.deepEqual(
    r.findings.map((f) => f.ruleId),
    ['section-missing'],
  );
});
