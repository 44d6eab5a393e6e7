/** Owns the language client: start, restart, stop, and the requests the extension makes. */
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ExtractedTextRequest,
  CompareRequest,
  FIX_ALL_COMMAND,
  ReportViewRequest,
  SkeletonRequest,
  type FixAllCommandArgs,
  type ExtractedTextResult,
  type CompareParams,
  type CompareResult,
  type FixAllCommandResult,
  type ReportViewResult,
  type SkeletonParams,
} from '../../server/src/lsp/protocol';
import { RestartingErrorHandler } from './errorHandler';

/** Any scheme (files, untitled, virtual workspaces, diff views): the server decides what to lint. */
export const DOCUMENT_SELECTOR = [{ language: 'govreport' }, { language: 'plaintext' }, { language: 'markdown' }];

export class ServerClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** Settles when the latest start has finished (started or failed). */
  private starting: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the server (re)started or stopped. */
  readonly onDidChangeState = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {}

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  async start(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      synchronize: {
        configurationSection: 'govreport',
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/.govreportrc.json'),
          vscode.workspace.createFileSystemWatcher('**/.govreport-suppressions.json'),
        ],
      },
      diagnosticCollectionName: 'govreport',
      errorHandler: new RestartingErrorHandler(this.output),
    };
    this.client = new LanguageClient(
      'govreport',
      vscode.l10n.t('Government report checker'),
      serverOptions,
      clientOptions,
    );
    this.client.onDidChangeState(() => this.changed.fire());
    const started = this.client.start();
    this.starting = started.catch(() => undefined);
    await started;
    this.output.info(`server started (${module})`);
  }

  async restart(): Promise<void> {
    if (!this.client) return this.start();
    this.output.info('restarting the server');
    await this.client.restart();
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c && c.state !== State.Stopped) await c.stop();
  }

  async reportView(uri: vscode.Uri): Promise<ReportViewResult | null> {
    if (!this.client || !this.running) return null;
    return this.client.sendRequest<ReportViewResult | null>(ReportViewRequest.method, { uri: uri.toString() });
  }

  /** The text of a Word, PDF or web file for its extracted URI; waits for the server to finish starting. */
  async extractedText(uri: string): Promise<ExtractedTextResult | undefined> {
    await this.starting;
    if (!this.client || !this.running) return undefined;
    return this.client.sendRequest<ExtractedTextResult>(ExtractedTextRequest.method, { uri });
  }

  async skeleton(params: SkeletonParams): Promise<string | undefined> {
    if (!this.client || !this.running) return undefined;
    return this.client.sendRequest<string>(SkeletonRequest.method, params);
  }

  async compare(params: CompareParams): Promise<CompareResult | undefined> {
    if (!this.client || !this.running) return undefined;
    return this.client.sendRequest<CompareResult>(CompareRequest.method, params);
  }

  async fixAll(args: FixAllCommandArgs): Promise<FixAllCommandResult | undefined> {
    if (!this.client || !this.running) return undefined;
    return this.client.sendRequest<FixAllCommandResult>('workspace/executeCommand', {
      command: FIX_ALL_COMMAND,
      arguments: [args],
    });
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}
