/**
 * The BUILT language server (dist/server.js --stdio) driven byte by byte: messages are framed here,
 * so a test can also send what no well-behaved client would (bad JSON, bad headers, bad messages).
 * Answers the server's own requests like an editor does: settings, registrations, workspace edits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface Message {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code?: string | number;
  severity?: number;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface StartOptions {
  /** The `govreport` settings the client answers with (default: debounce 20 ms). */
  settings?: Record<string, unknown>;
  /** Extra node options (e.g. a preload script). */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** Send initialize/initialized (default true). */
  initialize?: boolean;
}

const CAPABILITIES = {
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    codeAction: {
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    },
  },
};

export class RawServer {
  readonly published: Published[] = [];
  /** Every message the server sent, in order. */
  readonly received: Message[] = [];
  /** workspace/applyEdit requests the server made. */
  readonly applyEdits: unknown[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  readonly exited: Promise<number | null>;
  settings: Record<string, unknown>;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number | string, (m: Message) => void>();
  private listeners: ((m: Message) => void)[] = [];

  private constructor(
    readonly proc: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) =>
      proc.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
    proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    proc.stdin!.on('error', () => undefined); // writes after exit
  }

  static async start(opts: StartOptions = {}): Promise<RawServer> {
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
    });
    const s = new RawServer(proc, opts.settings ?? { debounceMs: 20 });
    if (opts.initialize !== false) {
      const r = await s.request('initialize', {
        processId: process.pid,
        rootUri: null,
        locale: 'zh-cn',
        capabilities: CAPABILITIES,
        workspaceFolders: null,
      });
      if (r.error) throw new Error(`initialize failed: ${JSON.stringify(r.error)}`);
      s.notify('initialized', {});
    }
    return s;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Writes raw bytes to the server's stdin. */
  writeRaw(data: string | Buffer): void {
    this.proc.stdin!.write(data);
  }

  /** Frames a body (any text, valid JSON or not) with a correct Content-Length header. */
  sendBody(body: string): void {
    const bytes = Buffer.from(body, 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  }

  send(m: Message): void {
    this.sendBody(JSON.stringify({ jsonrpc: '2.0', ...m }));
  }

  notify(method: string, params?: unknown): void {
    this.send({ method, ...(params === undefined ? {} : { params }) });
  }

  /** Sends a request and resolves with the response (result or error), or rejects after `timeoutMs`. */
  request(method: string, params?: unknown, timeoutMs = 20_000): Promise<Message> {
    const id = this.nextId++;
    const p = this.waitResponse(id, timeoutMs, method);
    this.send({ id, method, ...(params === undefined ? {} : { params }) });
    return p;
  }

  waitResponse(id: number | string, timeoutMs = 20_000, what = String(id)): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(
            `no response to ${what} within ${timeoutMs} ms (alive: ${this.alive})\n${this.stderr.slice(-2000)}`,
          ),
        );
      }, timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      void this.exited.then((code) => {
        if (!this.pending.has(id)) return;
        this.pending.delete(id);
        clearTimeout(timer);
        reject(new Error(`the server exited (code ${code}) before answering ${what}\n${this.stderr.slice(-2000)}`));
      });
    });
  }

  /** The first message (already received or future) that satisfies `pred`. */
  waitFor(pred: (m: Message) => boolean, timeoutMs = 20_000, what = 'message'): Promise<Message> {
    const done = this.received.find(pred);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`no ${what} within ${timeoutMs} ms (alive: ${this.alive})\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const listener = (m: Message) => {
        if (!pred(m)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(m);
      };
      this.listeners.push(listener);
    });
  }

  /** Diagnostics published for `uri` at exactly `version`. */
  async diagnosticsFor(uri: string, version: number, timeoutMs = 20_000): Promise<Published> {
    const m = await this.waitFor(
      (x) =>
        x.method === 'textDocument/publishDiagnostics' &&
        (x.params as Published).uri === uri &&
        (x.params as Published).version === version,
      timeoutMs,
      `diagnostics for ${uri} version ${version}`,
    );
    return m.params as Published;
  }

  open(uri: string, languageId: string, text: string, version = 1): TextDocument {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return TextDocument.create(uri, languageId, version, text);
  }

  /** Kills the process if it still runs. */
  async kill(): Promise<void> {
    if (this.alive) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
  }

  /** A graceful end: shutdown, exit; resolves with the exit code. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown');
    this.notify('exit');
    return this.exited;
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`server sent a header without Content-Length: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    this.received.push(m);
    if (m.method === undefined && m.id !== undefined && m.id !== null) {
      const resolve = this.pending.get(m.id);
      if (resolve) {
        this.pending.delete(m.id);
        resolve(m);
      }
    } else if (m.method !== undefined && m.id !== undefined) {
      this.answer(m);
    } else if (m.method === 'textDocument/publishDiagnostics') {
      this.published.push(m.params as Published);
    }
    for (const l of [...this.listeners]) l(m);
  }

  /** Answers a request from the server. */
  private answer(m: Message): void {
    let result: unknown = null;
    if (m.method === 'workspace/configuration') {
      const items = (m.params as { items: { section?: string }[] }).items;
      result = items.map((it) => (it.section === 'govreport' ? this.settings : null));
    } else if (m.method === 'workspace/applyEdit') {
      this.applyEdits.push(m.params);
      result = { applied: true };
    }
    this.send({ id: m.id, result });
  }
}
