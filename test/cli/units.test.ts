/** The CLI's small modules: configuration, encodings, PDF line layout, Word HTML, globs, arguments, positions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import Ajv from 'ajv';
import { RULES } from '../../server/src/core';
import { mergeConfigs, parseConfig, parseRuleOverride, toLintOptions } from '../../server/src/config/config';
import { ConfigResolver, findConfigFiles } from '../../server/src/config/find';
import { buildConfigSchema } from '../../server/src/config/schema';
import { decodeText, encodeText, lineEndingOf, looksBinary, matchLineEndings } from '../../server/src/io/encoding';
import { layoutPage, joinPages } from '../../server/src/io/pdfLayout';
import { htmlToText } from '../../server/src/io/html';
import { writeFileAtomic } from '../../server/src/io/write';
import { globBase, globToRegExp } from '../../server/src/cli/glob';
import { parseArgs } from '../../server/src/cli/args';
import { lineIndex, positionAt } from '../../server/src/cli/positions';
import { jobsFor, run } from '../../server/src/cli/run';
import { ROOT, tempDir } from './helpers';

test('parseConfig: valid settings, and each invalid part described without throwing', () => {
  const ok = parseConfig(
    '\uFEFF{"$schema":"x","root":true,"rules":{"sum-row-total":"Warn","table-label":"off"},"detection":{"force":true}}',
    ['sum-row-total', 'table-label'],
  );
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.config, {
    root: true,
    rules: { 'sum-row-total': 'warning', 'table-label': 'off' },
    detection: { force: true },
  });

  const bad = parseConfig(
    '{"rules":{"sum-row-total":"loud","x-rule":"error"},"detection":{"force":"yes","other":1},"extra":1}',
    ['sum-row-total'],
  );
  assert.deepEqual(bad.config, { rules: { 'x-rule': 'error' }, detection: {} });
  assert.deepEqual(
    bad.problems.map((p) => `${p.severity} ${p.path}`),
    [
      'error rules.sum-row-total',
      'warning rules.x-rule',
      'error detection.force',
      'warning detection.other',
      'warning extra',
    ],
  );
  assert.equal(parseConfig('{ rules: ').problems[0].severity, 'error');
  assert.equal(parseConfig('[1]').problems[0].path, '');
  assert.equal(parseConfig('{"rules":[]}').problems[0].path, 'rules');
});

test('mergeConfigs and toLintOptions: nearer files override rule by rule; command-line overrides last', () => {
  const merged = mergeConfigs([
    { rules: { a: 'error', b: 'warning' }, detection: { force: true } },
    { rules: { b: 'off' } },
  ]);
  assert.deepEqual(merged, { rules: { a: 'error', b: 'off' }, detection: { force: true } });
  assert.deepEqual(toLintOptions(merged, { a: 'info' }), { rules: { a: 'info', b: 'off' }, force: true });
  assert.deepEqual(toLintOptions({}), {});
  assert.deepEqual(parseRuleOverride('sum-row-total=warn'), { ruleId: 'sum-row-total', severity: 'warning' });
  assert.deepEqual(parseRuleOverride(' a : off '), { ruleId: 'a', severity: 'off' });
  assert.ok('error' in parseRuleOverride('a=loud'));
  assert.ok('error' in parseRuleOverride('nothing'));
});

test('ConfigResolver walks up from a file, nearest first, and stops at root: true', () => {
  const dir = tempDir('resolve');
  const deep = path.join(dir, 'x', 'y', 'z');
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(dir, '.govreportrc.json'), '{"rules":{"a":"error","b":"error"}}');
  fs.writeFileSync(path.join(dir, 'x', 'y', '.govreportrc.json'), '{"rules":{"a":"off"}}');
  assert.deepEqual(findConfigFiles(deep).slice(0, 2), [
    path.join(dir, 'x', 'y', '.govreportrc.json'),
    path.join(dir, '.govreportrc.json'),
  ]);
  let resolved = new ConfigResolver().forFile(path.join(deep, 'r.txt'));
  assert.deepEqual(resolved.config.rules, { a: 'off', b: 'error' });
  fs.writeFileSync(path.join(dir, 'x', 'y', '.govreportrc.json'), '{"root":true,"rules":{"a":"off"}}');
  resolved = new ConfigResolver().forFile(path.join(deep, 'r.txt'));
  assert.deepEqual(resolved.config.rules, { a: 'off' });
  assert.equal(resolved.files.length, 1);
});

test('the committed JSON schema is the one built from the rule catalogue, and it validates configurations', () => {
  const committedText = fs.readFileSync(path.join(ROOT, 'schemas', 'govreportrc.schema.json'), 'utf8');
  assert.deepEqual(
    JSON.parse(committedText),
    buildConfigSchema(RULES),
    'schemas/govreportrc.schema.json is stale: run `npm run docs`',
  );
  const committed = JSON.parse(committedText) as { properties: { rules: { properties: Record<string, unknown> } } };
  for (const r of RULES) assert.ok(committed.properties.rules.properties[r.meta.id], r.meta.id);
  const validate = new Ajv({ strict: false }).compile(committed);
  assert.equal(validate({ rules: { 'sum-row-total': 'warning' }, detection: { force: true }, root: true }), true);
  assert.equal(validate({ rules: { 'sum-row-total': 'loud' } }), false);
  assert.equal(validate({ detection: { force: 'yes' } }), false);
  assert.equal(validate({ colour: 'red' }), false);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(
    pkg.contributes.jsonValidation.filter((v: { fileMatch: string }) => v.fileMatch === '.govreportrc.json'),
    [{ fileMatch: '.govreportrc.json', url: './schemas/govreportrc.schema.json' }],
  );
});

test('decodeText: UTF-8, UTF-8 BOM, UTF-16 BOM and GB18030/GBK; undecodable bytes are refused', () => {
  const text = '三、收到和处理政府信息公开申请情况\r\n一、本年新收\t3\t𠀾';
  assert.deepEqual(decodeText(Buffer.from(text)), { text, encoding: 'utf-8', bom: false });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), {
    text,
    encoding: 'utf-8',
    bom: true,
  });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  assert.deepEqual(decodeText(le), { text, encoding: 'utf-16le', bom: true });
  const gbkText = '三、收到和处理政府信息公开申请情况\n总计 12';
  const gbk = iconv.encode(gbkText, 'gbk');
  assert.deepEqual(decodeText(gbk), { text: gbkText, encoding: 'gb18030', bom: false });
  assert.ok(encodeText(gbkText, { encoding: 'gb18030', bom: false }).equals(gbk), 'GBK text re-encodes byte for byte');
  for (const d of [decodeText(le)!, decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))!]) {
    assert.equal(decodeText(encodeText(d.text, d))!.text, text);
  }
  assert.equal(decodeText(Buffer.from([0x81, 0x20, 0x81])), undefined);
  assert.equal(looksBinary(Buffer.from('abc\u0000def')), true);
  assert.equal(looksBinary(Buffer.from(text)), false);
});

test('line endings: detected, and fixes inserting LF follow a CRLF file', () => {
  assert.equal(lineEndingOf('a\r\nb\r\n'), 'CRLF');
  assert.equal(lineEndingOf('a\nb'), 'LF');
  assert.equal(lineEndingOf('a\rb'), 'CR');
  assert.equal(lineEndingOf('a\r\nb\n'), 'mixed');
  assert.equal(lineEndingOf('ab'), 'none');
  assert.equal(matchLineEndings('a\r\nb', 'a\r\nx\ny\r\nb'), 'a\r\nx\r\ny\r\nb');
  assert.equal(matchLineEndings('a\nb', 'a\nx\ny'), 'a\nx\ny');
  assert.equal(matchLineEndings('a\r\nb\nc', 'a\r\nx\nb\nc'), 'a\r\nx\nb\nc');
});

test('layoutPage: one line per baseline, left to right; a gap becomes one space; touching items join', () => {
  const it = (str: string, x: number, y: number, width: number, size = 10) => ({ str, x, y, width, size });
  const lines = layoutPage([
    it('0', 300, 700, 5),
    it('一、本年新收', 50, 700.6, 60),
    it('政府信息', 110, 700, 40), // touches the previous item: same cell
    it(' ', 150, 700, 4), // a space item is only a gap
    it('12', 200, 699.8, 10),
    it('标题', 50, 740, 20),
    it('第二页眉', 50, 20, 40),
  ]);
  assert.deepEqual(lines, ['标题', '一、本年新收政府信息 12 0', '第二页眉']);
  assert.equal(joinPages([['a', 'b'], [], ['c']]), 'a\nb\n\nc');
  assert.deepEqual(layoutPage([]), []);
});

test("htmlToText (mammoth's HTML): paragraphs per line, tables as tab-separated rows, merged cells expanded, entities decoded", async () => {
  const html =
    '<h1>报告</h1><p>甲 &amp; 乙 &lt;1&gt; &#x4E00;</p><p></p>' +
    '<table><tr><td rowspan="2"><p>三、本年度</p><p>办理结果</p></td><td><p>（一）</p></td><td><p>1</p></td></tr>' +
    '<tr><td><p>（二）</p></td><td><p>2</p></td></tr>' +
    '<tr><td colspan="2"><p>合计</p></td><td><p>3</p><p>4</p></td></tr></table><p>a<br />b</p>';
  assert.equal(
    await htmlToText(html),
    ['报告', '甲 & 乙 <1> 一', '三、本年度办理结果\t（一）\t1', '\t（二）\t2', '合计\t\t3 4', 'a', 'b'].join('\n'),
  );
});

test('globs: *, **, ?, [..] and {a,b}; the folder to walk from', () => {
  assert.ok(globToRegExp('/r/**/*.md').test('/r/a/b/c.md'));
  assert.ok(globToRegExp('/r/**/*.md').test('/r/c.md'));
  assert.ok(!globToRegExp('/r/*.md').test('/r/a/c.md'));
  assert.ok(globToRegExp('/r/202?/*.{txt,pdf}').test('/r/2023/x.pdf'));
  assert.ok(!globToRegExp('/r/202?/*.{txt,pdf}').test('/r/2023/x.docx'));
  assert.ok(globToRegExp('/r/[!a]*.txt').test('/r/b.txt'));
  assert.ok(!globToRegExp('/r/[!a]*.txt').test('/r/a.txt'));
  assert.ok(globToRegExp('/r/a+b (1).txt').test('/r/a+b (1).txt'));
  assert.equal(globBase('reports/2023/**/*.pdf'), 'reports/2023');
  assert.equal(globBase('*.txt'), '.');
});

test('parseArgs: options, values with = or a separate word, and usage errors in Chinese and English', () => {
  const r = parseArgs([
    '-f',
    'sarif',
    '--lang=en',
    '--rule',
    'a=off,b=warn',
    '--rule=c=error',
    '--max-warnings',
    '3',
    '-j',
    '2',
    'x',
    '--',
    '--y',
  ]);
  assert.ok(r.ok);
  assert.equal(r.options.format, 'sarif');
  assert.equal(r.options.lang, 'en');
  assert.deepEqual(r.options.rules, { a: 'off', b: 'warning', c: 'error' });
  assert.equal(r.options.maxWarnings, 3);
  assert.equal(r.options.jobs, 2);
  assert.deepEqual(r.options.inputs, ['x', '--y']);
  for (const bad of [
    ['--fix', '--fix-dry-run', 'x'],
    ['--max-warnings', '-1', 'x'],
    ['--format'],
    ['--jobs', '0', 'x'],
    ['--fix=1', 'x'],
    [],
  ]) {
    const e = parseArgs(bad);
    assert.ok(!e.ok, bad.join(' '));
    assert.match(e.error.zh, /[\u4e00-\u9fff]/);
    assert.match(e.error.en, /[a-z]/);
  }
  assert.ok(parseArgs(['--help']).ok);
});

test('positions: 1-based lines and UTF-16 columns across LF, CRLF and CR', () => {
  const text = 'a𠀾b\r\ncd\re\nf';
  const idx = lineIndex(text);
  assert.deepEqual(positionAt(idx, 0), { line: 1, column: 1 });
  assert.deepEqual(positionAt(idx, 3), { line: 1, column: 4 }); // after the surrogate pair
  assert.deepEqual(positionAt(idx, 6), { line: 2, column: 1 });
  assert.deepEqual(positionAt(idx, 9), { line: 3, column: 1 });
  assert.deepEqual(positionAt(idx, 11), { line: 4, column: 1 });
  assert.deepEqual(positionAt(idx, 99), { line: 4, column: 2 });
});

test('jobsFor: one thread for small batches, several for large ones, as asked otherwise', () => {
  assert.equal(jobsFor(5, undefined), 1);
  assert.ok(jobsFor(1000, undefined) >= 1);
  assert.equal(jobsFor(1000, 3), 3);
  assert.equal(jobsFor(2, 8), 2);
  // Word and PDF files: a worker per core once each has four files or more.
  const cores = os.availableParallelism();
  assert.equal(jobsFor(3, undefined, 'documents'), 1);
  assert.equal(jobsFor(60, undefined, 'documents'), Math.min(cores, 8));
  assert.equal(jobsFor(8, undefined, 'documents'), Math.min(cores, 2));
  assert.equal(jobsFor(60, 1, 'documents'), 1);
});

test('writeFileAtomic replaces the file and leaves no temporary file; a failure leaves the original', async () => {
  const dir = tempDir('atomic');
  const file = path.join(dir, 'f.txt');
  fs.writeFileSync(file, 'old');
  await writeFileAtomic(file, Buffer.from('new'));
  assert.equal(fs.readFileSync(file, 'utf8'), 'new');
  assert.deepEqual(fs.readdirSync(dir), ['f.txt']);
  await assert.rejects(writeFileAtomic(path.join(dir, 'no', 'such', 'f.txt'), Buffer.from('x')));
  // Renaming over a folder fails: the folder stays, and no temporary file is left.
  fs.mkdirSync(path.join(dir, 'd.txt'));
  fs.writeFileSync(path.join(dir, 'd.txt', 'inside'), 'x');
  await assert.rejects(writeFileAtomic(path.join(dir, 'd.txt'), Buffer.from('x')));
  assert.deepEqual(fs.readdirSync(dir).sort(), ['d.txt', 'f.txt']);
});

test('run (in process): progress and summary on stderr only for a terminal; results unchanged', async () => {
  const dir = tempDir('progress');
  const text = fs.readFileSync(
    path.join(ROOT, 'test', 'fixtures', 'seeds', fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'seeds'))[2]),
    'utf8',
  );
  for (let i = 0; i < 25; i++) fs.writeFileSync(path.join(dir, `r${i}.txt`), text);
  const capture = (isTTY: boolean) => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { write: (s: string) => out.push(s), isTTY: false },
      stderr: { write: (s: string) => err.push(s), isTTY },
      cwd: dir,
      env: {},
    };
    return { io, out, err };
  };
  const tty = capture(true);
  assert.equal(await run(['-f', 'json', '.'], tty.io), 0);
  const stderr = tty.err.join('');
  assert.match(stderr, /\r检查中 25\/25/);
  // The progress line is cleared, then the summary follows (json keeps stdout clean).
  assert.match(stderr, /\r\u001b\[K[^\r]*共 25 个文件：已检查 25 个/);
  const piped = capture(false);
  assert.equal(await run(['-f', 'json', '.'], piped.io), 0);
  assert.equal(piped.err.join(''), '');
  assert.equal(piped.out.join(''), tty.out.join(''));
  assert.equal((JSON.parse(piped.out.join('')) as unknown[]).length, 25);
});
