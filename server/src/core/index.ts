/**
 * The engine's public surface. Pure: no editor, no LSP connection, no file system —
 * it runs in plain Node and bundles for a browser (checked by the build).
 */
export * from './types';
export { parse } from './parser/parse';
export { lint, effectiveSeverity } from './lint';
export type { LintResultWithErrors, RuleError } from './lint';
export { RULES, ruleById } from './rules';
export { fixAll, preferredEdits, diffEdits } from './fixes/fixAll';
export type { FixAllOptions, FixAllResult } from './fixes/fixAll';
export { applyEdits, nonOverlapping, minimalEdit } from './text/edits';
export { localize, toLocale } from './i18n/locale';
export { SECTIONS, TEMPLATES } from './template/template';
export { lintPair } from './crossYear/lintPair';
export type { PairLintResult } from './crossYear/lintPair';
export { bodyKey, identityOf, pairReports } from './crossYear/identity';
export type { ReportIdentity, PairCandidate, PairStatus, UnpairedReason } from './crossYear/identity';
export { evaluateCrossYear, CROSS_YEAR_RELATIONS } from './rules/crossYear/relations';
export type { RelationResult, CrossYearRelation, ReadTerm, SkipReason } from './rules/crossYear/relations';
export { compareReports } from './crossYear/compare';
export type { Comparison, ComparedReport, Figure, FigureRow, Part } from './crossYear/compare';
export {
  SUPPRESSIONS_FILE_NAME,
  fingerprint,
  fingerprintFields,
  parseSuppressions,
  serializeSuppressions,
  canonicalEntries,
  applySuppressions,
  matchSuppressions,
  entriesFor,
  staleCount,
  pruneEntries,
} from './suppressions';
export type { SuppressionEntry, SuppressionsData, AppliedSuppressions, SuppressionKey } from './suppressions';
export { suppressionMessages } from './i18n/messages/suppressions';
