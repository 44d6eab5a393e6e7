/**
 * Small text files are checked on the main thread (one job), everything else on a worker: which
 * files take which path, and that both give the same results.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brokenSeed, makeDocx, runCli, seedText, tempDir } from './helpers';
import { readTextInline, InputError } from '../../server/src/io/read';

test('readTextInline: small .txt/.md only; Word, PDF, PDF or zip content and larger files are left to a worker unread', async () => {
  const dir = tempDir('inline');
  const seed = seedText('002_');
  const write = (name: string, data: string | Buffer) => {
    fs.writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  };
  const txt = await readTextInline(write('a.txt', seed), { inlineMaxBytes: 1 << 20 });
  assert.equal(txt?.kind, 'text');
  assert.equal(txt?.text, seed);
  assert.equal((await readTextInline(write('a.md', seed), { inlineMaxBytes: 1 << 20 }))?.kind, 'markdown');
  const docx = await makeDocx(seed);
  assert.equal(await readTextInline(write('a.docx', docx), { inlineMaxBytes: 1 << 20 }), undefined);
  assert.equal(await readTextInline(write('zip.txt', docx), { inlineMaxBytes: 1 << 20 }), undefined);
  assert.equal(await readTextInline(write('a.pdf', '%PDF-1.4\n'), { inlineMaxBytes: 1 << 20 }), undefined);
  assert.equal(await readTextInline(write('pdf.txt', '%PDF-1.4\n' + seed), { inlineMaxBytes: 1 << 20 }), undefined);
  const bytes = Buffer.byteLength(seed);
  assert.equal(await readTextInline(path.join(dir, 'a.txt'), { inlineMaxBytes: bytes - 1 }), undefined);
  assert.equal((await readTextInline(path.join(dir, 'a.txt'), { inlineMaxBytes: bytes }))?.text, seed);
  // Refusals are the same as on a worker: past the size limit, missing, a folder.
  await assert.rejects(
    readTextInline(path.join(dir, 'a.txt'), { maxBytes: bytes - 1, inlineMaxBytes: 1 }),
    (e: unknown) => e instanceof InputError && e.code === 'too-large',
  );
  await assert.rejects(
    readTextInline(path.join(dir, 'no.txt'), { inlineMaxBytes: 1 << 20 }),
    (e: unknown) => e instanceof InputError && e.code === 'not-found',
  );
  fs.mkdirSync(path.join(dir, 'd.txt'));
  await assert.rejects(
    readTextInline(path.join(dir, 'd.txt'), { inlineMaxBytes: 1 << 20 }),
    (e: unknown) => e instanceof InputError && e.code === 'is-directory',
  );
});

test('-j 1 (text in the main thread) and -j 2 (every file on workers) give the same output; a .txt holding a Word file is read as Word', async () => {
  const dir = tempDir('inline-cli');
  const seed = brokenSeed();
  for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, `r${i}.txt`), i % 2 ? seed.broken : seedText('002_'));
  fs.writeFileSync(path.join(dir, 'r.md'), seed.broken);
  fs.writeFileSync(path.join(dir, 'word.txt'), await makeDocx(seed.broken));
  fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0x02, 0xff, 0x00]));
  const one = runCli(['-f', 'json', '--verbose', '-j', '1', '.'], { cwd: dir });
  const two = runCli(['-f', 'json', '--verbose', '-j', '2', '.'], { cwd: dir });
  assert.equal(one.code, 2, one.stderr);
  assert.equal(two.code, one.code);
  assert.equal(one.stdout, two.stdout);
  assert.equal(one.stderr, two.stderr);
  const out = JSON.parse(one.stdout) as { file: string; diagnostics: { rule: string }[]; error?: { code: string } }[];
  assert.equal(out.length, 9);
  assert.ok(out.find((e) => e.file === 'word.txt')!.diagnostics.some((d) => d.rule === 'sum-row-total'));
  assert.equal(out.find((e) => e.file === 'bin.txt')!.error?.code, 'binary');
  assert.match(one.stderr, /word\.txt: docx/);
});
