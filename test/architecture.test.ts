/**
 * The core has no editor in it: no `vscode`, no LSP connection, no Node built-ins.
 * (The build also bundles the core for a browser, which fails on such an import.)
 * Its layers only point down: text < template < parser < rules < fixes < features.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinModules } from 'node:module';
import ts from 'typescript';

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
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
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

/**
 * The layers of the core, lowest first: a file imports only from its own layer or a lower one. The
 * foundation (types, util, i18n) is below everything; lint.ts runs the rules on a parse and is what
 * fixes/ re-lints with; index.ts is the public surface.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts', 'util', 'i18n'],
  ['text'],
  ['template'],
  ['parser'],
  ['rules'],
  ['lint.ts'],
  ['crossYear', 'suppressions.ts'],
  ['fixes'],
  ['features'],
  ['index.ts'],
];

/** Imports that still point up, each waiting for a file another change is rewriting. Remove when fixed. */
const KNOWN_UPWARD = new Set<string>([]);

function layerOf(coreRelative: string): number {
  const top = coreRelative.split('/')[0];
  const i = LAYERS.findIndex((l) => l.includes(top));
  assert.ok(i >= 0, `${coreRelative} belongs to no layer: add its folder to LAYERS`);
  return i;
}

/** Every import between two core files, as "from -> to" (paths relative to the core). */
function coreImports(): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const f of files(CORE)) {
    for (const spec of importsOf(readFileSync(f, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const base = resolve(dirname(f), spec);
      const target = existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts');
      const to = relative(CORE, target);
      if (to.startsWith('..')) continue;
      out.push({ from: relative(CORE, f).split('\\').join('/'), to: to.split('\\').join('/') });
    }
  }
  return out;
}

const upward = (edges: readonly { from: string; to: string }[]) =>
  edges.filter((e) => layerOf(e.to) > layerOf(e.from)).map((e) => `${e.from} -> ${e.to}`);

test('the layers of the core only point down: text < template < parser < rules < fixes < features', () => {
  const edges = coreImports();
  assert.ok(edges.length > 50, `${edges.length} imports read`);
  assert.deepEqual(
    upward(edges).filter((e) => !KNOWN_UPWARD.has(e)),
    [],
  );
});

test('every known upward import is still there (an allowance is removed with its import)', () => {
  const found = new Set(upward(coreImports()));
  assert.deepEqual(
    [...KNOWN_UPWARD].filter((e) => !found.has(e)),
    [],
  );
});

test('the layer check itself catches an upward import', () => {
  assert.deepEqual(upward([{ from: 'rules/structure/x.ts', to: 'fixes/fixAll.ts' }]), [
    'rules/structure/x.ts -> fixes/fixAll.ts',
  ]);
  assert.deepEqual(upward([{ from: 'features/hover.ts', to: 'rules/arithmetic/equations.ts' }]), []);
  assert.deepEqual(upward([{ from: 'text/edits.ts', to: 'template/template.ts' }]), [
    'text/edits.ts -> template/template.ts',
  ]);
});

/**
 * User-visible strings live in the message catalogue (core/i18n/). Chinese in a string, template or
 * regular expression literal anywhere else in the production code is a message written in place —
 * except in these folders, whose Chinese is what the program reads, never what it says:
 */
const CJK_ALLOWED: readonly { path: string; why: string }[] = [
  { path: 'core/i18n/', why: 'the message catalogue' },
  { path: 'core/template/', why: 'the official format as data: titles, labels, wording variants' },
  { path: 'core/parser/', why: "patterns and keywords the parser matches in a report's text" },
  { path: 'core/text/', why: 'character tables for normalizing text (compatibility forms, numerals)' },
  { path: 'core/rules/text/', why: 'the vocabulary of the prose the text rules read (units, keywords)' },
];

/**
 * Files whose messages are still written in place, each to be moved to the catalogue by the change
 * that owns it; a file leaves this list when its last Chinese literal goes (a test checks).
 */
const CJK_PENDING = new Set<string>([]);

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** The literals holding Chinese in a TypeScript source, as "line: text" (comments are not literals). */
function cjkLiterals(fileName: string, src: string): string[] {
  const sf = ts.createSourceFile(fileName, src, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateLiteralToken(n) ||
      ts.isRegularExpressionLiteral(n)
    ) {
      const text = n.getText(sf);
      if (CJK.test(text)) out.push(`${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const SERVER_SRC = join(ROOT, 'server', 'src');
const srcFiles = () => files(SERVER_SRC).map((f) => ({ file: f, rel: relative(SERVER_SRC, f).split('\\').join('/') }));

test('Chinese literals appear only in the message catalogue and the folders that read Chinese', () => {
  const all = srcFiles();
  assert.ok(all.length > 100, `${all.length} source files read`);
  const bad: string[] = [];
  for (const { file, rel } of all) {
    if (CJK_ALLOWED.some((a) => rel.startsWith(a.path)) || CJK_PENDING.has(rel)) continue;
    for (const lit of cjkLiterals(file, readFileSync(file, 'utf8'))) bad.push(`${rel}:${lit}`);
  }
  assert.deepEqual(bad, []);
});

test('every file still pending has Chinese literals (a file leaves the list when it is done)', () => {
  const done = [...CJK_PENDING].filter((rel) => {
    const file = join(SERVER_SRC, rel);
    return !existsSync(file) || cjkLiterals(file, readFileSync(file, 'utf8')).length === 0;
  });
  assert.deepEqual(done, []);
});

test('the literal check itself finds Chinese in strings, templates and patterns, not in comments', () => {
  const src = [
    '// 注释',
    "const a = 'plain';",
    "const b = { zh: '未知选项' };",
    'const c = `选项 ${a} 需要一个值`;',
    'const d = /报告$/;',
    '/** 文档注释 */',
  ].join('\n');
  assert.deepEqual(
    cjkLiterals('x.ts', src).map((l) => l.split(':')[0]),
    ['3', '4', '4', '5'],
  );
});
