/**
 * Checking one file: read it, resolve its configuration, lint, and (when asked) fix. Runs in the
 * main thread or in a worker; its input and output are plain data.
 */
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { fingerprint, fixAll, identityOf, lint, RULES, suppressionMessages } from '../core';
import type { ReportIdentity } from '../core';
import { structureMessages } from '../core/i18n/messages/structure';
import type { Finding, LintOptions, Localized, SeveritySetting } from '../core/types';
import { ConfigResolver } from '../config/find';
import { SuppressionsResolver } from '../config/suppressions';
import type { ConfigProblem, GovreportConfig } from '../config/config';
import { toLintOptions } from '../config/config';
import { readInput, readTextInline, InputError } from '../io/read';
import type { InputKind, InputText } from '../io/read';
import { encodingLabel, lineEndingOf } from '../io/encoding';
import type { LineEnding } from '../io/encoding';
import { applyEdits } from '../core/text/edits';
import { fileEdits, writeFixes } from './fixFile';
import { detailOf } from '../io/errors';
import { inputMessages } from '../core/i18n/messages/input';
import { lineIndex, positionAt } from './positions';
import type { LineIndex } from './positions';

export interface CheckSettings {
  /** Folder that output paths are relative to. */
  cwd: string;
  rules: Record<string, SeveritySetting>;
  /** An explicit configuration file (no search), or none at all. */
  config?: string;
  noConfig: boolean;
  force: boolean;
  fix: 'none' | 'write' | 'dry-run';
  printText: boolean;
  maxBytes?: number;
  /** Keep the linted text in the result (for cross-year checks and the html report). */
  keepText?: boolean;
}

/** A text edit as line/column ranges (1-based, UTF-16 columns; end exclusive). */
export interface RangeEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface Diagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: Localized;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Whether `--fix` fixes it (the finding has a preferred fix). */
  fixable: boolean;
  /** The finding's suppression fingerprint (core/suppressions). */
  fingerprint: string;
  /** The preferred fix, for SARIF (text files only). */
  fix?: { title: Localized; edits: RangeEdit[] };
  /** What the preferred fix does, for any input kind (the html report shows it). */
  fixTitle?: Localized;
  /** The finding's machine-readable details (expected and written values …). */
  data?: Record<string, unknown>;
  /** Related locations in other files (a cross-year problem links last year's cell). */
  related?: RelatedLocation[];
}

/** A location in another file, as 1-based line and UTF-16 column ranges. */
export interface RelatedLocation {
  /** Absolute path. */
  path: string;
  /** Path as shown. */
  display: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: Localized;
}

export interface ConfigNote extends ConfigProblem {
  file: string;
}

export interface FileResult {
  /** Absolute path. */
  path: string;
  /** Path as shown (relative to the working folder when inside it). */
  display: string;
  kind?: InputKind;
  /** e.g. "UTF-8 BOM", "GB18030" (text files). */
  encoding?: string;
  lineEnding?: LineEnding;
  status: 'checked' | 'not-report' | 'error';
  /** Why the text was not taken for a report. */
  notReport?: Localized;
  error?: { code: string; message: Localized };
  diagnostics: Diagnostic[];
  configNotes: ConfigNote[];
  /** Rules that threw (a bug in the engine). */
  ruleErrors: { ruleId: string; message: string }[];
  /** The linted text (with `--print-text`, and with `keepText`). */
  text?: string;
  /** Body and statistics year from the title, when it names both. */
  identity?: ReportIdentity;
  /** Cross-year checking: last year's report it was checked against, or why it was not. */
  crossYear?: { previous?: string; note?: Localized };
  /** Findings hidden by the suppressions file (set by the run, not by the checker). */
  suppressed?: Diagnostic[];
  /** Entries of the suppressions file for this report that matched nothing now. */
  staleSuppressions?: number;
  /** Fix outcome: how many edits, whether written, the diff for a dry run, or why it was not written. */
  fix?: { edits: number; written: boolean; diff?: string; error?: Localized; notWritable?: boolean };
}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const KNOWN_RULE_IDS = RULES.map((r) => r.meta.id);

export class FileChecker {
  private readonly resolver = new ConfigResolver(KNOWN_RULE_IDS);
  private readonly suppressions = new SuppressionsResolver();

  constructor(private readonly settings: CheckSettings) {}

  private configFor(file: string): { config: GovreportConfig; notes: ConfigNote[] } {
    if (this.settings.noConfig) return { config: {}, notes: [] };
    if (this.settings.config) {
      const loaded = this.resolver.load(path.resolve(this.settings.cwd, this.settings.config));
      return { config: loaded.config, notes: loaded.problems.map((p) => ({ ...p, file: loaded.file })) };
    }
    const resolved = this.resolver.forFile(file);
    return {
      config: resolved.config,
      notes: resolved.files.flatMap((f) => f.problems.map((p) => ({ ...p, file: f.file }))),
    };
  }

  /** The lint options for `file`: its configuration files and the command line's overrides. */
  optionsFor(file: string): LintOptions {
    return toLintOptions(this.configFor(file).config, this.settings.rules, this.settings.force || undefined);
  }

  async check(file: string): Promise<FileResult> {
    const result = this.newResult(file);
    let input: InputText;
    try {
      input = await readInput(file, { maxBytes: this.settings.maxBytes });
    } catch (e) {
      return failed(result, e);
    }
    return this.checkText(file, result, input);
  }

  /**
   * Checks `file` here when it is a plain text or Markdown file of at most `inlineMaxBytes`; `undefined`
   * (nothing read past its size) for anything else, which the caller checks with `check` on a worker.
   */
  async checkInline(file: string, inlineMaxBytes: number): Promise<FileResult | undefined> {
    const result = this.newResult(file);
    let input: InputText | undefined;
    try {
      input = await readTextInline(file, { maxBytes: this.settings.maxBytes, inlineMaxBytes });
    } catch (e) {
      return failed(result, e);
    }
    return input && this.checkText(file, result, input);
  }

  private newResult(file: string): FileResult {
    return {
      path: file,
      display: displayPath(file, this.settings.cwd),
      status: 'checked',
      diagnostics: [],
      configNotes: [],
      ruleErrors: [],
    };
  }

  private async checkText(file: string, result: FileResult, input: InputText): Promise<FileResult> {
    const s = this.settings;
    result.kind = input.kind;
    if (input.encoding) {
      result.encoding = encodingLabel({ encoding: input.encoding, bom: !!input.bom });
      result.lineEnding = lineEndingOf(input.text);
    }
    if (input.pageEncoding) result.encoding = input.pageEncoding;
    if (s.printText) {
      result.text = input.text;
      return result;
    }
    const { config, notes } = this.configFor(file);
    result.configNotes = notes;
    const options = toLintOptions(config, s.rules, s.force || undefined);

    let text = input.text;
    if (s.fix !== 'none') {
      if (!input.writable) result.fix = { edits: 0, written: false, notWritable: true };
      else text = await this.fix(file, result, input.text, options);
    }
    const linted = lint(text, options);
    if (!linted.model.isReport && !options.force) {
      result.status = 'not-report';
      result.notReport = structureMessages.notReport(linted.model.detection.headings);
      return result;
    }
    result.ruleErrors = linted.errors;
    result.identity = identityOf(linted.model);
    if (s.keepText) result.text = text;
    const index = lineIndex(text);
    result.diagnostics = linted.findings.map((f) => toDiagnostic(f, text, index, input.writable));
    return result;
  }

  /** Applies the safe fixes; returns the text to report on (the fixed text, or the original when nothing was written). */
  private async fix(file: string, result: FileResult, original: string, options: LintOptions): Promise<string> {
    // What the suppressions file hides is not fixed; when that file cannot be read as it is, what it
    // hides is unknown, so nothing is fixed.
    const { loaded, entries } = this.suppressions.forFile(file);
    if (loaded && loaded.problems.length > 0) {
      result.fix = {
        edits: 0,
        written: false,
        error: suppressionMessages.fixRefused(displayPath(loaded.file, this.settings.cwd)),
      };
      return original;
    }
    const fixed = fixAll(original, { ...options, suppressions: entries });
    if (fixed.text === original) {
      result.fix = { edits: 0, written: false };
      return original;
    }
    const edits = fileEdits(original, fixed);
    const text = applyEdits(original, edits);
    if (this.settings.fix === 'dry-run') {
      const diff = createTwoFilesPatch(result.display, result.display, original, text, undefined, undefined, {
        context: 3,
      });
      result.fix = { edits: fixed.edits.length, written: false, diff };
      return text;
    }
    const written = await writeFixes(file, original, edits);
    if ('error' in written) {
      result.fix = { edits: fixed.edits.length, written: false, error: written.error };
      return original;
    }
    result.fix = { edits: fixed.edits.length, written: true };
    return text;
  }
}

/** `result` as a file that could not be read. */
function failed(result: FileResult, e: unknown): FileResult {
  result.status = 'error';
  result.error =
    e instanceof InputError
      ? { code: e.code, message: e.localized }
      : { code: 'unreadable', message: inputMessages.unreadable(detailOf(e)) };
  return result;
}

export function toDiagnostic(f: Finding, text: string, index: LineIndex, withEdits: boolean): Diagnostic {
  const start = positionAt(index, f.span.start);
  const end = positionAt(index, f.span.end);
  const preferred = f.fixes?.find((x) => x.preferred);
  const d: Diagnostic = {
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    fixable: !!preferred && preferred.edits.length > 0,
    fingerprint: fingerprint(text, f),
  };
  if (preferred) d.fixTitle = preferred.title;
  if (f.data) d.data = f.data;
  if (preferred && withEdits) {
    d.fix = {
      title: preferred.title,
      edits: preferred.edits.map((e) => {
        const a = positionAt(index, e.start);
        const b = positionAt(index, e.end);
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, newText: e.newText };
      }),
    };
  }
  return d;
}
