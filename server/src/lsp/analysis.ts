/**
 * Lints documents once per (uri, version, settings) and hands the result to every feature.
 * Which documents are linted: the `govreport` language always; plaintext and Markdown only when
 * detection is on and the text looks like a report.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applySuppressions,
  lint,
  lintPair,
  type ReportModel,
  type LintResultWithErrors,
  type Locale,
  type SeveritySetting,
  type SuppressionEntry,
} from '../core';
import { REPORT_KEYWORD, SECTIONS } from '../core/template/template';
import type { ConfigFileProblem } from '../config/config';
import type { GovreportSettings } from './protocol';
import { settingsKey } from './settings';
import type { PreviousReport } from './workspace/previous';
import type { OtherDocument } from './convert';

export const REPORT_LANGUAGE = 'govreport';
const DETECTED_LANGUAGES = new Set(['plaintext', 'markdown']);

/** Above this size a cheap text check runs before the parser decides. */
const PREFILTER_SIZE = 100_000;

export interface Analysis {
  uri: string;
  version: number;
  /** Whether the document is linted at all. */
  linted: boolean;
  result: LintResultWithErrors;
  /** The severities in force (settings over the rc file). */
  rules: Record<string, SeveritySetting>;
  force: boolean;
  /** Findings hidden by the suppressions file (not in `result.findings`). */
  suppressed: number;
  /** Not checked: longer than `govreport.maxDocumentChars`. */
  tooLarge?: { chars: number; limit: number };
  /** Errors in the configuration files that apply (those files are ignored). */
  configErrors?: ConfigFileProblem[];
  /** Last year's report of the same body, when the workspace has it: its findings are in `result.findings`. */
  previous?: PreviousReport;
}

/** The other document an analysis's related locations may point into: last year's report, when it has one. */
export function otherDocumentOf(analysis: Analysis): OtherDocument {
  const previous = analysis.previous?.doc;
  return (uri) => (uri === previous?.uri ? previous : undefined);
}

/** Last year's report of a document, found from its model (the workspace index); and the document's name. */
export interface CrossYearSource {
  previousFor(model: ReportModel): PreviousReport | undefined;
  /** The document's name in messages (its path in the workspace folder). */
  name: string;
}

interface Entry {
  version: number;
  key: string;
  /** The document's own analysis, before last year's findings and the suppressions. */
  base: Analysis;
  previousKey: string;
  analysis: Analysis;
}

export class Analyzer {
  private readonly cache = new Map<string, Entry>();

  /**
   * The analysis of the document as it is now (from the cache when nothing changed). The findings
   * matched by `suppressions` (this document's entries) are left out and counted; the cache is
   * cleared when the suppressions file changes.
   */
  analyze(
    doc: TextDocument,
    settings: GovreportSettings,
    rules: Record<string, SeveritySetting>,
    configErrors: readonly ConfigFileProblem[] = [],
    suppressions: readonly SuppressionEntry[] = [],
    crossYear?: CrossYearSource,
  ): Analysis {
    const key = settingsKey(settings, rules) + doc.languageId;
    const hit = this.cache.get(doc.uri);
    const same = hit !== undefined && hit.version === doc.version && hit.key === key;
    const base = same ? hit.base : this.compute(doc, settings, rules);
    const previous = base.linted && crossYear ? crossYear.previousFor(base.result.model) : undefined;
    const previousKey = previous?.key ?? '';
    if (same && hit.previousKey === previousKey) return hit.analysis;
    const analysis: Analysis = { ...base };
    if (configErrors.length > 0) analysis.configErrors = [...configErrors];
    if (previous && crossYear) {
      const pair = lintPair(
        { model: base.result.model, name: crossYear.name, uri: doc.uri },
        { model: previous.model, name: previous.ref.name, uri: previous.ref.uri },
        { rules, force: base.force },
      );
      analysis.previous = previous;
      if (pair.findings.length > 0 || pair.errors.length > 0) {
        const findings = [...base.result.findings, ...pair.findings].sort(
          (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
        );
        analysis.result = { ...base.result, findings, errors: [...base.result.errors, ...pair.errors] };
      }
    }
    if (analysis.linted && suppressions.length > 0) {
      const applied = applySuppressions(doc.getText(), analysis.result.findings, suppressions);
      analysis.result = { ...analysis.result, findings: applied.kept };
      analysis.suppressed = applied.suppressed.length;
    }
    this.cache.set(doc.uri, { version: doc.version, key, base, previousKey, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private compute(doc: TextDocument, settings: GovreportSettings, rules: Record<string, SeveritySetting>): Analysis {
    const text = doc.getText();
    const force = doc.languageId === REPORT_LANGUAGE;
    const candidate =
      settings.enable &&
      (force || (settings.detectReports && DETECTED_LANGUAGES.has(doc.languageId) && mayBeReport(text)));
    if (!candidate) {
      return { uri: doc.uri, version: doc.version, linted: false, result: lint(''), rules, force, suppressed: 0 };
    }
    const limit = settings.maxDocumentChars;
    if (limit > 0 && text.length > limit) {
      // Checking would hold the server for seconds on every change: say so instead (status item, output channel).
      return {
        uri: doc.uri,
        version: doc.version,
        linted: false,
        result: lint(''),
        rules,
        force,
        suppressed: 0,
        tooLarge: { chars: text.length, limit },
      };
    }
    const result = lint(text, { rules, force });
    const linted = force || result.model.isReport;
    return { uri: doc.uri, version: doc.version, linted, result, rules, force, suppressed: 0 };
  }
}

/** Cheap check for large documents: a report names itself or has its section titles. */
function mayBeReport(text: string): boolean {
  if (text.length <= PREFILTER_SIZE) return true;
  if (text.includes(REPORT_KEYWORD)) return true;
  return SECTIONS.filter((s) => text.includes(s.keyword)).length >= 3;
}

export function localeFor(messageLanguage: GovreportSettings['messageLanguage'], displayLocale: Locale): Locale {
  return messageLanguage === 'auto' ? displayLocale : messageLanguage;
}
