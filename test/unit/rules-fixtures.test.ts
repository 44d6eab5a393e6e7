/**
 * One fixture (or more) per rule, in the manner of markdownlint's: test/fixtures/rules/<rule-id>/<case>.txt
 * is the input, <case>.json lists every finding expected (rule, 1-based line, exact text under the
 * span; optionally fragments of the Chinese message, fragments both messages contain, and the exact
 * UTF-16 start and end) and, for a fixable rule, <case>.fixed.txt is the text after applying the
 * preferred fix of each finding of that rule (or its only fix, for a rule whose fix is offered but not
 * preferred: the reformat of one-line text). The fixed text is linted again: no fixable finding of
 * the rule may remain, and "afterFix" lists the rules still reporting. A rule that emits a fix
 * without being declared fixable fails.
 *
 * A fixture lists the findings of the rules of its kind: a text rule's fixture lists every finding of
 * the text rules, any other rule's fixture every finding of the structure, table and arithmetic rules
 * (the seeds the fixtures are made from carry prose findings that are not what they are about).
 *
 *   npm run test:rule -- <rule-id>   checks one rule's fixtures in a few seconds.
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
  /** Fragments of the Chinese message. */
  message?: string[];
  /** Fragments both the Chinese and the English message contain (numbers, quoted text). */
  contains?: string[];
  /** Exact UTF-16 offsets of the span (counted independently of the engine). */
  start?: number;
  end?: number;
}

interface FixtureSpec {
  findings: ExpectedFinding[];
  /** Rule ids (sorted) still reporting after the preferred fixes of the fixture's rule are applied. */
  afterFix?: string[];
}

const ROOT = fixturePath('rules');
/** `GOVREPORT_RULE=<id>` (set by `npm run test:rule -- <id>`) checks that rule's fixtures only. */
const ONLY = process.env.GOVREPORT_RULE;
const DIRS = readdirSync(ROOT)
  .filter((d) => statSync(join(ROOT, d)).isDirectory())
  .sort();

/** The findings a fixture of `ruleId` lists: those of the text rules, or those of all the others. */
function ofKind(ruleId: string, findings: Finding[]): Finding[] {
  const text = new Set(textRuleIds());
  return findings.filter((f) => text.has(f.ruleId) === text.has(ruleId));
}

function byPosition(a: ExpectedFinding, b: ExpectedFinding): number {
  return a.line - b.line || a.rule.localeCompare(b.rule) || a.text.localeCompare(b.text);
}

test('every single-report rule has a fixture folder, and every folder is a rule', () => {
  // Cross-year rules need two reports: test/unit/crossYear.test.ts.
  const ids = RULES.filter((r) => r.meta.category !== 'cross-year')
    .map((r) => r.meta.id)
    .sort();
  assert.equal(ids.length, 24);
  assert.deepEqual(DIRS, ids);
  if (ONLY) assert.ok(ids.includes(ONLY), `GOVREPORT_RULE=${ONLY} is a rule id`);
});

for (const dir of DIRS.filter((d) => !ONLY || d === ONLY)) {
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

      const own = ofKind(dir, findings);
      const actual = own.map((f) => brief(input, f));
      assert.deepEqual(
        actual.map(show).sort(),
        spec.findings.map((e) => show({ rule: e.rule, line: e.line, text: e.text })).sort(),
      );
      assert.ok(
        spec.findings.some((e) => e.rule === dir),
        `the fixture shows ${dir}`,
      );
      const sorted = [...spec.findings].sort(byPosition);
      const pairs = own.map((f, i) => ({ f, b: actual[i] })).sort((x, y) => byPosition({ ...x.b }, { ...y.b }));
      sorted.forEach((e, i) => {
        const { f, b } = pairs[i];
        for (const frag of e.message ?? []) {
          assert.ok(f.message.zh.includes(frag), `${show(b)}: "${f.message.zh}" has "${frag}"`);
        }
        for (const frag of e.contains ?? []) {
          assert.ok(f.message.zh.includes(frag), `${show(b)}: "${f.message.zh}" has "${frag}"`);
          assert.ok(f.message.en.includes(frag), `${show(b)}: "${f.message.en}" has "${frag}"`);
        }
        if (e.start !== undefined) assert.equal(f.span.start, e.start, `${show(b)}: start`);
        if (e.end !== undefined) assert.equal(f.span.end, e.end, `${show(b)}: end`);
      });

      const mine = own.filter((f) => f.ruleId === dir);
      const chosen = (fixes: NonNullable<Finding['fixes']>) =>
        fixes.some((x) => x.preferred) ? fixes.filter((x) => x.preferred) : fixes.slice(0, 1);
      const edits = mine.flatMap((f) => chosen(f.fixes ?? []).flatMap((x) => x.edits));
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
      assert.deepEqual(
        left.map((f) => show(brief(fixed, f))),
        [],
        'no fixable finding of the rule remains',
      );
      if (spec.afterFix) {
        assert.deepEqual(
          ofKind(dir, again.findings)
            .map((f) => f.ruleId)
            .sort(),
          [...spec.afterFix].sort(),
          'rules still reporting after the fix',
        );
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
