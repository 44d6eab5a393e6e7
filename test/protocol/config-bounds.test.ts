/**
 * A broken `.govreportrc.json` (nested 6,000 deep, or over the size limit) in the server: the error is
 * written to the output channel and carried by the report view (the status item shows it), and the
 * folder's documents are still checked, with the defaults.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspHarness, SEEDS } from './harness';
import type { ReportViewResult } from '../../server/src/lsp/protocol';

describe('.govreportrc.json out of bounds', () => {
  let h: LspHarness;
  let dir: string;
  let text: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-rc-bounds-'));
    const seed = fs.readFileSync(path.join(SEEDS, '001_60561711a3d75cb4.txt'), 'utf8');
    const row = seed.split('\n').find((l) => l.includes('予以公开'))!;
    const at = seed.indexOf(row) + row.indexOf('\t0') + 1;
    text = seed.slice(0, at) + '3' + seed.slice(at + 1);
    for (const sub of ['deep', 'huge', 'fine']) {
      fs.mkdirSync(path.join(dir, sub));
      fs.writeFileSync(path.join(dir, sub, '年报.txt'), text);
    }
    const n = 6000;
    fs.writeFileSync(
      path.join(dir, 'deep', '.govreportrc.json'),
      '{"rules":{"sum-row-total":' + '['.repeat(n) + ']'.repeat(n) + '}}',
    );
    fs.writeFileSync(
      path.join(dir, 'huge', '.govreportrc.json'),
      '{"rules":{"sum-row-total":"' + 'e'.repeat(20 * 1024 * 1024) + '"}}',
    );
    fs.writeFileSync(path.join(dir, 'fine', '.govreportrc.json'), '{"rules":{"sum-row-total":"warning"}}');
    h = await LspHarness.start({ debounceMs: 0, messageLanguage: 'en' }, 'en');
  });
  after(() => {
    h.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [sub, message] of [
    ['deep', /nested too deeply \(more than 32 levels, at line 1, column 57\); ignored/],
    ['huge', /too large \(20481 KB, limit 1024 KB\); ignored/],
  ] as const) {
    test(`${sub}: checked with the defaults; the error is in the output channel and the report view`, async () => {
      const file = path.join(dir, sub, '年报.txt');
      const rc = path.join(dir, sub, '.govreportrc.json');
      const uri = pathToFileURL(file).href;
      await h.open(uri, 'govreport', text);
      const pub = await h.diagnosticsFor(uri, 1);
      const row = pub.diagnostics.filter((d) => d.code === 'sum-row-total');
      assert.equal(row.length, 1, 'the broken total is found');
      assert.equal(row[0].severity, DiagnosticSeverity.Error, 'with the default severity');
      const view = (await h.conn.sendRequest('govreport/reportView', { uri })) as ReportViewResult;
      assert.equal(view.linted, true);
      assert.equal(view.configErrors?.length, 1);
      assert.equal(view.configErrors![0].file, rc);
      assert.match(view.configErrors![0].message, message);
      assert.ok(view.configErrors![0].message.length < 200);
      const logged = h.logs.filter((l) => l.startsWith(rc));
      assert.equal(logged.length, 1, h.logs.join('\n'));
      assert.match(logged[0], message);
      assert.ok(logged[0].length < 400);
    });
  }

  test('a folder with a valid rc file has no configuration error and uses it', async () => {
    const uri = pathToFileURL(path.join(dir, 'fine', '年报.txt')).href;
    await h.open(uri, 'govreport', text);
    const pub = await h.diagnosticsFor(uri, 1);
    assert.equal(pub.diagnostics.find((d) => d.code === 'sum-row-total')!.severity, DiagnosticSeverity.Warning);
    const view = (await h.conn.sendRequest('govreport/reportView', { uri })) as ReportViewResult;
    assert.equal(view.configErrors, undefined);
  });
});
