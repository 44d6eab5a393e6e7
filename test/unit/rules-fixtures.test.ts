/**
 * One fixture (or more) per rule of the structure, table and arithmetic catalogues, in the manner of
 * markdownlint's: test/fixtures/rules/<rule-id>/<case>.txt is the input, <case>.json lists every
 * finding expected (rule, 1-based line, exact text under the span, fragments of the Chinese
 * message) and, for a fixable rule, <case>.fixed.txt is the text after applying the preferred fix
 * of each finding of that rule. The fixed text is linted again: no fixable finding of the rule may
 * remain, and "afterFix" lists the rules still reporting. A rule that emits a fix without being
 * declared fixable fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, lint, RULES, ruleById } from '../../server/src/core';
import type { Finding } from '../../server/src/core/types';
import { fixturePath } from '../helpers/paths';
import { assertFindingsWellFormed, brief, show, textRuleIds } from '../helpers/findings';

interface ExpectedFinding {
  rule: string;
  line: number;
  text: string;
  message?: string[];
}

interface FixtureSpec {
  findings: ExpectedFinding[];
  /** Rule ids (sorted) still reporting after the preferred fixes of the fixture's rule are applied. */
  afterFix?: string[];
}

const ROOT = fixturePath('rules');
/** The text rules keep their own fixtures and tests. */
const OWN_DIRS = readdirSync(ROOT)
  .filter((d) => d !== 'text' && statSync(join(ROOT, d)).isDirectory())
  .sort();

function nonText(findings: Finding[]): Finding[] {
  const ids = new Set(textRuleIds());
  return findings.filter((f) => !ids.has(f.ruleId));
}

function byPosition(a: ExpectedFinding, b: ExpectedFinding): number {
  return a.line - b.line || a.rule.localeCompare(b.rule) || a.text.localeCompare(b.text);
}

test('every structure, table and arithmetic rule has a fixture folder, and every folder is a rule', () => {
  // Text rules have their own suite, cross-year rules need two reports (test/unit/crossYear.test.ts).
  const own = RULES.filter((r) => r.meta.category !== 'text' && r.meta.category !== 'cross-year').map((r) => r.meta.id).sort();
  assert.equal(own.length, 18);
  assert.deepEqual(OWN_DIRS, own);
});

for (const dir of OWN_DIRS) {
  const rule = ruleById(dir)!;
  const cases = readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt'))
    .map((f) => f.slice(0, -4))
    .sort();

  test(`${dir}: has fixtures${rule?.meta.fixable ? ', one with the fixed text' : ''}`, () => {
    assert.ok(rule, `${dir} is a registered rule`);
    assert.ok(cases.length > 0);
    for (const c of cases) assert.ok(existsSync(join(ROOT, dir, `${c}.json`)), `${c}.json`);
    const fixed = cases.filter((c) => existsSync(join(ROOT, dir, `${c}.fixed.txt`)));
    if (rule.meta.fixable) assert.ok(fixed.length > 0, 'a fixable rule has a .fixed.txt');
    else assert.deepEqual(fixed, [], 'a rule that is not fixable has no .fixed.txt');
  });

  for (const c of cases) {
    test(`${dir}/${c}`, () => {
      const input = readFileSync(join(ROOT, dir, `${c}.txt`), 'utf8');
      const spec = JSON.parse(readFileSync(join(ROOT, dir, `${c}.json`), 'utf8')) as FixtureSpec;
      const { findings, errors, model } = lint(input);
      assert.deepEqual(errors, []);
      assert.equal(model.isReport, true);
      assertFindingsWellFormed(input, findings);

      const own = nonText(findings);
      const actual = own.map((f) => brief(input, f));
      assert.deepEqual(
        actual.map(show).sort(),
        spec.findings.map((e) => show({ rule: e.rule, line: e.line, text: e.text })).sort(),
      );
      assert.ok(spec.findings.some((e) => e.rule === dir), `the fixture shows ${dir}`);
      const sorted = [...spec.findings].sort(byPosition);
      const pairs = own.map((f, i) => ({ f, b: actual[i] })).sort((x, y) => byPosition({ ...x.b }, { ...y.b }));
      sorted.forEach((e, i) => {
        for (const frag of e.message ?? []) {
          assert.ok(pairs[i].f.message.zh.includes(frag), `${show(pairs[i].b)}: "${pairs[i].f.message.zh}" has "${frag}"`);
        }
      });

      const mine = own.filter((f) => f.ruleId === dir);
      const edits = mine.flatMap((f) => (f.fixes ?? []).filter((x) => x.preferred).flatMap((x) => x.edits));
      const fixedPath = join(ROOT, dir, `${c}.fixed.txt`);
      if (!existsSync(fixedPath)) {
        assert.deepEqual(edits, [], 'findings with a preferred fix need a .fixed.txt');
        return;
      }
      const expectedFixed = readFileSync(fixedPath, 'utf8');
      const fixed = applyEdits(input, edits);
      assert.equal(fixed, expectedFixed);
      assert.notEqual(fixed, input);
      const again = lint(fixed);
      assertFindingsWellFormed(fixed, again.findings);
      const left = again.findings.filter((f) => f.ruleId === dir && (f.fixes ?? []).length > 0);
      assert.deepEqual(left.map((f) => show(brief(fixed, f))), [], 'no fixable finding of the rule remains');
      if (spec.afterFix) {
        assert.deepEqual(nonText(again.findings).map((f) => f.ruleId).sort(), [...spec.afterFix].sort(), 'rules still reporting after the fix');
      }
    });
  }
}

test('a rule that emits a fix without declaring itself fixable fails the harness', () => {
  const notFixable = RULES.find((r) => !r.meta.fixable)!;
  const fake: Finding = {
    ruleId: notFixable.meta.id,
    severity: 'error',
    message: { zh: '测试', en: 'test' },
    span: { start: 0, end: 1 },
    fixes: [{ title: { zh: '改', en: 'fix' }, edits: [{ start: 0, end: 1, newText: 'x' }], preferred: true }],
  };
  assert.throws(() => assertFindingsWellFormed('ab', [fake]), /not declared fixable/);
});
