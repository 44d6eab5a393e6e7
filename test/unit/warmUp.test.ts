/**
 * The server's engine warm-up (lsp/warmUp.ts): its texts exercise the sum rules and their fixes, it
 * ends by itself after its runs or its time budget, one check per turn of the event loop, and stops
 * when asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core';
import { warmUp, warmUpTexts } from '../../server/src/lsp/warmUp';

test('the warm-up texts: a clean empty report, then reports with a broken total and its fix', () => {
  const text = warmUpTexts();
  const base = lint(text(0));
  assert.ok(base.model.isReport);
  assert.equal(base.findings.filter((f) => f.severity === 'error').length, 0);
  for (const n of [1, 2, 17, 399]) {
    const r = lint(text(n));
    assert.notEqual(text(n), text(0));
    const sums = r.findings.filter((f) => f.ruleId.startsWith('sum-'));
    assert.ok(sums.length > 0, `text ${n} breaks a sum`);
    assert.ok(
      sums.some((f) => (f.fixes ?? []).length > 0),
      `text ${n}: a broken sum offers its fix`,
    );
  }
});

test('the warm-up ends after its runs, yielding to the event loop between checks', async () => {
  let turns = 0;
  const ticker = setInterval(() => turns++, 0);
  const ended = await new Promise<{ runs: number; ms: number }>((resolve) =>
    warmUp({ runs: 30, budgetMs: 60_000, done: (runs, ms) => resolve({ runs, ms }) }),
  );
  clearInterval(ticker);
  assert.equal(ended.runs, 30);
  assert.ok(ended.ms > 0);
  assert.ok(turns > 0, 'timers ran while it warmed');
});

test('the warm-up ends at its time budget, and when stopped', async () => {
  const byBudget = await new Promise<number>((resolve) =>
    warmUp({ runs: 1_000_000, budgetMs: 20, done: (runs) => resolve(runs) }),
  );
  assert.ok(byBudget < 1_000_000);
  let doneRuns = -1;
  const stop = warmUp({ runs: 1_000_000, budgetMs: 60_000, done: (runs) => (doneRuns = runs) });
  await new Promise((resolve) => setTimeout(resolve, 20));
  stop();
  assert.ok(doneRuns >= 0 && doneRuns < 1_000_000, `stopped after ${doneRuns} runs`);
  const after = doneRuns;
  await new Promise((resolve) => setTimeout(resolve, 20));
  stop();
  assert.equal(doneRuns, after, 'nothing runs after the stop, and done is called once');
});
