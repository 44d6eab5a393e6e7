/** "忽略此问题" and `.govreport-suppressions.json`, against the built server. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
  type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { fingerprint, lint, parseSuppressions, serializeSuppressions } from '../../server/src/core';
import { ReportViewRequest, type ReportViewResult } from '../../server/src/lsp/protocol';
import { LspHarness, SEEDS } from './harness';

describe('suppressions in the editor', () => {
  let h: LspHarness;
  let dir: string;
  let uri: string;
  let text: string;
  let suppressionsFile: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-suppress-'));
    const sub = path.join(dir, 'reports');
    fs.mkdirSync(sub);
    // The rc file marks where a new suppressions file goes.
    fs.writeFileSync(path.join(dir, '.govreportrc.json'), '{}');
    suppressionsFile = path.join(dir, '.govreport-suppressions.json');
    const seed = fs.readFileSync(path.join(SEEDS, '001_60561711a3d75cb4.txt'), 'utf8');
    const row = seed.split('\n').find((l) => l.includes('予以公开'))!;
    const at = seed.indexOf(row) + row.indexOf('\t0') + 1;
    text = seed.slice(0, at) + '3' + seed.slice(at + 1);
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

  const view = () => h.conn.sendRequest(ReportViewRequest.method, { uri }) as Promise<ReportViewResult>;

  test('"忽略此问题" is offered beside each finding\'s fixes and runs the server\'s suppress command', async () => {
    const pub = await h.diagnosticsFor(uri, 1);
    const diag = pub.diagnostics.find((d) => d.code === 'sum-row-total')!;
    const all = pub.diagnostics.length;
    assert.equal((await view()).suppressed, 0);
    const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag], only: ['quickfix'] },
    })) as CodeAction[];
    const suppress = actions.filter((a) => a.title === '忽略此问题');
    assert.ok(suppress.length >= 1, actions.map((a) => a.title).join(' | '));
    const mine = suppress.find((a) => a.diagnostics?.[0].code === 'sum-row-total')!;
    assert.equal(mine.kind, 'quickfix');
    assert.equal(mine.edit, undefined);
    const finding = lint(text, { force: true }).findings.find((f) => f.ruleId === 'sum-row-total')!;
    const args = mine.command!.arguments![0];
    assert.deepEqual(args, { uri, version: 1, rule: 'sum-row-total', fingerprint: fingerprint(text, finding) });

    // For an older version: refused, nothing written.
    const stale = await h.conn.sendRequest(ExecuteCommandRequest.type, {
      command: mine.command!.command,
      arguments: [{ ...args, version: 0 }],
    });
    assert.deepEqual(stale, { applied: false, reason: 'stale' });
    assert.equal(fs.existsSync(suppressionsFile), false);

    const n = h.published.length;
    const res = await h.conn.sendRequest(ExecuteCommandRequest.type, {
      command: mine.command!.command,
      arguments: mine.command!.arguments,
    });
    assert.deepEqual(res, { applied: true, file: suppressionsFile });
    // Written beside the rc file, keyed by the path from there, in the file's one layout.
    const written = fs.readFileSync(suppressionsFile, 'utf8');
    const parsed = parseSuppressions(written);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.data.suppressions, [
      { file: 'reports/年报.txt', rule: 'sum-row-total', fingerprint: args.fingerprint },
    ]);
    assert.equal(serializeSuppressions(parsed.data), written);

    // The squiggle goes away (the same version is published again), and the view counts it.
    const again = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    assert.equal(again.version, 1);
    assert.ok(!again.diagnostics.some((d) => d.code === 'sum-row-total'));
    assert.equal(again.diagnostics.length, all - 1);
    const v = await view();
    assert.equal(v.suppressed, 1);
    assert.equal(v.problems.error + v.problems.warning + v.problems.info, all - 1);
    // No action is offered for the hidden finding any more.
    const after = (await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    assert.ok(!after.some((a) => a.diagnostics?.some((d) => d.code === 'sum-row-total')));
  });

  test('the entry survives an edit elsewhere in the document', async () => {
    await h.replace(uri, 0, 0, '（修订稿）\n');
    const pub = await h.diagnosticsFor(uri, 2);
    assert.ok(!pub.diagnostics.some((d) => d.code === 'sum-row-total'));
    assert.equal((await view()).suppressed, 1);
  });

  test('a changed suppressions file is read again when the editor reports the change', async () => {
    fs.writeFileSync(suppressionsFile, serializeSuppressions({ version: 1, suppressions: [] }));
    const n = h.published.length;
    await h.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(suppressionsFile).href, type: FileChangeType.Changed }],
    });
    const pub = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    assert.equal(pub.diagnostics.filter((d) => d.code === 'sum-row-total').length, 1);
    assert.equal((await view()).suppressed, 0);
  });

  test('a suppressions file that cannot be parsed is never rewritten', async () => {
    fs.writeFileSync(suppressionsFile, '{ broken');
    await h.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(suppressionsFile).href, type: FileChangeType.Changed }],
    });
    const doc = h.doc(uri);
    const finding = lint(doc.getText(), { force: true }).findings.find((f) => f.ruleId === 'sum-row-total')!;
    const res = await h.conn.sendRequest(ExecuteCommandRequest.type, {
      command: 'govreport.server.suppress',
      arguments: [
        { uri, version: doc.version, rule: 'sum-row-total', fingerprint: fingerprint(doc.getText(), finding) },
      ],
    });
    assert.deepEqual(res, { applied: false, file: suppressionsFile, reason: 'unreadable' });
    assert.equal(fs.readFileSync(suppressionsFile, 'utf8'), '{ broken');
  });
});
