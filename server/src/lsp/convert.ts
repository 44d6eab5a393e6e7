/** The boundary: engine spans and findings become LSP ranges and diagnostics here, and only here. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { localize, type Finding, type Locale, type Severity, type Span, type TextEdit } from '../core';
import { ruleDocUrl } from './protocol';

export const DIAGNOSTIC_SOURCE = 'govreport';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSpan(doc: TextDocument, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function toTextEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * Another document a related location may point into (last year's report of a cross-year finding): its
 * text as the engine read it, so that the range is counted in that text's UTF-16 units.
 */
export type OtherDocument = (uri: string) => TextDocument | undefined;

export function toDiagnostic(doc: TextDocument, f: Finding, locale: Locale, other?: OtherDocument): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: localize(f.message, locale),
  };
  if (f.related && f.related.length > 0) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      // A location in a document whose text is not at hand has no range that can be trusted: left out.
      const target = r.uri === undefined || r.uri === doc.uri ? doc : other?.(r.uri);
      if (!target) continue;
      related.push({
        location: { uri: target.uri, range: toRange(target, r.span) },
        message: localize(r.message, locale),
      });
    }
    if (related.length > 0) d.relatedInformation = related;
  }
  return d;
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
