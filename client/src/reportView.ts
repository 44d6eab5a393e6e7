/**
 * The "年报检查" view in the Explorer: the six sections and three tables of the active report with
 * their state, fed by the server. Follows edits (through the diagnostics the server publishes) and
 * editor switches.
 */
import * as vscode from 'vscode';
import type { Range, ReportViewResult, ReportViewSection, ReportViewTable } from '../../server/src/lsp/protocol';
import type { ServerClient } from './serverClient';

export const VIEW_ID = 'govreport.reportView';

export type Item =
  | { type: 'title'; data: ReportViewResult }
  | { type: 'section'; data: ReportViewResult; section: ReportViewSection }
  | { type: 'table'; data: ReportViewResult; table: ReportViewTable };

export class ReportViewProvider implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: ReportViewResult | null = null;
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly updated = new vscode.EventEmitter<ReportViewResult | null>();
  /** Fires with the latest data (for the status item). */
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: ServerClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.uri && e.uris.some((u) => u.toString() === this.uri?.toString())) this.refreshSoon(50);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === this.uri?.toString()) this.refreshSoon(0);
      }),
      server.onDidChangeState(() => this.refreshSoon(200)),
    );
  }

  get current(): ReportViewResult | null {
    return this.data;
  }

  refreshSoon(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    this.uri = editor?.document.uri;
    let data: ReportViewResult | null = null;
    if (editor) {
      try {
        data = await this.server.reportView(editor.document.uri);
      } catch (e) {
        this.server.output.warn(`report view: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    // The editor switched while waiting: the newer refresh will set the data.
    if (vscode.window.activeTextEditor?.document.uri.toString() !== this.uri?.toString()) return;
    this.data = data && data.linted ? data : null;
    void vscode.commands.executeCommand('setContext', 'govreport.reportActive', this.data !== null);
    this.changed.fire(undefined);
    // A document too large to check is not shown in the view, but the status item says why; so is a broken configuration file.
    this.updated.fire(this.data ?? (data?.tooLarge || data?.configErrors ? data : null));
  }

  getChildren(element?: Item): Item[] {
    const data = this.data;
    if (!data) return [];
    if (!element) {
      const items: Item[] = [];
      if (data.title) items.push({ type: 'title', data });
      for (const section of data.sections) items.push({ type: 'section', data, section });
      return items;
    }
    if (element.type === 'section') {
      return data.tables
        .filter((t) => t.section === element.section.id)
        .map((table) => ({ type: 'table', data, table }));
    }
    return [];
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.type === 'title') {
      const t = new vscode.TreeItem(item.data.title?.text ?? '', vscode.TreeItemCollapsibleState.None);
      t.iconPath = new vscode.ThemeIcon('file-text');
      t.description = vscode.l10n.t('{0} · format {1}', String(item.data.title?.year ?? ''), item.data.edition);
      // Findings hidden by .govreport-suppressions.json are counted, not lost.
      if (item.data.suppressed > 0) t.description += ' · ' + vscode.l10n.t('{0} suppressed', item.data.suppressed);
      t.command = reveal(item.data.uri, item.data.title?.range);
      return t;
    }
    if (item.type === 'section') return sectionItem(item.data, item.section);
    return tableItem(item.data, item.table);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.updated.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function sectionItem(data: ReportViewResult, s: ReportViewSection): vscode.TreeItem {
  const hasTables = data.tables.some((t) => t.section === s.id);
  const t = new vscode.TreeItem(
    s.heading ?? s.officialTitle,
    hasTables ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  t.id = `${data.uri}#section-${s.id}`;
  const problems = s.problems.error + s.problems.warning + s.problems.info;
  if (!s.present) {
    t.description = vscode.l10n.t('missing');
    t.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  } else if (problems > 0) {
    t.description = vscode.l10n.t('{0} problem(s)', problems);
    t.iconPath = severityIcon(s.problems.error > 0 ? 'error' : s.problems.warning > 0 ? 'warning' : 'info');
  } else {
    t.description = s.hasContent ? '✓' : vscode.l10n.t('empty');
    t.iconPath = new vscode.ThemeIcon(s.hasContent ? 'pass' : 'circle-outline');
  }
  t.tooltip = s.present ? `${s.officialTitle}${s.occurrences > 1 ? ` (×${s.occurrences})` : ''}` : s.officialTitle;
  t.contextValue = s.present ? 'govreport.section' : 'govreport.section.missing';
  if (s.range) t.command = reveal(data.uri, s.range);
  return t;
}

function tableItem(data: ReportViewResult, table: ReportViewTable): vscode.TreeItem {
  const t = new vscode.TreeItem(table.name, vscode.TreeItemCollapsibleState.None);
  t.id = `${data.uri}#table-${table.kind}`;
  t.description = table.state;
  t.tooltip = table.state;
  if (!table.present) {
    t.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  } else if ((table.brokenSums ?? 0) > 0 || (table.malformedRows ?? 0) > 0) {
    t.iconPath = severityIcon('error');
  } else if ((table.problems ?? 0) > 0 || (table.missingRows ?? 0) > 0) {
    t.iconPath = severityIcon('warning');
  } else {
    t.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  }
  t.contextValue = (table.fixableSums ?? 0) > 0 ? 'govreport.table.fixable' : 'govreport.table';
  if (table.range) t.command = reveal(data.uri, table.range);
  return t;
}

function severityIcon(sev: 'error' | 'warning' | 'info'): vscode.ThemeIcon {
  const color = {
    error: 'problemsErrorIcon.foreground',
    warning: 'problemsWarningIcon.foreground',
    info: 'problemsInfoIcon.foreground',
  }[sev];
  return new vscode.ThemeIcon(sev, new vscode.ThemeColor(color));
}

function reveal(uri: string, range: Range | undefined): vscode.Command | undefined {
  if (!range) return undefined;
  return {
    title: vscode.l10n.t('Reveal'),
    command: 'govreport.reveal',
    arguments: [uri, range.start.line, range.start.character],
  };
}
