/**
 * The worker that reads Word, PDF and web files for the editor: a read past its time budget ends
 * with a message and its worker is stopped; the next read gets a new worker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInput } from '../../server/src/io/read';
import { EXTRACT_LIMITS, ExtractionReader } from '../../server/src/lsp/extractedText';
import { brokenSeed, makePdf, tempDir } from '../cli/helpers';

test('a read past the time budget fails with a message, and the next read works on a new worker', async () => {
  const dir = tempDir('reader');
  const file = path.join(dir, 'r.pdf');
  fs.writeFileSync(file, await makePdf(brokenSeed().broken));
  const limits = { ...EXTRACT_LIMITS, timeoutMs: 1 };
  const reader = new ExtractionReader(undefined, limits);
  try {
    const late = await reader.read(file);
    assert.ok('error' in late);
    assert.equal(late.error.code, 'timeout');
    assert.match(late.error.message.zh, /超时/);
    limits.timeoutMs = 60_000;
    const res = await reader.read(file);
    assert.ok('text' in res, JSON.stringify(res));
    assert.equal(res.text, (await readInput(file)).text);
  } finally {
    reader.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a stopped reader answers at once, with a reason', async () => {
  const reader = new ExtractionReader();
  reader.dispose();
  const res = await reader.read('/nonexistent.pdf');
  assert.ok('error' in res && res.error.code === 'internal-error');
});
