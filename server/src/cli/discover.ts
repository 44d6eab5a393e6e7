/**
 * From command-line inputs (files, folders, globs) to the list of files to check. A folder is
 * searched for report files (the extensions of REPORT_EXTENSIONS: .txt .md .docx .pdf .html …); hidden
 * folders and node_modules are not entered. Our own outputs (an html review report or comparison,
 * json or sarif written with -o: format/marker.ts) are left out — quietly when a folder or a glob
 * found them, with a note when they were named.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../core/types';
import { cliMessages as M } from '../core/i18n/messages/cli';
import { REPORT_EXTENSIONS } from '../io/read';
import { globBase, globToRegExp, hasGlobChars } from './glob';
import { isOwnOutputBytes, MARKER_BYTES } from './format/marker';

export interface DiscoveryProblem {
  input: string;
  message: Localized;
}

export interface Discovery {
  /** Absolute paths, each once, in the order found. */
  files: string[];
  problems: DiscoveryProblem[];
  /** Our own outputs left out: found in a folder or by a glob, or named (`named`: said on stderr). */
  ownOutputs: { file: string; named: boolean }[];
}

const SKIPPED_DIRS = new Set(['node_modules']);

/** The extensions searched for, as listed in messages. */
const EXTENSION_LIST = Object.keys(REPORT_EXTENSIONS).join(' ');

export function isReportFileName(name: string): boolean {
  if (name.startsWith('~$')) return false; // Word's lock files
  return Object.prototype.hasOwnProperty.call(REPORT_EXTENSIONS, path.extname(name).toLowerCase());
}

/** Every report file under `dir`, sorted by path. */
export function walkFolder(dir: string): string[] {
  return walkAll(dir).filter((f) => isReportFileName(path.basename(f)));
}

export function discover(inputs: readonly string[], cwd: string = process.cwd()): Discovery {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: DiscoveryProblem[] = [];
  const ownOutputs: Discovery['ownOutputs'] = [];
  const add = (f: string, named = false, own = isOwnOutputFile(f)) => {
    if (seen.has(f)) return;
    seen.add(f);
    if (own) ownOutputs.push({ file: f, named });
    else files.push(f);
  };
  const addFound = (found: readonly string[]) => {
    const own = new Set(found.filter(isOwnOutputFile));
    for (const f of found) add(f, false, own.has(f));
    return found.length - own.size;
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      if (addFound(walkFolder(abs)) === 0) {
        problems.push({
          input,
          message: M.folderWithoutReports(EXTENSION_LIST),
        });
      }
    } else if (stat) {
      add(abs, true);
    } else if (hasGlobChars(input)) {
      if (addFound(expandGlob(input, cwd)) === 0)
        problems.push({
          input,
          message: M.globWithoutMatches(),
        });
    } else {
      // Reported when the file is read, so that it appears with the other results.
      add(abs);
    }
  }
  return { files, problems, ownOutputs };
}

/** The kinds an output of ours can be written as (html pages; json and sarif under a text name). */
const SNIFFED = new Set(['.html', '.htm', '.shtml', '.txt', '.md', '.markdown']);
/** One buffer for every file sniffed: the read and the check are synchronous. */
const SNIFF_BUFFER = Buffer.allocUnsafe(MARKER_BYTES);

/**
 * Whether `file` is one of our own outputs: a regular file whose first bytes carry our marker. Only
 * regular files are opened (never a FIFO or a device), and only their beginning is read.
 */
export function isOwnOutputFile(file: string): boolean {
  if (!SNIFFED.has(path.extname(file).toLowerCase())) return false;
  let fd: number | undefined;
  try {
    if (!fs.statSync(file).isFile()) return false;
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const n = fs.readSync(fd, SNIFF_BUFFER, 0, MARKER_BYTES, 0);
    return isOwnOutputBytes(SNIFF_BUFFER.subarray(0, n));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Report files matching a glob pattern (relative patterns are relative to `cwd`). */
export function expandGlob(pattern: string, cwd: string): string[] {
  const posixPattern = pattern.replace(/\\/g, '/');
  const base = globBase(posixPattern);
  const absBase = path.resolve(cwd, base);
  const absPattern = path.resolve(cwd, posixPattern).replace(/\\/g, '/');
  const re = globToRegExp(absPattern);
  return walkAll(absBase).filter((f) => re.test(f.replace(/\\/g, '/')) && isReportFileName(path.basename(f)));
}

/** All entries under `dir` that are not folders, skipping hidden folders and node_modules. Nothing is opened here. */
function walkAll(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) visit(full);
      } else out.push(full); // files, links, and special files (a FIFO, a socket, a device): reading refuses those by name
    }
  };
  visit(dir);
  return out;
}
