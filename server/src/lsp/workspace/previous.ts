/**
 * Last year's reports of the open documents: text (as read from disk by the worker), model and a
 * document for positions, for a few files at a time. A report asked for that is not loaded yet is
 * read in the background and the open documents are checked again when it arrives: the typing path
 * never waits for a file.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, type ReportModel } from '../../core';
import type { IndexedFile } from './index';
import type { FileRef } from './jobs';
import type { WorkerPool } from './pool';

/** Last year's reports kept at once (each a report's text and model: tens of kilobytes). */
const MAX_KEPT = 16;

export interface PreviousReport {
  ref: FileRef;
  /** Its text, for the positions of related locations (UTF-16, as the engine counts). */
  doc: TextDocument;
  model: ReportModel;
  /** Changes whenever the file read changes: part of the cache key of the analyses that use it. */
  key: string;
}

export class PreviousReports {
  private readonly kept = new Map<string, PreviousReport & { stampKey: string }>();
  private readonly loading = new Map<string, string>();

  constructor(
    private readonly pool: WorkerPool,
    /** A report finished loading (or changed): the documents that use it are checked again. */
    private readonly onLoaded: () => void,
  ) {}

  /** The report of the index entry, when loaded for its current stamp; otherwise loading starts. */
  get(entry: IndexedFile): PreviousReport | undefined {
    if (!entry.stamp) return undefined;
    const stampKey = `${entry.stamp.mtimeMs}:${entry.stamp.size}:${entry.generation}`;
    const hit = this.kept.get(entry.ref.path);
    if (hit && hit.stampKey === stampKey) {
      this.kept.delete(entry.ref.path);
      this.kept.set(entry.ref.path, hit);
      return hit;
    }
    if (this.loading.get(entry.ref.path) !== stampKey) void this.load(entry, stampKey);
    return undefined;
  }

  /** Whether a loaded (or loading) report is this file's: then its change on disk matters to open documents. */
  uses(file: string): boolean {
    return this.kept.has(file) || this.loading.has(file);
  }

  forget(file: string): void {
    this.kept.delete(file);
  }

  private async load(entry: IndexedFile, stampKey: string): Promise<void> {
    const file = entry.ref.path;
    this.loading.set(file, stampKey);
    const r = await this.pool.run({ op: 'read', file: entry.ref }, true);
    if (this.loading.get(file) !== stampKey) return;
    this.loading.delete(file);
    if (!r.ok) return;
    const report: PreviousReport & { stampKey: string } = {
      ref: entry.ref,
      doc: TextDocument.create(entry.ref.uri, 'govreport', 0, r.text),
      model: parse(r.text),
      key: `${entry.ref.path}@${stampKey}`,
      stampKey,
    };
    this.kept.set(file, report);
    while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.onLoaded();
  }
}
