/**
 * The data of the report view ("年报检查"): the six sections and the three tables of a report, each
 * with its state. Offsets here; the language server turns them into ranges.
 */
import type { Finding, FormatEdition, ReportModel, SectionId, Severity, Span, TableKind } from '../types';
import { SECTIONS, TABLE_KINDS, TABLE_SECTION } from '../template/template';
import { findingsWithin } from './common';
import { tableVerdicts, type TableVerdict } from './verdicts';

/** Findings by severity. */
export type ProblemCounts = Record<Severity, number>;

export interface SectionState {
  id: SectionId;
  /** The official title, e.g. "一、总体情况". */
  officialTitle: string;
  /** The heading as written (first occurrence), when present. */
  heading?: string;
  present: boolean;
  /** How many headings for this section (more than one is a duplicate). */
  occurrences: number;
  hasContent: boolean;
  titleMatch?: 'standard' | 'variant' | 'altered';
  span?: Span;
  line?: number;
  problems: ProblemCounts;
}

export interface TableState extends Partial<Omit<TableVerdict, 'kind'>> {
  kind: TableKind;
  present: boolean;
  section: SectionId;
  edition?: FormatEdition;
}

export interface ReportViewData {
  isReport: boolean;
  title?: { text: string; year: number; span: Span; line: number };
  edition: FormatEdition;
  sections: SectionState[];
  tables: TableState[];
  /** All findings of the document, by severity. */
  problems: ProblemCounts;
  /** Findings with a preferred fix (what "fix all in document" would apply). */
  fixable: number;
}

export function reportView(model: ReportModel, findings: readonly Finding[]): ReportViewData {
  const verdicts = new Map(tableVerdicts(model, findings).map((v) => [v.kind, v]));
  const sections = SECTIONS.map((tpl): SectionState => {
    const found = model.sections.filter((s) => s.id === tpl.id);
    const first = found[0];
    const officialTitle = `${tpl.enumerator}${tpl.title}`;
    if (!first)
      return { id: tpl.id, officialTitle, present: false, occurrences: 0, hasContent: false, problems: counts([]) };
    const span = { start: first.headingSpan.start, end: Math.max(first.headingSpan.end, first.bodySpan.end) };
    return {
      id: tpl.id,
      officialTitle,
      heading: model.text.slice(first.headingSpan.start, first.headingSpan.end).trim(),
      present: true,
      occurrences: found.length,
      hasContent: first.hasContent,
      titleMatch: first.titleMatch,
      span,
      line: first.line,
      problems: counts(findingsWithin(findings, span)),
    };
  });
  const tables = TABLE_KINDS.map((kind): TableState => {
    const v = verdicts.get(kind);
    const t = model.tables[kind];
    if (!v || !t) return { kind, present: false, section: TABLE_SECTION[kind] };
    const { kind: _k, ...rest } = v;
    return { kind, present: true, section: TABLE_SECTION[kind], edition: t.edition, ...rest };
  });
  const title = model.title
    ? {
        text: model.title.text,
        year: model.title.year,
        span: model.title.span,
        line: model.title.line,
      }
    : undefined;
  return {
    isReport: model.isReport,
    title,
    edition: model.edition,
    sections,
    tables,
    problems: counts(findings),
    fixable: findings.filter((f) => f.fixes?.some((x) => x.preferred)).length,
  };
}

function counts(findings: readonly Finding[]): ProblemCounts {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
