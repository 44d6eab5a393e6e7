/** govreport.maxDocumentChars: a document over the limit is not checked, and the server says why. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspHarness, SEEDS } from './harness';

describe('document size limit', () => {
  let h: LspHarness;
  const uri = 'file:///tmp/govreport-size/年报.txt';
  let text: string;
  before(async () => {
    // Seed 001 with one broken row total: checked, it has findings.
    const seed = fs.readFileSync(path.join(SEEDS, '001_60561711a3d75cb4.txt'), 'utf8');
    const row = seed.split('\n').find((l) => l.includes('予以公开'))!;
    const at = seed.indexOf(row) + row.indexOf('\t0') + 1;
    text = seed.slice(0, at) + '3' + seed.slice(at + 1);
    h = await LspHarness.start({ debounceMs: 0, maxDocumentChars: 1000 });
  });
  after(() => h.kill());

  test('over the limit: no diagnostics, the report view says too large, the output channel says so once', async () => {
    assert.ok(text.length > 1000);
    await h.open(uri, 'govreport', text);
    const pub = await h.diagnosticsFor(uri, 1);
    assert.deepEqual(pub.diagnostics, []);
    const view = (await h.conn.sendRequest('govreport/reportView', { uri })) as {
      linted: boolean;
      tooLarge?: { chars: number; limit: number };
    };
    assert.equal(view.linted, false);
    assert.deepEqual(view.tooLarge, { chars: text.length, limit: 1000 });
    await h.change(uri, [{ text: text + '\n' }]);
    await h.diagnosticsFor(uri, 2);
    const notes = h.logs.filter((m) => m.includes('maxDocumentChars'));
    assert.equal(notes.length, 1, notes.join('\n'));
    assert.match(notes[0], /未检查/);
  });

  test('raising the limit (0 = none) checks the document', async () => {
    const n = h.published.length;
    await h.changeSettings({ debounceMs: 0, maxDocumentChars: 0 });
    const pub = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n && p.diagnostics.length > 0);
    assert.ok(pub.diagnostics.some((d) => d.code === 'sum-row-total'));
    const view = (await h.conn.sendRequest('govreport/reportView', { uri })) as { linted: boolean; tooLarge?: unknown };
    assert.equal(view.linted, true);
    assert.equal(view.tooLarge, undefined);
  });
});
