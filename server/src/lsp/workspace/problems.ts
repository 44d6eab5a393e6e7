/**
 * Workspace problems (`govreport.run: "workspace"`): every report file of the index is checked in the
 * worker, in the background, and its problems reach the Problems panel — through LSP pull diagnostics
 * where the client supports them (`workspace/diagnostic`, result ids so that an unchanged file is
 * reported as `unchanged`; with a partial-result token the request is held open and results stream as
 * files are checked), pushed otherwise. A work-done progress ("正在检查 23/50 份年报") shows and can be
 * cancelled; the worker's background queue waits while the user types.
 *
 * An open document's problems are the editor's (pushed on every change): for it the pull answers are
 * empty, and nothing is pushed here, so that nothing is listed twice.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ResultProgressReporter,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { localize } from '../../core';
import { workspaceMessages as W } from '../../core/i18n/messages/workspace';
import type { ServerContext } from '../context';
import type { GovreportSettings } from '../protocol';
import { pathOfUri, type IndexedFile } from './index';
import type { Workspace } from './workspace';

/** A held workspace pull returns after this long without news (the client asks again two seconds later). */
const HOLD_MS = 60_000;

interface FileProblems {
  uri: string;
  resultId: string;
  items: Diagnostic[];
}

export class WorkspaceProblems {
  private readonly results = new Map<string, FileProblems>();
  /** URIs whose problems went away (file deleted, excluded, or checking turned off): reported empty once. */
  private readonly cleared = new Map<string, string>();
  private readonly queue = new Set<string>();
  private draining = false;
  /** Cancelled by the user: nothing more is checked until a file or a setting changes. */
  private paused = false;
  private readonly waiters = new Set<() => void>();
  private folderSettings = new Map<string, GovreportSettings>();
  private disposed = false;
  /** Resolves once the first index was built and its files were queued (a pull before that waits). */
  private readonly started: Promise<void>;
  private markStarted!: () => void;

  constructor(
    private readonly connection: Connection,
    private readonly ctx: ServerContext,
    private readonly workspace: Workspace,
    /** The client pulls diagnostics (`textDocument.diagnostic`): nothing is pushed. */
    readonly pull: boolean,
    private readonly progressSupported: boolean,
  ) {
    this.started = new Promise((r) => (this.markStarted = r));
  }

  /** Pull capability: workspace diagnostics, with dependencies between files (last year's report). */
  static capability() {
    return { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } };
  }

  register(): void {
    this.connection.languages.diagnostics.on((p, token) => this.documentReport(p, token));
    this.connection.languages.diagnostics.onWorkspace((p, token, _workDone, progress) =>
      this.workspaceReport(p, token, progress),
    );
  }

  /** The index was (re)built or the settings changed: every file is checked again. */
  async checkAll(): Promise<void> {
    await this.workspace.index.whenBuilt();
    this.paused = false;
    await this.readFolderSettings();
    const files = this.workspace.index.all();
    const keep = new Set(files.map((f) => f.ref.path));
    for (const [file, r] of [...this.results]) if (!keep.has(file)) this.clear(file, r);
    for (const f of files) this.queue.add(f.ref.path);
    this.markStarted();
    this.notify();
    void this.drain();
  }

  /** A file of the index changed on disk or went away; the files of the same body are checked again too. */
  fileChanged(file: IndexedFile, removed: boolean): void {
    if (removed) {
      const r = this.results.get(file.ref.path);
      if (r) this.clear(file.ref.path, r);
      this.queue.delete(file.ref.path);
    } else this.queue.add(file.ref.path);
    const key = file.identity?.key;
    if (key) for (const f of this.workspace.index.all()) if (f.identity?.key === key) this.queue.add(f.ref.path);
    this.paused = false;
    this.notify();
    void this.drain();
  }

  /** An open document closed: its file's workspace problems are shown again (checked from disk). */
  documentClosed(uri: string): void {
    const file = pathOfUri(uri);
    if (!file || !this.workspace.index.get(file)) return;
    const r = this.results.get(file);
    if (r) this.results.set(file, { ...r, resultId: `${r.resultId}+` }); // the client has none for it now
    this.queue.add(file);
    this.notify();
    void this.drain();
  }

  dispose(): void {
    this.disposed = true;
    this.notify();
  }

  private isOpen(uri: string): boolean {
    return this.ctx.documents.get(uri) !== undefined;
  }

  private clear(file: string, r: FileProblems): void {
    this.results.delete(file);
    this.cleared.set(r.uri, `cleared:${r.resultId}`);
    if (!this.pull && !this.isOpen(r.uri)) void this.connection.sendDiagnostics({ uri: r.uri, diagnostics: [] });
  }

  private async readFolderSettings(): Promise<void> {
    const entries = await Promise.all(
      this.workspace.workspaceFolders.map(async (f) => [f.path, await this.ctx.settingsFor(f.uri)] as const),
    );
    this.folderSettings = new Map(entries);
  }

  private enabledFor(file: IndexedFile): GovreportSettings | undefined {
    const s = this.folderSettings.get(file.folder);
    return s && s.enable && s.run === 'workspace' ? s : undefined;
  }

  private async drain(): Promise<void> {
    if (this.draining || this.disposed) return;
    this.draining = true;
    let progress: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | undefined;
    let done = 0;
    try {
      await this.started;
      while (this.queue.size > 0 && !this.paused && !this.disposed) {
        const total = done + this.queue.size;
        if (!progress && this.progressSupported && this.anyEnabled()) {
          progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
          progress?.begin(localize(W.progressTitle, this.ctx.displayLocale), 0, this.progressText(0, total), true);
          progress?.token.onCancellationRequested(() => {
            this.paused = true;
            this.connection.console.info(
              `govreport: ${localize(W.cancelled(done, done + this.queue.size), this.ctx.displayLocale)}`,
            );
          });
        }
        const file = this.queue.values().next().value!;
        this.queue.delete(file);
        await this.checkOne(file);
        done++;
        progress?.report(
          Math.round((done / (done + this.queue.size)) * 100),
          this.progressText(done, done + this.queue.size),
        );
      }
    } finally {
      progress?.done();
      this.draining = false;
      this.notify();
    }
    if (this.queue.size > 0 && !this.paused && !this.disposed) void this.drain();
  }

  private anyEnabled(): boolean {
    return [...this.folderSettings.values()].some((s) => s.enable && s.run === 'workspace');
  }

  private progressText(done: number, total: number): string {
    return localize(W.progress(done, total), this.ctx.displayLocale);
  }

  private async checkOne(file: string): Promise<void> {
    const entry = this.workspace.index.get(file);
    if (!entry) return;
    const settings = this.enabledFor(entry);
    const old = this.results.get(file);
    if (!settings || entry.failed) {
      if (old) this.clear(file, old);
      return;
    }
    const fileUri = pathToFileURL(file).href;
    const generation = entry.generation;
    const previous = entry.identity ? this.workspace.index.previousOf(entry.identity, file)?.ref : undefined;
    const r = await this.workspace.pool.run({
      op: 'check',
      file: entry.ref,
      ...(previous ? { previous } : {}),
      rules: this.ctx.rulesFor(fileUri, settings).rules,
      suppressions: this.ctx.suppressionsFor(fileUri),
      locale: this.ctx.locale(settings),
    });
    if (this.workspace.index.get(file) !== entry || entry.generation !== generation) return; // changed meanwhile: queued again
    if (!r.ok) {
      if (old) this.clear(file, old);
      return;
    }
    for (const e of r.ruleErrors) this.connection.console.error(`govreport: ${entry.ref.name}: rule ${e}`);
    const resultId = createHash('sha1').update(JSON.stringify(r.diagnostics)).digest('base64url');
    if (old && old.resultId === resultId) return;
    this.cleared.delete(entry.ref.uri);
    this.results.set(file, { uri: entry.ref.uri, resultId, items: r.diagnostics });
    if (!this.pull && !this.isOpen(entry.ref.uri))
      void this.connection.sendDiagnostics({ uri: entry.ref.uri, diagnostics: r.diagnostics });
    this.notify();
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** The next change (a file checked, a file cleared, checking done), or after `ms`. */
  private next(ms: number, token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        sub.dispose();
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      const sub = token.onCancellationRequested(finish);
      this.waiters.add(finish);
    });
  }

  private documentReport(p: DocumentDiagnosticParams, _token: CancellationToken): DocumentDiagnosticReport {
    // An open document's problems are pushed by the editor's own checks; a closed one's come from the workspace pull.
    const file = pathOfUri(p.textDocument.uri);
    const r = file && !this.isOpen(p.textDocument.uri) ? this.results.get(file) : undefined;
    if (!r) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (p.previousResultId === r.resultId)
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: r.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: r.resultId, items: r.items };
  }

  /** The reports that differ from what the client has (`sent`: URI → result id, updated). */
  private delta(sent: Map<string, string>, firstRound: boolean): WorkspaceDocumentDiagnosticReport[] {
    const out: WorkspaceDocumentDiagnosticReport[] = [];
    for (const r of this.results.values()) {
      if (this.isOpen(r.uri)) continue;
      const had = sent.get(r.uri);
      if (had === r.resultId) {
        if (firstRound)
          out.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: r.uri, resultId: r.resultId, version: null });
        continue;
      }
      out.push({
        kind: DocumentDiagnosticReportKind.Full,
        uri: r.uri,
        resultId: r.resultId,
        version: null,
        items: r.items,
      });
      sent.set(r.uri, r.resultId);
    }
    for (const [uri, id] of this.cleared) {
      if (!sent.has(uri) || sent.get(uri) === id) continue;
      out.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId: id, version: null, items: [] });
      sent.set(uri, id);
    }
    return out;
  }

  private async workspaceReport(
    p: WorkspaceDiagnosticParams,
    token: CancellationToken,
    progress: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    await new Promise<void>((resolve) => {
      const sub = token.onCancellationRequested(() => resolve());
      void this.started.then(() => {
        sub.dispose();
        resolve();
      });
    });
    const sent = new Map(p.previousResultIds.map((r) => [r.uri, r.value]));
    // URIs the client knows are compared as URIs of one file (its spelling of a path may differ from ours).
    for (const [uri, id] of [...sent]) {
      const file = pathOfUri(uri);
      const ours = file ? this.results.get(file)?.uri : undefined;
      if (ours && ours !== uri) sent.set(ours, id);
    }
    if (!this.anyEnabled() && this.results.size === 0 && this.cleared.size === 0) {
      // Nothing to report: hold the request (long poll) so that the client does not ask again and again.
      if (progress) await this.next(HOLD_MS, token);
      return { items: [] };
    }
    if (!progress) {
      // No streaming: answer once everything queued is checked.
      while ((this.draining || this.queue.size > 0) && !this.paused && !token.isCancellationRequested && !this.disposed)
        await this.next(HOLD_MS, token);
      return { items: this.delta(sent, true) };
    }
    let first = true;
    for (;;) {
      const items = this.delta(sent, first);
      first = false;
      if (items.length > 0) progress.report({ items });
      if (token.isCancellationRequested || this.disposed) break;
      const before = Date.now();
      await this.next(HOLD_MS, token);
      if (Date.now() - before >= HOLD_MS && !this.draining) break;
    }
    return { items: [] };
  }
}
