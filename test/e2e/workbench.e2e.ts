/**
 * The harness itself: code-server opens a folder holding a seed report, and the editor shows the report's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, openFile, startVSCode, visibleText, waitFor } from './harness';

const SEED = path.join(ROOT, 'test', 'fixtures', 'seeds', '001_60561711a3d75cb4.txt');
const REPORT_NAME = '某某局2022年政府信息公开工作年度报告.txt';

test('code-server opens a folder and the editor shows a seed report', async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-ws-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const text = fs.readFileSync(SEED, 'utf8');
  fs.writeFileSync(path.join(folder, REPORT_NAME), text);
  // A line of the report's own text that must appear on screen once it is open.
  const firstLine = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length >= 6);
  assert.ok(firstLine, 'the seed has a non-empty line');

  const vscode = await startVSCode({ folder });
  try {
    await openFile(vscode.page, REPORT_NAME);
    const shown = await waitFor('the report text in the editor', 20_000, async () => {
      const screen = await visibleText(vscode.page);
      return screen.includes(firstLine) ? screen : undefined;
    });
    assert.ok(shown.includes(firstLine));
    await vscode.screenshot('workbench-seed-report');
  } finally {
    await vscode.close();
  }
});
