/**
 * The server's view of the workspace folders: the worker that reads files, the index of report files,
 * and last year's reports of the open documents. Started once the client said which folders are open.
 */
import * as path from 'node:path';
import { identityOf, type Locale, type ReportModel } from '../../core';
import { WorkerPool } from './pool';
import { pathOfUri, WorkspaceIndex, type IndexedFile, type WorkspaceFolderRef } from './index';
import { PreviousReports, type PreviousReport } from './previous';
import type { CrossYearSource } from '../analysis';

/** Changes of the index are gathered this long before the open documents are checked again. */
const RECHECK_DELAY_MS = 200;

export interface WorkspaceHost {
  log: { info(s: string): void; warn(s: string): void; error(s: string): void };
  locale(): Locale;
  /** Check the open documents again (last year's report of one of them arrived or changed). */
  recheckOpen(): void;
  /** A file of the index changed (identity known, changed on disk, or removed). */
  fileChanged(file: IndexedFile, removed: boolean): void;
}

export class Workspace {
  readonly pool: WorkerPool;
  readonly index: WorkspaceIndex;
  readonly previous: PreviousReports;
  private folders: WorkspaceFolderRef[] = [];
  private recheck: ReturnType<typeof setTimeout> | undefined;

  constructor(
    workerScript: string,
    private readonly host: WorkspaceHost,
  ) {
    this.pool = new WorkerPool(workerScript, (l) => host.log.error(l));
    this.previous = new PreviousReports(this.pool, () => this.scheduleRecheck());
    this.index = new WorkspaceIndex(
      this.pool,
      host.log,
      () => host.locale(),
      (f, removed) => {
        if (removed) this.previous.forget(f.ref.path);
        host.fileChanged(f, removed);
        // A new identity can pair an open document; a changed file can be one's last year.
        this.scheduleRecheck();
      },
    );
  }

  get workspaceFolders(): readonly WorkspaceFolderRef[] {
    return this.folders;
  }

  setFolders(folders: readonly WorkspaceFolderRef[], excludeOf: (f: WorkspaceFolderRef) => readonly string[]): void {
    this.folders = [...folders];
    this.index.rebuild(folders, (f) => ({ exclude: excludeOf(f) }));
  }

  /** The cross-year source of an open document (its own file is never its last year). */
  crossYearFor(uri: string): CrossYearSource {
    const self = pathOfUri(uri);
    return {
      name: this.nameOf(uri, self),
      previousFor: (model: ReportModel): PreviousReport | undefined => {
        const id = identityOf(model);
        if (!id) return undefined;
        const entry = this.index.previousOf(id, self);
        return entry ? this.previous.get(entry) : undefined;
      },
    };
  }

  /**
   * The URI of last year's report of the same body in the index, for "与上年报告对比" (the extracted
   * URI for Word, PDF and web reports, so a link opens the text the figures are in).
   */
  previousUriOf(uri: string, model: ReportModel): string | undefined {
    const id = identityOf(model);
    return id ? this.index.previousOf(id, pathOfUri(uri))?.ref.uri : undefined;
  }

  /** A document's name in messages: its path in its workspace folder, else its file name. */
  nameOf(uri: string, file = pathOfUri(uri)): string {
    if (!file) {
      const last = uri.slice(uri.lastIndexOf('/') + 1);
      try {
        return decodeURIComponent(last);
      } catch {
        return last; // a malformed escape is shown as it is
      }
    }
    const folder = this.folders
      .filter((f) => file.startsWith(path.normalize(f.path) + path.sep))
      .sort((a, b) => b.path.length - a.path.length)[0];
    return folder ? path.relative(folder.path, file).split(path.sep).join('/') : path.basename(file);
  }

  dispose(): void {
    if (this.recheck) clearTimeout(this.recheck);
    this.pool.dispose();
  }

  private scheduleRecheck(): void {
    if (this.recheck) return;
    this.recheck = setTimeout(() => {
      this.recheck = undefined;
      this.host.recheckOpen();
    }, RECHECK_DELAY_MS);
  }
}
