/** The extension's commands, declared as a table; each falls back gracefully when the server is down. */
import * as vscode from 'vscode';
import type { FixAllCommandResult, TableKind } from '../../server/src/lsp/protocol';
import { openAsReport, type ExtractedDocuments } from './extracted';
import type { ComparePanel } from './compare';
import type { Item, ReportViewProvider } from './reportView';
import type { ServerClient } from './serverClient';

type Handler = (...args: unknown[]) => unknown;

export function registerCommands(
  server: ServerClient,
  view: ReportViewProvider,
  extracted: ExtractedDocuments,
  compare: ComparePanel,
): vscode.Disposable[] {
  const table: Record<string, Handler> = {
    'govreport.fixAll': () => fixAll(server),
    'govreport.fixTable': (arg) => fixTable(server, view, arg),
    'govreport.insertTemplate': () => insertTemplate(server),
    'govreport.restartServer': () => server.restart(),
    'govreport.showOutput': () => server.output.show(true),
    'govreport.reveal': (uri, line, character) => reveal(String(uri), Number(line), Number(character)),
    'govreport.openAsReport': (uri) => openAsReport(extracted, uri),
    'govreport.compareWithPrevious': (uri) => compare.run(uri),
  };
  return Object.entries(table).map(([id, h]) => vscode.commands.registerCommand(id, h));
}

async function fixAll(server: ServerClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  report(server, await server.fixAll({ uri: doc.uri.toString(), version: doc.version }));
}

async function fixTable(server: ServerClient, view: ReportViewProvider, arg: unknown): Promise<void> {
  // From the view's inline action (a tree element) or from a caller passing { uri, version, table }.
  let uri: string | undefined;
  let version: number | undefined;
  let kind: TableKind | undefined;
  const item = arg as Item | undefined;
  const plain = arg as { uri?: unknown; version?: unknown; table?: unknown } | undefined;
  if (item && item.type === 'table') {
    uri = item.data.uri;
    version = item.data.version;
    kind = item.table.kind;
  } else if (plain && typeof plain.uri === 'string' && typeof plain.version === 'number') {
    uri = plain.uri;
    version = plain.version;
    kind = plain.table === 't2' || plain.table === 't3' || plain.table === 't4' ? plain.table : undefined;
  }
  if (!uri || version === undefined || !kind) return;
  report(server, await server.fixAll({ uri, version, table: kind }));
  view.refreshSoon(0);
}

function report(server: ServerClient, res: FixAllCommandResult | undefined): void {
  if (!res) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The report checker is not running.'));
    return;
  }
  if (res.reason === 'stale') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The document changed meanwhile; nothing was fixed. Try again.'),
    );
  } else if (res.reason === 'read-only') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This is the text of a Word, PDF or web file: fix the file itself.'),
    );
  } else if (res.reason === 'nothing') {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Nothing to fix.'), 3000);
  } else if (res.applied) {
    server.output.info(`fix-all applied ${res.edits} edit(s)`);
  }
}

async function insertTemplate(server: ServerClient): Promise<void> {
  const last = new Date().getFullYear() - 1;
  const input = await vscode.window.showInputBox({
    title: vscode.l10n.t('Insert an empty report'),
    prompt: vscode.l10n.t('Statistics year of the report'),
    value: String(last),
    validateInput: (v) => (/^\s*(19|20)\d\d\s*$/.test(v) ? undefined : vscode.l10n.t('Enter a year such as {0}', last)),
  });
  if (input === undefined) return;
  const body = await vscode.window.showInputBox({
    title: vscode.l10n.t('Insert an empty report'),
    prompt: vscode.l10n.t('Name of the body (may be left empty)'),
  });
  if (body === undefined) return;
  const editor = vscode.window.activeTextEditor;
  const eol = editor?.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = await server.skeleton({ year: Number(input.trim()), body, eol });
  if (text === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The report checker is not running.'));
    return;
  }
  if (editor && editor.document.getText().trim() === '') {
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text));
    if (editor.document.languageId !== 'markdown')
      await vscode.languages.setTextDocumentLanguage(editor.document, 'govreport');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'govreport', content: text });
  await vscode.window.showTextDocument(doc);
}

async function reveal(uri: string, line: number, character: number): Promise<void> {
  const pos = new vscode.Position(line, character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
    selection: new vscode.Range(pos, pos),
    preserveFocus: false,
  });
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
}
