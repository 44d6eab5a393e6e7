/**
 * Code actions: each fix of a finding as a quick fix; "fix all totals in this table"; "fix all
 * problems of this rule in the document" (as vscode-eslint's "Fix all <rule> problems"); "fix all in
 * document"; and `source.fixAll.govreport` for `editor.codeActionsOnSave`. Every fix-all is the
 * engine's one `fixAll`, narrowed by table span or rule id, and never fixing a suppressed finding.
 *
 * Every edit is bound to the document version it was computed for: as a versioned document edit
 * (the editor refuses it once the document has moved on) and, for lazily resolved actions, by the
 * version carried in `data` (resolve returns no edit for an older version).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  fingerprint,
  fixAll,
  localize,
  suppressionMessages,
  type Finding,
  type Locale,
  type Span,
  type TextEdit,
} from '../core';
import { arithmeticRuleIds, FEATURE_MESSAGES as M, hasPreferredFix, inside, tableAt, touches } from '../core/features';
import { otherDocumentOf, type Analysis } from './analysis';
import type { ServerContext } from './context';
import { toDiagnostic, toSpan, toTextEdits } from './convert';
import { isExtractedUri } from './extracted';
import { SOURCE_FIX_ALL_KIND, SUPPRESS_COMMAND, type SuppressCommandArgs, type TableKind } from './protocol';

/** What a lazily resolved action needs to compute its edit. */
export interface FixAllActionData {
  uri: string;
  version: number;
  table?: TableKind;
  /** Only the findings of this rule. */
  ruleId?: string;
}

export function workspaceEdit(ctx: ServerContext, doc: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  const lspEdits = toTextEdits(doc, edits);
  if (ctx.caps.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lspEdits }] };
  }
  return { changes: { [doc.uri]: lspEdits } };
}

/**
 * The edits of a fix-all over the document (or over one table's sums, or over one rule's findings),
 * against the current text. Only the findings that are shown are fixed: those the suppressions file
 * hides are not (the same entries the analysis applied).
 */
export function fixAllEdits(
  ctx: ServerContext,
  analysis: Analysis,
  doc: TextDocument,
  table?: TableKind,
  ruleId?: string,
): TextEdit[] {
  const options: Parameters<typeof fixAll>[1] = {
    rules: analysis.rules,
    force: analysis.force,
    suppressions: ctx.suppressionsFor(doc.uri),
  };
  if (table) {
    const t = analysis.result.model.tables[table];
    if (!t) return [];
    options.ruleIds = arithmeticRuleIds();
    options.within = t.span;
  }
  if (ruleId !== undefined) options.ruleIds = [ruleId];
  return fixAll(doc.getText(), options).edits;
}

export async function provideCodeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const cur = await ctx.current(params.textDocument.uri);
  if (!cur || !cur.analysis.linted) return [];
  // The text extracted from a Word, PDF or web file is not the source: no fix can be written back.
  if (isExtractedUri(cur.doc.uri)) return [];
  const { doc, analysis, locale } = cur;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const findings = analysis.result.findings;
  const other = otherDocumentOf(analysis);
  const diag: ToDiagnostic = (f) => toDiagnostic(doc, f, locale, other);

  if (only && wants(SOURCE_FIX_ALL_KIND)) {
    // Fix-on-save: computed now, so no resolve round trip is needed while saving.
    const edits = fixAllEdits(ctx, analysis, doc);
    actions.push({
      title: localize(M.actionFixAllSource, locale),
      kind: SOURCE_FIX_ALL_KIND,
      ...(edits.length > 0 ? { edit: workspaceEdit(ctx, doc, edits) } : {}),
    });
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const span = toSpan(doc, params.range);
  const here = findings.filter((f) => touches(f.span, span.start, span.end));
  for (const f of here) actions.push(...quickFixes(ctx, doc, f, locale, diag));
  // "忽略此问题": a command, so that the server writes the suppressions file in its one layout.
  if (doc.uri.startsWith('file:')) for (const f of here) actions.push(suppressAction(doc, f, locale, diag));

  const arithmetic = new Set(arithmeticRuleIds());
  const tablesHere = new Map<TableKind, Span>();
  for (const f of here) {
    if (!arithmetic.has(f.ruleId) || !hasPreferredFix(f)) continue;
    const t = tableAt(analysis.result.model, f.span.start);
    if (t && t.kind !== 't2' && inside(f.span, t.table.span)) tablesHere.set(t.kind, t.table.span);
  }
  for (const [kind, tspan] of tablesHere) {
    const inTable = findings.filter((f) => arithmetic.has(f.ruleId) && hasPreferredFix(f) && inside(f.span, tspan));
    actions.push(
      lazyFixAll(ctx, doc, analysis, localize(M.actionFixTableTotals(M.tableName[kind]), locale), inTable, diag, kind),
    );
  }
  const fixable = findings.filter(hasPreferredFix);
  // Fix all problems of a rule: offered for each rule with a fixable finding here and more than one
  // fixable finding in the document.
  const rulesHere = new Set(here.filter(hasPreferredFix).map((f) => f.ruleId));
  for (const ruleId of rulesHere) {
    const ofRule = fixable.filter((f) => f.ruleId === ruleId);
    if (ofRule.length < 2) continue;
    actions.push(
      lazyFixAll(ctx, doc, analysis, localize(M.actionFixAllOfRule(ruleId), locale), ofRule, diag, undefined, ruleId),
    );
  }
  if (here.some(hasPreferredFix) && fixable.length > 1) {
    actions.push(lazyFixAll(ctx, doc, analysis, localize(M.actionFixAllInDocument, locale), fixable, diag));
  }
  return actions;
}

/** A finding as the diagnostic the editor shows for it (related locations in last year's report included). */
type ToDiagnostic = (f: Finding) => Diagnostic;

function quickFixes(
  ctx: ServerContext,
  doc: TextDocument,
  f: Finding,
  locale: Locale,
  diag: ToDiagnostic,
): CodeAction[] {
  const diagnostic = diag(f);
  return (f.fixes ?? []).map((fix) => ({
    title: localize(fix.title, locale),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred === true,
    edit: workspaceEdit(ctx, doc, fix.edits),
  }));
}

function suppressAction(doc: TextDocument, f: Finding, locale: Locale, diag: ToDiagnostic): CodeAction {
  const title = localize(suppressionMessages.suppressAction(), locale);
  const args: SuppressCommandArgs = {
    uri: doc.uri,
    version: doc.version,
    rule: f.ruleId,
    fingerprint: fingerprint(doc.getText(), f),
  };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diag(f)],
    command: { title, command: SUPPRESS_COMMAND, arguments: [args] },
  };
}

function lazyFixAll(
  ctx: ServerContext,
  doc: TextDocument,
  analysis: Analysis,
  title: string,
  covered: readonly Finding[],
  diag: ToDiagnostic,
  table?: TableKind,
  ruleId?: string,
): CodeAction {
  const data: FixAllActionData = {
    uri: doc.uri,
    version: doc.version,
    ...(table ? { table } : {}),
    ...(ruleId !== undefined ? { ruleId } : {}),
  };
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: covered.map(diag),
    data,
  };
  if (!ctx.caps.codeActionResolve)
    action.edit = workspaceEdit(ctx, doc, fixAllEdits(ctx, analysis, doc, table, ruleId));
  return action;
}

/** Fills in a fix-all action's edit — only for the version it was offered for. */
export async function resolveCodeAction(ctx: ServerContext, action: CodeAction): Promise<CodeAction> {
  const data = action.data as FixAllActionData | undefined;
  if (!data || typeof data.uri !== 'string' || typeof data.version !== 'number' || action.edit) return action;
  const cur = await ctx.current(data.uri);
  if (!cur || cur.doc.version !== data.version || !cur.analysis.linted || isExtractedUri(cur.doc.uri)) return action;
  const ruleId = typeof data.ruleId === 'string' ? data.ruleId : undefined;
  const edits = fixAllEdits(ctx, cur.analysis, cur.doc, data.table, ruleId);
  if (edits.length > 0) action.edit = workspaceEdit(ctx, cur.doc, edits);
  return action;
}
