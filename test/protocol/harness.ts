/**
 * A minimal LSP client for protocol tests: starts the BUILT server (dist/server.js) over stdio and
 * keeps a client-side copy of each open document, like an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist/server.js');
export const SEEDS = path.join(ROOT, 'test/fixtures/seeds');

export interface Waiter {
  pred: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspHarness {
  readonly published: PublishDiagnosticsParams[] = [];
  /** Messages the server wrote to the client's log (the output channel). */
  readonly logs: string[] = [];
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  readonly docs = new Map<string, TextDocument>();
  /** What the client answers to workspace/configuration for section "govreport". */
  settings: Record<string, unknown> = {};
  /** What the client answers for section "files.exclude". */
  filesExclude: Record<string, boolean> = {};
  stderr = '';
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stderr?.on('data', (d) => (this.stderr += String(d)));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((it) =>
        it.section === 'govreport' ? this.settings : it.section === 'files.exclude' ? this.filesExclude : null,
      ),
    );
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.applyEditRequests.push(p);
      const applied = this.applyWorkspaceEdit(p.edit);
      return { applied };
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
  }

  /**
   * `options.server`: another entry of the same server (a test entry that passes hooks); `env`: its environment;
   * `workspaceFolders` (URIs) and `capabilities` are added to the defaults.
   */
  static async start(
    settings: Record<string, unknown> = {},
    locale = 'zh-cn',
    options: {
      server?: string;
      env?: NodeJS.ProcessEnv;
      workspaceFolders?: string[];
      capabilities?: Record<string, unknown>;
    } = {},
  ): Promise<LspHarness> {
    const init = options;
    const proc = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const h = new LspHarness(proc, conn);
    h.settings = settings;
    conn.listen();
    h.initializeResult = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale,
      capabilities: {
        ...init.capabilities,
        workspace: {
          ...(init.capabilities?.workspace as object | undefined),
          configuration: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: {
          ...(init.capabilities?.textDocument as object | undefined),
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
          codeAction: {
            isPreferredSupport: true,
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      workspaceFolders: init.workspaceFolders ? init.workspaceFolders.map((uri) => ({ uri, name: uri })) : null,
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return h;
  }

  /** The next diagnostics published for `uri` that satisfy `pred` (already published ones count). */
  diagnostics(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const full = (p: PublishDiagnosticsParams) => p.uri === uri && pred(p);
    const done = this.published.find(full);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.length]))}\n${this.stderr}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        pred: full,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Diagnostics published for exactly this version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  async open(uri: string, languageId: string, text: string): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return doc;
  }

  /** Sends incremental changes (applied in order) as the next version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const old = this.doc(uri);
    const doc = TextDocument.update(old, changes, old.version + 1);
    this.docs.set(uri, doc);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version },
      contentChanges: changes,
    });
    return doc;
  }

  /** Replaces text[start, end) as the next version (an incremental change). */
  replace(uri: string, start: number, end: number, text: string): Promise<TextDocument> {
    const d = this.doc(uri);
    return this.change(uri, [{ range: { start: d.positionAt(start), end: d.positionAt(end) }, text }]);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`not open: ${uri}`);
    return d;
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /**
   * Applies a workspace edit the way an editor does: a versioned document edit is refused when the
   * document's version differs. The edits are sent to the server as the next version.
   */
  applyWorkspaceEdit(edit: WorkspaceEdit): boolean {
    const perDoc: { uri: string; version: number | null; edits: TextEdit[] }[] = [];
    for (const dc of edit.documentChanges ?? []) {
      if ('textDocument' in dc)
        perDoc.push({ uri: dc.textDocument.uri, version: dc.textDocument.version, edits: dc.edits as TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perDoc.push({ uri, version: null, edits });
    for (const p of perDoc) {
      const d = this.docs.get(p.uri);
      if (!d || (p.version !== null && p.version !== d.version)) return false;
    }
    for (const p of perDoc) {
      const d = this.doc(p.uri);
      // Send as incremental changes from the last edit to the first, so earlier ranges stay valid.
      const sorted = [...p.edits].sort((a, b) => d.offsetAt(b.range.start) - d.offsetAt(a.range.start));
      void this.change(
        p.uri,
        sorted.map((e) => ({ range: e.range, text: e.newText })),
      );
    }
    return true;
  }

  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }
}

/** UTF-16 offset → LSP position, computed independently of any library (line breaks: \n, \r\n, \r). */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export function rangeOf(text: string, start: number, end: number) {
  return { start: positionOf(text, start), end: positionOf(text, end) };
}

/** Applies LSP text edits to a text (for comparing the result of an action). */
export function applyTextEdits(text: string, uri: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 0, text), edits);
}
