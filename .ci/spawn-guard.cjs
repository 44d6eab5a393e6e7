'use strict';
// Loaded into every Node process of `npm test` by .ci/run (NODE_OPTIONS=--require, which each child Node
// inherits: npm, the test runner, every test file, the CLI and server the tests start). It appends each program
// that process starts through node:child_process to the file named by GOVREPORT_SPAWN_LOG, one JSON line each,
// and refuses to start a browser. After the run, `node .ci/spawn-guard.cjs --check LOG` fails unless every
// program started was Node, a binary shipped in an npm package (node_modules/) or npm's shell running one of
// package.json's scripts, or one of two tools of Debian's Essential packages (ESSENTIAL): no browser, nothing the
// project would have to install.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const LOG = process.env.GOVREPORT_SPAWN_LOG;
const BROWSER = /chrom|firefox|msedge|webkit|headless_shell|safari|opera|brave/i;

/** The program a child_process call starts, and what a shell would run. */
function describe(name, args) {
  const [file] = args;
  let argv = [];
  let options = {};
  if (Array.isArray(args[1])) {
    argv = args[1];
    if (args[2] && typeof args[2] === 'object') options = args[2];
  } else if (args[1] && typeof args[1] === 'object') options = args[1];
  if (name === 'fork') return { file: process.execPath, argv: [String(file), ...argv.map(String)], shell: false };
  const shell = name === 'exec' || name === 'execSync' || Boolean(options.shell);
  return { file: String(file), argv: argv.map(String), shell };
}

const isShell = (file) => /(^|\/)(ba|da)?sh$/.test(file);

/** The words that name what is run: a shell's whole command line, otherwise the program's file name. */
function runs(entry) {
  return entry.shell || isShell(entry.file) ? [entry.file, ...entry.argv].join(' ') : path.basename(entry.file);
}

function record(name, args) {
  const entry = { pid: process.pid, via: name, ...describe(name, args), execPath: process.execPath };
  if (LOG) fs.appendFileSync(LOG, `${JSON.stringify(entry)}\n`);
  if (BROWSER.test(runs(entry))) throw new Error(`spawn-guard: a browser was started during npm test: ${runs(entry)}`);
}

function install() {
  for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
    const original = childProcess[name];
    const wrapped = function (...args) {
      record(name, args);
      return original.apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    if (original[Symbol.for('nodejs.util.promisify.custom')]) {
      wrapped[Symbol.for('nodejs.util.promisify.custom')] = original[Symbol.for('nodejs.util.promisify.custom')];
    }
    childProcess[name] = wrapped;
  }
  // ES modules importing node:child_process see the wrapped functions too.
  require('node:module').syncBuiltinESMExports();
}

/**
 * Tools of Debian's Essential packages, on every machine and never installed by the project: `mkfifo`
 * (coreutils; Node cannot make a FIFO, which the hostile-input tests need) and `setpriv` (util-linux; the --fix
 * permission tests run the CLI as another user when they run as root).
 */
const ESSENTIAL = new Set(['mkfifo', 'setpriv']);

/**
 * Node itself, a binary an npm package ships, a tool of an Essential package, or npm's script shell running one of this package's own scripts
 * (`sh -c "<script>"`); never a browser.
 */
function allowed(entry, root, scripts) {
  if (BROWSER.test(runs(entry))) return false;
  if (ESSENTIAL.has(entry.file)) return true;
  const file = entry.file;
  if (entry.shell) return scripts.has([file, ...entry.argv].join(' '));
  if (isShell(file)) return entry.argv.length === 2 && entry.argv[0] === '-c' && scripts.has(entry.argv[1]);
  if (file === entry.execPath || path.basename(file) === 'node') return true;
  return path.isAbsolute(file) && file.startsWith(path.join(root, 'node_modules') + path.sep);
}

function check(logFile, root) {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : [];
  const entries = lines.map((l) => JSON.parse(l));
  if (entries.length === 0) {
    console.error('spawn-guard: nothing was recorded (was the guard loaded?)');
    return 1;
  }
  const scripts = new Set(
    Object.values(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {}),
  );
  const counts = new Map();
  const bad = [];
  for (const e of entries) {
    const key =
      e.shell || isShell(e.file) ? 'npm script' : e.file.startsWith(root) ? path.relative(root, e.file) : e.file;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!allowed(e, root, scripts)) bad.push(e);
  }
  const summary = [...counts].map(([k, n]) => `${k} ×${n}`).join(', ');
  if (bad.length > 0) {
    console.error(
      `spawn-guard: npm test started programs that are neither Node, nor from an npm package, nor essential:`,
    );
    for (const e of bad) console.error(`  ${e.file} ${e.argv.join(' ')} (${e.via} in pid ${e.pid})`);
    return 1;
  }
  console.log(
    `spawn-guard: npm test started ${entries.length} programs, all Node, from npm packages or essential (${summary}); no browser`,
  );
  return 0;
}

if (require.main === module && process.argv[2] === '--check') {
  process.exitCode = check(process.argv[3] ?? LOG ?? '', path.resolve(__dirname, '..'));
} else {
  install();
}
