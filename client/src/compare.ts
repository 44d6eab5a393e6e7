/**
 * "与上年报告对比": the server compares the active report with last year's (`govreport/compare`); when it
 * does not know last year's report, the user picks it from the workspace's report files or from disk. The
 * comparison shows in a webview that follows the theme (`--vscode-*` colours, no external resource, a
 * strict Content-Security-Policy with a nonce); each figure's two values open their document at the cell.
 *
 * A webview rather than a Markdown preview: the body is the very html `govreport-lint compare --format html`
 * writes (one renderer), and a click on a figure can open the other document with the cell selected, which
 * a preview's links cannot do without command URIs enabled for all of its content.
 */
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { CompareResult, Range } from '../../server/src/lsp/protocol';
import type { ServerClient } from './serverClient';

export const COMPARE_VIEW_TYPE = 'govreport.compare';

type Shown = Extract<CompareResult, { kind: 'comparison' }>;
type NeedPrevious = Extract<CompareResult, { kind: 'needPrevious' }>;

/** At most this many files are offered in the quick pick (a folder of a city's reports holds hundreds). */
const MAX_CANDIDATES = 5000;

/** The message the panel's script posts when a figure is clicked. */
interface OpenMessage {
  type: 'open';
  figure: number;
  side: 'previous' | 'current';
}

function isOpenMessage(m: unknown): m is OpenMessage {
  const o = m as Partial<OpenMessage> | undefined;
  return (
    !!o &&
    o.type === 'open' &&
    Number.isInteger(o.figure) &&
    (o.figure ?? -1) >= 0 &&
    (o.side === 'previous' || o.side === 'current')
  );
}

/** The comparison panel: one, reused for every comparison. */
export class ComparePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: Shown | undefined;

  constructor(private readonly server: ServerClient) {}

  /** The command: `arg` is the document's URI from an editor menu, else the active editor's document. */
  async run(arg?: unknown): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t("Open a report to compare it with last year's."));
      return;
    }
    let res = await this.ask(uri);
    if (res?.kind === 'needPrevious') {
      const previous = await pickPrevious(uri, res);
      if (!previous) return;
      res = await this.ask(uri, previous);
    }
    if (!res) return;
    if (res.kind === 'unreadable') {
      void vscode.window.showErrorMessage(vscode.l10n.t('The reports cannot be compared: {0}', res.message));
      return;
    }
    if (res.kind === 'comparison') this.show(res);
  }

  private async ask(uri: vscode.Uri, previous?: vscode.Uri): Promise<CompareResult | undefined> {
    try {
      const res = await this.server.compare({
        uri: uri.toString(),
        ...(previous ? { previousUri: previous.toString() } : {}),
      });
      if (!res) void vscode.window.showWarningMessage(vscode.l10n.t('The report checker is not running.'));
      return res;
    } catch (e) {
      this.server.output.error(`compare: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The reports cannot be compared. See the output channel.'));
      return undefined;
    }
  }

  private show(res: Shown): void {
    this.shown = res;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        COMPARE_VIEW_TYPE,
        res.title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isOpenMessage(m)) void this.open(m);
      });
    }
    this.panel.title = res.title;
    this.panel.webview.html = pageOf(res);
    this.panel.reveal(undefined, false);
  }

  /** Opens one side's document with the figure's cell selected, beside the panel. */
  private async open(m: OpenMessage): Promise<void> {
    const shown = this.shown;
    const range: Range | undefined = shown?.figures[m.figure]?.[m.side];
    if (!shown || !range) return;
    const uri = vscode.Uri.parse(m.side === 'previous' ? shown.previousUri : shown.uri);
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    try {
      const editor = await vscode.window.showTextDocument(uri, { selection, viewColumn: column, preview: true });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
    } catch (e) {
      this.server.output.error(`compare: cannot open ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be opened.', uri.fsPath || uri.toString()));
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

interface Candidate extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/** Last year's report: a quick pick of the workspace's report files, or a file chosen on disk. */
async function pickPrevious(current: vscode.Uri, need: NeedPrevious): Promise<vscode.Uri | undefined> {
  const extensions = need.extensions.map((e) => e.replace(/^\./, ''));
  const title =
    need.year !== undefined
      ? vscode.l10n.t("Choose last year's report ({0})", need.year - 1)
      : vscode.l10n.t("Choose last year's report");
  const browse: Candidate = {
    label: `$(folder-opened) ${vscode.l10n.t('Choose a file on disk…')}`,
    alwaysShow: true,
  };
  const files = vscode.workspace.workspaceFolders?.length
    ? await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, undefined, MAX_CANDIDATES)
    : [];
  const self = current.path;
  const hint = need.year !== undefined ? String(need.year - 1) : undefined;
  const dir = (u: vscode.Uri) => u.path.slice(0, u.path.lastIndexOf('/'));
  const rank = (u: vscode.Uri) => (hint && u.path.includes(hint) ? 0 : 2) + (dir(u) === dir(current) ? 0 : 1);
  const candidates: Candidate[] = files
    .filter((u) => u.path !== self)
    .sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path, 'zh'))
    .map((u) => ({
      label: u.path.slice(u.path.lastIndexOf('/') + 1),
      description: vscode.workspace.asRelativePath(u.with({ path: dir(u) || '/' }), true),
      uri: u,
    }));
  let picked: Candidate | undefined = browse;
  if (candidates.length > 0) {
    picked = await vscode.window.showQuickPick([...candidates, browse], {
      title,
      placeHolder: vscode.l10n.t('Type to filter the report files of the workspace'),
      matchOnDescription: true,
    });
  }
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    title,
    canSelectMany: false,
    defaultUri: current.scheme === 'file' ? vscode.Uri.joinPath(current, '..') : undefined,
    openLabel: vscode.l10n.t('Compare'),
    filters: { [vscode.l10n.t('Reports')]: extensions },
  });
  return chosen?.[0];
}

/** The panel's page: the server's html in a page of the editor's theme. Nothing is loaded from anywhere. */
function pageOf(res: Shown): string {
  const nonce = crypto.randomBytes(18).toString('base64');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${res.language === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style nonce="${nonce}">${THEME_STYLE}</style>`,
    '</head>',
    '<body>',
    res.html,
    `<script nonce="${nonce}">${PANEL_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The page in the editor's colours and font. */
const THEME_STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 20px 24px; line-height: 1.5; }
h1 { font-size: 1.5em; margin: 16px 0 4px; font-weight: 600; }
h2 { font-size: 1.2em; margin: 24px 0 8px; padding-bottom: 4px; font-weight: 600;
  border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding: 3px 8px;
  text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); font-weight: 600; }
thead th { position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.changed td { background: var(--vscode-editor-findMatchHighlightBackground); }
.up { color: var(--vscode-charts-red); } .down { color: var(--vscode-charts-green); }
.verdict-pass { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); font-weight: 600; }
.verdict-warnings { color: var(--vscode-editorWarning-foreground); font-weight: 600; }
.note, .meta { color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
a:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
`;

/** Clicks (and Enter) on a figure ask the extension to open its cell. Reads nothing but the link's indices. */
const PANEL_SCRIPT = `
(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-figure]') : null;
    if (!a) return;
    e.preventDefault();
    vscode.postMessage({ type: 'open', figure: Number(a.getAttribute('data-figure')), side: a.getAttribute('data-side') });
  });
})();
`;
