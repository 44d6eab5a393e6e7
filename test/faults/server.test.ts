/**
 * Faults over the real protocol, against the BUILT server (dist/server.js --stdio): malformed
 * JSON-RPC, unknown methods, impossible document changes, changes for documents never opened,
 * messages around initialize and shutdown (bursts and large documents: bursts.test.ts). The server
 * answers every request it can parse (errors where the protocol says so), never exits on its
 * own, and every diagnostics it publishes belong to the latest version of the document.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent, type TextEdit } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../server/src/core';
import { essentials, expectedDiagnostics } from './expect';
import { RawServer, type Message } from './rawServer';
import { mirror, SEED, stillWorks, withServer } from './serverHelpers';

const METHOD_NOT_FOUND = -32601;
const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;
const INVALID_PARAMS = -32602;

/** Waits until every request id in `ids` has exactly one response; returns them by id. */
async function responses(s: RawServer, ids: number[]): Promise<Map<number, Message>> {
  await Promise.all(ids.map((id) => s.waitFor((m) => m.id === id && m.method === undefined, 20_000, `response ${id}`)));
  const out = new Map<number, Message>();
  for (const id of ids) {
    const rs = s.received.filter((m) => m.id === id && m.method === undefined);
    assert.equal(rs.length, 1, `exactly one response to request ${id}`);
    out.set(id, rs[0]);
  }
  return out;
}

describe('malformed JSON-RPC', () => {
  test('broken JSON, bodies that are not messages, invalid bytes: the server stays up and answers what follows', async () => {
    await withServer(async (s) => {
      s.sendBody('{"jsonrpc":"2.0","id":901,"method":"textDocument/hover",'); // truncated JSON
      s.sendBody('[1,2,3]');
      s.sendBody('{}');
      s.sendBody('null');
      s.sendBody('"a string"');
      s.sendBody('{"jsonrpc":"2.0","id":902,"method":5}');
      s.sendBody('{"jsonrpc":"1.0","id":903}');
      const garbage = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]); // invalid UTF-8 and a NUL
      s.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${garbage.length}\r\n\r\n`), garbage]));
      const body = JSON.stringify({ jsonrpc: '2.0', id: 904, method: 'govreport/skeleton', params: { year: 2023 } });
      s.writeRaw(
        `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`,
      );
      const r = await s.waitFor((m) => m.id === 904, 20_000, 'the skeleton after the bad messages');
      assert.equal(r.error, undefined);
      assert.match(String(r.result), /2023年政府信息公开工作年度报告/);
      await stillWorks(s, 'malformed');
      assert.equal(
        s.received.filter((m) => m.id === 901 || m.id === 902 || m.id === 903).length,
        0,
        'nothing answers what could not be read as a request',
      );
    });
  });

  test('requests with parameters of the wrong shape are answered with an error, each under its own id', async () => {
    await withServer(async (s) => {
      const uri = 'untitled:shapes';
      s.open(uri, 'govreport', SEED);
      await s.diagnosticsFor(uri, 1);
      const bad: [string, unknown][] = [
        ['textDocument/hover', 'nonsense'],
        ['textDocument/hover', { textDocument: { uri }, position: null }],
        ['textDocument/codeAction', {}],
        [
          'textDocument/codeAction',
          {
            textDocument: { uri },
            range: { start: { line: -1, character: -1 }, end: { line: 1e9, character: 1e9 } },
            context: { diagnostics: [] },
          },
        ],
        ['codeAction/resolve', null],
        ['codeAction/resolve', { title: 'x', data: { uri, version: 'one' } }],
        ['textDocument/documentSymbol', { textDocument: {} }],
        ['textDocument/foldingRange', { textDocument: { uri: 42 } }],
        ['textDocument/codeLens', null],
        ['govreport/reportView', null],
        ['govreport/reportView', { uri: 'untitled:never-opened' }],
        ['govreport/skeleton', { year: 'x', eol: 42 }],
        ['workspace/executeCommand', { command: 'govreport.server.fixAll' }],
        ['workspace/executeCommand', { command: 'govreport.server.fixAll', arguments: [null] }],
        ['workspace/executeCommand', { command: 'govreport.server.fixAll', arguments: [{ uri: 5, version: 'x' }] }],
        ['workspace/executeCommand', { command: 'no.such.command', arguments: [] }],
      ];
      const ids = bad.map(([method, params], i) => {
        const id = 1000 + i;
        s.send({ id, method, params });
        return id;
      });
      const got = await responses(s, ids);
      for (const [i, [method]] of bad.entries()) {
        const m = got.get(1000 + i)!;
        assert.ok('result' in m || (m.error && typeof m.error.code === 'number'), `${method}: a result or an error`);
      }
      // Where no answer could make sense, the answer is InvalidParams.
      for (const id of [1000, 1001, 1002, 1004, 1006, 1007, 1009, 1011]) {
        assert.equal(
          got.get(id)!.error?.code,
          INVALID_PARAMS,
          `${bad[id - 1000][0]} ${JSON.stringify(bad[id - 1000][1])}`,
        );
      }
      // codeLens with null parameters fails in the protocol library's own wrapper (it reads the progress token)
      // before the server sees it: an error all the same.
      assert.ok(got.get(1008)!.error, 'textDocument/codeLens with null parameters is an error');
      assert.ok(got.get(1004)!.error || got.get(1004)!.result === null, 'resolving null gives an error or nothing');
      // A fix-all with malformed arguments applies nothing.
      for (const id of [1012, 1013, 1014]) {
        const res = got.get(id)!.result as { applied?: boolean } | undefined;
        assert.notEqual(res?.applied, true, `request ${id} applies nothing`);
      }
      assert.equal(s.applyEdits.length, 0, 'no workspace edit was requested');
      await stillWorks(s, 'shapes');
    });
  });

  test('broken framing (no or a wrong Content-Length, LF-only headers): the server keeps running and answers the next request', async () => {
    // More cases, and the log line, in framing.test.ts.
    for (const bad of [
      'Foo: bar\r\n\r\n',
      'Content-Length: abc\r\n\r\n',
      'Content-Length: -5\r\n\r\n',
      'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}',
      'Content-Length: 20\n\n{"jsonrpc":"2.0"}',
    ]) {
      const s = await RawServer.start();
      try {
        s.writeRaw(bad);
        s.sendBody(JSON.stringify({ jsonrpc: '2.0', id: 4242, method: 'govreport/skeleton', params: { year: 2023 } }));
        const answer = await s.waitResponse(4242, 10_000, `the request after ${JSON.stringify(bad)}`);
        assert.equal(typeof answer.result, 'string');
        assert.equal(s.alive, true, `alive after ${JSON.stringify(bad)}\n${s.stderr}`);
      } finally {
        await s.kill();
      }
    }
  });
});

describe('unknown methods', () => {
  test('unknown requests get MethodNotFound; unknown notifications are ignored', async () => {
    await withServer(async (s) => {
      s.notify('govreport/noSuchNotification', { x: 1 });
      s.notify('$/noSuchNotification');
      s.notify('textDocument/noSuchThing', { textDocument: { uri: 'untitled:x' } });
      const a = await s.request('govreport/noSuchRequest', { x: 1 });
      const b = await s.request('$/noSuchRequest');
      const c = await s.request('textDocument/noSuchThing', {});
      for (const r of [a, b, c]) assert.equal(r.error?.code, METHOD_NOT_FOUND);
      await stillWorks(s, 'unknown');
    });
  });
});

describe('document changes', () => {
  test('out-of-range, reversed, overlapping and empty edits: the diagnostics of the latest version match its text', async () => {
    await withServer(async (s) => {
      const uri = 'untitled:ranges';
      let doc = s.open(uri, 'govreport', SEED);
      await s.diagnosticsFor(uri, 1);
      const lines = SEED.split('\n').length;
      const batches: TextDocumentContentChangeEvent[][] = [
        [
          {
            range: { start: { line: lines + 50, character: 0 }, end: { line: lines + 99, character: 5 } },
            text: '\n尾部追加',
          },
        ], // past the end
        [{ range: { start: { line: 3, character: 500 }, end: { line: 3, character: 900 } }, text: 'X' }], // past the end of a line
        [{ range: { start: { line: -4, character: -7 }, end: { line: 0, character: 2 } }, text: '' }], // negative
        [{ range: { start: { line: 10, character: 4 }, end: { line: 8, character: 1 } }, text: '倒' }], // end before start
        [
          { range: { start: { line: 20, character: 0 }, end: { line: 24, character: 3 } }, text: '甲\n乙' },
          { range: { start: { line: 21, character: 0 }, end: { line: 22, character: 9 } }, text: '丙' }, // overlaps the previous one
          { range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: '' }, // empty
        ],
        [{ range: { start: { line: 30, character: 1 }, end: { line: 30, character: 1 } }, text: '\uD840' }], // half a surrogate pair
        [{ range: { start: { line: 30, character: 2 }, end: { line: 30, character: 2 } }, text: '\uDC00\r\n\r' }],
        [{ text: SEED.replace(/\n/g, '\r\n') }], // a full replacement
        [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '𠀀'.repeat(3) }],
      ];
      for (const changes of batches) {
        const version = doc.version + 1;
        doc = mirror(doc, changes, version);
        s.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      }
      const last = await s.diagnosticsFor(uri, doc.version);
      assert.deepEqual(essentials(last.diagnostics), expectedDiagnostics(doc.getText(), true));
      // The server's text is the client's text: a fix-all for this version rewrites exactly it.
      const res = await s.request('workspace/executeCommand', {
        command: 'govreport.server.fixAll',
        arguments: [{ uri, version: doc.version }],
      });
      assert.equal((res.result as { applied: boolean }).applied, true, JSON.stringify(res));
      const edit = s.applyEdits[0] as {
        edit: { documentChanges: { textDocument: { version: number }; edits: TextEdit[] }[] };
      };
      assert.equal(edit.edit.documentChanges[0].textDocument.version, doc.version);
      assert.equal(
        TextDocument.applyEdits(doc, edit.edit.documentChanges[0].edits),
        fixAll(doc.getText(), { force: true }).text,
      );
      await stillWorks(s, 'ranges');
    });
  });

  test('changes whose ranges or texts are not even of the right type do not bring the server down', async () => {
    await withServer(async (s) => {
      const uri = 'untitled:types';
      s.open(uri, 'govreport', SEED);
      await s.diagnosticsFor(uri, 1);
      const junk: unknown[] = [
        {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: { start: { line: 'a', character: null }, end: {} }, text: 'x' }],
        },
        { textDocument: { uri, version: 3 }, contentChanges: [{ range: null, text: 5 }] },
        { textDocument: { uri, version: 4 }, contentChanges: null },
        { textDocument: { uri }, contentChanges: [{ text: 'no version' }] },
        { textDocument: null },
        {},
      ];
      for (const params of junk) s.notify('textDocument/didChange', params);
      s.notify('textDocument/didOpen', {
        textDocument: { uri: 'untitled:null-text', languageId: 'govreport', version: 1, text: null },
      });
      s.notify('textDocument/didOpen', {});
      s.notify('textDocument/didClose', { textDocument: null });
      // Whatever became of the document, a full replacement brings it back to a known text.
      s.notify('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: SEED }] });
      const pub = await s.diagnosticsFor(uri, 10);
      assert.deepEqual(essentials(pub.diagnostics), expectedDiagnostics(SEED, true));
      await stillWorks(s, 'types');
    });
  });

  test('didChange and didClose for a document never opened are ignored; opening it later starts from its own text', async () => {
    await withServer(async (s) => {
      const uri = 'untitled:never';
      s.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: '一、总体情况\n' }],
      });
      s.notify('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }],
      });
      s.notify('textDocument/didClose', { textDocument: { uri } });
      const r = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(r.result, [], 'a document never opened has no outline');
      assert.equal(
        s.published.filter((p) => p.uri === uri && p.diagnostics.length > 0).length,
        0,
        'no diagnostics for a document never opened',
      );
      s.open(uri, 'govreport', SEED, 7);
      const pub = await s.diagnosticsFor(uri, 7);
      assert.deepEqual(essentials(pub.diagnostics), expectedDiagnostics(SEED, true));
      await stillWorks(s, 'never');
    });
  });
});

describe('initialize, shutdown and exit', () => {
  test('exit after shutdown ends the process with code 0; exit without shutdown with code 1', async () => {
    const a = await RawServer.start();
    assert.equal(await a.shutdown(), 0);
    const b = await RawServer.start();
    b.notify('exit');
    assert.equal(await b.exited, 1);
  });

  test('requests after shutdown are answered with InvalidRequest, and the process waits for exit', async () => {
    const s = await RawServer.start();
    try {
      const uri = 'untitled:after-shutdown';
      s.open(uri, 'govreport', SEED);
      await s.diagnosticsFor(uri, 1);
      const r = await s.request('shutdown');
      assert.equal(r.error, undefined);
      for (const [method, params] of [
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
        ['govreport/skeleton', { year: 2023 }],
      ] as const) {
        const after = await s.request(method, params);
        assert.equal(after.error?.code, INVALID_REQUEST, `${method} after shutdown`);
      }
      assert.equal(s.alive, true, 'the process waits for exit');
      s.notify('exit');
      assert.equal(await s.exited, 0);
    } finally {
      await s.kill();
    }
  });

  test('requests before initialize are answered with ServerNotInitialized', async () => {
    const s = await RawServer.start({ initialize: false });
    try {
      const r = await s.request('textDocument/hover', {
        textDocument: { uri: 'untitled:x' },
        position: { line: 0, character: 0 },
      });
      assert.equal(r.error?.code, SERVER_NOT_INITIALIZED);
      const k = await s.request('govreport/skeleton', { year: 2023 });
      assert.equal(k.error?.code, SERVER_NOT_INITIALIZED);
    } finally {
      await s.kill();
    }
  });

  test('before initialize the server neither crashes nor exits on requests and notifications', async () => {
    const s = await RawServer.start({ initialize: false });
    try {
      const r = await s.request('textDocument/hover', {
        textDocument: { uri: 'untitled:x' },
        position: { line: 0, character: 0 },
      });
      assert.ok(r.error, 'no hover before initialize');
      s.notify('textDocument/didOpen', {
        textDocument: { uri: 'untitled:early', languageId: 'govreport', version: 1, text: SEED },
      });
      s.notify('textDocument/didChange', {
        textDocument: { uri: 'untitled:early', version: 2 },
        contentChanges: [{ text: SEED }],
      });
      const init = await s.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(init.error, undefined);
      s.notify('initialized', {});
      await stillWorks(s, 'late-init');
      assert.equal(s.alive, true);
    } finally {
      await s.kill();
    }
  });
});
