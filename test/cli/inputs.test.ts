/**
 * Inputs: .docx made with the docx library and .pdf made with pdfkit at test time (recipes in
 * helpers.ts), and bad input — missing, binary, damaged, encrypted, too large, empty folders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { brokenSeed, encryptedPdf, makeDocx, makePdf, runCli, seedText, tempDir } from './helpers';
import type { JsonEntry } from './helpers';
import { readInput } from '../../server/src/io/read';
import { InputError } from '../../server/src/io/errors';

function sumRowTotal(entry: JsonEntry) {
  const hits = entry.diagnostics.filter((d) => d.rule === 'sum-row-total');
  assert.equal(hits.length, 1, JSON.stringify(entry.diagnostics.map((d) => d.rule)));
  return hits[0];
}

test('.docx: paragraphs and tables (tab-separated rows); findings point at lines of the extracted text', async () => {
  const seed = brokenSeed();
  const dir = tempDir('docx');
  fs.writeFileSync(path.join(dir, 'report.docx'), await makeDocx(seed.broken));

  const printed = runCli(['--print-text', 'report.docx'], { cwd: dir });
  assert.equal(printed.code, 0, printed.stderr);
  const lines = printed.stdout.replace(/\n$/, '').split('\n');
  // Every paragraph and every table row of the source, in order, and nothing else.
  const expected = seed.broken.split('\n').filter((l) => l.trim() !== '');
  assert.deepEqual(lines, expected);

  const r = runCli(['-f', 'json', 'report.docx'], { cwd: dir });
  assert.equal(r.code, 1);
  const d = sumRowTotal((JSON.parse(r.stdout) as JsonEntry[])[0]);
  const row = lines.indexOf(seed.rowLine);
  assert.ok(row >= 0);
  assert.equal(d.line, row + 1);
  // The broken cell is the 7th number: after the label, an empty cell and six "0" cells.
  const cells = seed.rowLine.split('\t');
  assert.equal(d.column, cells.slice(0, cells.indexOf('3')).join('\t').length + 2);
});

test('.docx: a merged (row-spanning) cell leaves an empty cell in the rows it covers', async () => {
  const cell = (t: string, rowSpan?: number) => new TableCell({ children: [new Paragraph(t)], rowSpan });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('标题'),
          new Table({
            rows: [
              new TableRow({ children: [cell('三、本年度办理结果', 2), cell('（一）予以公开'), cell('1'), cell('2')] }),
              new TableRow({ children: [cell('（二）部分公开'), cell('3'), cell('4')] }),
              new TableRow({ children: [cell('四、结转'), cell(''), cell('5'), cell('6')] }),
            ],
          }),
        ],
      },
    ],
  });
  const dir = tempDir('docxmerge');
  fs.writeFileSync(path.join(dir, 'm.docx'), await Packer.toBuffer(doc));
  const input = await readInput(path.join(dir, 'm.docx'));
  assert.equal(input.kind, 'docx');
  assert.equal(input.writable, false);
  assert.equal(
    input.text,
    ['标题', '三、本年度办理结果\t（一）予以公开\t1\t2', '\t（二）部分公开\t3\t4', '四、结转\t\t5\t6'].join('\n'),
  );
});

test('.pdf: lines and cells rebuilt from positions (cells separated by single spaces); findings point at extracted lines', async () => {
  const seed = brokenSeed();
  const dir = tempDir('pdf');
  fs.writeFileSync(path.join(dir, 'report.pdf'), await makePdf(seed.broken));

  const printed = runCli(['--print-text', 'report.pdf'], { cwd: dir });
  assert.equal(printed.code, 0, printed.stderr);
  const lines = printed.stdout.split('\n');
  const rowText = seed.rowLine
    .split('\t')
    .filter((c) => c !== '')
    .join(' ');
  assert.equal(rowText, '一、本年新收政府信息公开申请数量 0 0 0 0 0 0 3');
  const row = lines.indexOf(rowText);
  assert.ok(row >= 0, printed.stdout);
  // Other lines come out whole too: section headings, a table 四 data row of 15 numbers.
  for (const l of ['一、总体情况', '六、其他需要报告的事项', Array(15).fill('0').join(' ')])
    assert.ok(lines.includes(l), l);

  const r = runCli(['-f', 'json', 'report.pdf'], { cwd: dir });
  assert.equal(r.code, 1);
  const d = sumRowTotal((JSON.parse(r.stdout) as JsonEntry[])[0]);
  assert.equal(d.line, row + 1);
  assert.equal(d.column, rowText.lastIndexOf('3') + 1);

  // --fix never writes a PDF.
  const before = fs.readFileSync(path.join(dir, 'report.pdf'));
  const fixed = runCli(['--fix', 'report.pdf'], { cwd: dir });
  assert.match(fixed.stdout, /pdf 文件不会被修改/);
  assert.ok(fs.readFileSync(path.join(dir, 'report.pdf')).equals(before));
});

test('bad input: each file gets a clear message, the batch goes on, and the exit code is 2', async () => {
  const dir = tempDir('bad');
  fs.writeFileSync(path.join(dir, 'good.txt'), brokenSeed().broken);
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0x02, 0xff, 0x00]));
  fs.writeFileSync(path.join(dir, 'invalid.pdf'), '%PDF-1.4\nthis is not a PDF body\n');
  fs.writeFileSync(path.join(dir, 'encrypted.pdf'), encryptedPdf());
  const docx = await makeDocx(seedText('002_'));
  fs.writeFileSync(path.join(dir, 'damaged.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  fs.writeFileSync(path.join(dir, 'notzip.docx'), '这不是 Word 文件');
  // An OLE compound file: what a password-protected .docx (or an old .doc) is.
  fs.writeFileSync(
    path.join(dir, 'protected.docx'),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  );
  // 100 MB (sparse: nothing is written, and the size check refuses it before reading).
  fs.closeSync(fs.openSync(path.join(dir, 'huge.txt'), 'w'));
  fs.truncateSync(path.join(dir, 'huge.txt'), 100 * 1024 * 1024);
  fs.mkdirSync(path.join(dir, 'empty'));
  fs.writeFileSync(path.join(dir, 'empty', 'readme.csv'), 'a,b');

  const args = [
    '-f',
    'json',
    'good.txt',
    'missing.txt',
    'binary.txt',
    'invalid.pdf',
    'encrypted.pdf',
    'damaged.docx',
    'notzip.docx',
    'protected.docx',
    'huge.txt',
    'empty',
  ];
  const r = runCli(args, { cwd: dir });
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout) as JsonEntry[];
  const byFile = new Map(out.map((e) => [e.file, e]));
  assert.ok(
    byFile.get('good.txt')!.diagnostics.some((d) => d.rule === 'sum-row-total'),
    'the batch went on',
  );
  const codes = Object.fromEntries(out.filter((e) => e.error).map((e) => [e.file, e.error!.code]));
  assert.deepEqual(codes, {
    'missing.txt': 'not-found',
    'binary.txt': 'binary',
    'invalid.pdf': 'pdf-invalid',
    'encrypted.pdf': 'pdf-encrypted',
    'damaged.docx': 'docx-damaged',
    'notzip.docx': 'docx-damaged',
    'protected.docx': 'docx-encrypted',
    'huge.txt': 'too-large',
  });
  assert.match(byFile.get('huge.txt')!.error!.message, /文件过大（100 MB，上限 50 MB）/);
  assert.match(byFile.get('encrypted.pdf')!.error!.message, /PDF 已加密/);
  // Messages also reach stderr (stdout holds the JSON), including the folder without reports.
  assert.match(r.stderr, /empty：文件夹中没有可检查的报告文件/);
  assert.match(r.stderr, /missing\.txt: 文件不存在/);

  // The stylish format shows them under each file; --max-file-size raises the limit.
  const s = runCli(['missing.txt', 'encrypted.pdf', '--lang', 'en'], { cwd: dir });
  assert.equal(s.code, 2);
  assert.match(s.stdout, /^missing\.txt\n {2}error {2}file not found$/m);
  assert.match(s.stdout, /^encrypted\.pdf\n {2}error {2}the PDF is encrypted/m);
  assert.match(s.stdout, /2 unreadable/);
  const big = runCli(['-f', 'json', '--max-file-size', '200', 'huge.txt'], { cwd: dir });
  assert.equal((JSON.parse(big.stdout) as JsonEntry[])[0].error?.code, 'binary');
});

test('readInput: encodings are detected, and errors are InputErrors with a code', async () => {
  const dir = tempDir('read');
  const text = seedText('002_');
  fs.writeFileSync(path.join(dir, 'u.md'), text);
  const u = await readInput(path.join(dir, 'u.md'));
  assert.deepEqual([u.kind, u.encoding, u.bom, u.text === text], ['markdown', 'utf-8', false, true]);
  fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  const b = await readInput(path.join(dir, 'b.txt'));
  assert.deepEqual([b.encoding, b.bom, b.text === text], ['utf-8', true, true]);
  await assert.rejects(
    readInput(path.join(dir, 'nope.txt')),
    (e: unknown) => e instanceof InputError && e.code === 'not-found',
  );
  await assert.rejects(readInput(dir), (e: unknown) => e instanceof InputError && e.code === 'is-directory');
});
