/** Outline, folding, hover, table verdict lenses and the report view: core features → LSP types. */
import {
  FoldingRangeKind,
  MarkupKind,
  SymbolKind,
  type CodeLens,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localize, type Locale } from '../core';
import {
  carryOverAt,
  documentOutline,
  formatCarryOverHover,
  FEATURE_MESSAGES as M,
  foldingRanges,
  formatTotalHover,
  reportView,
  tableVerdicts,
  totalFormulasAt,
  type OutlineKind,
  type OutlineNode,
  type TableVerdict,
} from '../core/features';
import type { Analysis } from './analysis';
import { toRange } from './convert';
import { FIX_ALL_COMMAND, type FixAllCommandArgs, type ReportViewResult, type ReportViewTable } from './protocol';

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subItem: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  block: SymbolKind.Field,
};

export function documentSymbols(doc: TextDocument, analysis: Analysis, locale: Locale): DocumentSymbol[] {
  if (!analysis.linted) return [];
  const convert = (n: OutlineNode): DocumentSymbol => ({
    name: n.kind === 'table' ? tableName(n.name, locale) : n.name || ' ',
    ...(n.detail ? { detail: localize(n.detail, locale) } : {}),
    kind: SYMBOL_KIND[n.kind],
    range: toRange(doc, n.span),
    selectionRange: toRange(doc, n.selectionSpan),
    children: n.children.map(convert),
  });
  return documentOutline(analysis.result.model, analysis.result.findings).map(convert);
}

/** Outline names of tables are Chinese (the report's language); English when asked. */
function tableName(zh: string, locale: Locale): string {
  const entry = Object.values(M.tableName).find((t) => t.zh === zh);
  return entry ? localize(entry, locale) : zh;
}

export function foldingRangesOf(analysis: Analysis): FoldingRange[] {
  if (!analysis.linted) return [];
  return foldingRanges(analysis.result.model).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    kind: FoldingRangeKind.Region,
  }));
}

export function hoverAt(doc: TextDocument, analysis: Analysis, offset: number, locale: Locale): Hover | null {
  if (!analysis.linted) return null;
  const model = analysis.result.model;
  const formulas = totalFormulasAt(model, offset);
  const prev = analysis.previous;
  const carry = carryOverAt(model, offset, prev && { model: prev.model, name: prev.ref.name });
  const parts = [
    ...(carry ? [formatCarryOverHover(carry, locale)] : []),
    ...(formulas.length > 0 ? [formatTotalHover(formulas, locale)] : []),
  ];
  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    range: toRange(doc, carry?.span ?? formulas[0].span),
  };
}

export function verdictState(
  v: Pick<TableVerdict, 'hasSums' | 'brokenSums' | 'malformedRows' | 'missingRows' | 'problems'>,
  locale: Locale,
): string {
  const parts: string[] = [];
  if (v.hasSums) parts.push(localize(v.brokenSums > 0 ? M.sumsBroken(v.brokenSums) : M.sumsOk, locale));
  if (v.malformedRows > 0) parts.push(localize(M.malformedRows(v.malformedRows), locale));
  if (v.missingRows > 0) parts.push(localize(M.missingRows(v.missingRows), locale));
  if (!v.hasSums && parts.length === 0) parts.push(v.problems > 0 ? localize(M.problems(v.problems), locale) : '✓');
  return parts.join(' · ');
}

/**
 * One lens per table with sums: "✓ 勾稽关系正确" or "2 处合计不符 · 全部修复". Without `offerFixes` (a
 * read-only document: the text extracted from a Word, PDF or web file) the lens only states.
 */
export function tableLenses(doc: TextDocument, analysis: Analysis, locale: Locale, offerFixes = true): CodeLens[] {
  if (!analysis.linted) return [];
  const lenses: CodeLens[] = [];
  for (const v of tableVerdicts(analysis.result.model, analysis.result.findings)) {
    if (!v.hasSums) continue;
    const start = doc.positionAt(v.span.start);
    const range = { start: { line: v.line, character: 0 }, end: { line: v.line, character: 0 } };
    if (start.line !== v.line) range.start = range.end = { line: start.line, character: 0 };
    let title = verdictState(v, locale);
    if (offerFixes && v.fixableSums > 0) {
      title = `${title} · ${localize(M.fixAllInTable, locale)}`;
      const args: FixAllCommandArgs = { uri: doc.uri, version: doc.version, table: v.kind };
      lenses.push({ range, command: { title, command: FIX_ALL_COMMAND, arguments: [args] } });
    } else {
      lenses.push({ range, command: { title, command: '' } });
    }
  }
  return lenses;
}

/** The report view's data; without `offerFixes` (a read-only document) nothing counts as fixable. */
export function reportViewOf(
  doc: TextDocument,
  analysis: Analysis,
  locale: Locale,
  offerFixes = true,
): ReportViewResult {
  const model = analysis.result.model;
  const findings = analysis.linted ? analysis.result.findings : [];
  const data = reportView(model, findings);
  return {
    uri: doc.uri,
    version: doc.version,
    linted: analysis.linted,
    ...(analysis.tooLarge ? { tooLarge: analysis.tooLarge } : {}),
    ...(analysis.configErrors
      ? {
          configErrors: analysis.configErrors.map((e) => ({
            file: e.file,
            path: e.path,
            message: localize(e.message, locale),
          })),
        }
      : {}),
    isReport: data.isReport,
    title: data.title
      ? { text: data.title.text, year: data.title.year, range: toRange(doc, data.title.span) }
      : undefined,
    edition: data.edition,
    sections: data.sections.map(({ span, line: _line, ...s }) => ({
      ...s,
      ...(span ? { range: toRange(doc, span) } : {}),
    })),
    tables: data.tables.map((t): ReportViewTable => {
      const { span, line: _line, ...rest } = t;
      return {
        ...rest,
        ...(offerFixes || rest.fixableSums === undefined ? {} : { fixableSums: 0 }),
        name: localize(M.tableName[t.kind], locale),
        ...(span ? { range: toRange(doc, span) } : {}),
        state: t.present
          ? verdictState(
              {
                hasSums: !!t.hasSums,
                brokenSums: t.brokenSums ?? 0,
                malformedRows: t.malformedRows ?? 0,
                missingRows: t.missingRows ?? 0,
                problems: t.problems ?? 0,
              },
              locale,
            )
          : localize(M.missing, locale),
      };
    }),
    problems: data.problems,
    fixable: offerFixes ? data.fixable : 0,
    suppressed: analysis.suppressed,
  };
}
