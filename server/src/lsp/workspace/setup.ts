/**
 * Wires the workspace (index, last year's reports, workspace checking) into the server: which folders,
 * their exclusions, the file watchers for report files, and the events that keep it current.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type ClientCapabilities,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { REPORT_EXTENSIONS } from '../../io/read';
import { isReportFileName } from '../../cli/discover';
import type { ServerContext } from '../context';
import type { DiagnosticsPublisher } from '../diagnostics';
import { Excluder } from './exclude';
import { pathOfUri, type WorkspaceFolderRef } from './index';
import { Workspace } from './workspace';
import { WorkspaceProblems } from './problems';

/** The glob the report-file watcher is registered for, from the reader's own extension list. */
export const REPORT_FILES_GLOB = `**/*.{${Object.keys(REPORT_EXTENSIONS)
  .map((e) => e.slice(1))
  .join(',')}}`;

function foldersOf(params: InitializeParams): WorkspaceFolderRef[] {
  const raw: WorkspaceFolder[] =
    params.workspaceFolders ??
    (params.rootUri
      ? [{ uri: params.rootUri, name: '' }]
      : params.rootPath
        ? [{ uri: '', name: params.rootPath }]
        : []);
  const out: WorkspaceFolderRef[] = [];
  for (const f of raw) {
    try {
      if (f.uri.startsWith('file:')) out.push({ uri: f.uri, path: path.normalize(fileURLToPath(f.uri)) });
      else if (!f.uri && f.name) out.push({ uri: '', path: path.normalize(f.name) });
    } catch {
      // A folder that is not on disk (a virtual workspace) has no files to index.
    }
  }
  return out;
}

export class WorkspaceWiring {
  readonly workspace: Workspace;
  readonly problems: WorkspaceProblems;
  private folders: WorkspaceFolderRef[];
  private readonly watchFiles: boolean;
  private readonly folderChanges: boolean;

  constructor(
    private readonly connection: Connection,
    private readonly ctx: ServerContext,
    diagnostics: DiagnosticsPublisher,
    params: InitializeParams,
    workerScript: string,
  ) {
    const caps: ClientCapabilities = params.capabilities;
    this.watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.folderChanges = caps.workspace?.workspaceFolders === true;
    this.folders = foldersOf(params);
    this.workspace = new Workspace(workerScript, {
      log: connection.console,
      locale: () => ctx.displayLocale,
      recheckOpen: () => diagnostics.scheduleAll(),
      fileChanged: (f, removed) => this.problems.fileChanged(f, removed),
    });
    ctx.workspace = this.workspace;
    this.problems = new WorkspaceProblems(
      connection,
      ctx,
      this.workspace,
      WorkspaceWiring.pullDiagnostics(params),
      caps.window?.workDoneProgress === true,
    );
    if (this.problems.pull) this.problems.register();
  }

  /** Whether the client pulls diagnostics (then workspace problems go through `workspace/diagnostic`). */
  static pullDiagnostics(params: InitializeParams): boolean {
    return params.capabilities.textDocument?.diagnostic !== undefined;
  }

  /** The server's capabilities for workspace folders and pull diagnostics. */
  static capabilities(params: InitializeParams) {
    return {
      ...(params.capabilities.workspace?.workspaceFolders === true
        ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }
        : {}),
      ...(WorkspaceWiring.pullDiagnostics(params) ? WorkspaceProblems.capability() : {}),
    };
  }

  /** After `initialized`: watchers, folder changes, and the first index. */
  async start(): Promise<void> {
    if (this.watchFiles) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: REPORT_FILES_GLOB }],
      });
    }
    if (this.folderChanges) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        const kept = this.folders.filter((f) => !removed.has(f.uri));
        this.folders = [...kept, ...foldersOf({ workspaceFolders: e.added } as InitializeParams)];
        void this.reindex();
      });
    }
    await this.reindex();
  }

  /** Settings changed: exclusions may have, and what is checked. */
  settingsChanged(): void {
    void this.reindex();
  }

  /** An open document closed: its workspace problems (if any) are listed again. */
  documentClosed(uri: string): void {
    this.problems.documentClosed(uri);
  }

  /**
   * File events: report files go to the index; returns whether any other file changed (a configuration
   * or suppressions file, or anything the server cannot tell apart), for which caches are dropped.
   */
  fileEvents(changes: readonly FileEvent[]): boolean {
    let others = false;
    for (const c of changes) {
      const file = pathOfUri(c.uri);
      if (file && isReportFileName(path.basename(file))) {
        this.workspace.index.fileEvent(c.uri, c.type === FileChangeType.Deleted);
      } else others = true;
    }
    return others;
  }

  /** A keystroke: the background work waits. */
  typing(): void {
    this.workspace.pool.typing();
  }

  dispose(): void {
    this.problems.dispose();
    this.workspace.dispose();
  }

  private async reindex(): Promise<void> {
    const excludes = await Promise.all(this.folders.map((f) => this.excludeOf(f)));
    const byFolder = new Map(this.folders.map((f, i) => [f.path, excludes[i]]));
    this.workspace.setFolders(this.folders, (f) => byFolder.get(f.path) ?? []);
    await this.problems.checkAll();
  }

  private async excludeOf(f: WorkspaceFolderRef): Promise<string[]> {
    const scope = f.uri || undefined;
    const settings = await this.ctx.settingsFor(scope ?? '');
    let filesExclude: string[] = [];
    if (this.ctx.caps.configuration) {
      try {
        const raw: unknown = await this.connection.workspace.getConfiguration({
          scopeUri: scope,
          section: 'files.exclude',
        });
        filesExclude = Excluder.filesExcludeGlobs(raw);
      } catch {
        // No files.exclude from this client.
      }
    }
    return [...filesExclude, ...settings.exclude];
  }
}
