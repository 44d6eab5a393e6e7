/** The README's rule table and docs/rules.md must match the rules' metadata (run `npm run docs`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDoc, withRulesTable } from '../server/src/docs/rulesDoc';
import { RULES } from '../server/src/core/rules';

const ROOT = join(__dirname, '..', '..');

test('README rule table is up to date', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, withRulesTable(readme), 'README.md rule table is stale: run `npm run docs`');
});

test('docs/rules.md is up to date and documents every rule', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  assert.equal(doc, rulesDoc(), 'docs/rules.md is stale: run `npm run docs`');
  for (const r of RULES) assert.match(doc, new RegExp(`^## ${r.meta.id}$`, 'm'));
});

test('rule ids are unique, kebab-case, and every rule has both descriptions', () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    assert.match(r.meta.id, /^[a-z]+(-[a-z]+)+$/);
    assert.ok(r.meta.description.zh.length > 0 && r.meta.description.en.length > 0, r.meta.id);
  }
});
