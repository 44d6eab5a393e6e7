/**
 * The workspace index: the report files of the workspace folders, each with its body and statistics year
 * (read from its title in the worker), kept up to date by file watching. It keeps identities and stamps,
 * never texts; it holds at most MAX_INDEXED_FILES files and says so in the output channel when a
 * workspace has more. Walking the folders is asynchronous and identifying files is the worker's, so
 * nothing here runs long on the main thread.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pairReports, type ReportIdentity } from '../../core';
import { localize } from '../../core';
import { workspaceMessages as W } from '../../core/i18n/messages/workspace';
import { isReportFileName } from '../../cli/discover';
import { kindOfPath } from '../../io/read';
import { extractedUriOf, isExtractedUri, sourceUriOf } from '../extracted';
import { Excluder } from './exclude';
import type { FileRef, FileStamp } from './jobs';
import type { WorkerPool } from './pool';

/** Files indexed at most (the rest are left out, with a line in the output channel). */
export const MAX_INDEXED_FILES = 5_000;

/** Folders never entered, as in the CLI: hidden ones and node_modules. */
const SKIPPED_DIRS = new Set(['node_modules']);

export interface IndexedFile {
  ref: FileRef;
  folder: string;
  /** Undefined until the worker read the file. */
  stamp?: FileStamp;
  identity?: ReportIdentity;
  /** The file could not be read (its message went to the output channel). */
  failed?: boolean;
  /** Bumped on every change on disk: results computed for an older generation are stale. */
  generation: number;
}

export interface WorkspaceFolderRef {
  path: string;
  /** The folder's URI, the scope its settings are read for. */
  uri: string;
}

export interface IndexSettings {
  /** `files.exclude` and `govreport.exclude` of the folder. */
  exclude: readonly string[];
}

/** The path of a document URI (`file:`, or the extracted URI of a Word, PDF or web page), or undefined. */
export function pathOfUri(uri: string): string | undefined {
  const fileUri = isExtractedUri(uri) ? sourceUriOf(uri) : uri;
  if (!fileUri?.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(fileUri));
  } catch {
    return undefined;
  }
}

/** The URI a file's diagnostics and related locations use: the extracted one for Word, PDF and web pages. */
export function publishedUriOf(file: string): string {
  const fileUri = pathToFileURL(file).href;
  const kind = kindOfPath(file);
  return kind === 'docx' || kind === 'pdf' || kind === 'html' ? (extractedUriOf(fileUri) ?? fileUri) : fileUri;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private folders: WorkspaceFolderRef[] = [];
  private excluders = new Map<string, Excluder>();
  private capNoted = false;
  /** Resolves when the walk and the first identification of every file are done. */
  private building: Promise<void> = Promise.resolve();
  private epoch = 0;

  constructor(
    private readonly pool: WorkerPool,
    private readonly log: { info(s: string): void; warn(s: string): void },
    private readonly locale: () => 'zh-cn' | 'en',
    /** A file's identity became known or changed, or the file went away. */
    private readonly onChanged: (file: IndexedFile, removed: boolean) => void,
  ) {}

  get size(): number {
    return this.files.size;
  }

  all(): IndexedFile[] {
    return [...this.files.values()];
  }

  get(file: string): IndexedFile | undefined {
    return this.files.get(path.normalize(file));
  }

  /** Done when the folders were walked and every file found was identified once. */
  whenBuilt(): Promise<void> {
    return this.building;
  }

  /** (Re)builds the index of these folders with their exclusions. */
  rebuild(folders: readonly WorkspaceFolderRef[], settingsOf: (f: WorkspaceFolderRef) => IndexSettings): void {
    const epoch = ++this.epoch;
    this.folders = folders.map((f) => ({ ...f, path: path.normalize(f.path) }));
    this.excluders = new Map(this.folders.map((f) => [f.path, new Excluder(settingsOf(f).exclude)]));
    const old = this.files;
    this.capNoted = false;
    this.building = (async () => {
      const found: { file: string; folder: string }[] = [];
      for (const f of this.folders) {
        if (epoch !== this.epoch) return;
        await this.walk(f.path, f.path, found, epoch);
      }
      if (epoch !== this.epoch) return;
      const keep = new Set(found.map((x) => x.file));
      for (const [file, entry] of [...old]) {
        if (!keep.has(file)) {
          old.delete(file);
          this.onChanged(entry, true);
        }
      }
      await Promise.all(found.map((x) => this.touch(x.file, x.folder, true)));
    })();
  }

  /** A file was created, changed or deleted on disk. */
  fileEvent(uri: string, deleted: boolean): void {
    const file = pathOfUri(uri);
    if (!file || !isReportFileName(path.basename(file))) return;
    const entry = this.files.get(file);
    if (deleted) {
      if (!entry) return;
      this.files.delete(file);
      this.onChanged(entry, true);
      return;
    }
    const folder = this.folderOf(file);
    if (!folder || this.excluded(folder, file)) return;
    if (!entry && !this.hasRoom(folder)) return;
    void this.touch(file, folder);
  }

  /**
   * Last year's report of the same body: the one file of the index for that body and the year before (the
   * CLI's pairing rules, `pairReports`); none when there is no such file or there are several.
   * `self` is the document's own file, left out.
   */
  previousOf(identity: ReportIdentity, self?: string): IndexedFile | undefined {
    const candidates = [
      { item: undefined as IndexedFile | undefined, identity },
      ...this.all()
        .filter((f) => f.identity && f.identity.key === identity.key && f.ref.path !== self)
        .map((f) => ({ item: f as IndexedFile | undefined, identity: f.identity })),
    ];
    const status = pairReports(candidates)[0];
    return status.paired ? status.previous : undefined;
  }

  private folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      if ((file === f.path || file.startsWith(f.path + path.sep)) && (!best || f.path.length > best.length))
        best = f.path;
    }
    return best;
  }

  private excluded(folder: string, file: string): boolean {
    const rel = path.relative(folder, file).split(path.sep).join('/');
    if (rel.split('/').some((part, i, all) => i < all.length - 1 && (part.startsWith('.') || SKIPPED_DIRS.has(part))))
      return true;
    return this.excluders.get(folder)?.excludes(rel) ?? false;
  }

  private hasRoom(folder: string): boolean {
    if (this.files.size < MAX_INDEXED_FILES) return true;
    if (!this.capNoted) {
      this.capNoted = true;
      this.log.warn(`govreport: ${localize(W.capReached(MAX_INDEXED_FILES, folder), this.locale())}`);
    }
    return false;
  }

  private async walk(folder: string, dir: string, out: { file: string; folder: string }[], epoch: number) {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (epoch !== this.epoch) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
        if (this.excluded(folder, full)) continue;
        await this.walk(folder, full, out, epoch);
      } else if (isReportFileName(e.name) && !this.excluded(folder, full)) {
        if (this.files.size + out.length >= MAX_INDEXED_FILES && !this.files.has(full)) {
          this.hasRoom(folder);
          if (this.files.size >= MAX_INDEXED_FILES) return;
          continue;
        }
        out.push({ file: full, folder });
      }
    }
  }

  /** Adds or refreshes a file: its identity is read again in the background (`ifChanged`: unless its stamp is the same). */
  private async touch(file: string, folder: string, ifChanged = false): Promise<void> {
    let entry = this.files.get(file);
    if (ifChanged && entry?.stamp) {
      const known = entry.stamp;
      const now = await fs.promises.stat(file).catch(() => undefined);
      if (now && now.mtimeMs === known.mtimeMs && now.size === known.size) return;
      entry = this.files.get(file);
    }
    if (!entry) {
      const rel = path.relative(folder, file).split(path.sep).join('/');
      entry = {
        ref: { path: file, uri: publishedUriOf(file), name: rel || path.basename(file) },
        folder,
        generation: 0,
      };
      this.files.set(file, entry);
    }
    const generation = ++entry.generation;
    const r = await this.pool.run({ op: 'identify', file: entry.ref });
    if (this.files.get(file) !== entry || entry.generation !== generation) return;
    if (!r.ok) {
      if (!entry.failed)
        this.log.info(`govreport: ${localize(W.unreadable(entry.ref.name, r.message), this.locale())}`);
      entry.failed = true;
      entry.identity = undefined;
      entry.stamp = undefined;
    } else {
      entry.failed = false;
      entry.stamp = r.stamp;
      entry.identity = r.identity;
    }
    this.onChanged(entry, false);
  }
}
