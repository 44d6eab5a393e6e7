#!/usr/bin/env node
// `npm start`: builds and packages the extension, then opens it in a real VS Code on the example reports.
//   - with a local `code` command: a new VS Code window running the extension from this folder;
//   - otherwise: code-server (installed into .tools/ by scripts/e2e-tools.sh) on 127.0.0.1, printing the URL to open.
// Options: --port <n> (code-server's port, default 8080 or the next free one), --no-package (reuse the .vsix),
//          --folder <dir> (open another folder instead of examples/).
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
if (code) {
  console.log(`== 在 VS Code 中打开 / opening in VS Code: ${folder}`);
  run(code, ['--new-window', `--extensionDevelopmentPath=${ROOT}`, folder]);
  process.exit(0);
}

console.log('== 未找到 code 命令，使用 code-server / no `code` command: using code-server');
run('bash', [path.join(ROOT, 'scripts', 'e2e-tools.sh')]);

const userDataDir = path.join(STATE, 'user-data');
const extensionsDir = path.join(STATE, 'extensions');
const configFile = path.join(STATE, 'config.yaml');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
const settingsFile = path.join(userDataDir, 'User', 'settings.json');
if (!fs.existsSync(settingsFile)) {
  fs.writeFileSync(settingsFile, JSON.stringify(
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
const env = { ...process.env, XDG_CONFIG_HOME: path.join(STATE, 'xdg-config'), XDG_DATA_HOME: path.join(STATE, 'xdg-data') };
const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
run(NODE24, [CODE_SERVER, ...common, '--install-extension', vsix, '--force'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

const port = await choosePort(Number(option('--port', process.env.PORT ?? '8080')));
const server = spawn(
  NODE24,
  [
    CODE_SERVER,
    ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
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
server.on('exit', (codeOrNull, signal) => {
  if (!announced) console.error(log);
  console.log(`code-server 已退出 / exited (${codeOrNull ?? signal})`);
  process.exit(announced ? 0 : 1);
});
