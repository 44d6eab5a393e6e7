/**
 * The custom messages between the extension client and the language server, declared once and
 * imported by both sides.
 */
import type { FormatEdition, SeveritySetting, TableKind } from '../core/types';
import type { ProblemCounts, SectionState, TableState } from '../core/features/reportView';
import type { InputKind } from '../io/read';

/** An LSP range (0-based lines, UTF-16 characters); structurally the protocol's own type. */
export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * A request declared by method name and types only: the client and the server bundle different
 * copies of the JSON-RPC library, so no runtime class is shared between them.
 */
export interface RequestDecl<P, R> {
  readonly method: string;
  /** Type carriers only (never set). */
  readonly _params?: P;
  readonly _result?: R;
}

function request<P, R>(method: string): RequestDecl<P, R> {
  return { method };
}

export type { ProblemCounts, SeveritySetting, TableKind };
export type MessageLanguage = 'zh-cn' | 'en' | 'auto';
/** What is checked: the open documents only, or every report file of the workspace folders too. */
export type RunScope = 'openDocuments' | 'workspace';

/** The `govreport.*` settings. */
export interface GovreportSettings {
  enable: boolean;
  /** Rule id → severity. */
  rules: Record<string, SeveritySetting>;
  /** Lint plaintext and Markdown documents whose content looks like a report. */
  detectReports: boolean;
  debounceMs: number;
  messageLanguage: MessageLanguage;
  /** Documents longer than this many characters (UTF-16 code units) are not checked; 0 means no limit. */
  maxDocumentChars: number;
  /** `workspace`: every report file of the workspace folders is checked in the background. */
  run: RunScope;
  /** Globs (relative to the workspace folder) of report files the workspace index leaves out, with `files.exclude`. */
  exclude: string[];
}

/** A section's state as the report view computes it (features/reportView.ts), with a range for offsets. */
export interface ReportViewSection extends Omit<SectionState, 'span' | 'line'> {
  range?: Range;
}

/** A table's state as the report view computes it, with a range, its name and its one-line state. */
export interface ReportViewTable extends Omit<TableState, 'span' | 'line'> {
  /** Localized name, e.g. "表三 收到和处理政府信息公开申请情况". */
  name: string;
  range?: Range;
  /** Localized one-line state, e.g. "✓ 勾稽关系正确" or "2 处合计不符". */
  state: string;
}

export interface ReportViewResult {
  uri: string;
  /** The document version this result describes. */
  version: number;
  /** Whether the server lints this document at all (language, detection, `govreport.enable`). */
  linted: boolean;
  isReport: boolean;
  title?: { text: string; year: number; range: Range };
  edition: FormatEdition;
  sections: ReportViewSection[];
  tables: ReportViewTable[];
  problems: ProblemCounts;
  fixable: number;
  /** Findings hidden by `.govreport-suppressions.json` (not in `problems`). */
  suppressed: number;
  /** Set when the document is not checked because it is longer than `govreport.maxDocumentChars`. */
  tooLarge?: { chars: number; limit: number };
  /**
   * Errors in the `.govreportrc.json` files that apply to the document (a broken file is ignored and
   * the document is checked without it). Messages in the document's message language.
   */
  configErrors?: ConfigErrorNote[];
}

export interface ConfigErrorNote {
  /** Absolute path of the configuration file. */
  file: string;
  /** JSON path of the bad value ("" for the whole file). */
  path: string;
  message: string;
}

export interface ReportViewParams {
  uri: string;
}

/** The report view's data for one open document; null when the document is not open on the server. */
export const ReportViewRequest = request<ReportViewParams, ReportViewResult | null>('govreport/reportView');

export interface SkeletonParams {
  year: number;
  body?: string;
  eol?: string;
}

/** An empty report for a year (the "insert template" command). */
export const SkeletonRequest = request<SkeletonParams, string>('govreport/skeleton');

export interface CompareParams {
  /** This year's report: an open document, or a file (`file:` or `govreport-extracted:` URI) read from disk. */
  uri: string;
  /** Last year's report; when absent the server looks for it (the workspace index), else answers `needPrevious`. */
  previousUri?: string;
}

/** Where one figure of the comparison is in each document (absent when that report does not have it). */
export interface CompareFigureLinks {
  previous?: Range;
  current?: Range;
}

export type CompareResult =
  | {
      kind: 'comparison';
      /** The documents to open for the links (a Word, PDF or web report: its extracted text). */
      uri: string;
      previousUri: string;
      /** Localized panel title. */
      title: string;
      /** The comparison's html body, rendered like `govreport-lint compare --format html`, figures as links. */
      html: string;
      /** By `data-figure` index of the html's links. */
      figures: CompareFigureLinks[];
      /** Figures that changed. */
      changed: number;
      /** The reports' order or bodies look wrong (localized). */
      notice?: string;
      /** The language of `title` and `html`. */
      language: 'zh-cn' | 'en';
    }
  | {
      /** Last year's report is not known: the client asks the user for one. */
      kind: 'needPrevious';
      /** File extensions read as reports (".txt", ".docx" …), for choosing a file. */
      extensions: string[];
      /** This year's statistics year and body, from the title, when it has them. */
      year?: number;
      body?: string;
    }
  | {
      /** One of the two reports could not be read. */
      kind: 'unreadable';
      uri: string;
      /** Localized reason. */
      message: string;
    };

/** "与上年报告对比": the year-over-year comparison of a report with last year's. */
export const CompareRequest = request<CompareParams, CompareResult>('govreport/compare');

/** Arguments of the server's fix-all command. `table` limits it to the sums of one table. */
export interface FixAllCommandArgs {
  uri: string;
  /** The version the caller saw; the command refuses to act on any other. */
  version: number;
  table?: TableKind;
}

export interface FixAllCommandResult {
  applied: boolean;
  /** Number of edits applied (0 when there was nothing to fix). */
  edits: number;
  /**
   * Why nothing was applied: 'stale' (the document changed), 'unknown' (not open), 'disabled', 'rejected',
   * 'read-only' (the text extracted from a Word, PDF or web file).
   */
  reason?: 'stale' | 'unknown' | 'disabled' | 'rejected' | 'nothing' | 'read-only';
}

/** The server-side command behind "fix all", the table lenses and the view's inline action. */
export const FIX_ALL_COMMAND = 'govreport.server.fixAll';

/** Arguments of the server's suppress command ("忽略此问题"): the finding as it was offered. */
export interface SuppressCommandArgs {
  uri: string;
  version: number;
  rule: string;
  fingerprint: string;
}

export interface SuppressCommandResult {
  applied: boolean;
  /** The suppressions file written. */
  file?: string;
  reason?: 'stale' | 'unknown' | 'nothing' | 'unreadable' | 'failed';
}

/** The server-side command behind "忽略此问题": adds an entry to the suppressions file and writes it. */
export const SUPPRESS_COMMAND = 'govreport.server.suppress';

/** The code action kind for fix-on-save (`editor.codeActionsOnSave`). */
export const SOURCE_FIX_ALL_KIND = 'source.fixAll.govreport';

export const SETTINGS_SECTION = 'govreport';

export const DEFAULT_SETTINGS: GovreportSettings = {
  enable: true,
  rules: {},
  detectReports: true,
  debounceMs: 300,
  messageLanguage: 'zh-cn',
  // About a second of checking at the engine's speed: far above any report (5–30 KB) or city-wide compilation.
  maxDocumentChars: 5_000_000,
  // Checking every file of a folder reads each Word and PDF file (a fraction of a second each) and
  // fills the Problems panel with files nobody opened: a user asks for it.
  run: 'openDocuments',
  exclude: [],
};

/** Link to a rule's documentation. */
export function ruleDocUrl(ruleId: string): string {
  return `https://github.com/govreport-lint/govreport-lint/blob/main/docs/rules.md#${ruleId}`;
}

export interface ExtractedTextParams {
  /** A `govreport-extracted:` URI (see extracted.ts). */
  uri: string;
}

/** Why the text of a Word, PDF or web file could not be given: the reader's code, or 'not-extracted' for a URI of another kind. */
export interface ExtractedTextError {
  code: string;
  /** In the document's message language. */
  message: string;
}

export type ExtractedTextResult = { text: string; kind: InputKind } | { error: ExtractedTextError };

/**
 * The text of a Word, PDF or web file, as the command-line tool reads it (`readInput`): the content
 * of its read-only `govreport-extracted:` document.
 */
export const ExtractedTextRequest = request<ExtractedTextParams, ExtractedTextResult>('govreport/extractedText');
