#!/usr/bin/env node
// `npm start`: builds and packages the extension, then opens it in a real VS Code on the example reports.
//   - with a local `code` command: a new VS Code window running the extension from this folder;
//   - otherwise: code-server (installed into .tools/ by `scripts/e2e-tools.sh --editor`) on 127.0.0.1, printing
//     the URL to open.
// Options: --port <n> (code-server's port, default 8080 or the next free one), --no-package (reuse the .vsix),
//          --folder <dir> (open another folder instead of examples/),
//          --smoke (the code-server path, then checks and stops: the extension is installed, the server answers
//          with VS Code's workbench for the folder and serves its scripts; exit code 0 when all hold).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = path.join(ROOT, '.tools');
const NODE24 = path.join(TOOLS, 'node24', 'bin', 'node');
const CODE_SERVER = path.join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const STATE = path.join(TOOLS, 'start');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function run(command, args, opts = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (result.status !== 0) {
    console.error(`✖ ${command} ${args.join(' ')} 失败 / failed (${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const smoke = process.argv.includes('--smoke');
const started = Date.now();

function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function choosePort(preferred) {
  for (let port = preferred; port < preferred + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port from ${preferred}`);
}

const folder = path.resolve(ROOT, option('--folder', 'examples'));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);

if (!process.argv.includes('--no-package') || !fs.existsSync(vsix)) {
  console.log('== 构建并打包扩展 / building and packaging the extension');
  run('npm', ['run', 'package']);
}

const code = which('code');
if (code && !smoke) {
  console.log(`== 在 VS Code 中打开 / opening in VS Code: ${folder}`);
  run(code, ['--new-window', `--extensionDevelopmentPath=${ROOT}`, folder]);
  process.exit(0);
}

if (smoke) console.log('== 冒烟检查：code-server / smoke check: code-server');
else console.log('== 未找到 code 命令，使用 code-server / no `code` command: using code-server');
run('bash', [path.join(ROOT, 'scripts', 'e2e-tools.sh'), '--editor']);

const userDataDir = path.join(STATE, 'user-data');
const extensionsDir = path.join(STATE, 'extensions');
const configFile = path.join(STATE, 'config.yaml');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
const settingsFile = path.join(userDataDir, 'User', 'settings.json');
if (!fs.existsSync(settingsFile)) {
  fs.writeFileSync(
    settingsFile,
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
      },
      null,
      2,
    ),
  );
}
const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(STATE, 'xdg-config'),
  XDG_DATA_HOME: path.join(STATE, 'xdg-data'),
};
const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
run(NODE24, [CODE_SERVER, ...common, '--install-extension', vsix, '--force'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const extensionId = `${manifest.publisher}.${manifest.name}@${manifest.version}`;
if (smoke) {
  const listed = spawnSync(NODE24, [CODE_SERVER, ...common, '--list-extensions', '--show-versions'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  const ids = (listed.stdout ?? '').split('\n').map((l) => l.trim().toLowerCase());
  if (listed.status !== 0 || !ids.includes(extensionId.toLowerCase())) {
    fail(`smoke: ${extensionId} is not among code-server's extensions:\n${listed.stdout}${listed.stderr}`);
  }
  console.log(`✔ smoke: ${extensionId} installed`);
}

const port = await choosePort(Number(option('--port', process.env.PORT ?? '8080')));
const server = spawn(
  NODE24,
  [
    CODE_SERVER,
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    folder,
  ],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
let log = '';
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
let announced = false;
const onOutput = (data) => {
  log += data.toString();
  if (!announced && /HTTP server listening/.test(log)) {
    announced = true;
    if (smoke) void smokeCheck();
    else
      console.log(`\n  在浏览器中打开 / open in a browser:\n\n    ${url}\n\n  按 Ctrl+C 停止 / press Ctrl+C to stop\n`);
  }
};
server.stdout.on('data', onOutput);
server.stderr.on('data', onOutput);

const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('exit', stop);
let stopping = false;
server.on('exit', (codeOrNull, signal) => {
  if (stopping) return;
  if (!announced) console.error(log);
  console.log(`code-server 已退出 / exited (${codeOrNull ?? signal})`);
  process.exit(announced && !smoke ? 0 : 1);
});
if (smoke) {
  setTimeout(() => {
    if (!announced) fail(`smoke: code-server did not start listening within 120 s:\n${log}`);
  }, 120_000).unref();
}

async function get(address) {
  const response = await fetch(address, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

/**
 * The checks of --smoke, once code-server listens: it sends a visitor of / to the folder it was started on, the
 * page for that folder is VS Code's workbench (its configuration names this session's user-data-dir) and the
 * workbench's scripts are served; then code-server is stopped and must exit.
 */
async function smokeCheck() {
  try {
    const root = `http://127.0.0.1:${port}/`;
    const home = await get(root);
    const opened = home.location ? new URL(home.location, root).searchParams.get('folder') : null;
    if (home.status !== 302 || opened !== folder) {
      throw new Error(
        `GET ${root} answered ${home.status} ${home.location ?? ''}, not a redirect to the folder ${folder}`,
      );
    }
    const page = await get(url);
    if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}`);
    const config = /id="vscode-workbench-web-configuration"[^>]*data-settings="([^"]*)"/.exec(page.body);
    if (!config) throw new Error(`GET ${url} is not VS Code's workbench:\n${page.body.slice(0, 2000)}`);
    const settings = JSON.parse(
      config[1]
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    if (settings.userDataPath !== userDataDir)
      throw new Error(`the workbench is configured for ${settings.userDataPath}, not ${userDataDir}`);
    console.log(
      `✔ smoke: ${root} opens ${folder} in VS Code's workbench (code-server ${settings.productConfiguration?.codeServerVersion ?? '?'})`,
    );
    const scripts = [...page.body.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => new URL(m[1], url).href);
    if (!scripts.some((s) => s.endsWith('/workbench.js'))) throw new Error('the workbench page loads no workbench.js');
    for (const script of scripts) {
      const r = await get(script);
      if (r.status !== 200 || r.body.length === 0) throw new Error(`GET ${script} answered ${r.status}`);
    }
    console.log(`✔ smoke: the workbench's scripts are served (${scripts.map((s) => path.basename(s)).join(', ')})`);
  } catch (e) {
    console.error(log);
    fail(`smoke: ${e instanceof Error ? e.message : e}`);
  }
  stopping = true;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  stop();
  const timer = setTimeout(() => fail('smoke: code-server did not stop within 20 s'), 20_000);
  await exited;
  clearTimeout(timer);
  console.log(`✔ smoke: code-server stopped; all checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(0);
}
