/** `--fix` and `--fix-dry-run` never fix a finding the suppressions file hides (the built command). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { serializeSuppressions } from '../../server/src/core';
import { entryAt, suppressedFixture } from '../helpers/suppressed';
import { runCli, tempDir } from './helpers';
import type { JsonEntry } from './helpers';

const NAME = '.govreport-suppressions.json';
type Entry = JsonEntry & { suppressed?: number };

/** The 总计 of a row of table 三 (its last cell), found by its label. */
const totalOf = (t: string, label: string) =>
  t
    .split('\n')
    .find((l) => l.includes(`\t${label}\t`))
    ?.split('\t')
    .at(-1);

function setup(): { dir: string; report: string; labels: string[] } {
  const { text, cells, labels } = suppressedFixture();
  const dir = tempDir('fix-suppressed');
  fs.mkdirSync(path.join(dir, 'sub'));
  const report = path.join(dir, 'sub', '年报.txt');
  fs.writeFileSync(report, text);
  // Found above the report, keyed by the path from there.
  fs.writeFileSync(
    path.join(dir, NAME),
    serializeSuppressions({ version: 1, suppressions: [entryAt(text, 'sum-row-total', cells[0], 'sub/年报.txt')] }),
  );
  return { dir, report, labels };
}

test('--fix writes the fixes of the shown findings and leaves the suppressed total as written', () => {
  const { dir, report, labels } = setup();
  const r = runCli(['--fix', '--format', 'json', 'sub'], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const written = fs.readFileSync(report, 'utf8');
  assert.equal(totalOf(written, labels[0]), '1');
  assert.equal(totalOf(written, labels[1]), '0');
  assert.equal(totalOf(written, labels[2]), '0');
  // The problem is still suppressed in the fixed file, and none of the three rows has a problem shown.
  const out = JSON.parse(r.stdout) as Entry[];
  assert.equal(out[0].suppressed, 1);
  const rowLines = labels.map((l) => written.split('\n').findIndex((x) => x.includes(`\t${l}\t`)) + 1);
  assert.deepEqual(
    out[0].diagnostics.filter((d) => rowLines.includes(d.line)),
    [],
  );
});

test('--fix-dry-run shows no change of the suppressed total', () => {
  const { dir, report, labels } = setup();
  const before = fs.readFileSync(report, 'utf8');
  const r = runCli(['--fix-dry-run', 'sub'], { cwd: dir });
  assert.equal(fs.readFileSync(report, 'utf8'), before);
  const removed = r.stdout.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
  assert.ok(removed.length > 0, r.stdout);
  assert.ok(!removed.some((l) => l.includes(`\t${labels[0]}\t`)), r.stdout);
  assert.ok(
    removed.some((l) => l.includes(`\t${labels[1]}\t`)),
    r.stdout,
  );
});

test('a suppressions file that cannot be read as it is: nothing is fixed, and the run says why', () => {
  const { dir, report } = setup();
  fs.writeFileSync(path.join(dir, NAME), '{ not json');
  const before = fs.readFileSync(report, 'utf8');
  const r = runCli(['--fix', 'sub'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(fs.readFileSync(report, 'utf8'), before);
  assert.match(r.stderr, /未修复：忽略记录文件 \.govreport-suppressions\.json 无法完整读取/);
  const en = runCli(['--fix', '--lang', 'en', 'sub'], { cwd: dir });
  assert.match(en.stderr, /not fixed: the suppressions file \.govreport-suppressions\.json cannot be read as it is/);
  assert.equal(fs.readFileSync(report, 'utf8'), before);
});
