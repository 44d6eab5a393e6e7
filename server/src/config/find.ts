/**
 * Finding `.govreportrc.json` files on disk: from a file's folder up to the file-system root,
 * stopping after a file that says `"root": true`; and the nearest `.govreport-suppressions.json`.
 * Used by the CLI and the language server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, CONFIG_LIMITS, mergeConfigs, parseConfig, tooLargeProblem } from './config';
import { SUPPRESSIONS_FILE_NAME } from '../core/suppressions';
import type { ConfigProblem, GovreportConfig } from './config';
import type { Localized } from '../core/types';
import { configMessages } from '../core/i18n/messages/config';
import { inputMessages } from '../core/i18n/messages/input';

export interface LoadedConfigFile {
  file: string;
  config: GovreportConfig;
  problems: ConfigProblem[];
}

export interface ResolvedConfig {
  /** The merged configuration (outermost file first, nearest last). */
  config: GovreportConfig;
  /** The files that contributed, nearest first. */
  files: LoadedConfigFile[];
}

/**
 * Reads and parses one configuration file. An unreadable file becomes a problem, not an exception;
 * so does a file larger than `CONFIG_LIMITS.maxChars` bytes (it is not read) or one that is not a
 * regular file.
 */
export function loadConfigFile(file: string, knownRuleIds?: readonly string[]): LoadedConfigFile {
  const problem = (message: Localized): LoadedConfigFile => ({
    file,
    config: {},
    problems: [{ severity: 'error', path: '', message }],
  });
  let text: string;
  let fd: number | undefined;
  try {
    // Non-blocking open: a FIFO named as the configuration must not hang the run.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return problem(configMessages.notRegularFile());
    if (stat.size > CONFIG_LIMITS.maxChars) return { file, config: {}, problems: [tooLargeProblem(stat.size)] };
    const buf = Buffer.alloc(CONFIG_LIMITS.maxChars + 1);
    let n = 0;
    for (let got; n < buf.length && (got = fs.readSync(fd, buf, n, buf.length - n, null)) > 0;) n += got;
    if (n > CONFIG_LIMITS.maxChars) return { file, config: {}, problems: [tooLargeProblem(n)] };
    text = buf.toString('utf8', 0, n);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return problem(inputMessages.unreadable(detail));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const { config, problems } = parseConfig(text, knownRuleIds);
  return { file, config, problems };
}

/** The configuration files that apply to something in `dir`, nearest first. */
export function findConfigFiles(dir: string): string[] {
  const found: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (isFile(candidate)) found.push(candidate);
    const parent = path.dirname(current);
    if (parent === current) return found;
    current = parent;
  }
}

/**
 * The suppressions file for something in `dir`: the nearest `.govreport-suppressions.json` from
 * `dir` up to the file-system root (one file applies; they are not merged).
 */
export function findSuppressionsFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, SUPPRESSIONS_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Resolves the configuration for files by folder, reading each configuration file once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly byFile = new Map<string, LoadedConfigFile>();

  constructor(private readonly knownRuleIds?: readonly string[]) {}

  /** The configuration for a document at `filePath`. */
  forFile(filePath: string): ResolvedConfig {
    return this.forDir(path.dirname(path.resolve(filePath)));
  }

  forDir(dir: string): ResolvedConfig {
    const key = path.resolve(dir);
    const cached = this.byDir.get(key);
    if (cached) return cached;
    const files: LoadedConfigFile[] = [];
    for (const f of findConfigFiles(key)) {
      const loaded = this.load(f);
      files.push(loaded);
      if (loaded.config.root) break;
    }
    const resolved: ResolvedConfig = { config: mergeConfigs([...files].reverse().map((f) => f.config)), files };
    this.byDir.set(key, resolved);
    return resolved;
  }

  /** Loads one explicit file (e.g. `--config`). */
  load(file: string): LoadedConfigFile {
    const key = path.resolve(file);
    let loaded = this.byFile.get(key);
    if (!loaded) {
      loaded = loadConfigFile(key, this.knownRuleIds);
      this.byFile.set(key, loaded);
    }
    return loaded;
  }

  /** Forgets everything read (e.g. after a configuration file changed). */
  clear(): void {
    this.byDir.clear();
    this.byFile.clear();
  }
}
