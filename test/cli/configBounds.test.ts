/**
 * `.govreportrc.json` is bounded: a deeply nested or huge value is an error of that file (named, with
 * at most a short excerpt of the value), the file is ignored, and every input is still checked.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_LIMITS, parseConfig, previewValue, tooDeepAt } from '../../server/src/config/config';
import { loadConfigFile } from '../../server/src/config/find';
import { spawnSync } from 'node:child_process';
import { brokenSeed, runCli, tempDir } from './helpers';

function brokenSeedFile(file: string): void {
  fs.writeFileSync(file, brokenSeed().broken);
}

/** `{"rules":{"sum-row-total":[[[…]]]}}` nested `n` deep. */
function deepRc(n: number): string {
  return '{"rules":{"sum-row-total":' + '['.repeat(n) + ']'.repeat(n) + '}}';
}

describe('configuration bounds (parseConfig)', () => {
  test('nesting deeper than the limit is refused before parsing, with the line and column', () => {
    for (const n of [CONFIG_LIMITS.maxDepth + 1, 6000, 400_000]) {
      const r = parseConfig(deepRc(n));
      assert.deepEqual(r.config, {});
      assert.equal(r.problems.length, 1);
      assert.equal(r.problems[0].severity, 'error');
      assert.match(r.problems[0].message.en, /nested too deeply \(more than 32 levels, at line 1, column \d+\)/);
      assert.ok(r.problems[0].message.en.length < 200);
    }
    // Within the limit the value is parsed (and is an invalid severity, quoted briefly).
    const ok = parseConfig(deepRc(CONFIG_LIMITS.maxDepth - 2));
    assert.equal(ok.problems[0].path, 'rules.sum-row-total');
    assert.match(ok.problems[0].message.en, /invalid severity/);
  });

  test('brackets inside strings do not count as nesting; escaped quotes do not end a string', () => {
    assert.equal(tooDeepAt('{"a":"' + '['.repeat(100) + '\\"' + '{'.repeat(100) + '"}', 3), undefined);
    assert.equal(tooDeepAt('[[[[', 3), 3);
    assert.equal(tooDeepAt('[[[]]]', 3), undefined);
  });

  test('a huge severity string, rule id or setting name is quoted as a short excerpt', () => {
    const big = 'x'.repeat(200_000);
    const r = parseConfig(
      JSON.stringify({ rules: { 'sum-row-total': big, [big]: 'error' }, [big]: 1, detection: { [big]: 1 } }),
      ['sum-row-total'],
    );
    assert.equal(r.problems.length, 4);
    for (const p of r.problems) {
      assert.ok(p.message.en.length < 200, `${p.message.en.length} characters: ${p.message.en.slice(0, 100)}`);
      assert.ok(p.message.zh.length < 200);
      assert.ok(p.path.length < 100);
    }
    assert.match(r.problems[0].message.en, /^invalid severity for rule "sum-row-total": "x{59}…/);
  });

  test('a wide value (many elements) is previewed without serializing it', () => {
    const wide = Array.from({ length: 20_000 }, (_, i) => ({ [`k${i}`]: 'v'.repeat(10) }));
    const shown = previewValue(wide);
    assert.ok(shown.length <= CONFIG_LIMITS.excerptChars + 1);
    assert.ok(shown.startsWith('[{"k0":"vvvvvvvvvv"},{"k1"'));
    assert.equal(previewValue('loud'), '"loud"');
    assert.equal(previewValue([1, [true, null]]), '[1,[true,null]]');
  });

  test('text over the size limit is refused without parsing', () => {
    const r = parseConfig(' '.repeat(CONFIG_LIMITS.maxChars) + '{}');
    assert.equal(r.problems[0].severity, 'error');
    assert.match(r.problems[0].message.en, /too large \(1025 KB, limit 1024 KB\)/);
  });

  test('a file over the size limit is not read; a FIFO is refused without blocking', () => {
    const dir = tempDir('rc-size');
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, JSON.stringify({ rules: { 'sum-row-total': 'e'.repeat(10 * 1024 * 1024) } }));
    const before = process.memoryUsage().rss;
    const loaded = loadConfigFile(big);
    assert.match(loaded.problems[0].message.en, /too large \(10241 KB, limit 1024 KB\); ignored/);
    assert.ok(process.memoryUsage().rss - before < 50 * 1024 * 1024, 'the file was not read into memory');
    fs.rmSync(big);
    const fifo = path.join(dir, 'fifo.json');
    const mk = spawnSync('mkfifo', [fifo]);
    if (mk.status === 0) assert.match(loadConfigFile(fifo).problems[0].message.en, /not a regular file/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('configuration bounds (the CLI)', () => {
  test('a 6,000-deep rc file: that file is named, every input is checked with the defaults, exit 2', () => {
    const dir = tempDir('rc-deep');
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, sub));
      brokenSeedFile(path.join(dir, sub, 'r.txt'));
    }
    fs.writeFileSync(path.join(dir, 'a', '.govreportrc.json'), deepRc(6000));
    const r = runCli(['-f', 'json', '--lang', 'en', 'a/r.txt', 'b/r.txt'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|RangeError/);
    assert.match(
      r.stderr,
      /a[/\\]\.govreportrc\.json: error: nested too deeply \(more than 32 levels, at line 1, column 57\); ignored/,
    );
    const files = JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }[];
    assert.equal(files.length, 2);
    assert.ok(files[1].diagnostics.length > 0);
    assert.deepEqual(
      files[0].diagnostics,
      files[1].diagnostics,
      'the folder with the broken file is checked with the defaults',
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a 100 MB severity string: refused by size, the message is short, the run is quick', () => {
    const dir = tempDir('rc-huge');
    brokenSeedFile(path.join(dir, 'r.txt'));
    fs.writeFileSync(
      path.join(dir, '.govreportrc.json'),
      '{"rules":{"sum-row-total":"' + 'e'.repeat(100 * 1024 * 1024) + '"}}',
    );
    const t0 = Date.now();
    const r = runCli(['-f', 'json', '--lang', 'en', 'r.txt'], { cwd: dir });
    const ms = Date.now() - t0;
    assert.equal(r.code, 2);
    assert.ok(r.stderr.length < 300, r.stderr.slice(0, 300));
    assert.match(r.stderr, /too large \(102401 KB, limit 1024 KB\); ignored/);
    assert.ok((JSON.parse(r.stdout) as { diagnostics: unknown[] }[])[0].diagnostics.length > 0);
    assert.ok(ms < 10_000, `${ms} ms`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
