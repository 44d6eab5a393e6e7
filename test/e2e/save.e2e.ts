/**
 * Fix-all on save: with editor.codeActionsOnSave asking for the extension's fix-all, saving a report with several
 * broken sums writes the engine's fixed text and leaves no problem.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixAll, lint } from '../../server/src/core';
import {
  errorSquiggles,
  focusWorkbench,
  openFile,
  problemCount,
  startVSCode,
  waitFor,
  type VSCodeSession,
} from './harness';
import { filledReport, reportFileName } from './reports';
import { findVsix, screenshotOnFailure } from './util';

const FILE = reportFileName('某某区教育局');
/** Two row totals of table 三 and two totals of table 四 are wrong. */
const TEXT = filledReport(
  '某某区教育局',
  { newTotal: 17, carriedTotal: 3 },
  [2, 1, 0, 0, 4, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0],
);

describe('fix all on save', () => {
  let vscode: VSCodeSession;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-ws-'));
    fs.writeFileSync(path.join(folder, FILE), TEXT);
    vscode = await startVSCode({
      folder,
      vsix: findVsix(),
      settings: { 'editor.codeActionsOnSave': { 'source.fixAll.govreport': 'explicit' } },
    });
  });

  after(async () => {
    await vscode?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('saving a report with several broken sums leaves none', () =>
    screenshotOnFailure(
      () => vscode,
      'fix-on-save',
      async () => {
        const { page } = vscode;
        const found = lint(TEXT).findings;
        const sums = found.filter((f) => f.ruleId.startsWith('sum-'));
        assert.ok(sums.length >= 4, `several broken sums (${sums.map((f) => f.ruleId).join(', ')})`);
        const fixed = fixAll(TEXT).text;
        assert.equal(lint(fixed).findings.length, 0, 'the engine can fix them all');

        await openFile(page, FILE);
        await waitFor('the problems to show', 60_000, async () => (await problemCount(page, FILE)) === found.length);
        await vscode.screenshot('fix-on-save-before');

        const file = path.join(folder, FILE);
        const changedOnDisk = () => {
          const text = fs.readFileSync(file, 'utf8');
          return text !== TEXT ? text : undefined;
        };
        const dirty = page.locator('.tabs-container .tab.active.dirty');
        // A key press can land before the editor has focus. Press Save again only when nothing happened: the file is
        // unchanged and the editor is not dirty (a slow save participant leaves it dirty while the fix is written).
        // Pressing again while a save is still running would queue a second save behind it.
        const saved = await waitFor('the saved text', 90_000, async () => {
          await focusWorkbench(page);
          await page.keyboard.press('Control+S');
          return waitFor('the file to change after Save', 15_000, changedOnDisk).catch(async () =>
            (await dirty.count()) > 0 ? waitFor('a running save to write the file', 60_000, changedOnDisk) : undefined,
          );
        });
        assert.equal(saved, fixed, 'the saved text is the engine’s fix-all');
        assert.deepEqual(lint(saved).findings, []);
        await waitFor('the Problems panel to empty', 20_000, async () => (await problemCount(page, FILE)) === 0);
        await waitFor('the squiggles to go', 20_000, async () => (await errorSquiggles(page).count()) === 0);
        // The tab's dirty mark clears once the save that wrote the file has finished.
        await waitFor('the editor to be saved (not dirty)', 20_000, async () => (await dirty.count()) === 0);
        await vscode.screenshot('fix-on-save-after');
      },
    ));
});
