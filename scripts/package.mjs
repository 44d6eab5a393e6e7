// `npm run package`: the production build, then the .vsix (vsce package --no-dependencies).
//
// esbuild bundles every run-time dependency into dist/ except pdfjs-dist: it is ES modules that load
// their data files (cmaps, standard fonts) from beside themselves, so the server and the CLI import
// it from a `pdfjs-dist` package found by Node's resolution (server/src/io/pdf.ts). The .vsix holds no
// node_modules/ (--no-dependencies), so the part of pdfjs-dist that text extraction runs is copied to
// dist/node_modules/pdfjs-dist/ — found first from dist/server.js — for vsce to pack, then removed, so
// that a development build never reads a stale copy.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const PDFJS = path.dirname(require.resolve('pdfjs-dist/package.json'));
const STAGED = path.join(ROOT, 'dist', 'node_modules');

/**
 * What pdf.ts loads, as [packed path, path in pdfjs-dist]: the minified legacy build and its in-thread worker (the
 * modules pdf.ts imports, under their own names: test/unit/extractedManifest.test.ts checks), the CMaps (CJK
 * fonts) and the standard fonts.
 */
const PDFJS_FILES = [
  ['package.json', 'package.json'],
  ['LICENSE', 'LICENSE'],
  ['legacy/build/pdf.min.mjs', 'legacy/build/pdf.min.mjs'],
  ['legacy/build/pdf.worker.min.mjs', 'legacy/build/pdf.worker.min.mjs'],
  ['cmaps', 'cmaps'],
  ['standard_fonts', 'standard_fonts'],
];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production']);
fs.rmSync(STAGED, { recursive: true, force: true });
let status = 1;
try {
  for (const [to, from] of PDFJS_FILES) {
    fs.cpSync(path.join(PDFJS, from), path.join(STAGED, 'pdfjs-dist', to), { recursive: true });
  }
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  status =
    spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', ...process.argv.slice(2)], {
      cwd: ROOT,
      stdio: 'inherit',
    }).status ?? 1;
} finally {
  fs.rmSync(STAGED, { recursive: true, force: true });
}
process.exit(status);
