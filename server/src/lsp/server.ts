/**
 * The language server: wires LSP requests to the engine. Each handler gets the document, asks the
 * (cached) analysis, and converts; no report logic lives here.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fingerprint, localize, toLocale } from '../core';
import { fileURLToPath } from 'node:url';
import { suppressionKeyOf, writeSuppressionsFile } from '../config/suppressions';
import { reportSkeleton } from '../core/features';
import { provideCodeActions, resolveCodeAction, fixAllEdits, workspaceEdit } from './codeActions';
import { ServerContext } from './context';
import { DiagnosticsPublisher } from './diagnostics';
import { documentSymbols, foldingRangesOf, hoverAt, reportViewOf, tableLenses } from './features';
import { isExtractedUri } from './extracted';
import { ExtractionReader, extractedText } from './extractedText';
import {
  FIX_ALL_COMMAND,
  SUPPRESS_COMMAND,
  type SuppressCommandArgs,
  type SuppressCommandResult,
  ExtractedTextRequest,
  ReportViewRequest,
  SkeletonRequest,
  SOURCE_FIX_ALL_KIND,
  type FixAllCommandArgs,
  type FixAllCommandResult,
  type ExtractedTextParams,
  type ReportViewParams,
  type SkeletonParams,
} from './protocol';
import { FEATURE_MESSAGES as M } from '../core/features';
import { serverMessages } from '../core/i18n/messages/server';
import { CompareRequest, type CompareParams } from './protocol';
import { compareRequest, type CompareHooks } from './compare';
import { warmUp } from './warmUp';
import { WorkspaceWiring } from './workspace/setup';

/**
 * `compareHooks`: what "与上年报告对比" asks when last year's report is not given (`findPrevious`; the
 * workspace index sets it, a caller may pass one).
 */
export function startServer(connection: Connection, compareHooks: CompareHooks = {}): void {
  const documents = new TextDocuments(TextDocument);
  let ctx: ServerContext | undefined;
  let diagnostics: DiagnosticsPublisher | undefined;
  let dynamicConfiguration = false;
  const extraction = new ExtractionReader();
  let workspace: WorkspaceWiring | undefined;
  let initializeParams: InitializeParams | undefined;
  // LSP lifecycle: requests before `initialize` get ServerNotInitialized, after `shutdown` InvalidRequest.
  let phase: 'starting' | 'running' | 'shutdown' = 'starting';
  /** Stops warming the engine (see warmUp.ts). */
  let stopWarmUp: (() => void) | undefined;
  const guard =
    <P, R>(handler: (p: P) => R, valid: (p: unknown) => boolean = () => true) =>
    (p: P): R => {
      if (phase === 'starting')
        throw new ResponseError(ErrorCodes.ServerNotInitialized, 'govreport: the server is not initialized yet');
      if (phase === 'shutdown')
        throw new ResponseError(ErrorCodes.InvalidRequest, 'govreport: the server is shutting down');
      if (!valid(p))
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          'govreport: the parameters do not have the shape the request needs',
        );
      return handler(p);
    };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    phase = 'running';
    const caps = params.capabilities;
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ctx = new ServerContext(
      connection,
      documents,
      {
        configuration: caps.workspace?.configuration === true,
        documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
        codeActionResolve: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
      },
      toLocale(params.locale),
    );
    diagnostics = new DiagnosticsPublisher(ctx);
    initializeParams = params;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, SOURCE_FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: { label: localize(serverMessages.outlineLabel()) },
        foldingRangeProvider: true,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND, SUPPRESS_COMMAND] },
        ...WorkspaceWiring.capabilities(params),
      },
      serverInfo: { name: 'govreport-lint' },
    };
  });

  connection.onInitialized(() => {
    if (phase === 'running') stopWarmUp = warmUp();
    if (dynamicConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
    if (ctx && diagnostics && initializeParams && phase === 'running') {
      // The server's own bundle is the worker's script too (it serves jobs when started as the worker).
      workspace = new WorkspaceWiring(connection, ctx, diagnostics, initializeParams, __filename);
      void workspace.start();
    }
  });

  const need = (): { ctx: ServerContext; diagnostics: DiagnosticsPublisher } => {
    if (!ctx || !diagnostics) throw new Error('govreport: server not initialized');
    return { ctx, diagnostics };
  };

  const opened = new Set<string>();
  // Notifications outside the running phase are dropped (LSP); documents still track their text.
  const running = () => phase === 'running' && ctx !== undefined && diagnostics !== undefined;
  documents.onDidOpen((e) => {
    if (!running()) return;
    opened.add(e.document.uri);
    need().diagnostics.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (!running()) return;
    if (opened.delete(e.document.uri)) return; // the open already scheduled it
    workspace?.typing();
    need().diagnostics.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    opened.delete(e.document.uri);
    if (!running()) return;
    const { ctx: c, diagnostics: d } = need();
    c.forget(e.document.uri);
    d.clear(e.document.uri);
    workspace?.documentClosed(e.document.uri);
  });

  connection.onDidChangeConfiguration((change) => {
    if (!running()) return;
    const { ctx: c, diagnostics: d } = need();
    c.settingsChanged(change.settings);
    d.scheduleAll();
    workspace?.settingsChanged();
  });

  connection.onDidChangeWatchedFiles((p) => {
    if (!running()) return;
    const { ctx: c, diagnostics: d } = need();
    // Report files go to the workspace index (which re-checks what depends on them); anything else may be
    // a configuration or suppressions file.
    if (workspace && !workspace.fileEvents(p.changes ?? [])) return;
    c.configFilesChanged();
    d.scheduleAll();
  });

  // A handler that needs the current analysis of an open document.
  const withDoc = async <T>(
    uri: string,
    empty: T,
    f: (cur: NonNullable<Awaited<ReturnType<ServerContext['current']>>>) => T,
  ): Promise<T> => {
    const cur = await need().ctx.current(uri);
    return cur ? f(cur) : empty;
  };

  connection.onDocumentSymbol(
    guard((p) => withDoc(p.textDocument.uri, [], (c) => documentSymbols(c.doc, c.analysis, c.locale)), hasDocument),
  );
  connection.onFoldingRanges(
    guard((p) => withDoc(p.textDocument.uri, [], (c) => foldingRangesOf(c.analysis)), hasDocument),
  );
  connection.onHover(
    guard(
      (p) => withDoc(p.textDocument.uri, null, (c) => hoverAt(c.doc, c.analysis, c.doc.offsetAt(p.position), c.locale)),
      (p) => hasDocument(p) && isPosition((p as { position?: unknown }).position),
    ),
  );
  // The text extracted from a Word, PDF or web file is read-only: its lenses and view offer no fix.
  connection.onCodeLens(
    guard(
      (p) =>
        withDoc(p.textDocument.uri, [], (c) => tableLenses(c.doc, c.analysis, c.locale, !isExtractedUri(c.doc.uri))),
      hasDocument,
    ),
  );
  connection.onCodeAction(
    guard(
      (p) => provideCodeActions(need().ctx, p),
      (p) => hasDocument(p) && isObject((p as { range?: unknown }).range),
    ),
  );
  connection.onCodeActionResolve(guard((a) => resolveCodeAction(need().ctx, a), isObject));
  connection.onRequest(
    ReportViewRequest.method,
    guard(
      (p: ReportViewParams) =>
        withDoc(p.uri, null, (c) => reportViewOf(c.doc, c.analysis, c.locale, !isExtractedUri(c.doc.uri))),
      (p) => isObject(p) && typeof p.uri === 'string',
    ),
  );
  connection.onRequest(
    ExtractedTextRequest.method,
    guard(
      async (p: ExtractedTextParams) =>
        extractedText(extraction, p.uri, need().ctx.locale(await need().ctx.settingsFor(p.uri))),
      (p) => isObject(p) && typeof p.uri === 'string',
    ),
  );
  connection.onRequest(
    SkeletonRequest.method,
    guard(
      (p: SkeletonParams) => reportSkeleton({ year: p.year, body: p.body, eol: p.eol }),
      (p) =>
        isObject(p) &&
        Number.isInteger(p.year) &&
        (p.body === undefined || typeof p.body === 'string') &&
        (p.eol === undefined || typeof p.eol === 'string'),
    ),
  );
  connection.onRequest(
    CompareRequest.method,
    guard(
      (p: CompareParams) =>
        compareRequest(
          {
            documents,
            localeOf: async (uri) => need().ctx.locale(await need().ctx.settingsFor(uri)),
            hooks: {
              // A hook the caller passes wins; else the workspace index knows last year's report.
              findPrevious:
                compareHooks.findPrevious ??
                (async (uri) => {
                  const cur = await need().ctx.current(uri);
                  return cur && workspace
                    ? workspace.workspace.previousUriOf(uri, cur.analysis.result.model)
                    : undefined;
                }),
            },
            log: (m) => connection.console.warn(m),
            readText: async (file) => {
              const res = await extraction.read(file);
              return 'error' in res ? { error: res.error.message } : { text: res.text };
            },
          },
          p,
        ),
      (p) =>
        isObject(p) &&
        typeof p.uri === 'string' &&
        (p.previousUri === undefined || (typeof p.previousUri === 'string' && p.previousUri !== '')),
    ),
  );

  connection.onExecuteCommand(
    guard(async (p): Promise<FixAllCommandResult | SuppressCommandResult | undefined> => {
      if (p.command === SUPPRESS_COMMAND) {
        const { ctx: c, diagnostics: d } = need();
        const res = await suppress(c, p.arguments?.[0] as SuppressCommandArgs | undefined);
        if (res.applied) {
          c.configFilesChanged();
          d.scheduleAll();
        }
        return res;
      }
      if (p.command !== FIX_ALL_COMMAND) return undefined;
      const args = p.arguments?.[0] as FixAllCommandArgs | undefined;
      if (!args || typeof args.uri !== 'string') return { applied: false, edits: 0, reason: 'unknown' };
      const c = need().ctx;
      const cur = await c.current(args.uri);
      if (!cur) return { applied: false, edits: 0, reason: 'unknown' };
      if (isExtractedUri(cur.doc.uri)) return { applied: false, edits: 0, reason: 'read-only' };
      if (cur.doc.version !== args.version) return { applied: false, edits: 0, reason: 'stale' };
      if (!cur.analysis.linted) return { applied: false, edits: 0, reason: 'disabled' };
      const edits = fixAllEdits(c, cur.analysis, cur.doc, args.table);
      if (edits.length === 0) return { applied: false, edits: 0, reason: 'nothing' };
      const label = args.table
        ? localize(M.actionFixTableTotals(M.tableName[args.table]), cur.locale)
        : localize(M.actionFixAllInDocument, cur.locale);
      const res = await connection.workspace.applyEdit({ label, edit: workspaceEdit(c, cur.doc, edits) });
      return res.applied ? { applied: true, edits: edits.length } : { applied: false, edits: 0, reason: 'rejected' };
    }),
  );

  connection.onShutdown(() => {
    phase = 'shutdown';
    stopWarmUp?.();
    diagnostics?.dispose();
    extraction.dispose();
    workspace?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * "忽略此问题": adds an entry for the finding (still there, in the version it was offered for) to
 * the document's suppressions file, written atomically in its canonical layout. A file that cannot
 * be parsed is never rewritten.
 */
async function suppress(c: ServerContext, args: SuppressCommandArgs | undefined): Promise<SuppressCommandResult> {
  if (!args || typeof args.uri !== 'string' || typeof args.rule !== 'string' || typeof args.fingerprint !== 'string') {
    return { applied: false, reason: 'unknown' };
  }
  const cur = await c.current(args.uri);
  if (!cur) return { applied: false, reason: 'unknown' };
  if (cur.doc.version !== args.version) return { applied: false, reason: 'stale' };
  const text = cur.doc.getText();
  if (!cur.analysis.result.findings.some((f) => f.ruleId === args.rule && fingerprint(text, f) === args.fingerprint)) {
    return { applied: false, reason: 'nothing' };
  }
  const loaded = c.suppressionsFileFor(args.uri, true);
  if (!loaded) return { applied: false, reason: 'unknown' };
  if (loaded.problems.length > 0) return { applied: false, file: loaded.file, reason: 'unreadable' };
  const entry = {
    file: suppressionKeyOf(loaded.file, fileURLToPath(args.uri)),
    rule: args.rule,
    fingerprint: args.fingerprint,
  };
  try {
    await writeSuppressionsFile(loaded.file, { ...loaded.data, suppressions: [...loaded.data.suppressions, entry] });
  } catch (e) {
    c.connection.console.error(`govreport: ${loaded.file}: ${e instanceof Error ? e.message : String(e)}`);
    return { applied: false, file: loaded.file, reason: 'failed' };
  }
  return { applied: true, file: loaded.file };
}

function isObject(p: unknown): p is Record<string, unknown> {
  return typeof p === 'object' && p !== null;
}

/** `{ textDocument: { uri: string } }` */
function hasDocument(p: unknown): boolean {
  return isObject(p) && isObject(p.textDocument) && typeof p.textDocument.uri === 'string';
}

function isPosition(p: unknown): boolean {
  return isObject(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
}
