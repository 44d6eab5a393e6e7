/**
 * Word, PDF and web-page reports opened as text: a read-only document of the `govreport-extracted:`
 * scheme (server/src/lsp/extracted.ts) whose content is the text the server reads from the file with
 * the command-line tool's reader. Every editor feature of the server works on it; no fix is offered
 * (the source is not text).
 *
 * The provider is registered when the extension starts, so such a URI opens from anywhere — the
 * "以年报方式打开" command, a Problems entry, a restored editor tab. The document refreshes when its
 * file changes on disk.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTRACTED_EXTENSIONS,
  EXTRACTED_SCHEME,
  extractedUriOf,
  isExtractedKind,
  sourceUriOf,
} from '../../server/src/lsp/extracted';
import type { ServerClient } from './serverClient';

const REPORT_LANGUAGE = 'govreport';
/** Writes to a file come in bursts; the document is read again once they settle. */
const REFRESH_DELAY_MS = 200;

export class ExtractedDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The last reason a URI could not be read, for the command's message. */
  private readonly failures = new Map<string, string>();
  /** Open extracted documents → the watcher of their file's folder. */
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly server: ServerClient) {
    this.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, this),
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
    );
    for (const d of vscode.workspace.textDocuments) this.opened(d);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const res = await this.server.extractedText(key);
    const failure = !res
      ? vscode.l10n.t('The report checker is not running.')
      : 'error' in res
        ? res.error.message
        : '';
    if (res && !('error' in res)) {
      this.failures.delete(key);
      return res.text;
    }
    this.failures.set(key, failure);
    throw new Error(failure);
  }

  /** Why `uri` could not be read the last time, if it could not. */
  failureOf(uri: vscode.Uri): string | undefined {
    return this.failures.get(uri.toString());
  }

  /** An extracted document opened (by any way): checked as a report, refreshed when its file changes. */
  private opened(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== EXTRACTED_SCHEME) return;
    // VS Code picks a language by the file's extension (html, or plain text): the server forces the report's.
    if (doc.languageId !== REPORT_LANGUAGE) void vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
    const key = doc.uri.toString();
    if (this.watchers.has(key)) return;
    const source = sourceUriOf(key);
    if (!source) return;
    const file = vscode.Uri.parse(source);
    // The file's folder, not a glob of its name (names may hold glob characters); non-recursive.
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(path.dirname(file.fsPath)), '*'),
    );
    const onFile = (u: vscode.Uri) => {
      if (u.toString() === file.toString()) this.refreshSoon(doc.uri);
    };
    watcher.onDidChange(onFile);
    watcher.onDidCreate(onFile);
    this.watchers.set(key, watcher);
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private refreshSoon(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(uri);
      }, REFRESH_DELAY_MS),
    );
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.watchers.clear();
    this.timers.clear();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The file of the active editor or tab, when it is one that opens as a report. */
function activeSource(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc) {
    if (doc.uri.scheme === EXTRACTED_SCHEME) {
      const s = sourceUriOf(doc.uri.toString());
      return s ? vscode.Uri.parse(s) : undefined;
    }
    if (isExtractedKind(doc.uri.toString())) return doc.uri;
  }
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  return uri && isExtractedKind(uri.toString()) ? uri : undefined;
}

/**
 * "以年报方式打开": the file given (Explorer), else the active one, else one picked; opened as the
 * read-only text of the report.
 */
export async function openAsReport(docs: ExtractedDocuments, arg?: unknown): Promise<void> {
  let source = arg instanceof vscode.Uri ? arg : activeSource();
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Open as Report'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Word, PDF and web page reports')]: EXTRACTED_EXTENSIONS.map((e) => e.slice(1)) },
    });
    source = picked?.[0];
    if (!source) return;
  }
  const target = isExtractedKind(source.toString()) ? extractedUriOf(source.toString()) : undefined;
  const name = path.basename(source.path);
  if (!target) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} cannot be opened as a report: only Word (.docx), PDF and web page files on disk can.', name),
    );
    return;
  }
  const uri = vscode.Uri.parse(target);
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    const reason = docs.failureOf(uri) ?? (e instanceof Error ? e.message : String(e));
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be opened as a report: {1}', name, reason));
    return;
  }
  if (doc.languageId !== REPORT_LANGUAGE) doc = await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
  await vscode.window.showTextDocument(doc, { preview: false });
}
