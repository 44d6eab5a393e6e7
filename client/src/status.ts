/** The language status item: is this a report, and how many problems. */
import * as vscode from 'vscode';
import type { ReportViewResult } from '../../server/src/lsp/protocol';
import { DOCUMENT_SELECTOR } from './serverClient';

export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('govreport.status', DOCUMENT_SELECTOR);

  constructor() {
    this.item.name = vscode.l10n.t('Government report checker');
    this.update(null);
  }

  update(data: ReportViewResult | null): void {
    const item = this.item;
    if (!data) {
      item.text = vscode.l10n.t('Not a report');
      item.detail = vscode.l10n.t('govreport-lint');
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = { title: vscode.l10n.t('Show output'), command: 'govreport.showOutput' };
      return;
    }
    if (data.tooLarge) {
      item.text = vscode.l10n.t('$(warning) Too large to check');
      item.detail = vscode.l10n.t('{0} characters, limit {1}', data.tooLarge.chars, data.tooLarge.limit);
      item.severity = vscode.LanguageStatusSeverity.Warning;
      item.command = {
        title: vscode.l10n.t('Change the limit'),
        command: 'workbench.action.openSettings',
        arguments: ['govreport.maxDocumentChars'],
      };
      return;
    }
    if (data.configErrors && data.configErrors.length > 0) {
      // The document is checked without the broken file; the item says which file and why.
      const first = data.configErrors[0];
      item.text = vscode.l10n.t('$(error) Configuration error');
      item.detail = `${first.file}${first.path ? ` (${first.path})` : ''}: ${first.message}`;
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = {
        title: vscode.l10n.t('Open the configuration file'),
        command: 'vscode.open',
        arguments: [vscode.Uri.file(first.file)],
      };
      return;
    }
    const total = data.problems.error + data.problems.warning + data.problems.info;
    item.text =
      total === 0
        ? vscode.l10n.t('$(pass) Report: no problems')
        : vscode.l10n.t('$(warning) Report: {0} problem(s)', total);
    item.detail = data.title ? `${data.title.year} · ${data.edition}` : data.edition;
    item.severity =
      data.problems.error > 0
        ? vscode.LanguageStatusSeverity.Error
        : data.problems.warning > 0
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
    item.command =
      data.fixable > 0
        ? { title: vscode.l10n.t('Fix all ({0})', data.fixable), command: 'govreport.fixAll' }
        : { title: vscode.l10n.t('Show output'), command: 'govreport.showOutput' };
  }

  dispose(): void {
    this.item.dispose();
  }
}
