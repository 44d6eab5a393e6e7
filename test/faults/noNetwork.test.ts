/**
 * Neither the language server nor the CLI opens a network connection. Both run (built, as shipped)
 * with a preload script that replaces every way Node connects or resolves a name — sockets, TLS,
 * DNS, HTTP(S), HTTP/2, UDP, fetch — by a recorder that fails; then they do all they can do:
 * lint the seeds, Word and PDF files (with CMap and standard-font data), fix, answer every
 * request, read a configuration that names a remote schema. The record must hold no attempt.
 * A control run proves the recorder sees attempts when there are some.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cjkPdf, docx } from './inputs';
import { RawServer, ROOT } from './rawServer';

const PRELOAD = path.join(ROOT, 'test', 'faults', 'noNetworkPreload.cjs');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

interface Entry {
  pid: number;
  threadId: number;
  loaded?: boolean;
  attempt?: string;
  stack?: string;
}

function readLog(file: string): Entry[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Entry);
}

function attempts(log: Entry[]): string {
  return log
    .filter((e) => e.attempt)
    .map((e) => `${e.attempt} (pid ${e.pid}, thread ${e.threadId})\n${e.stack}`)
    .join('\n');
}

/** A folder with every seed, a Word and a PDF file, and a configuration naming a remote schema. */
async function workspace(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-nonet-'));
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'report.pdf'), cjkPdf());
  fs.writeFileSync(
    path.join(dir, 'report.docx'),
    await docx(['某某县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况']),
  );
  fs.writeFileSync(
    path.join(dir, '.govreportrc.json'),
    JSON.stringify({
      $schema: 'https://example.com/govreportrc.schema.json',
      root: true,
      rules: { 'text-compat-char': 'info' },
    }),
  );
  return dir;
}

function netEnv(log: string): NodeJS.ProcessEnv {
  // Proxy variables must not tempt anything into the network either.
  return {
    ...process.env,
    GOVREPORT_NET_LOG: log,
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
  };
}

describe('no network', () => {
  test('control: the recorder sees connections, name lookups, HTTP requests and fetch', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-nonet-')), 'net.log');
    const script = `
      const tryIt = (f) => { try { const r = f(); if (r && r.catch) r.catch(() => {}); } catch {} };
      tryIt(() => require('node:net').connect(80, 'example.com'));
      tryIt(() => require('node:dns').lookup('example.com', () => {}));
      tryIt(() => require('node:https').get('https://example.com/'));
      tryIt(() => fetch('https://example.com/'));
      tryIt(() => new (require('node:worker_threads').Worker)("require('node:net').connect(80, 'example.com')", { eval: true }).on('error', () => {}));
      setTimeout(() => {}, 300);`;
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], { env: netEnv(log), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const seen = readLog(log)
      .map((e) => e.attempt)
      .filter(Boolean);
    for (const what of ['net.connect', 'dns.lookup', 'https.get', 'fetch'])
      assert.ok(seen.includes(what), `${what} recorded: ${seen.join(', ')}`);
    assert.ok(
      readLog(log).some((e) => e.threadId > 0 && e.attempt === 'net.connect'),
      'worker threads are watched too',
    );
  });

  test('the language server: open, change, every request, fix-all, settings, shutdown — no connection', async () => {
    const dir = await workspace();
    const log = path.join(dir, 'net.log');
    const s = await RawServer.start({
      execArgv: ['--require', PRELOAD],
      env: netEnv(log),
      settings: { debounceMs: 0 },
    });
    try {
      for (const f of fs.readdirSync(SEEDS)) {
        const uri = pathToFileURL(path.join(dir, f)).href;
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        s.open(uri, 'govreport', text);
        const pub = await s.diagnosticsFor(uri, 1);
        const range = pub.diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
        const requests: [string, unknown][] = [
          ['textDocument/documentSymbol', { textDocument: { uri } }],
          ['textDocument/foldingRange', { textDocument: { uri } }],
          ['textDocument/hover', { textDocument: { uri }, position: range.start }],
          ['textDocument/codeLens', { textDocument: { uri } }],
          ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: pub.diagnostics } }],
          [
            'textDocument/codeAction',
            { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.govreport'] } },
          ],
          ['govreport/reportView', { uri }],
          ['govreport/skeleton', { year: 2023 }],
          ['workspace/executeCommand', { command: 'govreport.server.fixAll', arguments: [{ uri, version: 1 }] }],
        ];
        for (const [method, params] of requests) {
          const r = await s.request(method, params);
          assert.equal(r.error, undefined, `${method}: ${JSON.stringify(r.error)}`);
        }
        s.notify('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [{ text: text + '\n补充说明。' }],
        });
        await s.diagnosticsFor(uri, 2);
      }
      s.notify('workspace/didChangeConfiguration', { settings: null });
      s.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(path.join(dir, '.govreportrc.json')).href, type: 2 }],
      });
      assert.equal(await s.shutdown(), 0);
      const entries = readLog(log);
      assert.ok(
        entries.some((e) => e.loaded && e.threadId === 0),
        'the recorder was loaded in the server',
      );
      assert.equal(attempts(entries), '', 'no network attempt');
    } finally {
      await s.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the CLI: text, Markdown, Word and PDF in worker threads, every format, --fix, schema — no connection', async () => {
    const dir = await workspace();
    const log = path.join(dir, 'net.log');
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], {
        cwd: dir,
        env: netEnv(log),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.equal(r.error, undefined);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      return r;
    };
    try {
      const text = run(['--print-text', 'report.pdf']);
      assert.match(text.stdout, /政府信息公开/, 'the PDF text came through its CMap');
      run(['--jobs', '2', '.']);
      run(['--format', 'sarif', '--jobs', '2', '.']);
      run(['--format', 'json', '--jobs', '1', '--force', '.']);
      run(['--fix-dry-run', '.']);
      run(['--fix', '.']);
      run(['--print-config-schema']);
      run(['--help']);
      const entries = readLog(log);
      assert.ok(
        entries.some((e) => e.loaded && e.threadId === 0),
        'the recorder was loaded in the CLI',
      );
      assert.ok(
        entries.some((e) => e.loaded && e.threadId > 0),
        'and in its worker threads',
      );
      assert.equal(attempts(entries), '', 'no network attempt');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
