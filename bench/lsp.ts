/**
 * Editor latency and memory, measured on the BUILT language server (dist/server.js) over stdio,
 * as an editor drives it: `textDocument/didChange` (one digit typed into a total) until the
 * `textDocument/publishDiagnostics` for that very version arrives. The debounce is set to 0
 * through the `govreport.debounceMs` setting, so what is timed is the server's own work plus the
 * JSON-RPC round trip (and the one-millisecond floor of a zero-delay timer).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { summarize, type Summary } from './stats';

export const SERVER_JS = path.join(__dirname, '..', '..', 'dist', 'server.js');

interface Waiter {
  resolve: (p: PublishDiagnosticsParams) => void;
}

/** A language server child process and the client end of its connection. */
export class ServerUnderTest {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  private readonly waiters = new Map<string, Waiter>();

  constructor(
    serverJs: string = SERVER_JS,
    /** How long to wait for any one publication before giving up. */
    private readonly timeoutMs = 600_000,
    /** Node options for the server, e.g. `--cpu-prof --trace-gc` (GOVREPORT_BENCH_SERVER_FLAGS in bench/run.ts). */
    nodeArgs: readonly string[] = [],
  ) {
    this.proc = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr?.resume();
    this.conn = createProtocolConnection(
      new StreamMessageReader(this.proc.stdout!),
      new StreamMessageWriter(this.proc.stdin!),
    );
    // The server pulls its settings: every document gets debounce 0.
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'govreport' ? { debounceMs: 0 } : null)),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const key = `${p.uri}#${p.version}`;
      const w = this.waiters.get(key);
      if (w) {
        this.waiters.delete(key);
        w.resolve(p);
      }
    });
    this.conn.listen();
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  async initialize(): Promise<void> {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale: 'zh-cn',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
      },
      workspaceFolders: null,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves when diagnostics for `uri` at `version` are published (or rejects after `timeoutMs`). */
  diagnosticsFor(uri: string, version: number, timeoutMs = this.timeoutMs): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(`${uri}#${version}`);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(`${uri}#${version}`, {
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, version = 1, languageId = 'govreport'): Promise<PublishDiagnosticsParams> {
    const done = this.diagnosticsFor(uri, version);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return done;
  }

  /** Replaces [line:character, +length) with `newText` at `version`; resolves with the round trip in ms. */
  async change(
    uri: string,
    version: number,
    line: number,
    character: number,
    length: number,
    newText: string,
  ): Promise<{ ms: number; count: number }> {
    const t0 = performance.now();
    const done = this.diagnosticsFor(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [
        { range: { start: { line, character }, end: { line, character: character + length } }, text: newText },
      ],
    });
    const p = await done;
    return { ms: performance.now() - t0, count: p.diagnostics.length };
  }

  /** Resident set size of the server process, in bytes (Linux: /proc/<pid>/status VmRSS). */
  rssBytes(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), sleep(2000)]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      // the server is already gone
    }
    const timer = setTimeout(() => this.proc.kill(), 3000);
    await exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Line and character (UTF-16) of an offset. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export interface TypingResult extends Summary {
  document: string;
  /** Which keystrokes: the timed ones (absent), the first ones after the start, or those of a warm engine. */
  phase?: 'first' | 'warm';
  bytes: number;
  edits: number;
  /** Diagnostics published after the last edit (a sanity check: the document is linted). */
  lastDiagnostics: number;
}

/**
 * Types into the digit at `offset` (a total): the digit and another one alternately, each
 * keystroke a new version; times `edits` keystrokes after `warmup` untimed ones.
 */
export async function typingLatency(
  server: ServerUnderTest,
  uri: string,
  name: string,
  text: string,
  offset: number,
  edits: number,
  warmup: number,
  budgetMs: number,
): Promise<TypingResult> {
  await server.open(uri, text, 1);
  const original = text[offset];
  const other = original === '9' ? '8' : String.fromCharCode(original.charCodeAt(0) + 1);
  const { line, character } = positionOf(text, offset);
  let version = 1;
  let lastDiagnostics = 0;
  for (let i = 0; i < warmup; i++) {
    version++;
    await server.change(uri, version, line, character, 1, version % 2 === 0 ? other : original);
  }
  const times: number[] = [];
  let spent = 0;
  while (times.length < edits && (spent < budgetMs || times.length < 5)) {
    version++;
    const r = await server.change(uri, version, line, character, 1, version % 2 === 0 ? other : original);
    times.push(r.ms);
    spent += r.ms;
    lastDiagnostics = r.count;
  }
  return {
    ...summarize(times),
    document: name,
    bytes: Buffer.byteLength(text, 'utf8'),
    edits: times.length,
    lastDiagnostics,
  };
}

export interface TypingTarget {
  name: string;
  uri: string;
  text: string;
  /** The digit typed into. */
  offset: number;
  languageId: string;
}

/** Keystrokes of `typingPair` outside its timed ones, each summarised on its own. */
export interface TypingPhases {
  /** The untimed keystrokes before the timed ones (the first after the server started). */
  first: Summary & { edits: number };
  /** After the timed keystrokes, `settle` more untimed ones, then these: the engine warm by then. */
  warm?: Summary & { edits: number; from: number };
}

/**
 * Types into two documents in turn — one keystroke in `a`, one in `b` — so that whatever load the
 * machine has falls on both alike. With `b` a document in a language the server does not check (it
 * answers with empty diagnostics and lints nothing), `b` measures the floor at this moment: JSON-RPC
 * both ways, the scheduling of two processes, the server's event loop — and the pauses (garbage
 * collection, the warm-up) that `a`'s work leaves in the same server.
 *
 * The `warmup` keystrokes before the timed ones are summarised apart (`first`), and with `warm`, the
 * same server goes on for `settle` untimed keystrokes and `edits` timed ones: the timed keystrokes
 * beside the first ones after the start and the ones of a server whose engine is warm.
 */
export async function typingPair(
  server: ServerUnderTest,
  targets: readonly [TypingTarget, TypingTarget],
  edits: number,
  warmup: number,
  budgetMs: number,
  warm?: { settle: number; edits: number },
): Promise<[TypingResult & TypingPhases, TypingResult & TypingPhases]> {
  const state = await Promise.all(
    targets.map(async (t) => {
      await server.open(t.uri, t.text, 1, t.languageId);
      const original = t.text[t.offset];
      const other = original === '9' ? '8' : String.fromCharCode(original.charCodeAt(0) + 1);
      return {
        t,
        original,
        other,
        pos: positionOf(t.text, t.offset),
        version: 1,
        first: [] as number[],
        times: [] as number[],
        warm: [] as number[],
        last: 0,
      };
    }),
  );
  const type = async (k: number, into?: 'first' | 'times' | 'warm') => {
    const st = state[k];
    st.version++;
    const text = st.version % 2 === 0 ? st.other : st.original;
    const r = await server.change(st.t.uri, st.version, st.pos.line, st.pos.character, 1, text);
    if (into) st[into].push(r.ms);
    st.last = r.count;
    return r.ms;
  };
  /** `count` keystrokes into each document in turn, kept in `into`, up to `budgetMs` (at least 5). */
  const timedRun = async (into: 'times' | 'warm', count: number) => {
    let spent = 0;
    while (state[0][into].length < count && (spent < budgetMs || state[0][into].length < 5)) {
      for (const k of [0, 1]) spent += await type(k, into);
    }
  };
  for (let i = 0; i < warmup; i++) for (const k of [0, 1]) await type(k, 'first');
  await timedRun('times', edits);
  const timed = state[0].times.length;
  if (warm) {
    for (let i = 0; i < warm.settle; i++) for (const k of [0, 1]) await type(k);
    await timedRun('warm', warm.edits);
  }
  return state.map((st) => ({
    ...summarize(st.times),
    document: st.t.name,
    bytes: Buffer.byteLength(st.t.text, 'utf8'),
    edits: st.times.length,
    lastDiagnostics: st.last,
    first: { ...summarize(st.first), edits: st.first.length },
    warm:
      warm && st.warm.length
        ? { ...summarize(st.warm), edits: st.warm.length, from: warmup + timed + warm.settle + 1 }
        : undefined,
  })) as [TypingResult & TypingPhases, TypingResult & TypingPhases];
}

export interface MemoryResult {
  reports: number;
  /** RSS after initialize, before any document. */
  rssIdleBytes?: number;
  /** RSS once every report is open and its diagnostics were published. */
  rssBytes?: number;
  /** Total size of the open reports (UTF-8). */
  openBytes: number;
}

/** Opens `reports` documents in a fresh server and reads its resident memory. */
export async function memoryWithOpenReports(reports: readonly string[], timeoutMs?: number): Promise<MemoryResult> {
  const server = new ServerUnderTest(SERVER_JS, timeoutMs);
  try {
    await server.initialize();
    await sleep(200);
    const rssIdleBytes = server.rssBytes();
    await Promise.all(
      reports.map((text, i) => server.open(`file:///bench/open/${String(i).padStart(3, '0')}-年度报告.txt`, text)),
    );
    await sleep(500);
    return {
      reports: reports.length,
      rssIdleBytes,
      rssBytes: server.rssBytes(),
      openBytes: reports.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0),
    };
  } finally {
    await server.stop();
  }
}
