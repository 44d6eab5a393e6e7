/**
 * What an author sees in a real VS Code with the packaged extension installed: problems on a seed report, a broken
 * total with its squiggle, hover and Problems entry, the light bulb's quick fix, and live re-checking while typing.
 * Expected findings come from the engine itself (lint), so only the editor's rendering of them is under test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, localize, type Finding } from '../../server/src/core';
import { documentOutline } from '../../server/src/core/features/outline';
import {
  errorSquiggles,
  focusWorkbench,
  goToLineEnd,
  markerLabels,
  waitForMarker,
  openFile,
  overlaps,
  problemCount,
  ROOT,
  runCodeAction,
  runCommandTitles,
  startVSCode,
  visibleText,
  waitFor,
  type MarkerSeverity,
  type VSCodeSession,
} from './harness';
import { filledReport, readSeed, reportFileName, table4Line } from './reports';
import { findVsix, lineCharacter, screenshotOnFailure } from './util';

const SEVERITY: Record<Finding['severity'], MarkerSeverity> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** A seed with one deserved warning (a misspelt column heading) and no error. */
const SEED_FILE = reportFileName('某某区科技和工业信息化局');
const SEED_TEXT = readSeed('004_60914c73e690bbf7.txt');
/** One broken total: 行政复议 2 + 1 + 0 + 0 written as 4. */
const BROKEN_FILE = reportFileName('某某区审计局');
const BROKEN_TEXT = filledReport('某某区审计局', {}, [2, 1, 0, 0, 4, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]);
/** Every sum adds up; table 四's last cell (复议后起诉 总计) ends its line. */
const CLEAN_FILE = reportFileName('某某区统计局');
const CLEAN_TEXT = filledReport('某某区统计局');

describe('a report in VS Code (code-server) with the packaged extension', () => {
  let vscode: VSCodeSession;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-ws-'));
    fs.writeFileSync(path.join(folder, SEED_FILE), SEED_TEXT);
    fs.writeFileSync(path.join(folder, BROKEN_FILE), BROKEN_TEXT);
    fs.writeFileSync(path.join(folder, CLEAN_FILE), CLEAN_TEXT);
    vscode = await startVSCode({
      folder,
      vsix: findVsix(),
      settings: { 'outline.collapseItems': 'alwaysCollapse' },
    });
  });

  after(async () => {
    await vscode?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a seed report shows only the problems it deserves, and the outline lists its sections', () =>
    screenshotOnFailure(
      () => vscode,
      'seed-report',
      async () => {
        const { page } = vscode;
        const expected = lint(SEED_TEXT).findings;
        assert.ok(expected.length > 0, 'this seed has a deserved problem, so its appearance proves the check ran');
        assert.equal(expected.filter((f) => f.severity === 'error').length, 0, 'this seed deserves no error');

        await openFile(page, SEED_FILE);
        for (const f of expected) {
          const at = lineCharacter(SEED_TEXT, f.span.start);
          await waitForMarker(page, SEVERITY[f.severity], localize(f.message, 'zh-cn'), at.line, at.character, 60_000);
        }
        assert.equal(await problemCount(page, SEED_FILE), expected.length);
        const labels = await markerLabels(page);
        assert.deepEqual(
          labels.filter((l) => l.startsWith('Error:')),
          [],
          'no error in the Problems panel',
        );
        await focusWorkbench(page);
        assert.equal(await errorSquiggles(page).count(), 0, 'no error squiggle in the editor');

        // The outline: the report's title, and under it each section heading.
        const outline = documentOutline(lint(SEED_TEXT).model, expected);
        const sections = outline
          .flatMap((n) => (n.kind === 'title' ? n.children : [n]))
          .filter((n) => n.kind === 'section');
        assert.equal(sections.length, 6, 'the engine finds the six sections');
        const pane = await showOutline(page, path.basename(folder));
        for (const section of sections) {
          await pane.locator('.monaco-list-row', { hasText: section.name }).first().waitFor({ timeout: 20_000 });
        }
        await vscode.screenshot('seed-report-outline');
      },
    ));

  test('a broken total shows a squiggle on that cell, a hover and a Problems entry in Chinese', () =>
    screenshotOnFailure(
      () => vscode,
      'broken-total',
      async () => {
        const { page } = vscode;
        const findings = lint(BROKEN_TEXT).findings;
        assert.equal(findings.length, 1, 'the report has exactly one problem');
        const [finding] = findings;
        assert.equal(finding.severity, 'error');
        const message = localize(finding.message, 'zh-cn');
        assert.match(message, /合计/, 'the message is the Chinese one');
        const at = lineCharacter(BROKEN_TEXT, finding.span.start);
        assert.equal(at.line, table4Line(BROKEN_TEXT) + 1, 'the finding is on table 四’s data row');

        await openFile(page, BROKEN_FILE);
        const row = await waitForMarker(page, 'Error', message, at.line, at.character, 60_000);
        assert.equal(await problemCount(page, BROKEN_FILE), 1);

        // Opening the problem selects its range in the editor: the squiggle must lie on that very selection.
        await row.dblclick();
        const selection = page.locator('.editor-group-container .monaco-editor .selected-text:visible').first();
        // The editor re-renders the selection while it reveals it: wait until it stays put long enough to measure.
        const selectionBox = await waitFor(
          'the selected range of the problem',
          10_000,
          async () => (await selection.boundingBox()) ?? undefined,
        );
        const squiggle = await waitFor('an error squiggle over the broken cell', 20_000, async () => {
          for (const s of await errorSquiggles(page).all()) {
            const box = await s.boundingBox();
            if (box && overlaps(box, selectionBox)) return box;
          }
          return undefined;
        });
        await page.keyboard.press('Escape');

        // Hovering the squiggle shows the same message. The pointer comes in from off the text each try, since a
        // hover only starts on a move and the editor may dismiss one that opened while it was still busy.
        const hover = page.locator('.monaco-hover', { hasText: message }).first();
        let viaKeyboard = false;
        await waitFor('the hover with the message', 45_000, async () => {
          if (!viaKeyboard) {
            await page.mouse.move(squiggle.x + squiggle.width / 2, Math.max(0, squiggle.y - 60));
            await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2, { steps: 5 });
          } else {
            // Pointer hovers can be lost while the editor is busy: ask for the hover at the cursor instead,
            // which the problem's double click put on the broken cell (Show Hover, Ctrl+K Ctrl+I).
            await row.dblclick();
            await page.keyboard.press('Control+K');
            await page.keyboard.press('Control+I');
          }
          viaKeyboard = !viaKeyboard;
          return hover.waitFor({ state: 'visible', timeout: 3_000 }).then(
            () => true,
            () => false,
          );
        });
        await vscode.screenshot('broken-total-hover');
      },
    ));

  test('the quick fix from the light bulb changes exactly that cell', () =>
    screenshotOnFailure(
      () => vscode,
      'quick-fix',
      async () => {
        const { page } = vscode;
        const [finding] = lint(BROKEN_TEXT).findings;
        const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
        assert.ok(fix, 'the broken total has a fix');
        const at = lineCharacter(BROKEN_TEXT, finding.span.start);

        await openFile(page, BROKEN_FILE);
        const row = await waitForMarker(
          page,
          'Error',
          localize(finding.message, 'zh-cn'),
          at.line,
          at.character,
          60_000,
        );
        await runCodeAction(page, row, localize(fix.title, 'zh-cn'), () => vscode.screenshot('broken-total-quick-fix'));

        await waitFor('the problem to go', 20_000, async () => (await problemCount(page, BROKEN_FILE)) === 0);
        await focusWorkbench(page);
        await page.keyboard.press('Control+S');
        const file = path.join(vscode.folder, BROKEN_FILE);
        const saved = await waitFor('the fixed text on disk', 20_000, () => {
          const text = fs.readFileSync(file, 'utf8');
          return text !== BROKEN_TEXT ? text : undefined;
        });

        // Only the one cell changed, and it now holds the sum of the cells it totals.
        const before = BROKEN_TEXT.split('\n');
        const afterLines = saved.split('\n');
        assert.equal(afterLines.length, before.length);
        const changed = afterLines.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
        assert.deepEqual(changed, [at.line - 1], 'only the broken line changed');
        const cellsBefore = before[at.line - 1].split('\t');
        const cellsAfter = afterLines[at.line - 1].split('\t');
        const changedCells = cellsAfter.map((c, i) => (c === cellsBefore[i] ? -1 : i)).filter((i) => i >= 0);
        assert.equal(changedCells.length, 1, 'only one cell changed');
        const totalIndex = changedCells[0];
        const parts = cellsAfter.slice(totalIndex - 4, totalIndex).map(Number);
        assert.equal(
          Number(cellsAfter[totalIndex]),
          parts.reduce((a, b) => a + b, 0),
          'the cell holds the sum',
        );
        assert.equal(lint(saved).findings.length, 0);
      },
    ));

  test('typing a wrong digit into a correct total makes a squiggle appear, deleting it makes it go', () =>
    screenshotOnFailure(
      () => vscode,
      'typing',
      async () => {
        const { page } = vscode;
        assert.equal(lint(CLEAN_TEXT).findings.length, 0, 'the report starts clean');
        const line = table4Line(CLEAN_TEXT) + 1;
        const lastCell = CLEAN_TEXT.split('\n')[line - 1].split('\t').at(-1);

        await openFile(page, CLEAN_FILE);
        await waitFor('the report text', 20_000, async () => (await visibleText(page)).includes('某某区统计局'));
        await goToLineEnd(page, line);
        await page.keyboard.type('7');
        const lines = CLEAN_TEXT.split('\n');
        lines[line - 1] += '7';
        const typed = lines.join('\n');
        const broken = lint(typed).findings;
        assert.equal(broken.length, 1, `the engine flags ${lastCell}7`);
        const at = lineCharacter(typed, broken[0].span.start);
        assert.equal(at.line, line);
        await waitForMarker(page, 'Error', localize(broken[0].message, 'zh-cn'), at.line, at.character, 20_000);
        await waitFor('an error squiggle', 20_000, async () => (await errorSquiggles(page).count()) > 0);
        await vscode.screenshot('typing-wrong-digit');

        await page.keyboard.press('Backspace');
        await waitFor('the squiggle to go', 20_000, async () => (await errorSquiggles(page).count()) === 0);
        await waitFor('the Problems entry to go', 20_000, async () => (await problemCount(page, CLEAN_FILE)) === 0);
      },
    ));

  test('when the server process dies, the client restarts it and says so in the output channel', () =>
    screenshotOnFailure(
      () => vscode,
      'server-restart',
      async () => {
        const { page } = vscode;
        const before = serverPids(vscode.extensionsDir);
        assert.equal(before.length, 1, 'one language server runs for this window');
        process.kill(before[0], 'SIGKILL');
        const after = await waitFor('a new server process', 30_000, () => {
          const now = serverPids(vscode.extensionsDir);
          return now.length === 1 && now[0] !== before[0] ? now : undefined;
        });
        assert.notEqual(after[0], before[0]);
        const said = await waitFor('the restart message in the output channel', 30_000, () =>
          logFiles(vscode.userDataDir).find((f) => /being restarted \(1 of \d+\)/.test(fs.readFileSync(f, 'utf8'))),
        );
        assert.ok(said);

        // The new server checks as the old one did.
        const line = table4Line(CLEAN_TEXT) + 1;
        await openFile(page, CLEAN_FILE);
        await goToLineEnd(page, line);
        await page.keyboard.type('7');
        await waitFor(
          'an error squiggle from the restarted server',
          30_000,
          async () => (await errorSquiggles(page).count()) > 0,
        );
        await page.keyboard.press('Backspace');
        await waitFor('the squiggle to go', 20_000, async () => (await errorSquiggles(page).count()) === 0);
      },
    ));

  test('in English VS Code the extension shows its English view name and command titles', () =>
    screenshotOnFailure(
      () => vscode,
      'locale-en',
      async () => {
        // The default display language; ./locale.e2e.ts runs VS Code in Chinese.
        const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
        const { page } = vscode;
        await page
          .locator('.pane-header', { hasText: en['view.reportView'] })
          .first()
          .waitFor({ state: 'visible', timeout: 20_000 });
        const expected = `${en['command.category']}: ${en['command.fixAll']}`;
        const titles = await waitFor('the English command title in the palette', 20_000, async () => {
          const all = await runCommandTitles(page, en['command.fixAll']);
          return all.some((t) => t.startsWith(expected)) ? all : undefined;
        });
        assert.ok(titles.some((t) => t.startsWith(expected)));
        await page.keyboard.press('Escape');
      },
    ));
});

/**
 * Shows the Explorer's Outline view with its first level open: the folder pane is collapsed to give the outline
 * room, and the title entry (which holds the sections) is expanded.
 */
async function showOutline(page: VSCodeSession['page'], folderName: string) {
  const folderHeader = page.locator('.pane-header', { hasText: folderName }).first();
  if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
  const header = page.locator('.pane-header', { hasText: /^(Outline|大纲)/ }).first();
  await header.waitFor({ state: 'visible', timeout: 10_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const pane = header.locator('xpath=..');
  const root = pane.locator('.monaco-list-row[aria-level="1"]').first();
  await root.waitFor({ state: 'visible', timeout: 20_000 });
  if ((await root.getAttribute('aria-expanded')) === 'false') await root.locator('.monaco-tl-twistie').click();
  return pane;
}

/** Process ids of language servers started from this session's extensions folder. */
function serverPids(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes(extensionsDir) && cmd.includes('dist/server.js')) pids.push(Number(name));
  }
  return pids;
}

/** Every log file VS Code wrote for this session (output channels of extensions included). */
function logFiles(userDataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) out.push(p);
    }
  };
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) walk(logs);
  return out;
}
