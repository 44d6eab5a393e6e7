/**
 * A real VS Code for end-to-end tests: code-server (VS Code's own workbench and extension host) on 127.0.0.1,
 * driven by headless Chromium through playwright-core. Tools come from `scripts/e2e-tools.sh` (.tools/).
 *
 * Every session has a fresh user-data-dir and extensions-dir, runs code-server in its own process group and
 * tears everything down in `close()` (also on process exit). Waits are bounded waits on screen state.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** The repository root (this file runs from out/test/e2e/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TOOLS = path.join(ROOT, '.tools');
export const NODE24 = path.join(TOOLS, 'node24', 'bin', 'node');
export const CODE_SERVER = path.join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = path.join(ROOT, 'test-results');

/** Chromium flags for a headless run on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings every session starts with: no welcome page, no trust prompt, nothing that reaches out. */
const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  // Sticky scroll's header lies over the top lines of the editor, where a revealed problem's light bulb may sit, and
  // takes its click.
  'editor.stickyScroll.enabled': false,
  'files.autoSave': 'off',
};

export interface StartOptions {
  /** Folder to open (absolute path). */
  folder: string;
  /** Packaged extensions (.vsix) to install before the workbench starts. */
  vsix?: string | readonly string[];
  /** User settings merged over the defaults. */
  settings?: Record<string, unknown>;
  /** VS Code display language, passed as code-server's --locale. */
  locale?: string;
  /** Bound for the workbench to appear, in ms. */
  timeoutMs?: number;
}

export interface VSCodeSession {
  readonly page: Page;
  readonly browser: Browser;
  readonly url: string;
  readonly port: number;
  readonly folder: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** What code-server printed so far (for failure messages). */
  serverLog(): string;
  /** Saves a PNG of the whole window to test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser, ends code-server's process group and removes the temporary folders. */
  close(): Promise<void>;
}

/** Throws with a clear message when the tools of scripts/e2e-tools.sh are missing. */
export function assertToolsInstalled(): void {
  const missing = [NODE24, CODE_SERVER, CHROMIUM].filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    throw new Error(`end-to-end tools missing (${missing.join(', ')}); run: bash scripts/e2e-tools.sh`);
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Upper bounds for the workbench to show a thing (every wait returns as soon as it shows). Generous, because a
 * loaded 2-core machine can take tens of seconds to index a folder for Quick Open.
 */
const UI_WAIT_MS = 30_000;
const SLOW_UI_WAIT_MS = 60_000;

/** Polls `check` until it returns a truthy value or `timeoutMs` passes; throws `what` on timeout. */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined | false> | T | undefined | false,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 400);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Ends a process group: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
async function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    if (pid !== undefined) signalGroup(pid, 'SIGKILL'); // helpers of an exited leader may remain
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs)),
  ]);
  signalGroup(pid, 'SIGKILL'); // whatever the leader left behind in its group
  if (timedOut) await exited;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Runs code-server's CLI (not the server) with the session's folders, e.g. --install-extension. */
export function codeServerCli(
  args: string[],
  dirs: { userDataDir: string; extensionsDir: string; configFile: string },
  env: NodeJS.ProcessEnv,
): string {
  const result = spawnSync(
    NODE24,
    [
      CODE_SERVER,
      '--config',
      dirs.configFile,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      ...args,
    ],
    { encoding: 'utf8', env, timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0)
    throw new Error(`code-server ${args.join(' ')} failed (${result.status ?? result.signal}):\n${output}`);
  return output;
}

/**
 * Records the installed language packs in <user-data-dir>/languagepacks.json, as VS Code's own language pack cache
 * does when a pack is installed from the running workbench (installing from the command line does not write it,
 * and without it --locale falls back to English).
 */
function registerLanguagePacks(userDataDir: string, extensionsDir: string): void {
  interface Manifest {
    name: string;
    publisher: string;
    version: string;
    contributes?: {
      localizations?: {
        languageId: string;
        languageName?: string;
        localizedLanguageName?: string;
        translations: { id: string; path: string }[];
      }[];
    };
  }
  const packs: Record<
    string,
    {
      hash: string;
      extensions: { extensionIdentifier: { id: string }; version: string }[];
      translations: Record<string, string>;
      label?: string;
    }
  > = {};
  for (const dir of fs.readdirSync(extensionsDir)) {
    const manifestFile = path.join(extensionsDir, dir, 'package.json');
    if (!fs.existsSync(manifestFile)) continue;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const l of manifest.contributes?.localizations ?? []) {
      const pack = (packs[l.languageId] ??= {
        hash: '',
        extensions: [],
        translations: {},
        label: l.localizedLanguageName ?? l.languageName,
      });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const t of l.translations) pack.translations[t.id] = path.join(extensionsDir, dir, t.path);
      const hash = crypto.createHash('md5');
      for (const e of pack.extensions) hash.update(e.extensionIdentifier.id).update(e.version);
      pack.hash = hash.digest('hex');
    }
  }
  if (Object.keys(packs).length > 0)
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/**
 * Starts code-server on a free loopback port with fresh folders, installs `vsix` if given, opens `folder` in
 * headless Chromium and waits for the workbench. On any failure everything started so far is torn down.
 */
export async function startVSCode(options: StartOptions): Promise<VSCodeSession> {
  assertToolsInstalled();
  const timeoutMs = options.timeoutMs ?? 90_000;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const configFile = path.join(base, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2),
  );
  // Keep code-server's own config and data out of the user's home.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
    XDG_DATA_HOME: path.join(base, 'xdg-data'),
    XDG_CACHE_HOME: path.join(base, 'xdg-cache'),
    VSCODE_CLI_DISABLE_KEYCHAIN_ENCRYPT: '1',
  };
  const dirs = { userDataDir, extensionsDir, configFile };
  const vsixes = typeof options.vsix === 'string' ? [options.vsix] : (options.vsix ?? []);
  for (const vsix of vsixes) codeServerCli(['--install-extension', vsix, '--force'], dirs, env);
  if (options.locale) registerLanguagePacks(userDataDir, extensionsDir);

  const port = await freePort();
  const args = [
    CODE_SERVER,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (options.locale) args.push('--locale', options.locale);
  args.push(options.folder);

  let log = '';
  const server = spawn(NODE24, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const onExit = (): void => {
    if (server.pid !== undefined) signalGroup(server.pid, 'SIGKILL');
  };
  process.on('exit', onExit);

  let browser: Browser | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (browser)
      await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
    await killGroup(server);
    process.removeListener('exit', onExit);
    fs.rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.folder)}`;
    await waitFor('code-server to answer', 60_000, async () => {
      if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}:\n${log}`);
      return httpOk(`http://127.0.0.1:${port}/healthz`);
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: options.locale ?? 'en-US',
    });
    const page = await context.newPage();
    await page.goto(url, { timeout: timeoutMs });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    const session: VSCodeSession = {
      page,
      browser,
      url,
      port,
      folder: options.folder,
      userDataDir,
      extensionsDir,
      serverLog: () => log,
      screenshot: async (name) => {
        fs.mkdirSync(RESULTS, { recursive: true });
        const file = path.join(RESULTS, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      close,
    };
    return session;
  } catch (e) {
    await close();
    throw e;
  }
}

// ---- Workbench helpers: each waits, with a bound, on what the screen shows ------------------------------------

/** Modifier for shortcuts (code-server on Linux uses Ctrl). */
const MOD = 'Control';

/** Gives the workbench keyboard focus (shortcuts do nothing until it has it). */
export async function focusWorkbench(page: Page): Promise<void> {
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  if (await editor.isVisible().catch(() => false)) {
    await editor.click({ position: { x: 200, y: 10 } });
  } else {
    await page
      .locator('.monaco-workbench .part.editor')
      .first()
      .click({ position: { x: 200, y: 200 } });
  }
}

/**
 * Puts the keyboard focus in the active editor without moving its cursor (Focus First Editor Group, pressed until
 * the editor has it): opening a problem from the Problems panel may leave the focus in the panel, and keys typed
 * there go to the panel's filter.
 */
export async function focusEditor(page: Page): Promise<void> {
  const focused = page.locator('.editor-group-container .monaco-editor.focused');
  await waitFor('the editor to have the focus', SLOW_UI_WAIT_MS, async () => {
    if ((await focused.count()) > 0) return true;
    await page.keyboard.press(`${MOD}+1`);
    return false;
  });
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press(`${MOD}+Shift+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await page.keyboard.press('Enter');
  // The palette closes, or the command opens a quick pick of its own in the same widget (then the input no longer
  // holds the palette's `>` filter): waiting for the widget to hide would miss the second case whenever the
  // command's pick comes up before the palette's hiding is seen.
  await waitFor(`the command palette to run "${title}"`, UI_WAIT_MS, async () => {
    if (!(await input.isVisible())) return true;
    return !(await input.inputValue()).startsWith('>');
  });
}

/**
 * Clicks an entry of the open context menu, and again while the menu stays open: a click that comes while the menu
 * is still being laid out can highlight the entry without running it (the menu then stays open, the entry hovered).
 */
export async function clickMenuEntry(entry: Locator): Promise<void> {
  await waitFor('the context menu to run its entry', UI_WAIT_MS, async () => {
    if (!(await entry.isVisible())) return true;
    await entry.click({ timeout: 5_000 }).catch(() => undefined);
    return entry.waitFor({ state: 'hidden', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
  });
}

/**
 * Runs the code action titled `title` at a problem: double-clicks the problem's row (the editor's cursor goes onto
 * it), opens the light bulb's menu and clicks the action. The menu is computed from the problems the editor holds
 * at that moment; when it opens on an older set (the editor busy, the markers just replaced) the action is missing,
 * so the menu is closed and asked for again — by the light bulb, then by Quick Fix (Ctrl+.) — until it is offered.
 * `beforeClick` runs while the menu shows the action (a screenshot of it).
 */
export async function runCodeAction(
  page: Page,
  row: Locator,
  title: string,
  beforeClick?: () => Promise<unknown>,
  timeoutMs = 60_000,
): Promise<void> {
  const bulb = page.locator('.editor-group-container .monaco-editor .lightBulbWidget');
  const item = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  let viaBulb = true;
  await waitFor(`the code action "${title}"`, timeoutMs, async () => {
    if (await item.isVisible()) return true;
    await page.keyboard.press('Escape');
    await row.dblclick();
    if (viaBulb) {
      await waitFor('the light bulb', 20_000, () => bulb.isVisible());
      await bulb.click();
    } else {
      await focusEditor(page);
      await page.keyboard.press(`${MOD}+.`);
    }
    viaBulb = !viaBulb;
    return item.waitFor({ state: 'visible', timeout: 8_000 }).then(
      () => true,
      () => false,
    );
  });
  await beforeClick?.();
  await item.click();
}

/** Opens a file of the workspace with Quick Open and waits until its editor is active. */
export async function openFile(page: Page, fileName: string): Promise<Locator> {
  await focusWorkbench(page);
  await page.keyboard.press(`${MOD}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await input.fill(fileName);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ state: 'visible', timeout: SLOW_UI_WAIT_MS });
  await page.keyboard.press('Enter');
  const tab = page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`);
  await tab.waitFor({ state: 'visible', timeout: SLOW_UI_WAIT_MS });
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: SLOW_UI_WAIT_MS });
  return editor;
}

/** The text of the editor's rendered lines (what is on screen, not the whole document); spaces as U+0020. */
export async function visibleText(page: Page): Promise<string> {
  const text = await page.locator('.editor-group-container .monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Opens the Problems panel and returns it. */
export async function showProblems(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await focusWorkbench(page);
    await page.keyboard.press(`${MOD}+Shift+M`);
  }
  await panel.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  return panel;
}

/**
 * The number of problems the Problems panel shows for a file (0 when the file has no row), read from the file
 * row's accessible label ("N problems in file NAME …").
 */
export async function problemCount(page: Page, fileName: string): Promise<number> {
  const panel = await showProblems(page);
  const labels = await panel
    .locator('.monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  for (const label of labels) {
    const m = /^(\d+) problems? in file (.+?) of folder/.exec(label);
    if (m && m[2] === fileName) return Number(m[1]);
  }
  return 0;
}

/** Severity words in the Problems panel's accessible labels. */
export type MarkerSeverity = 'Error' | 'Warning' | 'Info';

/**
 * The Problems panel row of one problem, found by its accessible label:
 * "<Severity>: <message> at line <L> and character <C>…" (L and C 1-based, C in UTF-16 code units).
 */
export function markerRow(
  page: Page,
  severity: MarkerSeverity,
  message: string,
  line: number,
  character: number,
): Locator {
  const label = `${severity}: ${message} at line ${line} and character ${character}.`;
  return page.locator(`.markers-panel .monaco-list-row[aria-label^="${cssString(label)}"]`);
}

/** Escapes text for a double-quoted CSS attribute value. */
function cssString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ');
}

/** Opens the Problems panel and waits, with a bound, for one problem's row. */
export async function waitForMarker(
  page: Page,
  severity: MarkerSeverity,
  message: string,
  line: number,
  character: number,
  timeoutMs = 60_000,
): Promise<Locator> {
  await showProblems(page);
  const row = markerRow(page, severity, message, line, character);
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  return row;
}

/** The accessible labels of all problem rows the Problems panel shows now. */
export async function markerLabels(page: Page): Promise<string[]> {
  const panel = await showProblems(page);
  const labels = await panel
    .locator('.monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  return labels.filter((l) => /^(Error|Warning|Info): /.test(l));
}

/** Moves the cursor to a 1-based line with Quick Open's go-to-line (Ctrl+P, ":line") and puts it at the line's end. */
export async function goToLineEnd(page: Page, line: number): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press(`${MOD}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
  await page.keyboard.press('End');
}

/** Error squiggles currently rendered in the active editor. */
export function errorSquiggles(page: Page): Locator {
  return page.locator('.editor-group-container .monaco-editor .view-overlays .squiggly-error:visible');
}

/** Does box `a` overlap box `b` (both in page pixels)? */
export function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Opens the command palette filtered by `filter` and returns the titles it lists (the palette stays open). */
export async function runCommandTitles(page: Page, filter: string): Promise<string[]> {
  await focusWorkbench(page);
  const input = page.locator('.quick-input-widget input');
  if (!(await input.isVisible().catch(() => false))) {
    await page.keyboard.press(`${MOD}+Shift+P`);
    await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  }
  await input.fill(`>${filter}`);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  return rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
}
