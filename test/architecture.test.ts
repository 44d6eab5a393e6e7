/**
 * The core has no editor in it: no `vscode`, no LSP connection, no Node built-ins.
 * (The build also bundles the core for a browser, which fails on such an import.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = join(__dirname, '..', '..');
const CORE = join(ROOT, 'server', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(src: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

const FORBIDDEN = (spec: string) =>
  spec === 'vscode' ||
  spec.startsWith('vscode-languageserver') ||
  spec.startsWith('vscode-languageclient') ||
  spec.startsWith('vscode-jsonrpc') ||
  spec.startsWith('node:') ||
  builtinModules.includes(spec);

test('the core imports no editor, LSP connection or Node built-in', () => {
  const all = files(CORE);
  assert.ok(all.length > 20, 'core files found');
  const bad: string[] = [];
  for (const f of all) {
    for (const spec of importsOf(readFileSync(f, 'utf8'))) {
      if (FORBIDDEN(spec)) bad.push(`${relative(ROOT, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the purity check itself catches a forbidden import', () => {
  assert.ok(importsOf("import * as vscode from 'vscode';").some(FORBIDDEN));
  assert.ok(importsOf("import { readFileSync } from 'node:fs';").some(FORBIDDEN));
  assert.ok(importsOf("const c = require('vscode-languageserver/node');").some(FORBIDDEN));
  assert.ok(!importsOf("import { lint } from './lint';").some(FORBIDDEN));
});

test('the build produced a browser bundle of the core', () => {
  const bundle = readFileSync(join(ROOT, 'dist', 'core.browser.js'), 'utf8');
  assert.match(bundle, /section-missing/);
  assert.doesNotMatch(bundle, /require\(["'](fs|path|vscode)["']\)/);
});
