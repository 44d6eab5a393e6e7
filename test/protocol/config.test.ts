/** `.govreportrc.json` under the editor settings, against the built server. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import { LspHarness, SEEDS } from './harness';

describe('.govreportrc.json', () => {
  let h: LspHarness;
  let dir: string;
  let uri: string;
  let rcFile: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-rc-'));
    const sub = path.join(dir, 'reports');
    fs.mkdirSync(sub);
    rcFile = path.join(dir, '.govreportrc.json');
    fs.writeFileSync(rcFile, JSON.stringify({ rules: { 'sum-row-total': 'warning', 'sum-column-total': 'off' } }));
    const seed = fs.readFileSync(path.join(SEEDS, '001_60561711a3d75cb4.txt'), 'utf8');
    const row = seed.split('\n').find((l) => l.includes('予以公开'))!;
    const at = seed.indexOf(row) + row.indexOf('\t0') + 1;
    const text = seed.slice(0, at) + '3' + seed.slice(at + 1);
    const file = path.join(sub, '年报.txt');
    fs.writeFileSync(file, text);
    uri = pathToFileURL(file).href;
    h = await LspHarness.start({ debounceMs: 50 });
    await h.open(uri, 'govreport', text);
  });
  after(() => {
    h.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the nearest rc file above the document sets severities', async () => {
    const pub = await h.diagnosticsFor(uri, 1);
    const row = pub.diagnostics.filter((d) => d.code === 'sum-row-total');
    assert.equal(row.length, 1);
    assert.equal(row[0].severity, DiagnosticSeverity.Warning);
    assert.ok(!pub.diagnostics.some((d) => d.code === 'sum-column-total'));
  });

  test('editor settings win over the rc file', async () => {
    const n = h.published.length;
    await h.changeSettings({ debounceMs: 50, rules: { 'sum-row-total': 'error' } });
    const pub = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    assert.equal(pub.diagnostics.find((d) => d.code === 'sum-row-total')!.severity, DiagnosticSeverity.Error);
    assert.ok(!pub.diagnostics.some((d) => d.code === 'sum-column-total'), 'still off from the rc file');
  });

  test('a changed rc file is read again when the editor reports the change', async () => {
    fs.writeFileSync(rcFile, JSON.stringify({ rules: { 'sum-column-total': 'info' } }));
    const n = h.published.length;
    await h.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(rcFile).href, type: FileChangeType.Changed }],
    });
    const pub = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    const col = pub.diagnostics.filter((d) => d.code === 'sum-column-total');
    assert.ok(col.length > 0);
    assert.ok(col.every((d) => d.severity === DiagnosticSeverity.Information));
  });
});
