/** The built command with a `.govreport-suppressions.json`: --suppress-all, suppressed findings, stale entries, --prune-suppressions, SARIF. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { brokenSeed, runCli, tempDir } from './helpers';
import type { JsonEntry } from './helpers';

type Entry = JsonEntry & { suppressed?: number; staleSuppressions?: number };
const NAME = '.govreport-suppressions.json';

function setup(): { dir: string; report: string } {
  const dir = tempDir('suppress');
  fs.mkdirSync(path.join(dir, 'sub'));
  const report = path.join(dir, 'sub', 'broken.txt');
  fs.writeFileSync(report, brokenSeed().broken);
  return { dir, report };
}

const json = (dir: string, ...args: string[]) => {
  const r = runCli(['--format', 'json', ...args, 'sub'], { cwd: dir });
  return { ...r, out: JSON.parse(r.stdout) as Entry[] };
};

test('--suppress-all writes an entry per finding, keyed by the path from the file; then nothing is shown and the run passes', () => {
  const { dir, report } = setup();
  const before = json(dir);
  assert.equal(before.code, 1);
  const n = before.out[0].diagnostics.length;
  assert.ok(n > 1);
  assert.equal(before.out[0].suppressed, undefined);

  const w = runCli(['--suppress-all', 'sub'], { cwd: dir });
  assert.equal(w.code, 0, w.stdout + w.stderr);
  assert.match(w.stdout, new RegExp(`已忽略 ${n} 个问题`));
  assert.match(w.stderr, /已写入 \.govreport-suppressions\.json/);
  const file = JSON.parse(fs.readFileSync(path.join(dir, NAME), 'utf8'));
  assert.equal(file.version, 1);
  const total = file.suppressions.reduce((k: number, e: { count?: number }) => k + (e.count ?? 1), 0);
  assert.equal(total, n);
  for (const e of file.suppressions) {
    assert.equal(e.file, 'sub/broken.txt');
    assert.match(e.fingerprint, /^fp1:[0-9a-f]{16}$/);
  }
  assert.ok(file.suppressions.some((e: { rule: string }) => e.rule === 'sum-row-total'));

  const after = json(dir);
  assert.equal(after.code, 0, after.stderr);
  assert.deepEqual(after.out[0].diagnostics, []);
  assert.equal(after.out[0].suppressed, n);
  assert.equal(after.out[0].staleSuppressions, undefined);

  // Lines added at the top move every finding; the entries still match.
  fs.writeFileSync(report, '说明：本报告为修订版。\n\n' + fs.readFileSync(report, 'utf8'));
  const moved = json(dir);
  assert.deepEqual(moved.out[0].diagnostics, []);
  assert.equal(moved.out[0].suppressed, n);

  // English summary too.
  assert.match(runCli(['--lang', 'en', 'sub'], { cwd: dir }).stdout, new RegExp(`${n} problems suppressed`));
});

test('a new finding is shown; fixed findings leave stale entries, counted and pruned', () => {
  const { dir, report } = setup();
  assert.equal(runCli(['--suppress-all', 'sub'], { cwd: dir }).code, 0);
  const suppressedBefore = json(dir).out[0].suppressed!;
  // Fix the broken total: its entry matches nothing now.
  fs.writeFileSync(report, brokenSeed().original);
  const now = json(dir);
  assert.ok(!now.out[0].diagnostics.some((d) => d.rule === 'sum-row-total'));
  const stale = now.out[0].staleSuppressions!;
  assert.ok(stale >= 1, JSON.stringify(now.out[0]));
  const stylish = runCli(['sub'], { cwd: dir });
  assert.match(stylish.stdout, new RegExp(`${stale} 条忽略记录已不再匹配`));
  assert.match(stylish.stdout, /--prune-suppressions/);

  const entriesBefore = JSON.parse(fs.readFileSync(path.join(dir, NAME), 'utf8')).suppressions.length;
  const pruned = runCli(['--prune-suppressions', 'sub'], { cwd: dir });
  assert.equal(pruned.code, 0, pruned.stderr);
  const after = JSON.parse(fs.readFileSync(path.join(dir, NAME), 'utf8')).suppressions;
  assert.ok(after.length < entriesBefore);
  assert.ok(!after.some((e: { rule: string }) => e.rule === 'sum-row-total'));
  const again = json(dir);
  assert.equal(again.out[0].staleSuppressions, undefined);
  assert.equal(again.out[0].suppressed, now.out[0].suppressed);
  assert.ok(again.out[0].suppressed! < suppressedBefore);

  // The total broken again: the findings whose entries were pruned are new, and shown (exit 1).
  fs.writeFileSync(report, brokenSeed().broken);
  const back = json(dir);
  assert.equal(back.code, 1);
  assert.ok(back.out[0].diagnostics.some((d) => d.rule === 'sum-row-total'));
  assert.equal(back.out[0].diagnostics.length, suppressedBefore - again.out[0].suppressed!);
  assert.equal(back.out[0].suppressed, again.out[0].suppressed);
});

test('sarif: suppressed results are emitted with an external suppression, and the log is valid SARIF 2.1.0', () => {
  const { dir } = setup();
  const n = json(dir).out[0].diagnostics.length;
  assert.equal(runCli(['--suppress-all', 'sub'], { cwd: dir }).code, 0);
  const r = runCli(['--format', 'sarif', 'sub'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const log: any = JSON.parse(r.stdout);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(
    JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')),
  );
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  const results = log.runs[0].results;
  assert.equal(results.length, n);
  for (const res of results) assert.deepEqual(res.suppressions, [{ kind: 'external', status: 'accepted' }]);
  // The schema checks suppressions: an unknown kind is rejected.
  const bad = structuredClone(log);
  bad.runs[0].results[0].suppressions[0].kind = 'somewhere';
  assert.equal(validate(bad), false);
});

test('a suppressions file that cannot be parsed is reported and never overwritten', () => {
  const { dir } = setup();
  fs.writeFileSync(path.join(dir, NAME), '{ not json');
  const r = runCli(['--format', 'json', '--suppress-all', 'sub'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /不是有效的 JSON/);
  assert.equal(fs.readFileSync(path.join(dir, NAME), 'utf8'), '{ not json');
  // Nothing is hidden: the findings are shown as if there were no file.
  const out = JSON.parse(r.stdout) as Entry[];
  assert.equal(out[0].suppressed, undefined);
  assert.ok(out[0].diagnostics.some((d) => d.rule === 'sum-row-total'));
});
