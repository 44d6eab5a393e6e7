/**
 * The shared vocabulary of the engine: spans, the report model, findings and fixes.
 *
 * Every offset in this file is an offset into the ORIGINAL document text, counted in
 * UTF-16 code units (as JavaScript strings and LSP count them). Normalized text is an
 * internal matter of the parser; nothing outside `text/` and `parser/` sees it.
 */

/** A half-open range [start, end) of UTF-16 offsets into the original text. */
export interface Span {
  start: number;
  end: number;
}

/** A text edit on the original document: replace [start, end) with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Text in the two languages the product speaks. */
export interface Localized {
  zh: string;
  en: string;
}

export type Locale = 'zh-cn' | 'en';

export type Severity = 'error' | 'warning' | 'info';
/** A severity a user can set for a rule: one of `SEVERITY_SETTINGS` (config/config.ts). */
export type SeveritySetting = Severity | 'off';

/** The three tables of a report: 二 (proactive disclosure), 三 (applications), 四 (review and litigation). */
export type TableKind = 't2' | 't3' | 't4';
/** The tables that have sum relations. */
export type SumTableKind = Exclude<TableKind, 't2'>;

/** Which edition of the State Council template a report (or table) follows. */
export type FormatEdition = '2021' | '2019';

/** Section ids 1..6, in official order. */
export type SectionId = 1 | 2 | 3 | 4 | 5 | 6;

export interface TitleNode {
  /**
   * The whole title (trimmed of surrounding blanks and Markdown/bold markers): one line, or the two or
   * three lines a centred PDF title is printed over.
   */
  span: Span;
  /** First and last line of the title. */
  line: number;
  endLine: number;
  /** The title as written (original characters); a title over several lines without its line breaks and blanks. */
  text: string;
  /** The body (机关名称) as written, normalized, without blanks; may be empty when the title names none. */
  body: string;
  /** The statistics year. */
  year: number;
  yearSpan: Span;
}

export interface SubItemNode {
  /** e.g. "（一）主动公开" — the enumerator and a short title, normalized. */
  title: string;
  span: Span;
  line: number;
}

export interface SectionNode {
  id: SectionId;
  /** The heading line, without Markdown markers or leading blanks. */
  headingSpan: Span;
  /** The title part of the heading (after the enumerator "一、"). */
  titleSpan: Span;
  /** Normalized title text as written. */
  titleText: string;
  /** The enumerator as written, e.g. "一、" or "一." */
  enumeratorText: string;
  /** 'standard' = official wording; 'variant' = a known variant; 'altered' = a typo or other change. */
  titleMatch: 'standard' | 'variant' | 'altered';
  line: number;
  /** From the end of the heading line to the start of the next section heading (or end of text). */
  bodySpan: Span;
  /** Last line of the section (inclusive), for folding. */
  endLine: number;
  subItems: SubItemNode[];
  /** Whether the body holds any non-blank text. */
  hasContent: boolean;
}

/** The kinds of value a table cell can hold. */
export type CellKind =
  /** A whole number (may be negative: the sign is kept in `value`). */
  | 'integer'
  /** A number with a decimal point. */
  | 'decimal'
  /** An empty cell (e.g. between two tabs). Its span is empty: the insertion point. */
  | 'blank'
  /** A placeholder that is not a number: "—", "/", "无", "-" … */
  | 'invalid';

export interface CellNode {
  span: Span;
  /** The cell text as written (original characters). */
  raw: string;
  kind: CellKind;
  /** Numeric value for 'integer' and 'decimal'. */
  value?: number;
  /** Whether the written number used thousands separators ("3,119"). */
  grouped?: boolean;
}

/** A table row matched to a template row. */
export interface RowNode {
  /** Template row id, e.g. 't3.new', 't3.refuse.1', 't2.1.rules'. */
  rowId: string;
  /** The label as written, normalized, after removing group-label prefixes. Empty if none. */
  labelText: string;
  /** Span of the label as written (on one line), or undefined when it was wrapped over several lines. */
  labelSpan?: Span;
  /** Span of the label without its enumerator ("1." "（三）"), when the label is on one line. */
  labelBodySpan?: Span;
  /** Spans of all label fragments (wrapped labels have several). */
  labelSpans: Span[];
  /** 'exact' when the label equals the official wording (ignoring blanks and punctuation width). */
  labelMatch: 'exact' | 'altered';
  /** Cells in template column order; may be more or fewer than the template's column count. */
  cells: CellNode[];
  /** First line of the row's label (0-based). */
  line: number;
  /** The line holding the cells. */
  cellsLine: number;
  /** Whole extent of the row (label fragments and cells). */
  span: Span;
  /** Cells could not be separated reliably (e.g. "713000074"), or could not be aligned with the columns (`fragments`). */
  malformed?: boolean;
  /**
   * Lines that continue the row's cells without a label of their own — a row a converter broke into
   * pieces, a cell on a line by itself: the row's cells cannot be aligned with the columns (malformed).
   */
  fragments?: Span[];
  /**
   * Values split by the row's own arithmetic: in one-line text the digits ran together and several
   * splits were possible; exactly one satisfied the row's own sums (or, when those left several, the
   * table's column sums). The sums so assumed are not reported against the row.
   */
  inferred?: boolean;
}

/** A column header cell found in the text and matched to a template column. */
export interface HeaderNode {
  columnId: string;
  text: string;
  span: Span;
  match: 'exact' | 'variant' | 'altered';
}

/** One block of table 二 (第二十条第（N）项). */
export interface Table2Block {
  blockId: string;
  /** The "第二十条第（一）项" line. */
  span: Span;
  line: number;
  headers: HeaderNode[];
  rows: RowNode[];
}

export interface TableNode {
  kind: TableKind;
  edition: FormatEdition;
  /** For table 三: 7 columns, or 8 with the 法人或其他组织 subtotal column. */
  columnCount: number;
  /** Template column ids in the order of the cells of this table's rows. */
  columnIds: string[];
  span: Span;
  line: number;
  endLine: number;
  headers: HeaderNode[];
  rows: RowNode[];
  /** Table 二 only. */
  blocks?: Table2Block[];
  /** Template rows expected but not found. */
  missingRowIds: string[];
  /** Where a missing row would have stood: the line before which it belongs. */
  missingRowAnchors: Record<string, number>;
  /** Lines inside the table that could not be matched to any template row. */
  strayLines: { span: Span; line: number; text: string }[];
}

export interface ReportModel {
  /** Original text as given. */
  text: string;
  /** False when the text does not look like an annual report; rules then stay silent. */
  isReport: boolean;
  /** The line break most used in the document. */
  eol: '\n' | '\r\n' | '\r';
  /** Start offsets of every line in the original text (line i starts at lineStarts[i]). */
  lineStarts: number[];
  title?: TitleNode;
  /** Every section heading found, in document order (duplicates included). */
  sections: SectionNode[];
  tables: {
    t2?: TableNode;
    t3?: TableNode;
    t4?: TableNode;
  };
  /** The template edition the report follows (from its tables); '2021' when unknown. */
  edition: FormatEdition;
  /** Runs of PDF compatibility characters and other normalized characters worth reporting. */
  compatRuns: { span: Span; line: number; original: string; replacement: string }[];
  /**
   * Prose lines (outside headings and tables), for the text rules. `text` is NORMALIZED text
   * (full-width forms folded, compatibility characters replaced); `normStart` is where it starts in
   * `normalized.text`, so a match at index k maps back with `normalized.span(normStart + k, …)`.
   */
  prose: { span: Span; line: number; text: string; normStart: number }[];
  /** The normalized text and its map back to original offsets. */
  normalized: { text: string; span(start: number, end: number): Span };
  /** Whether the heading style is Markdown (`#`), used when inserting headings. */
  markdownHeadings: boolean;
  /**
   * What tells the text for a report: a title saying 政府信息公开 … 报告 (with or without a year), and how
   * many of the six section headings it holds (on their own lines or inline). Says why text is not a report.
   */
  detection: { title: boolean; headings: number };
  /** Set when the text was read as one-line text (its line breaks lost): what the reader made of it. */
  oneLine?: OneLineReading;
}

/** How one-line text was read. */
export interface OneLineReading {
  /** Where the reading is reported: the title, else the start of the text. */
  span: Span;
  /** Whether every table row's values were read with certainty (none inferred, none unreadable). */
  certain: boolean;
  /** Rows whose values were split by arithmetic: by the row's own sums, or by the table's column sums. */
  inferredBy: Record<string, 'row' | 'table'>;
  /** When certain: the report rewritten into the standard line layout (original characters, tabs, line breaks). */
  reformat?: TextEdit;
}

/** One way to fix a finding. */
export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /** The clearly right fix (the light bulb's default, and the one fix-all applies). */
  preferred?: boolean;
}

export interface RelatedInfo {
  span: Span;
  message: Localized;
  /**
   * The document `span` is in, when it is not the finding's own (cross-year rules point into last year's
   * report): the identifier the caller gave that report in its {@link ReportRef} — a file path in the CLI, a
   * document URI in the editor. Absent: the finding's own document.
   */
  uri?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: Localized;
  span: Span;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Machine-readable details (expected/actual values, row and column ids …). */
  data?: Record<string, unknown>;
}

export type RuleCategory = 'structure' | 'table' | 'arithmetic' | 'text' | 'cross-year';

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  description: Localized;
  defaultSeverity: Severity;
  fixable: boolean;
  /** Longer documentation for docs/rules.md (limits, why a severity), when the description is not enough. */
  details?: Localized;
}

/** What a rule sees. It reads the model and reports; it never throws (the runner guards it). */
export interface RuleContext {
  model: ReportModel;
  /** Reports a finding. The object passed becomes the finding: pass a fresh one each time. */
  report(finding: Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /**
   * Cross-year rules (category 'cross-year') compare this year's report with last year's of the same body:
   * they do their work here, and their `check` reports nothing (one report alone has nothing to compare).
   */
  checkPair?(ctx: PairRuleContext): void;
}

/** One report given to a cross-year check: its model, the name messages use, and the id related locations carry. */
export interface ReportRef {
  model: ReportModel;
  /** Shown in messages (a file name or path). */
  name: string;
  /** Put into {@link RelatedInfo.uri} of locations in this report; defaults to `name`. */
  uri?: string;
}

/** What a cross-year rule sees: this year's report and last year's. Findings sit on this year's report. */
export interface PairRuleContext {
  current: ReportRef;
  previous: ReportRef;
  /** Reports a finding on the current report. The object passed becomes the finding. */
  report(finding: Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity }): void;
}

export interface LintOptions {
  /** Per-rule severity overrides keyed by rule id. */
  rules?: Record<string, SeveritySetting>;
  /** Lint even text that does not look like a report (default false: such text yields no findings). */
  force?: boolean;
}

export interface LintResult {
  model: ReportModel;
  findings: Finding[];
}
