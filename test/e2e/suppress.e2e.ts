/**
 * Suppressions and the per-rule fix-all in a real VS Code: "忽略此问题" from the light bulb removes the squiggle,
 * writes `.govreport-suppressions.json` (its content checked), the report view counts the suppressed problem, and
 * after a reload it is still suppressed; "修复本文档中所有此类问题" then fixes exactly that rule's problems.
 * Expected results come from the engine (lint, fingerprint, fixAll), never written into the test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  applySuppressions,
  fingerprint,
  fixAll,
  lint,
  localize,
  serializeSuppressions,
  suppressionMessages,
  type Finding,
  type SuppressionEntry,
} from '../../server/src/core';
import { FEATURE_MESSAGES } from '../../server/src/core/features';
import {
  errorSquiggles,
  focusWorkbench,
  openFile,
  problemCount,
  runCodeAction,
  startVSCode,
  waitFor,
  waitForMarker,
  markerLabels,
  type VSCodeSession,
} from './harness';
import { filledReport, reportFileName } from './reports';
import { findVsix, lineCharacter, screenshotOnFailure } from './util';

const FILE = reportFileName('某某区司法局');
/** Table 四: 行政复议 总计 4 (its cells add up to 3); 直接起诉 总计 2 (1); 复议后起诉 总计 0 (1). */
const TEXT = filledReport('某某区司法局', {}, [2, 1, 0, 0, 4, 1, 0, 0, 0, 2, 0, 1, 0, 0, 0]);
const SUPPRESSED_RULE = 'sum-review-total';
const FIXED_RULE = 'sum-litigation-total';
const SUPPRESSIONS = '.govreport-suppressions.json';

describe('suppressions and the per-rule fix-all in the editor', () => {
  let vscode: VSCodeSession;
  let folder: string;
  const findings = lint(TEXT, { force: true }).findings;
  const suppressed = findings.find((f) => f.ruleId === SUPPRESSED_RULE)!;
  const entry: SuppressionEntry = { file: FILE, rule: SUPPRESSED_RULE, fingerprint: fingerprint(TEXT, suppressed) };

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-suppress-'));
    fs.writeFileSync(path.join(folder, FILE), TEXT);
    vscode = await startVSCode({ folder, vsix: findVsix() });
  });

  after(async () => {
    await vscode?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Double-clicks a problem's row (the cursor goes onto it), opens the light bulb and clicks the action titled `title`. */
  async function lightBulbAction(f: Finding, title: string): Promise<void> {
    const { page } = vscode;
    const at = lineCharacter(TEXT, f.span.start);
    const row = await waitForMarker(page, 'Error', localize(f.message, 'zh-cn'), at.line, at.character, 60_000);
    await runCodeAction(page, row, title);
  }

  /** Whether the Problems panel lists a problem with this finding's message. */
  const listed = async (f: Finding) =>
    (await markerLabels(vscode.page)).some((l) => l.includes(localize(f.message, 'zh-cn')));

  test('"忽略此问题" removes the squiggle, writes the suppressions file, and the report view counts it', () =>
    screenshotOnFailure(
      () => vscode,
      'suppress',
      async () => {
        const { page } = vscode;
        assert.ok(suppressed, 'the report has a broken 行政复议 total');
        assert.equal(findings.filter((f) => f.ruleId === FIXED_RULE).length, 2, 'two broken litigation totals');
        const errors = findings.filter((f) => f.severity === 'error').length;

        await openFile(page, FILE);
        await waitFor('the problems', 60_000, async () => (await problemCount(page, FILE)) === findings.length);
        // The problem's row reveals its line in the editor: the three broken totals are squiggled there.
        const at = lineCharacter(TEXT, suppressed.span.start);
        const row = await waitForMarker(page, 'Error', localize(suppressed.message, 'zh-cn'), at.line, at.character);
        await row.dblclick();
        await waitFor('the squiggles', 20_000, async () => (await errorSquiggles(page).count()) === errors);

        await lightBulbAction(suppressed, localize(suppressionMessages.suppressAction(), 'zh-cn'));

        await waitFor(
          'the problem to go',
          20_000,
          async () => (await problemCount(page, FILE)) === findings.length - 1,
        );
        assert.equal(await listed(suppressed), false);
        await waitFor('one squiggle less', 20_000, async () => (await errorSquiggles(page).count()) === errors - 1);
        // Written beside the report (no rc file), in its one layout, with exactly that entry.
        const file = path.join(folder, SUPPRESSIONS);
        const written = await waitFor('the suppressions file', 20_000, () =>
          fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined,
        );
        assert.equal(written, serializeSuppressions({ version: 1, suppressions: [entry] }));
        // The report's own text is untouched.
        assert.equal(fs.readFileSync(path.join(folder, FILE), 'utf8'), TEXT);

        // The report view's title entry counts the suppressed problem (English VS Code: "1 suppressed").
        const header = page.locator('.pane-header', { hasText: 'Report Check' }).first();
        if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
        const counted = page.locator('.pane-body .monaco-list-row', { hasText: '1 suppressed' }).first();
        await waitFor('the report view to count it', 30_000, () => counted.isVisible());
        await vscode.screenshot('suppressed-problem');
      },
    ));

  test('after a reload the problem is still suppressed', () =>
    screenshotOnFailure(
      () => vscode,
      'suppress-reload',
      async () => {
        const { page } = vscode;
        await page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 });
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
        await openFile(page, FILE);
        await waitFor(
          'the problems after the reload',
          90_000,
          async () => (await problemCount(page, FILE)) === findings.length - 1,
        );
        assert.equal(await listed(suppressed), false);
        for (const f of findings.filter((x) => x.ruleId === FIXED_RULE)) assert.equal(await listed(f), true);
      },
    ));

  test('"修复本文档中所有此类问题" fixes exactly that rule\'s problems and leaves the others', () =>
    screenshotOnFailure(
      () => vscode,
      'fix-rule',
      async () => {
        const { page } = vscode;
        const ofRule = findings.filter((f) => f.ruleId === FIXED_RULE);
        const expected = fixAll(TEXT, { force: true, ruleIds: [FIXED_RULE], suppressions: [entry] }).text;
        assert.notEqual(expected, TEXT);
        const left = lint(expected, { force: true }).findings;
        assert.ok(!left.some((f) => f.ruleId === FIXED_RULE), 'the engine fixes the rule');

        await lightBulbAction(ofRule[0], localize(FEATURE_MESSAGES.actionFixAllOfRule(FIXED_RULE), 'zh-cn'));
        // What the editor must show afterwards is what the engine shows: the fixed text's findings less those the
        // entry still suppresses (a cell's fingerprint is placed by its ids, so fixing its neighbours keeps it).
        const after = applySuppressions(expected, left, [entry]);
        const shownAfter = after.kept;
        assert.equal(after.suppressed.length, 1, 'the entry still suppresses its finding after the fix');
        await waitFor(
          "the rule's problems to go",
          20_000,
          async () => (await problemCount(page, FILE)) === shownAfter.length,
        );
        await focusWorkbench(page);
        await page.keyboard.press('Control+S');
        const file = path.join(folder, FILE);
        const saved = await waitFor('the fixed text on disk', 30_000, () => {
          const text = fs.readFileSync(file, 'utf8');
          return text !== TEXT ? text : undefined;
        });
        assert.equal(saved, expected, "the saved text is the engine's per-rule fix-all");
        // The other problems are all still in the text: the suppressed one and every other rule's.
        const others = (fs: Finding[]) =>
          fs.filter((f) => f.ruleId !== FIXED_RULE).map((f) => [f.ruleId, localize(f.message, 'en')]);
        assert.deepEqual(others(lint(saved, { force: true }).findings), others(findings));
        for (const f of shownAfter) assert.equal(await listed(f), true, localize(f.message, 'en'));
      },
    ));
});
