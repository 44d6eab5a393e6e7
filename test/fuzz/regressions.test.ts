/**
 * Every input a fuzz campaign ever found failing (test/fixtures/fuzz/*.json) must now pass every
 * invariant: each one is a regression test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, describe } from './invariants';
import { loadFuzzFixtures } from './fixtures';

const fixtures = loadFuzzFixtures();

test('fuzz fixtures are present and well-formed', () => {
  assert.ok(fixtures.length > 0, 'test/fixtures/fuzz/ holds the inputs earlier campaigns found');
  for (const { file, fixture } of fixtures) {
    assert.equal(typeof fixture.text, 'string', `${file}: text`);
    assert.equal(typeof fixture.property, 'string', `${file}: property`);
    assert.equal(typeof fixture.options?.force, 'boolean', `${file}: options.force`);
  }
});

for (const { file, fixture } of fixtures) {
  test(`fuzz regression ${file} (${fixture.property})`, () => {
    const v = checkText(fixture.text, { force: fixture.options.force });
    assert.deepEqual(v, [], describe(v));
  });
}
