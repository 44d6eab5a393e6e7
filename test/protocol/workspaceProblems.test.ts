/**
 * Workspace problems over the real protocol (`govreport.run: "workspace"`): every report file of the
 * folder is checked without being opened and pulled through `workspace/diagnostic` with result ids (a
 * second pull says `unchanged`), streamed as partial results when the client gives a token; excluded
 * files are left out; the work-done progress can be cancelled.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  WorkDoneProgress,
  WorkspaceDiagnosticRequest,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { consistentPair, withT3 } from '../helpers/pairs';
import { render } from '../helpers/report';
import { LspHarness } from './harness';

const PULL = { textDocument: { diagnostic: { dynamicRegistration: false } }, window: { workDoneProgress: true } };

function fileOf(uri: string): string {
  return fileURLToPath(uri.replace(/^govreport-extracted:/, 'file:'));
}

function byFile(items: WorkspaceDocumentDiagnosticReport[]): Map<string, WorkspaceDocumentDiagnosticReport> {
  return new Map(items.map((i) => [path.basename(fileOf(i.uri)), i]));
}

function makeFolder(extraBodies = 0): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-wsp-'));
  const pair = consistentPair({ body: '某某市某某区财政局', year: 2023 });
  const next = Number(pair.previous.t3['t3.next'][0]);
  fs.writeFileSync(path.join(dir, 'a2022.txt'), render(pair.previous, 'tab'));
  fs.writeFileSync(path.join(dir, 'a2023.txt'), render(withT3(pair.current, 't3.carried', 0, next + 3), 'tab'));
  fs.writeFileSync(path.join(dir, 'README.md'), '# 说明\n\n本文件夹存放年报。\n');
  fs.mkdirSync(path.join(dir, '草稿'));
  fs.writeFileSync(path.join(dir, '草稿', 'a2022-草稿.txt'), render(pair.previous, 'tab'));
  for (let i = 0; i < extraBodies; i++) {
    const p = consistentPair({ body: `某某市第${i + 1}局`, year: 2023, seed: 10 + i });
    fs.writeFileSync(path.join(dir, `b${String(i).padStart(3, '0')}.txt`), render(p.current, 'tab'));
  }
  return dir;
}

describe('workspace problems: pull diagnostics with result ids', () => {
  let h: LspHarness;
  let dir: string;

  before(async () => {
    dir = makeFolder();
    h = await LspHarness.start({ debounceMs: 0, run: 'workspace', exclude: ['草稿'] }, 'zh-cn', {
      workspaceFolders: [pathToFileURL(dir).href],
      capabilities: PULL,
    });
    h.conn.onRequest('window/workDoneProgress/create', () => null);
  });
  after(async () => {
    await h.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the server offers workspace diagnostics', () => {
    const caps = h.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics?: boolean };
    assert.equal(caps.workspaceDiagnostics, true);
  });

  test('every report file is checked without being opened; the second pull says unchanged', async () => {
    const first = (await h.conn.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: [],
    })) as WorkspaceDiagnosticReport;
    const files = byFile(first.items);
    assert.ok(!files.has('a2022-草稿.txt'), 'the excluded draft is not checked');
    const a2023 = files.get('a2023.txt');
    assert.ok(a2023 && a2023.kind === 'full');
    const carry = a2023.items.find((d) => d.code === 'cross-year-carry-over');
    assert.ok(carry, 'last year’s report of the folder pairs with it');
    assert.ok(fileOf(carry.relatedInformation![0].location.uri).endsWith('a2022.txt'));
    const a2022 = files.get('a2022.txt');
    assert.ok(a2022 && a2022.kind === 'full' && a2022.items.length === 0);
    const readme = files.get('README.md');
    assert.ok(!readme || (readme.kind === 'full' && readme.items.length === 0), 'a README gets no problems');
    // Nothing was published for files that are not open: the pull carries them.
    assert.equal(
      h.published.filter((p) => p.diagnostics.length > 0).length,
      0,
      JSON.stringify(h.published.map((p) => p.uri)),
    );

    const second = (await h.conn.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId! })),
    })) as WorkspaceDiagnosticReport;
    assert.equal(second.items.length, first.items.length);
    for (const i of second.items) assert.equal(i.kind, 'unchanged', i.uri);
    assert.deepEqual(
      second.items.map((i) => i.resultId),
      first.items.map((i) => i.resultId),
    );
  });

  test('a file changed on disk is checked again and streamed as a partial result', async () => {
    const first = (await h.conn.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: [],
    })) as WorkspaceDiagnosticReport;
    const token = 'partial-1';
    const partials: WorkspaceDocumentDiagnosticReport[] = [];
    let gotChange!: () => void;
    const changed = new Promise<void>((r) => (gotChange = r));
    h.conn.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (p) => {
      partials.push(...p.items);
      if (p.items.some((i) => i.kind === 'full' && fileOf(i.uri).endsWith('a2023.txt'))) gotChange();
    });
    const cts = new CancellationTokenSource();
    const held = h.conn.sendRequest(
      WorkspaceDiagnosticRequest.type,
      { previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId! })), partialResultToken: token },
      cts.token,
    );
    // Last year's file now agrees with this year's: the carry-over finding goes away.
    const a2023 = fs.readFileSync(path.join(dir, 'a2023.txt'), 'utf8');
    const prevPath = path.join(dir, 'a2022.txt');
    const prev = fs.readFileSync(prevPath, 'utf8');
    const carried = /^二、上年结转政府信息公开申请数量\t+(\d+)\t/m.exec(a2023)![1];
    fs.writeFileSync(prevPath, prev.replace(/^(四、结转下年度继续办理\t+)\d+\t/m, `$1${carried}\t`));
    await h.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(prevPath).href, type: 2 }],
    });
    await changed;
    const latest = partials.filter((i) => fileOf(i.uri).endsWith('a2023.txt')).at(-1)!;
    assert.equal(latest.kind, 'full');
    assert.ok(latest.kind === 'full' && !latest.items.some((d) => d.code === 'cross-year-carry-over'));
    // The first round said which files are unchanged.
    assert.ok(partials.some((i) => i.kind === 'unchanged'));
    cts.cancel();
    await held.catch(() => undefined);
  });
});

describe('workspace problems: progress', () => {
  test('the progress counts the reports and can be cancelled', async () => {
    const dir = makeFolder(30);
    const h = await LspHarness.start({ debounceMs: 0, run: 'workspace' }, 'zh-cn', {
      workspaceFolders: [pathToFileURL(dir).href],
      capabilities: PULL,
    });
    try {
      const messages: string[] = [];
      let ended = false;
      h.conn.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
        h.conn.onProgress(WorkDoneProgress.type, p.token, (v) => {
          if (v.kind !== 'end' && v.message) messages.push(v.message);
          if (v.kind === 'report' && messages.length === 3)
            void h.conn.sendNotification('window/workDoneProgress/cancel', { token: p.token });
          if (v.kind === 'end') ended = true;
        });
        return null;
      });
      const report = (await h.conn.sendRequest(WorkspaceDiagnosticRequest.type, {
        previousResultIds: [],
      })) as WorkspaceDiagnosticReport;
      assert.ok(
        messages.some((m) => /^正在检查 \d+\/3[45] 份年报$/.test(m)),
        JSON.stringify(messages),
      );
      const deadline = Date.now() + 5000;
      while (!ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(ended, 'the progress ended');
      assert.ok(report.items.length < 34, `cancelled: ${report.items.length} files reported`);
      assert.ok(
        h.logs.some((l) => l.includes('已取消工作区检查')),
        JSON.stringify(h.logs),
      );
    } finally {
      await h.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
