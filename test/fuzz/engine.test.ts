/**
 * Property tests over the engine: arbitrary strings, strings of report vocabulary and mutations of
 * the seed reports must satisfy every invariant of `invariants.ts`. The default run is short and
 * reproducible (fixed seed); GOVREPORT_FUZZ_RUNS and GOVREPORT_FUZZ_SEED widen or vary it, and
 * `npm run fuzz -- --minutes N` runs long campaigns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, diffEdits, fixAll, lint, minimalEdit, nonOverlapping, RULES } from '../../server/src/core';
import { anyString, applyMutations, loadSeeds, mutatedSeed, unicodeString, vocabularyString } from './arbitraries';
import { checkText, describe, isBoundary, spanProblems, strictApply } from './invariants';

const SCALE = Number(process.env.GOVREPORT_FUZZ_RUNS) || 1;
const SEED = Number(process.env.GOVREPORT_FUZZ_SEED) || 20240607;
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: numRuns * SCALE, seed: SEED });
const seeds = loadSeeds();

function holds(text: string, force: boolean): void {
  const v = checkText(text, { force });
  assert.deepEqual(v, [], describe(v));
}

test('the seeds themselves satisfy every invariant', () => {
  assert.equal(seeds.length >= 5, true, 'seed reports are present');
  for (const s of seeds) {
    const v = checkText(s.text);
    assert.deepEqual(v, [], `${s.name}: ${describe(v)}`);
    assert.equal(lint(s.text).model.isReport, true, `${s.name} is recognised as a report`);
  }
});

test('arbitrary UTF-16 strings (lone surrogates included), rules forced on', () => {
  fc.assert(
    fc.property(anyString(300), fc.boolean(), (text, force) => holds(text, force)),
    params(150),
  );
});

test('arbitrary Unicode strings', () => {
  fc.assert(
    fc.property(unicodeString(300), (text) => holds(text, true)),
    params(100),
  );
});

test('strings of report vocabulary (labels, numbers, tabs, line breaks, compatibility characters)', () => {
  fc.assert(
    fc.property(vocabularyString(150), fc.boolean(), (text, force) => holds(text, force)),
    params(150),
  );
});

test('mutations of the seed reports', () => {
  fc.assert(
    fc.property(mutatedSeed(seeds.length), ({ seed, mutations }) =>
      holds(applyMutations(seeds[seed].text, mutations), false),
    ),
    params(40),
  );
});

test('a seed report cut at any point (half-written text)', () => {
  fc.assert(
    fc.property(fc.nat(seeds.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (i, cut) => {
      const text = seeds[i].text;
      holds(text.slice(0, Math.floor(text.length * cut)), false);
    }),
    params(25),
  );
});

test('the same text gives the same findings whatever was linted before', () => {
  fc.assert(
    fc.property(mutatedSeed(seeds.length, 3), mutatedSeed(seeds.length, 3), (a, b) => {
      const ta = applyMutations(seeds[a.seed].text, a.mutations);
      const tb = applyMutations(seeds[b.seed].text, b.mutations);
      const first = JSON.stringify(lint(ta).findings);
      lint(tb);
      fixAll(tb);
      assert.equal(JSON.stringify(lint(ta).findings), first);
    }),
    params(10),
  );
});

test('a fix-all scoped to one table edits only inside that table', () => {
  const arithmetic = RULES.filter((r) => r.meta.category === 'arithmetic').map((r) => r.meta.id);
  fc.assert(
    fc.property(
      mutatedSeed(seeds.length, 4),
      fc.constantFrom('t2' as const, 't3' as const, 't4' as const),
      ({ seed, mutations }, kind) => {
        const text = applyMutations(seeds[seed].text, mutations);
        const table = lint(text).model.tables[kind];
        if (!table) return;
        const r = fixAll(text, { ruleIds: arithmetic, within: table.span });
        for (const e of r.edits) {
          assert.ok(
            e.start >= table.span.start && e.end <= table.span.end,
            `edit ${JSON.stringify(e)} is outside ${kind} ${JSON.stringify(table.span)}`,
          );
        }
        assert.equal(strictApply(text, r.edits), r.text);
      },
    ),
    params(20),
  );
});

/** Strings rich in surrogate pairs that share their high half (𠀀 U+20000, 𠀁 U+20001 …), to probe pair splitting. */
const pairy = fc.string({ unit: fc.constantFrom('𠀀', '𠀁', '𠀂', '𪚥', 'a', '一', '\t', '\n'), maxLength: 30 });

test('diffEdits turns a into b with edits on UTF-16 boundaries', () => {
  fc.assert(
    fc.property(fc.oneof(pairy, anyString(40)), fc.oneof(pairy, anyString(40)), (a, b) => {
      const edits = diffEdits(a, b);
      assert.equal(strictApply(a, edits), b);
      for (const e of edits) assert.deepEqual(spanProblems(a, e, 'edit'), []);
    }),
    params(300),
  );
});

test('minimalEdit replaces exactly the range it is given, on UTF-16 boundaries', () => {
  fc.assert(
    fc.property(
      fc.oneof(pairy, anyString(40)),
      fc.nat(),
      fc.nat(),
      fc.oneof(pairy, anyString(10)),
      (text, x, y, replacement) => {
        let [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((p, q) => p - q);
        // The caller's range is on boundaries; the edit must stay so.
        if (!isBoundary(text, start)) start--;
        if (!isBoundary(text, end)) end++;
        const e = minimalEdit(text, start, end, replacement);
        const expected = text.slice(0, start) + replacement + text.slice(end);
        const got = e ? strictApply(text, [e]) : text;
        assert.equal(got, expected);
        if (e) {
          assert.ok(e.start >= start && e.end <= end, 'the edit stays inside the given range');
          assert.deepEqual(spanProblems(text, e, 'edit'), []);
        }
      },
    ),
    params(300),
  );
});

test('applyEdits applies sorted, disjoint edits exactly and drops overlapping ones', () => {
  const edit = (len: number) =>
    fc
      .tuple(fc.nat(len), fc.nat(len), fc.string({ maxLength: 3 }))
      .map(([a, b, newText]) => ({ start: Math.min(a, b), end: Math.max(a, b), newText }));
  fc.assert(
    fc.property(
      fc
        .string({ maxLength: 30 })
        .chain((text) => fc.tuple(fc.constant(text), fc.array(edit(text.length), { maxLength: 6 }))),
      ([text, edits]) => {
        const kept = nonOverlapping(edits);
        for (let i = 1; i < kept.length; i++)
          assert.ok(kept[i].start >= kept[i - 1].end, 'kept edits are sorted and disjoint');
        assert.equal(applyEdits(text, edits), strictApply(text, kept));
      },
    ),
    params(300),
  );
});
