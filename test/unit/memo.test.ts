/** memoOn: values derived from a model object, computed once and kept on it, invisible to JSON and comparisons. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoOn } from '../../server/src/core/util/memo';
import { lint } from '../../server/src/core';
import { parse } from '../../server/src/core/parser/parse';
import { loadSeeds } from '../fuzz/arbitraries';

test('memoOn computes once per object and leaves the object comparable and serializable as before', () => {
  const key = Symbol('k');
  const a = { x: 1 };
  let calls = 0;
  const v1 = memoOn(a, key, (o) => ({ double: o.x * 2, n: ++calls }));
  const v2 = memoOn(a, key, () => ({ double: 0, n: ++calls }));
  assert.equal(v1, v2);
  assert.equal(calls, 1);
  assert.deepEqual(a, { x: 1 });
  assert.equal(JSON.stringify(a), '{"x":1}');
  assert.deepEqual(Object.keys(a), ['x']);
  // Another object gets its own value.
  assert.equal(memoOn({ x: 2 }, key, (o) => ({ double: o.x * 2, n: ++calls })).double, 4);
});

test("a linted model (its tables carry the rules' memos) serializes and compares the same as a model no rule has touched", () => {
  const seed = loadSeeds()[1].text;
  const linted = lint(seed).model;
  const fresh = parse(seed);
  assert.equal(JSON.stringify(linted.tables), JSON.stringify(fresh.tables));
  assert.deepEqual(linted.tables, fresh.tables);
  assert.ok(Object.getOwnPropertySymbols(linted.tables.t3!).length > 0, 'the rules memoized on table 三');
});
