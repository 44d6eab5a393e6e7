/**
 * The extension's UI strings follow VS Code's display language. The Marketplace's Chinese language pack cannot be
 * installed on a machine without internet, so a stub pack (fixtures/zh-cn-locale) declares zh-cn as installed: VS
 * Code then runs in zh-cn and extensions get their zh-cn strings, while VS Code's own strings stay English.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, openFile, runCommandTitles, startVSCode, waitFor, type VSCodeSession } from './harness';
import { readSeed, reportFileName } from './reports';
import { findVsix, screenshotOnFailure } from './util';

const REPORT = reportFileName('某某区司法局');
const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;

/** Packages the stub language pack into a .vsix with vsce. */
function packStub(dir: string): string {
  const source = path.join(ROOT, 'test', 'e2e', 'fixtures', 'zh-cn-locale');
  const work = path.join(dir, 'zh-cn-locale');
  fs.cpSync(source, work, { recursive: true });
  const out = path.join(dir, 'zh-cn-locale.vsix');
  execFileSync(
    process.execPath,
    [require.resolve('@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '--skip-license', '-o', out],
    {
      cwd: work,
      stdio: 'pipe',
    },
  );
  return out;
}

describe('VS Code running in Chinese', () => {
  let vscode: VSCodeSession;
  let folder: string;
  let packDir: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-ws-'));
    fs.writeFileSync(path.join(folder, REPORT), readSeed('002_f34c183db723c9dd.txt'));
    packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-pack-'));
    const stub = packStub(packDir);
    vscode = await startVSCode({ folder, vsix: [stub, findVsix()], locale: 'zh-cn' });
  });

  after(async () => {
    await vscode?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
  });

  test('the extension shows its Chinese view name and command titles', () =>
    screenshotOnFailure(
      () => vscode,
      'locale-zh',
      async () => {
        const { page } = vscode;
        await openFile(page, REPORT);
        const view = page.locator('.pane-header', { hasText: zh['view.reportView'] });
        await view.first().waitFor({ state: 'visible', timeout: 60_000 });
        assert.equal((await view.first().innerText()).trim().split('\n')[0], zh['view.reportView']);
        const expected = `${zh['command.category']}: ${zh['command.fixAll']}`;
        const titles = await waitFor('the Chinese command title in the palette', 20_000, async () => {
          const all = await runCommandTitles(page, zh['command.fixAll']);
          return all.some((t) => t.startsWith(expected)) ? all : undefined;
        });
        assert.ok(titles.some((t) => t.startsWith(expected)));
        await vscode.screenshot('locale-zh-palette');
        await page.keyboard.press('Escape');
      },
    ));
});
