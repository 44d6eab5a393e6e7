/**
 * Bursts and large documents over the real protocol, against the BUILT server: 1,000 changes in a
 * burst, a 50 MB document, a 2 MB report. Slow: `npm run test:quick` leaves this file out.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { essentials, expectedDiagnostics } from './expect';
import type { Published } from './rawServer';
import { mirror, publishedFor, SEED, stillWorks, typing, withServer } from './serverHelpers';

describe('bursts and large documents', () => {
  test('1,000 changes in a burst: every publication is for a newer version, each matches its text, the last is the latest', async () => {
    await withServer(
      async (s) => {
        const uri = 'untitled:burst';
        let doc = s.open(uri, 'govreport', SEED);
        await s.diagnosticsFor(uri, 1);
        const texts = new Map<number, string>([[1, SEED]]);
        for (const changes of typing(SEED, 1000)) {
          const version = doc.version + 1;
          doc = mirror(doc, changes, version);
          texts.set(version, doc.getText());
          s.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        }
        assert.equal(doc.version, 1001);
        const last = await s.diagnosticsFor(uri, 1001, 60_000);
        // Nothing older may follow: one more change, and its publication, show what came after 1001.
        const sentinel = [{ text: doc.getText() }];
        doc = mirror(doc, sentinel, 1002);
        texts.set(1002, doc.getText());
        s.notify('textDocument/didChange', { textDocument: { uri, version: 1002 }, contentChanges: sentinel });
        await s.diagnosticsFor(uri, 1002, 60_000);
        const pubs = publishedFor(s, uri);
        const versions = pubs.map((p) => p.version!);
        for (let i = 1; i < versions.length; i++)
          assert.ok(versions[i] > versions[i - 1], `publications in version order: ${versions.join(',')}`);
        assert.equal(versions[versions.length - 1], 1002);
        assert.equal(versions[versions.length - 2], 1001, 'nothing between 1001 and the sentinel');
        for (const p of pubs) {
          assert.deepEqual(
            essentials(p.diagnostics),
            expectedDiagnostics(texts.get(p.version!)!, true),
            `diagnostics of version ${p.version}`,
          );
        }
        assert.ok(last.diagnostics.length > 0, 'the typing broke some sums');
      },
      { debounceMs: 0 },
    );
  });

  test('a 50 MB document: opened, changed, queried and closed while the server keeps answering', async () => {
    await withServer(async (s) => {
      const uri = 'untitled:huge.txt';
      const line = '2023-01-01 12:00:00 INFO request handled in 12 ms by worker 7 of pool A\n';
      const text = line.repeat(Math.ceil(50_000_000 / line.length));
      assert.ok(text.length >= 50_000_000);
      const t0 = Date.now();
      let doc = s.open(uri, 'plaintext', text);
      const v1 = await s.diagnosticsFor(uri, 1, 120_000);
      assert.deepEqual(v1.diagnostics, [], 'a log file is no report');
      const change = {
        range: { start: doc.positionAt(text.length), end: doc.positionAt(text.length) },
        text: '一、总体情况\n',
      };
      doc = mirror(doc, [change], 2);
      s.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
      const v2 = await s.diagnosticsFor(uri, 2, 120_000);
      assert.deepEqual(v2.diagnostics, []);
      const folding = await s.request('textDocument/foldingRange', { textDocument: { uri } }, 120_000);
      assert.equal(folding.error, undefined);
      await stillWorks(s, 'huge');
      s.notify('textDocument/didClose', { textDocument: { uri } });
      await s.waitFor(
        (m) =>
          m.method === 'textDocument/publishDiagnostics' &&
          (m.params as Published).uri === uri &&
          (m.params as Published).version === undefined,
        60_000,
        'cleared diagnostics',
      );
      assert.ok(Date.now() - t0 < 120_000);
    });
  });

  test('a 2 MB report in the report language is linted in full and its diagnostics match the engine', async () => {
    await withServer(async (s) => {
      const uri = 'untitled:big-report';
      const text = SEED.repeat(Math.ceil(2_000_000 / SEED.length));
      s.open(uri, 'govreport', text);
      const pub = await s.diagnosticsFor(uri, 1, 120_000);
      assert.deepEqual(essentials(pub.diagnostics), expectedDiagnostics(text, true));
    });
  });
});
