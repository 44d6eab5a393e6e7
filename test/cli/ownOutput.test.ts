/**
 * Our own outputs in the folder they review: an html review report, a comparison, json or sarif written with -o
 * carry our marker, and a later run over the folder leaves them out — quietly when the folder (or a glob) found
 * them, with a note when they are named. Files that merely look similar are still checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../package.json';
import fc from 'fast-check';
import { isOwnOutput, isOwnOutputBytes, MARKER_BYTES } from '../../server/src/cli/format/marker';
import { brokenSeed, runCli, tempDir } from './helpers';
import type { JsonEntry } from './helpers';

function setup(): string {
  const dir = tempDir('own-output');
  fs.mkdirSync(path.join(dir, 'reports'));
  fs.writeFileSync(path.join(dir, 'reports', '2023年报.txt'), brokenSeed().broken);
  return dir;
}

const files = (dir: string, ...inputs: string[]) => {
  const r = runCli(['--format', 'json', ...inputs], { cwd: dir });
  return { ...r, listed: (JSON.parse(r.stdout) as JsonEntry[]).map((e) => e.file) };
};

test('the html review report written into the folder it reviews is left out of the next run, quietly', () => {
  const dir = setup();
  const out = path.join('reports', '审核意见.html');
  const first = runCli(['reports', '--format', 'html', '-o', out], { cwd: dir });
  assert.equal(first.code, 1, first.stderr);
  const html = fs.readFileSync(path.join(dir, out), 'utf8');
  assert.ok(html.includes(`<meta name="generator" content="govreport-lint ${pkg.version}">`));
  // The same command again: the page lists the one report, not itself as "not a report".
  const second = runCli(['reports', '--format', 'html', '-o', out], { cwd: dir });
  assert.equal(second.code, 1, second.stderr);
  assert.equal(second.stderr, '');
  const again = fs.readFileSync(path.join(dir, out), 'utf8');
  assert.ok(!again.includes('审核意见.html'), 'the review report does not list itself');
  assert.ok(again.includes('2023年报.txt'));
  const j = files(dir, 'reports');
  assert.deepEqual(j.listed, [path.join('reports', '2023年报.txt')]);
  assert.equal(j.stderr, '');
  // A glob finds it too, and leaves it out just as quietly.
  const g = files(dir, 'reports/*.html');
  assert.deepEqual(g.listed, []);
  assert.match(g.stderr, /没有与此模式匹配的报告文件/);
});

test('json and sarif written with -o under a report name, and a comparison page, are ours too', () => {
  const dir = setup();
  assert.equal(runCli(['reports', '--format', 'json', '-o', 'reports/结果.txt'], { cwd: dir }).code, 1);
  assert.equal(runCli(['reports', '--format', 'sarif', '-o', 'reports/结果.md'], { cwd: dir }).code, 1);
  fs.copyFileSync(path.join(dir, 'reports', '2023年报.txt'), path.join(dir, '2022.txt'));
  const c = runCli(['compare', '2022.txt', 'reports/2023年报.txt', '--format', 'html', '-o', 'reports/对比.html'], {
    cwd: dir,
  });
  assert.equal(fs.existsSync(path.join(dir, 'reports', '对比.html')), true, c.stderr);
  for (const f of ['结果.txt', '结果.md', '对比.html']) {
    assert.equal(isOwnOutput(fs.readFileSync(path.join(dir, 'reports', f), 'utf8')), true, f);
  }
  assert.deepEqual(files(dir, 'reports').listed, [path.join('reports', '2023年报.txt')]);
});

test('an output named on the command line is left out with a note; other html pages are still checked', () => {
  const dir = setup();
  runCli(['reports', '--format', 'html', '-o', 'reports/审核意见.html'], { cwd: dir });
  const named = files(dir, 'reports/审核意见.html', 'reports/2023年报.txt');
  assert.deepEqual(named.listed, [path.join('reports', '2023年报.txt')]);
  assert.match(named.stderr, /审核意见\.html：是 govreport-lint 生成的输出文件/);
  const en = runCli(['--lang', 'en', '--format', 'json', 'reports/审核意见.html'], { cwd: dir });
  assert.match(en.stderr, /an output of govreport-lint .*not checked as a report/);
  assert.equal(en.code, 0);

  // A saved web page by another generator, and a page that only quotes our tag in its text, are checked.
  const page = (head: string, body: string) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body><p>${body}</p></body></html>`;
  fs.writeFileSync(
    path.join(dir, 'reports', 'word.html'),
    page('<meta name="generator" content="Microsoft Word 15">', '通知'),
  );
  fs.writeFileSync(
    path.join(dir, 'reports', 'quote.html'),
    page('', '&lt;meta name="generator" content="govreport-lint 0.1.0"&gt;'),
  );
  const listed = files(dir, 'reports').listed;
  assert.ok(listed.includes(path.join('reports', 'word.html')), listed.join());
  assert.ok(listed.includes(path.join('reports', 'quote.html')), listed.join());
  assert.ok(!listed.includes(path.join('reports', '审核意见.html')));
});

test('isOwnOutput: our markers, and texts that are not ours', () => {
  assert.equal(isOwnOutput('[]\n'), true);
  assert.equal(isOwnOutput('[\n  {\n    "file": "a.txt",\n    "diagnostics": []\n  }\n]\n'), true);
  assert.equal(isOwnOutput('[一] 总体情况'), false);
  assert.equal(isOwnOutput('{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": []}'), false);
  assert.equal(isOwnOutput('<meta name="generator" content="govreport-linter 1">'), false);
  assert.equal(isOwnOutput('某某区2023年政府信息公开工作年度报告\n一、总体情况'), false);
});

test('isOwnOutputBytes: the same answer as isOwnOutput on the first bytes, decoded or not', () => {
  const same = (s: string) => {
    const bytes = Buffer.from(s, 'utf8');
    assert.equal(isOwnOutputBytes(bytes), isOwnOutput(bytes.subarray(0, MARKER_BYTES).toString('utf8')), s);
  };
  const sarif =
    '{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{"tool": {"driver": {"name": "govreport-lint"';
  const html = '<!DOCTYPE html><meta name="generator" content="govreport-lint 0.1.0">';
  for (const s of [
    '[]\n',
    '\ufeff[{"file": "a"}]',
    sarif,
    '\ufeff \u3000' + sarif,
    html,
    '报告'.repeat(3000) + html,
    '',
    '一、总体情况',
  ])
    same(s);
  assert.equal(isOwnOutputBytes(Buffer.from(html)), true);
  assert.equal(isOwnOutputBytes(Buffer.from('一、总体情况\n（一）主动公开')), false);
  fc.assert(
    fc.property(
      fc.array(
        fc.constantFrom('[', '{', '<', '"file": "', sarif, html, ' ', '\u3000', '\ufeff', '报', 'é', '\ud800', 'a'),
        {
          maxLength: 12,
        },
      ),
      (parts) => same(parts.join('')),
    ),
    { numRuns: 2000, seed: 20261203 },
  );
});

test('-o naming one of the reports (by its path or by a link) is refused before anything is read or written', () => {
  const dir = setup();
  const report = path.join(dir, 'reports', '2023年报.txt');
  const text = fs.readFileSync(report, 'utf8');
  fs.linkSync(report, path.join(dir, 'link.txt'));
  const cases: string[][] = [
    ['reports', '-f', 'html', '-o', path.join('reports', '2023年报.txt')],
    ['reports', '-f', 'json', '--fix', '-o', 'link.txt'],
    ['extract', 'reports', '-o', report],
    ['compare', path.join('reports', '2023年报.txt'), 'link.txt', '-o', 'link.txt'],
  ];
  for (const args of cases) {
    const r = runCli([...args, '--lang', 'en'], { cwd: dir });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /is one of the reports to read: it is not overwritten/, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.equal(fs.readFileSync(report, 'utf8'), text, args.join(' '));
  }
  // In Chinese by default.
  const zh = runCli(['reports', '-o', path.join('reports', '2023年报.txt')], { cwd: dir });
  assert.equal(zh.code, 2);
  assert.match(zh.stderr, /是要读取的报告之一：不会覆盖它/);
  // A new file, or an existing file that is not an input, is written as before.
  assert.equal(runCli(['reports', '-f', 'json', '-o', 'new.json'], { cwd: dir }).code, 1);
  fs.writeFileSync(path.join(dir, 'old.json'), 'x');
  assert.equal(runCli(['reports', '-f', 'json', '-o', 'old.json'], { cwd: dir }).code, 1);
  assert.notEqual(fs.readFileSync(path.join(dir, 'old.json'), 'utf8'), 'x');
});
