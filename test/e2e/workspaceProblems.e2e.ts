/**
 * Workspace problems in a real VS Code (code-server) with the packaged extension: with `govreport.run` set to
 * "workspace", a folder's Word and PDF reports show their problems in the Problems panel without being opened
 * (the server reads them with the command-line reader in the background), and a click on a problem opens the
 * report's extracted text, read-only, with the cursor on the problem's cell. Expected problems come from the
 * engine on the text `readInput` extracts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, localize } from '../../server/src/core';
import { readInput } from '../../server/src/io/read';
import { brokenSeed, makeDocx, makePdf } from '../cli/helpers';
import { showProblems, startVSCode, waitFor, waitForMarker, type VSCodeSession } from './harness';
import { findVsix, lineCharacter, screenshotOnFailure, selectionStatus, statusPosition, TAB_SIZE } from './util';

const DOCX = '某某区审计局2023年度报告.docx';
const PDF = '某某区统计局2023年度报告.pdf';

describe('workspace problems of Word and PDF reports in VS Code (code-server)', () => {
  let vscode: VSCodeSession;
  let folder: string;
  const seed = brokenSeed();

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-ws-'));
    fs.writeFileSync(path.join(folder, DOCX), await makeDocx(seed.broken));
    fs.writeFileSync(path.join(folder, PDF), await makePdf(seed.broken));
    vscode = await startVSCode({
      folder,
      vsix: findVsix(),
      settings: { 'govreport.run': 'workspace', 'editor.tabSize': TAB_SIZE, 'editor.detectIndentation': false },
    });
  });

  after(async () => {
    await vscode?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a .docx and a .pdf list their problems unopened; a click opens the extracted text at the cell', () =>
    screenshotOnFailure(
      () => vscode,
      'workspace-problems',
      async () => {
        const { page } = vscode;
        // Nothing is opened: the Problems panel fills from the workspace check alone. Only the broken totals are
        // shown, so that both files' rows are drawn (the panel's list draws only what fits).
        await showProblems(page);
        const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
        for (const file of [DOCX, PDF]) {
          // Set for each file: the panel may redraw its filter empty while the previous file's text opens.
          await filter.fill('行合计不符');
          const { text } = await readInput(path.join(folder, file));
          const f = lint(text, { force: true }).findings.find((x) => x.ruleId === 'sum-row-total');
          assert.ok(f, `the engine finds the broken total in ${file}`);
          const at = lineCharacter(text, f.span.start);
          const row = await waitForMarker(page, 'Error', localize(f.message, 'zh-cn'), at.line, at.character, 180_000);
          // Select the row (the list may still be settling after the filter), check it is the one, open it.
          await waitFor(`the problem of ${file} selected`, 30_000, async () => {
            await row.click();
            return (await row.getAttribute('aria-selected')) === 'true';
          });
          await page.keyboard.press('Enter');
          // The extracted text opens (its tab carries the file's name), with the cursor on the cell.
          await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).waitFor({ timeout: 60_000 });
          // Opening a problem puts the cursor at its start, or selects its range (then the cursor is at its end).
          const start = statusPosition(text, f.span.start);
          const end = statusPosition(text, f.span.end);
          await waitFor(`the cursor on the cell in ${file}`, 30_000, async () => {
            const s = await selectionStatus(page);
            if (!s || s.line !== start.line) return undefined;
            return s.column === start.column || (s.column === end.column && s.selected === f.span.end - f.span.start);
          });
          await vscode.screenshot(`workspace-problems-${path.extname(file).slice(1)}`);
        }
      },
    ));
});
