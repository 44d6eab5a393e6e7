/**
 * Output cannot be forged: control characters from file names and report text never reach the
 * terminal raw, in any output mode; JSON and SARIF stay valid and keep the text exactly.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brokenSeed, runCli, tempDir } from './helpers';
import { escapeControl, escapeControlKeepLines } from '../../server/src/cli/format/escape';

/** Every character that must not reach a terminal raw: C0 but tab/newline where kept, DEL, C1, separators, bidi controls. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

test('escapeControl: C0, DEL, C1, separators and bidi controls become visible escapes; other text is unchanged', () => {
  assert.equal(escapeControl('a\nb\rc\td\u001b[2Je\u0007'), 'a\\nb\\rc\\td\\x1b[2Je\\x07');
  assert.equal(escapeControl('\u007f\u0085\u009b'), '\\x7f\\x85\\x9b');
  assert.equal(escapeControl('\u2028\u2029\u202a\u202e\u2066\u2069'), '\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069');
  assert.equal(escapeControl('报告 2023\\年 ✔ “引号”'), '报告 2023\\年 ✔ “引号”');
  for (let c = 0; c < 0x3000; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(RAW.test(escapeControl(ch)) || /[\n\t]/.test(escapeControl(ch)), false, `U+${c.toString(16)}`);
  }
  assert.equal(escapeControlKeepLines('-a\tb\n+a\u001b\tc\r\n'), '-a\tb\n+a\\x1b\tc\\r\n');
});

test('a newline and ESC in a file name, ESC and BEL in a row label: stylish (even --no-color), summary, notes and --print-text headers escape them', () => {
  const dir = tempDir('escape');
  const seed = brokenSeed();
  const label = '(一) 予以公开';
  assert.ok(seed.broken.includes(label));
  const text = seed.broken.replace(label, '(一) 予以\u001b[31m公开\u0007\u202e');
  const name = 'a\n1:1  错误  伪造的结果\u001b[2J\u202e.txt';
  fs.writeFileSync(path.join(dir, name), text);
  fs.writeFileSync(path.join(dir, 'good.txt'), seed.broken);

  for (const args of [
    ['--no-color', '.'],
    ['--color', '.'],
    ['--no-color', '--lang', 'en', '.'],
  ]) {
    const r = runCli(args, { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const withoutOurColours = r.stdout.replace(/\u001b\[\d+m/g, '');
    assert.doesNotMatch(withoutOurColours, RAW, `${args.join(' ')}: no raw control character`);
    assert.ok(r.stdout.includes('a\\n1:1  错误  伪造的结果\\x1b[2J\\u202e.txt'), r.stdout);
    assert.ok(r.stdout.includes('予以\\x1b[31m公开\\x07\\u202e'), 'the quoted row label is escaped');
    // No line of output starts with the forged result.
    assert.ok(!r.stdout.split('\n').some((l) => l.startsWith('1:1  错误')));
  }

  // Machine formats: valid JSON with the exact name; notes on stderr escaped.
  const json = runCli(['-f', 'json', '--verbose', '.'], { cwd: dir });
  const out = JSON.parse(json.stdout) as { file: string }[];
  assert.ok(out.some((e) => e.file === name));
  assert.doesNotMatch(json.stderr, RAW);
  assert.ok(json.stderr.includes('a\\n1:1'), json.stderr);
  const sarif = runCli(['-f', 'sarif', '.'], { cwd: dir });
  assert.ok(JSON.parse(sarif.stdout).runs[0].results.length > 0);

  const printed = runCli(['--print-text', '.'], { cwd: dir });
  assert.equal(printed.code, 0, printed.stderr);
  assert.ok(
    printed.stdout.includes('==> a\\n1:1  错误  伪造的结果\\x1b[2J\\u202e.txt <=='),
    printed.stdout.slice(0, 200),
  );

  // An unreadable file with such a name: its message line on stderr is one line.
  const bad = 'b\rfake\u001b]0;title\u0007.txt';
  fs.writeFileSync(path.join(dir, bad), Buffer.from([0x00, 0x01, 0xff, 0x00]));
  const e = runCli(['-f', 'json', bad], { cwd: dir });
  assert.doesNotMatch(e.stderr, RAW);
  assert.ok(e.stderr.includes('b\\rfake\\x1b]0;title\\x07.txt: '), e.stderr);
});

test('--fix-dry-run: the diff of a report with ESC in it is escaped, tabs and line breaks kept', () => {
  const dir = tempDir('escape-diff');
  const seed = brokenSeed();
  fs.writeFileSync(path.join(dir, 'r.txt'), seed.broken.replace('(一) 予以公开', '(一) 予以公开\u001b[8m'));
  const r = runCli(['--no-color', '--fix-dry-run', 'r.txt'], { cwd: dir });
  assert.doesNotMatch(r.stdout, RAW);
  assert.ok(r.stdout.includes(`\n-${seed.rowLine}\n`), 'tab-separated rows stay as they are in the diff');
});
