/** The built command on text reports: exit codes, the three output formats, configuration, batches. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { brokenSeed, runCli, seedText, SEEDS, tempDir, ROOT } from './helpers';
import type { JsonEntry } from './helpers';

function writeBroken(dir: string, name = 'broken.txt'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, brokenSeed().broken);
  return file;
}

test('a seed with a broken total: exit 1 and sum-row-total at the cell (json, 1-based, UTF-16 columns)', () => {
  const dir = tempDir('broken');
  writeBroken(dir);
  const seed = brokenSeed();
  const r = runCli(['--format', 'json', 'broken.txt'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as JsonEntry[];
  assert.equal(out.length, 1);
  assert.equal(out[0].file, 'broken.txt');
  const hits = out[0].diagnostics.filter((d) => d.rule === 'sum-row-total');
  assert.equal(hits.length, 1);
  const d = hits[0];
  assert.deepEqual(
    {
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      severity: d.severity,
      fixable: d.fixable,
    },
    {
      line: seed.line,
      column: seed.column,
      endLine: seed.line,
      endColumn: seed.column + 1,
      severity: 'error',
      fixable: true,
    },
  );
  // Exactly the documented keys, in the documented order.
  assert.deepEqual(Object.keys(d), [
    'rule',
    'severity',
    'message',
    'line',
    'column',
    'endLine',
    'endColumn',
    'fixable',
  ]);
  assert.match(d.message, /合计/);
});

test('json messages follow --lang', () => {
  const dir = tempDir('lang');
  writeBroken(dir);
  const zh = JSON.parse(runCli(['-f', 'json', 'broken.txt'], { cwd: dir }).stdout) as JsonEntry[];
  const en = JSON.parse(runCli(['-f', 'json', '--lang', 'en', 'broken.txt'], { cwd: dir }).stdout) as JsonEntry[];
  const zhMsg = zh[0].diagnostics.find((d) => d.rule === 'sum-row-total')!.message;
  const enMsg = en[0].diagnostics.find((d) => d.rule === 'sum-row-total')!.message;
  assert.match(zhMsg, /[\u4e00-\u9fff]/);
  assert.notEqual(zhMsg, enMsg);
  assert.match(enMsg, /^[^\u4e00-\u9fff]*[A-Za-z]/);
});

test('columns count UTF-16 code units: a CJK Extension B character before the cell shifts it by two', () => {
  const dir = tempDir('utf16');
  const seed = brokenSeed();
  // "𠀾" (U+2003E) is one character but two UTF-16 code units: put it in the empty cell
  // between the row's label and its first number.
  const lines = seed.broken.split('\n');
  const i = seed.line - 1;
  lines[i] = lines[i].replace('\t\t', '\t𠀾\t');
  fs.writeFileSync(path.join(dir, 'a.txt'), lines.join('\n'));
  const out = JSON.parse(runCli(['-f', 'json', 'a.txt'], { cwd: dir }).stdout) as JsonEntry[];
  const d = out[0].diagnostics.find((x) => x.rule === 'sum-row-total');
  assert.ok(d, JSON.stringify(out[0].diagnostics.map((x) => x.rule)));
  assert.equal(d.line, seed.line);
  assert.equal(d.column, seed.column + 2);
  assert.equal(d.endColumn, seed.column + 3);
});

test('stylish: Chinese by default, English with --lang en, grouped by file, summary line, no colour when piped', () => {
  const dir = tempDir('stylish');
  writeBroken(dir);
  const seed = brokenSeed();
  const zh = runCli(['broken.txt'], { cwd: dir });
  assert.equal(zh.code, 1);
  assert.ok(zh.stdout.startsWith('broken.txt\n'), zh.stdout);
  assert.match(zh.stdout, new RegExp(`^  ${seed.line}:${seed.column} +错误 .*sum-row-total$`, 'm'));
  assert.match(zh.stdout, /✖ \d+ 个问题（\d+ 个错误/);
  assert.match(zh.stdout, /共 1 个文件：已检查 1 个，其中 1 个有错误/);
  assert.match(zh.stdout, /按规则：.*sum-row-total 1/);
  assert.doesNotMatch(zh.stdout, /\u001b\[/);
  const en = runCli(['--lang', 'en', 'broken.txt'], { cwd: dir });
  assert.match(en.stdout, new RegExp(`^  ${seed.line}:${seed.column} +error .*sum-row-total$`, 'm'));
  assert.match(en.stdout, /1 file: 1 checked, 1 with errors/);
  const colored = runCli(['--color', 'broken.txt'], { cwd: dir });
  assert.match(colored.stdout, /\u001b\[31m错误\u001b\[39m/);
});

test('sarif output is valid SARIF 2.1.0 and carries the finding, its rule and its fix', () => {
  const dir = tempDir('sarif');
  writeBroken(dir);
  const seed = brokenSeed();
  const r = runCli(['--format', 'sarif', 'broken.txt', 'missing.txt'], { cwd: dir });
  assert.equal(r.code, 2); // the missing file is an I/O error
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const log: any = JSON.parse(r.stdout);
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The published schema has a pattern that is invalid in Unicode mode (`[a-zA-Z]{2}]?`).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  // The validator is not vacuous: a result without a message is rejected.
  const bad = structuredClone(log);
  delete bad.runs[0].results[0].message;
  assert.equal(validate(bad), false);
  assert.equal(validate({ ...log, version: '2.0.0' }), false);

  const run = log.runs[0];
  assert.equal(log.version, '2.1.0');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'sum-row-total');
  assert.ok(res);
  assert.equal(res.level, 'error');
  assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'sum-row-total');
  const loc = res.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'broken.txt');
  assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.deepEqual(loc.region, {
    startLine: seed.line,
    startColumn: seed.column,
    endLine: seed.line,
    endColumn: seed.column + 1,
  });
  const rep = res.fixes[0].artifactChanges[0].replacements[0];
  assert.deepEqual(rep.deletedRegion, loc.region);
  assert.equal(rep.insertedContent.text, '0');
  const note = run.invocations[0].toolExecutionNotifications.find(
    (n: { descriptor: { id: string } }) => n.descriptor.id === 'not-found',
  );
  assert.ok(note);
  assert.equal(run.invocations[0].executionSuccessful, false);
});

test('exit codes: 0 for warnings only, 1 over --max-warnings, 2 for a usage error', () => {
  const seeds = path.relative(ROOT, SEEDS);
  const ok = runCli([seeds]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /警告/);
  const over = runCli(['--max-warnings', '0', seeds]);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /超过 --max-warnings 0/);
  const enough = runCli(['--max-warnings', '1000', seeds]);
  assert.equal(enough.code, 0);
  const usage = runCli(['--frobnicate', seeds]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /用法错误：未知选项：--frobnicate/);
  assert.match(usage.stderr, /usage error: unknown option: --frobnicate/);
  assert.equal(usage.stdout, '');
  assert.equal(runCli([]).code, 2);
  assert.equal(runCli(['--format', 'xml', seeds]).code, 2);
  assert.equal(runCli(['--rule', 'no-such-rule=off', seeds]).code, 2);
  assert.equal(runCli(['--rule', 'sum-row-total=loud', seeds]).code, 2);
});

test('--help is in Chinese and English; --version prints the package version', () => {
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /用法/);
  assert.match(help.stdout, /Usage/);
  for (const opt of ['--format', '--fix', '--fix-dry-run', '--rule', '--lang', '--max-warnings', '--print-text']) {
    assert.ok(help.stdout.includes(opt), opt);
  }
  const version = runCli(['--version']);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(version.stdout.trim(), pkg.version);
});

test('--quiet reports errors only', () => {
  const dir = tempDir('quiet');
  writeBroken(dir);
  const out = JSON.parse(runCli(['-q', '-f', 'json', 'broken.txt'], { cwd: dir }).stdout) as JsonEntry[];
  assert.ok(out[0].diagnostics.length > 0);
  assert.ok(out[0].diagnostics.every((d) => d.severity === 'error'));
  const all = JSON.parse(runCli(['-f', 'json', 'broken.txt'], { cwd: dir }).stdout) as JsonEntry[];
  assert.ok(all[0].diagnostics.some((d) => d.severity === 'warning'));
});

test('severity overrides: --rule and .govreportrc.json found by walking up, nearest file wins, root stops', () => {
  const dir = tempDir('config');
  const sub = path.join(dir, 'a', 'b');
  fs.mkdirSync(sub, { recursive: true });
  writeBroken(sub);
  const rel = path.join('a', 'b', 'broken.txt');
  const rulesOf = (r: { stdout: string }) =>
    (JSON.parse(r.stdout) as JsonEntry[])[0].diagnostics.map((d) => `${d.rule}:${d.severity}`);

  assert.ok(rulesOf(runCli(['-f', 'json', rel], { cwd: dir })).includes('sum-row-total:error'));

  const off = runCli(['-f', 'json', '--rule', 'sum-row-total=off', rel], { cwd: dir });
  assert.ok(!rulesOf(off).some((x) => x.startsWith('sum-row-total:')));

  fs.writeFileSync(
    path.join(dir, '.govreportrc.json'),
    JSON.stringify({ rules: { 'sum-row-total': 'warning', 'sum-balance': 'off' } }),
  );
  let found = rulesOf(runCli(['-f', 'json', rel], { cwd: dir }));
  assert.ok(found.includes('sum-row-total:warning'), found.join());
  assert.ok(!found.some((x) => x.startsWith('sum-balance:')));

  // A nearer file overrides one rule; the other setting still comes from above.
  fs.writeFileSync(path.join(dir, 'a', '.govreportrc.json'), JSON.stringify({ rules: { 'sum-row-total': 'info' } }));
  found = rulesOf(runCli(['-f', 'json', rel], { cwd: dir }));
  assert.ok(found.includes('sum-row-total:info'), found.join());
  assert.ok(!found.some((x) => x.startsWith('sum-balance:')));

  // "root": true stops the search: the outer file no longer applies.
  fs.writeFileSync(
    path.join(dir, 'a', '.govreportrc.json'),
    JSON.stringify({ root: true, rules: { 'sum-row-total': 'info' } }),
  );
  found = rulesOf(runCli(['-f', 'json', rel], { cwd: dir }));
  assert.ok(
    found.some((x) => x.startsWith('sum-balance:error')),
    found.join(),
  );

  // The command line wins over every file.
  found = rulesOf(runCli(['-f', 'json', '--rule', 'sum-row-total=error', rel], { cwd: dir }));
  assert.ok(found.includes('sum-row-total:error'));

  // --no-config ignores the files; --config uses only the one given.
  found = rulesOf(runCli(['-f', 'json', '--no-config', rel], { cwd: dir }));
  assert.ok(found.includes('sum-row-total:error'));
  fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ rules: { 'sum-row-total': 'off' } }));
  found = rulesOf(runCli(['-f', 'json', '--config', 'other.json', rel], { cwd: dir }));
  assert.ok(!found.some((x) => x.startsWith('sum-row-total:')));
});

test('an invalid configuration file is reported and the exit code is 2; an unknown rule id is a warning', () => {
  const dir = tempDir('badconfig');
  writeBroken(dir);
  fs.writeFileSync(path.join(dir, '.govreportrc.json'), '{ "rules": { "sum-row-total": "loud" } }');
  const r = runCli(['broken.txt'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.govreportrc\.json \(rules\.sum-row-total\): 错误: 规则“sum-row-total”的级别无效/);
  assert.match(r.stdout, /sum-row-total/); // the file was still checked, with the default severity
  fs.writeFileSync(path.join(dir, '.govreportrc.json'), '{ "rules": { "no-such-rule": "off" } }');
  const w = runCli(['broken.txt'], { cwd: dir });
  assert.equal(w.code, 1);
  assert.match(w.stderr, /警告: 未知的规则“no-such-rule”/);
  fs.writeFileSync(path.join(dir, '.govreportrc.json'), '{ rules: ');
  assert.equal(runCli(['broken.txt'], { cwd: dir }).code, 2);
});

test('detection: a text that is not a report is skipped with a note; --force checks it', () => {
  const dir = tempDir('notreport');
  fs.writeFileSync(path.join(dir, 'notes.txt'), '会议纪要\n今天讨论了三件事。\n');
  const r = runCli(['notes.txt'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /notes\.txt\n {2}未识别为政府信息公开工作年度报告，已跳过/);
  // It says why: no title, and how many of the six headings it found.
  assert.match(r.stdout, /原因：没有写明“政府信息公开……报告”的标题，六个规定章节的标题只找到 0 个/);
  assert.match(r.stdout, /1 个不是年度报告/);
  const j = JSON.parse(runCli(['-f', 'json', 'notes.txt'], { cwd: dir }).stdout) as JsonEntry[];
  assert.deepEqual(j, [{ file: 'notes.txt', diagnostics: [], skipped: 'not-a-report' }]);
  const forced = JSON.parse(runCli(['-f', 'json', '--force', 'notes.txt'], { cwd: dir }).stdout) as JsonEntry[];
  assert.equal(forced[0].skipped, undefined);
  assert.ok(forced[0].diagnostics.some((d) => d.rule === 'section-missing'));
  fs.writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ detection: { force: true } }));
  const viaConfig = JSON.parse(runCli(['-f', 'json', 'notes.txt'], { cwd: dir }).stdout) as JsonEntry[];
  assert.ok(viaConfig[0].diagnostics.some((d) => d.rule === 'section-missing'));
});

test('folders are searched for .txt .md .docx .pdf; globs are expanded; hidden folders are not entered', () => {
  const dir = tempDir('discover');
  fs.mkdirSync(path.join(dir, 'r', 'sub'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'r', '.hidden'));
  fs.writeFileSync(path.join(dir, 'r', 'a.txt'), seedText('002_'));
  fs.writeFileSync(path.join(dir, 'r', 'sub', 'b.md'), seedText('004_'));
  fs.writeFileSync(path.join(dir, 'r', 'sub', 'c.csv'), 'x');
  fs.writeFileSync(path.join(dir, 'r', '.hidden', 'd.txt'), seedText('002_'));
  const files = (args: string[]) =>
    (JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout) as JsonEntry[]).map((e) => e.file);
  assert.deepEqual(files(['r']), [path.join('r', 'a.txt'), path.join('r', 'sub', 'b.md')]);
  assert.deepEqual(files(['r/**/*.md']), [path.join('r', 'sub', 'b.md')]);
  assert.deepEqual(files(['r/*.txt', 'r/a.txt']), [path.join('r', 'a.txt')]);
});

test('a batch in parallel gives the same results as one thread', () => {
  const dir = tempDir('parallel');
  const seeds = fs.readdirSync(SEEDS);
  for (let i = 0; i < 40; i++) {
    const text = i % 7 === 0 ? brokenSeed().broken : fs.readFileSync(path.join(SEEDS, seeds[i % seeds.length]), 'utf8');
    fs.writeFileSync(path.join(dir, `r${String(i).padStart(2, '0')}.txt`), text);
  }
  const one = runCli(['-f', 'json', '-j', '1', '.'], { cwd: dir });
  const four = runCli(['-f', 'json', '-j', '4', '.'], { cwd: dir });
  assert.equal(one.code, 1);
  assert.equal(four.code, 1);
  assert.equal(four.stdout, one.stdout);
  assert.equal((JSON.parse(one.stdout) as JsonEntry[]).length, 40);
});

test('--output-file writes the report to a file', () => {
  const dir = tempDir('outfile');
  writeBroken(dir);
  const r = runCli(['-f', 'sarif', '-o', 'out.sarif', 'broken.txt'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version, '2.1.0');
});
