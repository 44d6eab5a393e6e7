/**
 * A bad file never costs the batch: each hostile input is followed by a good report, and the good
 * report must still be checked, the bad one get its clear message, within bounded time and memory
 * (peak resident memory of the CLI process, worker threads included).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { brokenSeed, tempDir } from '../cli/helpers';
import {
  deflateBomb,
  docxWithBody,
  DOCX_FRAME,
  doubleDeflatePdf,
  fanoutPdf,
  manyOpsPdf,
  manyPagesPdf,
  repeatedPagePdf,
  runMeasured,
  zipWithEntry,
} from './hostile';
import type { MeasuredRun } from './hostile';

interface JsonEntry {
  file: string;
  diagnostics: { rule: string }[];
  error?: { code: string; message: string };
  skipped?: string;
}

/** A folder with the bad file and a good report with a broken total. */
function caseDir(name: string, bad: string, content?: Buffer): string {
  const dir = tempDir(`hostile-${name}`);
  if (content) fs.writeFileSync(path.join(dir, bad), content);
  fs.writeFileSync(path.join(dir, 'good.txt'), brokenSeed().broken);
  return dir;
}

/** The run's entries by file; asserts that good.txt was checked (its broken total found). */
function entries(r: MeasuredRun): Map<string, JsonEntry> {
  const out = JSON.parse(r.stdout) as JsonEntry[];
  const byFile = new Map(out.map((e) => [e.file, e]));
  const good = byFile.get('good.txt');
  assert.ok(good, `good.txt has a result: ${r.stdout.slice(0, 500)} ${r.stderr.slice(0, 500)}`);
  assert.ok(
    good.diagnostics.some((d) => d.rule === 'sum-row-total'),
    'the good report after the bad file is still checked',
  );
  return byFile;
}

function expectRefused(
  r: MeasuredRun,
  file: string,
  code: string | RegExp,
  message: RegExp,
  bounds: { seconds: number; mb: number },
): JsonEntry {
  assert.equal(r.code, 2, r.stderr);
  const e = entries(r).get(file);
  assert.ok(e?.error, `${file} is reported as an error: ${JSON.stringify(e)}`);
  console.log(
    `# ${file}: ${r.seconds.toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB, ${e.error.code}: ${e.error.message}`,
  );
  if (typeof code === 'string') assert.equal(e.error.code, code, e.error.message);
  else assert.match(e.error.code, code, e.error.message);
  assert.match(e.error.message, message);
  assert.match(r.stderr, new RegExp(`${file.replace(/\./g, '\\.')}: `), 'the message also reaches stderr');
  assert.ok(r.seconds < bounds.seconds, `${file}: ${r.seconds.toFixed(1)} s (bound ${bounds.seconds} s)`);
  assert.ok(r.peakMb < bounds.mb, `${file}: peak ${r.peakMb.toFixed(0)} MB (bound ${bounds.mb} MB)`);
  return e;
}

test('.docx of 7 M empty paragraphs in 62 KB: refused from its declared size, nothing inflated', async () => {
  const docx = await docxWithBody('<w:p/>'.repeat(7 << 20));
  assert.ok(docx.length < 100_000, `${docx.length} bytes`);
  const dir = caseDir('paras', 'paras.docx', docx);
  const r = await runMeasured(['-f', 'json', 'paras.docx', 'good.txt'], dir);
  expectRefused(r, 'paras.docx', 'limit-exceeded', /word\/document\.xml 解压后过大（42 MB，上限 32 MB），未解压/, {
    seconds: 30,
    mb: 400,
  });
  const en = await runMeasured(['-f', 'json', '--lang', 'en', 'paras.docx', 'good.txt'], dir);
  expectRefused(
    en,
    'paras.docx',
    'limit-exceeded',
    /word\/document\.xml in the \.docx inflates to too much \(42 MB, limit 32 MB\)/,
    { seconds: 30, mb: 400 },
  );
});

test('.docx of 3.5 M empty paragraphs under the size limit: refused by the element count before mammoth converts it', async () => {
  const dir = caseDir('elements', 'elements.docx', await docxWithBody('<w:p/>'.repeat(3_500_000)));
  const r = await runMeasured(['-f', 'json', 'elements.docx', 'good.txt'], dir);
  expectRefused(r, 'elements.docx', 'limit-exceeded', /XML 元素过多（超过 500,000 个/, { seconds: 30, mb: 400 });
});

test('.docx of 4 MB that inflates to 4 GB: refused from the central directory without inflating', async () => {
  const bomb = deflateBomb(3900);
  const dir = caseDir('bomb', 'bomb.docx', zipWithEntry('word/document.xml', bomb, 3900 * 1024 * 1024, DOCX_FRAME));
  assert.ok(fs.statSync(path.join(dir, 'bomb.docx')).size < 5 * 1024 * 1024);
  const r = await runMeasured(['-f', 'json', 'bomb.docx', 'good.txt'], dir);
  expectRefused(r, 'bomb.docx', 'limit-exceeded', /解压后过大（3900 MB，上限 32 MB），未解压/, {
    seconds: 30,
    mb: 400,
  });
});

test('.docx that declares 1 KB and inflates to 4 GB: the stream is cut at the declared size', async () => {
  const dir = caseDir('liar', 'liar.docx', zipWithEntry('word/document.xml', deflateBomb(3900), 1000, DOCX_FRAME));
  const r = await runMeasured(['-f', 'json', 'liar.docx', 'good.txt'], dir);
  expectRefused(r, 'liar.docx', 'docx-damaged', /\.docx 文件已损坏/, { seconds: 30, mb: 400 });
});

test('PDF whose form objects draw each other twice (2^40 draws in 9 KB): stopped at the time budget', async () => {
  const dir = caseDir('fanout', 'fanout.pdf', fanoutPdf());
  const r = await runMeasured(['-f', 'json', '--timeout-per-file', '3', 'fanout.pdf', 'good.txt'], dir);
  expectRefused(r, 'fanout.pdf', /^(timeout|limit-exceeded)$/, /超时（超过 3 秒|文字片段过多/, {
    seconds: 30,
    mb: 600,
  });
});

test('PDF listing one page 100,000 times: refused by its page count at once', async () => {
  const dir = caseDir('kids', 'kids.pdf', repeatedPagePdf(100_000));
  const r = await runMeasured(['-f', 'json', 'kids.pdf', 'good.txt'], dir);
  expectRefused(r, 'kids.pdf', 'limit-exceeded', /PDF 页数过多（100,000 页，上限 2,000 页）/, { seconds: 20, mb: 600 });
});

test('PDF of 20,000 real pages: refused by its page count; 2,000 pages (the limit) are read in bounded time', async () => {
  const dir = caseDir('pages', 'pages.pdf', manyPagesPdf(20_000));
  fs.writeFileSync(path.join(dir, 'atlimit.pdf'), manyPagesPdf(2_000));
  const r = await runMeasured(['-f', 'json', 'pages.pdf', 'good.txt'], dir);
  expectRefused(r, 'pages.pdf', 'limit-exceeded', /PDF 页数过多（20,000 页，上限 2,000 页）/, { seconds: 20, mb: 600 });
  const ok = await runMeasured(['-f', 'json', '--timeout-per-file', '0', 'atlimit.pdf', 'good.txt'], dir);
  const e = entries(ok).get('atlimit.pdf')!;
  assert.equal(e.error, undefined, JSON.stringify(e));
  assert.equal(e.skipped, 'not-a-report');
  assert.ok(ok.seconds < 90, `${ok.seconds} s for 2,000 pages`);
  assert.ok(ok.peakMb < 800, `${ok.peakMb} MB for 2,000 pages`);
});

test('PDF whose doubly compressed stream inflates to 1 GB: stopped, with memory bounded', async () => {
  const pdf = doubleDeflatePdf(1024);
  assert.ok(pdf.length < 64 * 1024, `${pdf.length} bytes`);
  const dir = caseDir('double', 'double.pdf', pdf);
  const r = await runMeasured(['-f', 'json', 'double.pdf', 'good.txt'], dir);
  expectRefused(r, 'double.pdf', /^(out-of-memory|timeout|pdf-invalid|pdf-no-text)$/, /./, { seconds: 45, mb: 2000 });
});

test('PDF of 30 M text operators: stopped by the text budget or the time budget', async () => {
  const pdf = manyOpsPdf(30_000_000);
  const dir = caseDir('ops', 'ops.pdf', pdf);
  const r = await runMeasured(['-f', 'json', '--timeout-per-file', '10', 'ops.pdf', 'good.txt'], dir);
  expectRefused(r, 'ops.pdf', /^(timeout|limit-exceeded|out-of-memory)$/, /超时|文字片段过多|内存/, {
    seconds: 40,
    mb: 2000,
  });
});

test('special files are refused, named and in a folder walk: a FIFO, /dev/zero behind a .txt link, a socket', async () => {
  const dir = caseDir('special', 'unused');
  execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.md'), resolve));
  try {
    for (const args of [['fifo.txt', 'zero.txt', 'socket.md', 'good.txt'], ['.']]) {
      const r = await runMeasured(['-f', 'json', ...args], dir, { killAfterMs: 60_000 });
      const byFile = entries(r);
      assert.equal(r.code, 2);
      assert.match(byFile.get('fifo.txt')!.error!.message, /不是普通文件，而是命名管道（FIFO）/);
      assert.match(byFile.get('zero.txt')!.error!.message, /不是普通文件，而是字符设备/);
      assert.match(byFile.get('socket.md')!.error!.message, /不是普通文件，而是套接字/);
      for (const f of ['fifo.txt', 'zero.txt', 'socket.md'])
        assert.equal(byFile.get(f)!.error!.code, 'not-regular-file');
      assert.ok(r.seconds < 20, `${r.seconds} s`);
      assert.ok(r.peakMb < 400, `${r.peakMb} MB`);
    }
    const en = await runMeasured(['--lang', 'en', 'fifo.txt', 'good.txt'], dir);
    assert.match(en.stdout, /this is not a regular file but a named pipe \(FIFO\); skipped/);
  } finally {
    server.close();
  }
});

test('-j 2: a worker that runs out of memory costs its file only; the worker is replaced and every other file is checked', async () => {
  const dir = caseDir('oom', 'oom.docx', await docxWithBody('<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(60_000)));
  for (let i = 1; i <= 3; i++) fs.writeFileSync(path.join(dir, `good${i}.txt`), brokenSeed().broken);
  const r = await runMeasured(
    ['-f', 'json', '-j', '2', 'oom.docx', 'good1.txt', 'good.txt', 'good2.txt', 'good3.txt'],
    dir,
    {
      env: { GOVREPORT_LINT_WORKER_HEAP_MB: '32' },
    },
  );
  const byFile = entries(r);
  assert.equal(byFile.get('oom.docx')!.error!.code, 'out-of-memory', JSON.stringify(byFile.get('oom.docx')));
  assert.match(byFile.get('oom.docx')!.error!.message, /所需内存超过上限/);
  for (const f of ['good1.txt', 'good2.txt', 'good3.txt'])
    assert.ok(
      byFile.get(f)!.diagnostics.some((d) => d.rule === 'sum-row-total'),
      f,
    );
  assert.doesNotMatch(r.stderr, /ERR_WORKER_OUT_OF_MEMORY|internal error|内部错误/);
  assert.equal(r.code, 2);
});

test('pdf.js runs no generated code: the installed build has no eval path, and the option is off for builds that have one', () => {
  const dir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  // The builds server/src/io/pdf.ts loads (the minified ones), and the full ones they are made from.
  for (const f of [
    'legacy/build/pdf.min.mjs',
    'legacy/build/pdf.worker.min.mjs',
    'legacy/build/pdf.mjs',
    'legacy/build/pdf.worker.mjs',
  ]) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    assert.doesNotMatch(src, /new Function\(|[^\w.]eval\(/, `${f} compiles code`);
    // If a build honours the option again, its default must be overridden by ours.
    if (src.includes('isEvalSupported')) {
      const ours = fs.readFileSync(path.join(__dirname, '../../../server/src/io/pdf.ts'), 'utf8');
      assert.match(ours, /isEvalSupported: false/);
    }
  }
});
