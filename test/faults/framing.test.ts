/**
 * The server survives bad framing: after a Content-Length that is negative, fractional, hexadecimal,
 * huge, or past the body (and the other broken headers), the requests that follow are answered and
 * the client's log says what was dropped. A header line that never ends is held within a bound and
 * costs time linear in its length.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMING_LIMITS, FrameParser, parseHeader } from '../../server/src/lsp/framing';
import { RawServer, type Message } from './rawServer';

const BAD_HEADERS = [
  'Content-Length: -5\r\n\r\n',
  'Content-Length: 1.5\r\n\r\n',
  'Content-Length: 0x10\r\n\r\n',
  'Content-Length: 99999999999999999999\r\n\r\n',
  'Content-Length: 100000\r\n\r\n{}',
  'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}',
  'Content-Length: 20\n\n{"jsonrpc":"2.0"}',
  'Content-Length: abc\r\n\r\n',
  'Content-Length: 1e3\r\n\r\n',
  'Content-Length: 5\r\nContent-Length: 7\r\n\r\n',
  'Foo: bar\r\n\r\n',
  'garbage without a colon\r\n\r\n',
];

function frame(o: unknown): Buffer {
  const b = Buffer.from(JSON.stringify(o));
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
}

const skeleton = (id: number) => frame({ jsonrpc: '2.0', id, method: 'govreport/skeleton', params: { year: 2023 } });

/** Waits for responses to `ids` (each must come). */
async function answered(s: RawServer, ids: number[], timeoutMs = 15_000): Promise<Message[]> {
  return Promise.all(
    ids.map((id) => s.waitFor((m) => m.id === id && m.method === undefined, timeoutMs, `the response to ${id}`)),
  );
}

describe('bad framing over the real protocol', () => {
  test('after each bad header, 20 requests are answered, and the log says what was dropped', async () => {
    for (const bad of BAD_HEADERS) {
      const s = await RawServer.start();
      try {
        s.writeRaw(bad);
        const ids = Array.from({ length: 20 }, (_, i) => 100 + i);
        for (const id of ids) s.writeRaw(skeleton(id));
        const got = await answered(s, ids);
        for (const m of got)
          assert.equal(
            typeof m.result,
            'string',
            `${JSON.stringify(bad)}: request ${m.id} got ${JSON.stringify(m).slice(0, 200)}`,
          );
        const logs = s.received
          .filter((m) => m.method === 'window/logMessage')
          .map((m) => (m.params as { message: string }).message);
        assert.ok(
          logs.some((l) => l.includes('dropped an invalid message')),
          `${JSON.stringify(bad)}: logged\n${logs.join('\n')}`,
        );
        assert.equal(s.alive, true);
      } finally {
        await s.kill();
      }
    }
  });

  test('the bad header and the next request in one write, and split byte by byte', async () => {
    const s = await RawServer.start();
    try {
      s.writeRaw(Buffer.concat([Buffer.from('Content-Length: -5\r\n\r\n'), skeleton(7)]));
      await answered(s, [7]);
      const bytes = Buffer.concat([Buffer.from('Content-Length: 0x10\r\n\r\n'), skeleton(8)]);
      for (let i = 0; i < bytes.length; i++) s.writeRaw(bytes.subarray(i, i + 1));
      await answered(s, [8]);
    } finally {
      await s.kill();
    }
  });

  test('a header line of 32 MB that never ends: held within a bound, then the next request is answered', async () => {
    const s = await RawServer.start();
    try {
      const chunk = Buffer.alloc(1024 * 1024, 0x41);
      const t0 = Date.now();
      for (let i = 0; i < 32; i++) s.writeRaw(chunk);
      s.writeRaw('\r\n\r\n');
      s.writeRaw(skeleton(9));
      await answered(s, [9], 30_000);
      assert.ok(Date.now() - t0 < 30_000);
    } finally {
      await s.kill();
    }
  });
});

describe('FrameParser', () => {
  test('valid messages in any chunking come through exactly; garbage between them is dropped', () => {
    const messages = [
      frame({ jsonrpc: '2.0', id: 1, method: 'a', params: { s: '年报 Content-Length: 5 \\r\\n' } }),
      frame({ jsonrpc: '2.0', method: 'b' }),
      skeleton(3),
    ];
    const garbage = Buffer.from('Content-Length: -5\r\n\r\nxyz');
    const stream = Buffer.concat([
      messages[0],
      garbage,
      messages[1],
      Buffer.from('Content-Length: 99999\r\n\r\n{'),
      messages[2],
    ]);
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      const got: Buffer[] = [];
      const errors: string[] = [];
      const p = new FrameParser({ message: (f) => got.push(f), error: (e) => errors.push(e) });
      for (let i = 0; i < stream.length; i += size) p.push(stream.subarray(i, i + size));
      assert.deepEqual(got.map(String), messages.map(String), `chunks of ${size}`);
      assert.equal(errors.length, 2, errors.join('\n'));
      assert.equal(p.buffered, 0);
    }
  });

  test('header values: only decimal digits within the limit are a length', () => {
    assert.equal(parseHeader('Content-Length: 12'), 12);
    assert.equal(parseHeader('content-length:12\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 12);
    for (const bad of [
      'Content-Length: -5',
      'Content-Length: 1.5',
      'Content-Length: 0x10',
      'Content-Length: 99999999999999999999',
      'Content-Length:',
      'Foo: 1',
      'x'.repeat(10_000),
    ]) {
      const r = parseHeader(bad);
      assert.equal(typeof r, 'string', bad.slice(0, 40));
      assert.ok((r as string).length < 200, 'the reason quotes a short excerpt');
    }
    assert.equal(typeof parseHeader(`Content-Length: ${FRAMING_LIMITS.maxContentLength + 1}`), 'string');
  });

  test('a header that never ends: bounded memory, linear time', () => {
    const time = (mb: number): { ms: number; maxBuffered: number } => {
      const p = new FrameParser({ message: () => undefined, error: () => undefined });
      const chunk = Buffer.alloc(16 * 1024, 0x41);
      let maxBuffered = 0;
      const t0 = process.cpuUsage();
      for (let i = 0; i < mb * 64; i++) {
        p.push(chunk);
        maxBuffered = Math.max(maxBuffered, p.buffered);
      }
      const t = process.cpuUsage(t0);
      return { ms: (t.user + t.system) / 1000, maxBuffered };
    };
    time(2); // warm up
    const small = time(4);
    const large = time(40);
    assert.ok(small.maxBuffered <= FRAMING_LIMITS.maxHeaderBytes + 64 * 1024, `${small.maxBuffered} bytes held`);
    assert.ok(large.maxBuffered <= FRAMING_LIMITS.maxHeaderBytes + 64 * 1024, `${large.maxBuffered} bytes held`);
    const ratio = large.ms / Math.max(small.ms, 1);
    assert.ok(
      ratio < 25,
      `4 MB: ${small.ms.toFixed(0)} ms, 40 MB: ${large.ms.toFixed(0)} ms, ratio ${ratio.toFixed(1)}`,
    );
  });
});
