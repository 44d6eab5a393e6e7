/**
 * The text extracted from PDFs stays what it was when the reading was made faster: each seed is drawn
 * as a PDF (test/cli/helpers.ts: pdfkit with an embedded CJK subset) on tall pages and on short ones
 * (5–10 pages, like a printed report), and the extracted text must equal, character for character,
 * what the extraction produced before the speed work (committed under test/fixtures/pdf-text/).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pdfToText } from '../../server/src/io/pdf';
import { FIXTURES } from '../helpers/paths';
import { makePdf, seedText } from './helpers';

const EXPECTED = path.join(FIXTURES, 'pdf-text');
/** Built-ins before pdf.js is loaded (each test file runs in a process of its own). */
const NATIVE = [
  ['Array.prototype.push', Array.prototype.push],
  ['JSON.stringify', JSON.stringify],
  ['JSON.parse', JSON.parse],
  ['Function.prototype.toString', Function.prototype.toString],
] as const;

const cases = fs
  .readdirSync(EXPECTED)
  .filter((f) => /^\d{3}-\d+mm\.txt$/.test(f))
  .sort();

test('the PDF text fixtures are all there', () => {
  assert.equal(cases.length, 10);
});

for (const name of cases) {
  const [, seed, mm] = /^(\d{3})-(\d+)mm\.txt$/.exec(name)!;
  test(`PDF of seed ${seed} on ${mm} mm pages: extracted text unchanged`, async () => {
    const pdf = await makePdf(seedText(`${seed}_`), { pageHeightMm: Number(mm) });
    const text = await pdfToText(pdf);
    assert.equal(text, fs.readFileSync(path.join(EXPECTED, name), 'utf8'));
  });
}

test('two PDFs read at the same time give the same text as one after the other', async () => {
  const pdfs = await Promise.all(['000', '003'].map((s) => makePdf(seedText(`${s}_`), { pageHeightMm: 90 })));
  const together = await Promise.all(pdfs.map((p) => pdfToText(p)));
  assert.equal(together[0], fs.readFileSync(path.join(EXPECTED, '000-90mm.txt'), 'utf8'));
  assert.equal(together[1], fs.readFileSync(path.join(EXPECTED, '003-90mm.txt'), 'utf8'));
});

test('reading a PDF leaves the built-in methods of this thread native', async () => {
  await pdfToText(await makePdf(seedText('002_')));
  const now = [Array.prototype.push, JSON.stringify, JSON.parse, Function.prototype.toString];
  NATIVE.forEach(([name, f], i) => assert.equal(now[i], f, name));
  // What pdf.js adds where Node lacks it stays.
  assert.equal(typeof (Map.prototype as { getOrInsertComputed?: unknown }).getOrInsertComputed, 'function');
});
