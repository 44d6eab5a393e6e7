/** --fix and --fix-dry-run: in-place atomic writes that keep encoding, BOM and line endings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { brokenSeed, makeDocx, runCli, tempDir } from './helpers';
import type { JsonEntry } from './helpers';

/** Only the arithmetic is fixed here, so the fixed file must equal the seed as committed. */
const ONLY_SUMS = ['--rule', 'section-title=off', '--rule', 'table-label=off'];

interface Variant {
  name: string;
  encode(text: string): Buffer;
  eol: '\n' | '\r\n';
  encodingLabel: string;
}

const VARIANTS: Variant[] = [
  { name: 'UTF-8 LF', encode: (t) => Buffer.from(t, 'utf8'), eol: '\n', encodingLabel: 'UTF-8' },
  { name: 'UTF-8 CRLF', encode: (t) => Buffer.from(t, 'utf8'), eol: '\r\n', encodingLabel: 'UTF-8' },
  {
    name: 'UTF-8 BOM',
    encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
    eol: '\n',
    encodingLabel: 'UTF-8 BOM',
  },
  {
    name: 'UTF-8 BOM CRLF',
    encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
    eol: '\r\n',
    encodingLabel: 'UTF-8 BOM',
  },
  { name: 'GBK', encode: (t) => iconv.encode(t, 'gbk'), eol: '\n', encodingLabel: 'GB18030' },
  { name: 'GBK CRLF', encode: (t) => iconv.encode(t, 'gbk'), eol: '\r\n', encodingLabel: 'GB18030' },
];

for (const v of VARIANTS) {
  test(`--fix round trip keeps the file's form: ${v.name}`, () => {
    const seed = brokenSeed();
    const dir = tempDir('fix');
    const file = path.join(dir, 'report.txt');
    const brokenBytes = v.encode(seed.broken.replace(/\n/g, v.eol));
    const expected = v.encode(seed.original.replace(/\n/g, v.eol));
    assert.notDeepEqual(brokenBytes, expected);
    fs.writeFileSync(file, brokenBytes);

    const verbose = runCli(['--verbose', 'report.txt', ...ONLY_SUMS], { cwd: dir });
    assert.equal(verbose.code, 1);
    assert.match(
      verbose.stderr,
      new RegExp(`report\\.txt: text，编码 ${v.encodingLabel}，换行 ${v.eol === '\n' ? 'LF' : 'CRLF'}，`),
    );

    const r = runCli(['--fix', '-f', 'json', 'report.txt', ...ONLY_SUMS], { cwd: dir });
    const after = fs.readFileSync(file);
    assert.ok(after.equals(expected), `fixed file differs from the seed (${after.length} vs ${expected.length} bytes)`);
    // What is left after fixing is reported; the sums are no longer among it.
    const out = JSON.parse(r.stdout) as JsonEntry[];
    assert.ok(!out[0].diagnostics.some((d) => d.rule.startsWith('sum-')), JSON.stringify(out[0].diagnostics));
    assert.equal(r.code, 0, r.stderr);
    // No temporary file is left behind.
    assert.deepEqual(fs.readdirSync(dir), ['report.txt']);
  });
}

test('--fix keeps the file mode and reports what it wrote', () => {
  const dir = tempDir('fixmode');
  const file = path.join(dir, 'r.txt');
  fs.writeFileSync(file, brokenSeed().broken);
  fs.chmodSync(file, 0o640);
  const r = runCli(['--fix', 'r.txt', ...ONLY_SUMS], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /已写入 \d+ 处修复/);
  assert.match(r.stdout, /已修复 1 个/);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.equal(fs.readFileSync(file, 'utf8'), brokenSeed().original);
});

test('--fix applies every safe fix (warnings with a preferred fix too) and re-checks the result', () => {
  const dir = tempDir('fixall');
  const file = path.join(dir, 'r.txt');
  fs.writeFileSync(file, brokenSeed().broken);
  const before = JSON.parse(runCli(['-f', 'json', 'r.txt'], { cwd: dir }).stdout) as JsonEntry[];
  const fixable = before[0].diagnostics.filter((d) => d.fixable);
  assert.ok(fixable.length >= 2);
  runCli(['--fix', 'r.txt'], { cwd: dir });
  const after = JSON.parse(runCli(['-f', 'json', 'r.txt'], { cwd: dir }).stdout) as JsonEntry[];
  assert.deepEqual(
    after[0].diagnostics.filter((d) => d.fixable),
    [],
  );
  assert.ok(fs.readFileSync(file, 'utf8') !== brokenSeed().broken);
});

test('--fix-dry-run prints a unified diff and writes nothing', () => {
  const seed = brokenSeed();
  const dir = tempDir('dry');
  const file = path.join(dir, 'r.txt');
  fs.writeFileSync(file, seed.broken);
  const r = runCli(['--fix-dry-run', 'r.txt', ...ONLY_SUMS], { cwd: dir });
  assert.equal(fs.readFileSync(file, 'utf8'), seed.broken);
  assert.match(r.stdout, /^--- r\.txt\n\+\+\+ r\.txt\n/m);
  assert.match(r.stdout, new RegExp(`^@@ -\\d+,\\d+ \\+\\d+,\\d+ @@`, 'm'));
  assert.ok(r.stdout.includes(`\n-${seed.rowLine}\n`));
  assert.ok(r.stdout.includes(`\n+${seed.rowLine.replace(/\t3\t/, '\t0\t')}\n`));
  assert.equal(r.code, 0);
  const j = JSON.parse(
    runCli(['--fix-dry-run', '-f', 'json', 'r.txt', ...ONLY_SUMS], { cwd: dir }).stdout,
  ) as JsonEntry[];
  assert.ok(j[0].diff?.includes(`-${seed.rowLine}`));
});

test('.docx files are never written by --fix', async () => {
  const dir = tempDir('fixdocx');
  const file = path.join(dir, 'r.docx');
  const bytes = await makeDocx(brokenSeed().broken);
  fs.writeFileSync(file, bytes);
  const r = runCli(['--fix', 'r.docx'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /docx 文件不会被修改/);
  assert.ok(fs.readFileSync(file).equals(bytes));
  assert.deepEqual(fs.readdirSync(dir), ['r.docx']);
});
