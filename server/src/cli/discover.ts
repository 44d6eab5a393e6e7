/**
 * From command-line inputs (files, folders, globs) to the list of files to check. A folder is
 * searched for report files (the extensions of REPORT_EXTENSIONS: .txt .md .docx .pdf .html …); hidden
 * folders and node_modules are not entered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../core/types';
import { cliMessages as M } from '../core/i18n/messages/cli';
import { REPORT_EXTENSIONS } from '../io/read';
import { globBase, globToRegExp, hasGlobChars } from './glob';

export interface DiscoveryProblem {
  input: string;
  message: Localized;
}

export interface Discovery {
  /** Absolute paths, each once, in the order found. */
  files: string[];
  problems: DiscoveryProblem[];
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
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
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
      const found = walkFolder(abs);
      if (found.length === 0) {
        problems.push({
          input,
          message: M.folderWithoutReports(EXTENSION_LIST),
        });
      }
      found.forEach(add);
    } else if (stat) {
      add(abs);
    } else if (hasGlobChars(input)) {
      const found = expandGlob(input, cwd);
      if (found.length === 0)
        problems.push({
          input,
          message: M.globWithoutMatches(),
        });
      found.forEach(add);
    } else {
      // Reported when the file is read, so that it appears with the other results.
      add(abs);
    }
  }
  return { files, problems };
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
