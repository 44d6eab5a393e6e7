/**
 * The suppressions file on disk: reading it (problems, never exceptions), keying a report by its
 * path relative to the file, and writing it back in its one well-formed layout. The matching
 * itself is the engine's (core/suppressions).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSuppressions, serializeSuppressions, suppressionMessages as M } from '../core';
import type { Localized, SuppressionEntry, SuppressionsData } from '../core';
import { writeFileAtomic } from '../io/write';
import { findSuppressionsFile } from './find';

export interface LoadedSuppressions {
  file: string;
  data: SuppressionsData;
  problems: Localized[];
}

/** Reads one suppressions file. A missing file is an empty one; an unreadable one is a problem. */
export function loadSuppressionsFile(file: string): LoadedSuppressions {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { file, data: { version: 1, suppressions: [] }, problems: [] };
    return {
      file,
      data: { version: 1, suppressions: [] },
      problems: [M.cannotRead(e instanceof Error ? e.message : String(e))],
    };
  }
  const { data, problems } = parseSuppressions(text.replace(/^\uFEFF/, ''));
  return { file, data, problems };
}

/** The `file` key of a report in a suppressions file: relative to its folder, `/`-separated. */
export function suppressionKeyOf(suppressionsFile: string, reportPath: string): string {
  return path.relative(path.dirname(suppressionsFile), path.resolve(reportPath)).split(path.sep).join('/');
}

/** The entries of one report. */
export function entriesOf(loaded: LoadedSuppressions, reportPath: string): SuppressionEntry[] {
  const key = suppressionKeyOf(loaded.file, reportPath);
  return loaded.data.suppressions.filter((e) => e.file === key);
}

/** Writes the file atomically in its canonical layout (sorted, two-space JSON). */
export async function writeSuppressionsFile(file: string, data: SuppressionsData): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(serializeSuppressions(data)));
}

/**
 * The suppressions file of each report (the nearest one above it), each file read once. For the
 * CLI's `--fix`, which must know what is suppressed before it writes.
 */
export class SuppressionsResolver {
  private readonly fileOfDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedSuppressions>();

  /** The report's suppressions file (undefined: none) and its entries for the report. */
  forFile(reportPath: string): { loaded?: LoadedSuppressions; entries: SuppressionEntry[] } {
    const file = this.fileFor(reportPath);
    if (!file) return { entries: [] };
    let l = this.loaded.get(file);
    if (!l) this.loaded.set(file, (l = loadSuppressionsFile(file)));
    return { loaded: l, entries: entriesOf(l, reportPath) };
  }

  /** The nearest suppressions file above the report (undefined: none), looked up once per folder. */
  fileFor(reportPath: string): string | undefined {
    const dir = path.dirname(path.resolve(reportPath));
    if (!this.fileOfDir.has(dir)) this.fileOfDir.set(dir, findSuppressionsFile(dir));
    return this.fileOfDir.get(dir);
  }
}
