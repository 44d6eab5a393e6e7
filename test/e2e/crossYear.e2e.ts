/**
 * Cross-year checks in a real VS Code: a folder holds one body's 2022 and 2023 reports (.txt); opening
 * the 2023 report shows the carry-over problem on its 二、上年结转 cell, with last year's cell as its
 * related information, and following that link opens the 2022 report. The expected finding comes from
 * the engine (lintPair), so only the editor's rendering of it is under test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPair, localize, parse } from '../../server/src/core';
import { consistentPair, withT3 } from '../helpers/pairs';
import { render } from '../helpers/report';
import { openFile, showProblems, startVSCode, waitForMarker, type VSCodeSession } from './harness';
import { reportFileName } from './reports';
import { findVsix, lineCharacter, screenshotOnFailure } from './util';

const AGENCY = '某某区财政局';
const PREV_FILE = reportFileName(AGENCY, 2022);
const CUR_FILE = reportFileName(AGENCY, 2023);

describe('cross-year checks in VS Code (code-server) with the packaged extension', () => {
  let vscode: VSCodeSession;
  let folder: string;
  const pair = consistentPair({ body: AGENCY, year: 2023 });
  const next = Number(pair.previous.t3['t3.next'][0]);
  const prevText = render(pair.previous, 'tab');
  const curText = render(withT3(pair.current, 't3.carried', 0, next + 5), 'tab');

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-cy-'));
    fs.writeFileSync(path.join(folder, PREV_FILE), prevText);
    fs.writeFileSync(path.join(folder, CUR_FILE), curText);
    vscode = await startVSCode({ folder, vsix: findVsix() });
  });

  after(async () => {
    await vscode?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('the carry-over squiggle links last year’s cell, and the link opens last year’s report', () =>
    screenshotOnFailure(
      () => vscode,
      'cross-year',
      async () => {
        const { page } = vscode;
        const out = lintPair(
          { model: parse(curText), name: CUR_FILE, uri: 'current' },
          { model: parse(prevText), name: PREV_FILE, uri: 'previous' },
        );
        const f = out.findings.find((x) => x.ruleId === 'cross-year-carry-over');
        assert.ok(f, 'the engine finds the broken carry-over');
        const rel = f.related![0];
        await openFile(page, CUR_FILE);
        // The sums this change breaks are listed too, with many related rows: they are collapsed, so that the
        // cross-year problem's row is drawn (the panel's list draws only what fits).
        await showProblems(page);
        const fileRow = page.locator('.markers-panel .monaco-list-row', { hasText: CUR_FILE }).first();
        await fileRow.waitFor({ state: 'visible', timeout: 120_000 });
        await page.locator('.panel [aria-label="Collapse All"]').first().click();
        if ((await fileRow.getAttribute('aria-expanded')) === 'false') await fileRow.click();
        const at = lineCharacter(curText, f.span.start);
        const row = await waitForMarker(page, 'Warning', localize(f.message, 'zh-cn'), at.line, at.character, 120_000);

        // The related information: last year's cell, in the other file.
        const relAt = lineCharacter(prevText, rel.span.start);
        const relLabel = `${localize(rel.message, 'zh-cn')} at line ${relAt.line} and character ${relAt.character} in ${PREV_FILE}`;
        const panel = await showProblems(page);
        const relRow = panel.locator(`.monaco-list-row[aria-label^="${relLabel.replace(/"/g, '\\"')}"]`);
        if (!(await relRow.isVisible().catch(() => false))) {
          await row.click();
          await page.keyboard.press('ArrowRight');
        }
        await relRow.waitFor({ state: 'visible', timeout: 30_000 });

        await relRow.dblclick();
        const tab = page.locator(`.tabs-container .tab.active[aria-label*="${PREV_FILE}"]`);
        await tab.waitFor({ state: 'visible', timeout: 30_000 });
      },
    ));
});
