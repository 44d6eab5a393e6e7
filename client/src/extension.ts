/** The extension's entry: start the language server, register commands, the report view and the status item. */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ExtractedDocuments } from './extracted';
import { ComparePanel } from './compare';
import { ReportViewProvider, VIEW_ID } from './reportView';
import { ServerClient } from './serverClient';
import { ReportStatus } from './status';

let server: ServerClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('govreport-lint', { log: true });
  server = new ServerClient(context, output);
  const view = new ReportViewProvider(server);
  const status = new ReportStatus();
  // Before the server starts: an extracted document restored or opened meanwhile waits for it.
  const extracted = new ExtractedDocuments(server);
  const compare = new ComparePanel(server);
  void vscode.commands.executeCommand('setContext', 'govreport.activated', true);
  context.subscriptions.push(
    output,
    server,
    view,
    status,
    extracted,
    compare,
    view.onDidUpdate((d) => status.update(d)),
    vscode.window.registerTreeDataProvider(VIEW_ID, view),
    ...registerCommands(server, view, extracted, compare),
  );
  try {
    await server.start();
  } catch (e) {
    output.error(`the server did not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The report checker could not start. See the output channel.'));
  }
  view.refreshSoon(0);
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
