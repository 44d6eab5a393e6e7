/**
 * Complexity check: linting ten times more adversarial text takes at most about ten times longer.
 * The bound (25× for 10× the input) is generous on purpose — it tells linear from quadratic, it is
 * not a timing target. Measured in CPU time at 100 KB → 1 MB; inputs of many short lines (slower per
 * character) at 50 KB → 500 KB, to keep the default run short (`npm run fuzz` measures every input
 * at 100 KB → 1 MB). Below about 50 KB a run lints in a few milliseconds, mostly in the processor's
 * caches, and its time says little about growth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADVERSARIAL, measureGrowth } from './adversarial';

const MAX_RATIO = 25;

for (const input of ADVERSARIAL) {
  test(`linear time: ${input.name}`, () => {
    const [small, large] = input.manyLines ? [50_000, 500_000] : [100_000, 1_000_000];
    const g = measureGrowth(input, small, large, 2);
    const note = `${g.smallSize / 1000} KB: ${g.smallMs.toFixed(1)} ms, ${g.largeSize / 1000} KB: ${g.largeMs.toFixed(1)} ms, ratio ${g.ratio.toFixed(1)}`;
    assert.ok(g.ratio < MAX_RATIO, `time grew ${g.ratio.toFixed(1)}× for 10× the input (${note})`);
  });
}
