/** The extension manifest, its string tables and the grammar agree with each other and with the code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol';
import { normalizeSettings } from '../../server/src/lsp/settings';

const ROOT = path.resolve(__dirname, '../../..');
const json = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const pkg = json('package.json');
const nlsEn = json('package.nls.json');
const nlsZh = json('package.nls.zh-cn.json');

function placeholders(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string') {
    const m = /^%(.+)%$/.exec(v);
    if (m) out.add(m[1]);
  } else if (Array.isArray(v)) v.forEach((x) => placeholders(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => placeholders(x, out));
  return out;
}

test('every %key% of the manifest exists in English and in Chinese, and no key is unused', () => {
  const keys = placeholders(pkg);
  for (const k of keys) {
    assert.ok(typeof nlsEn[k] === 'string' && nlsEn[k].length > 0, `package.nls.json: ${k}`);
    assert.ok(typeof nlsZh[k] === 'string' && nlsZh[k].length > 0, `package.nls.zh-cn.json: ${k}`);
    assert.match(nlsZh[k], /[\u4e00-\u9fff]/, `${k} is Chinese in zh-cn`);
  }
  assert.deepEqual(Object.keys(nlsEn).sort(), [...keys].sort());
  assert.deepEqual(Object.keys(nlsZh).sort(), [...keys].sort());
});

test('every runtime string of the client has a zh-cn translation', () => {
  const dir = path.join(ROOT, 'client/src');
  const bundle = json('l10n/bundle.l10n.zh-cn.json');
  const used = new Set<string>();
  for (const f of fs.readdirSync(dir)) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) used.add(m[1] ?? m[2]);
  }
  assert.ok(used.size > 10);
  for (const s of used) assert.ok(typeof bundle[s] === 'string', `l10n/bundle.l10n.zh-cn.json lacks "${s}"`);
  for (const k of Object.keys(bundle)) assert.ok(used.has(k), `unused translation "${k}"`);
});

test("settings in the manifest match the server's defaults", () => {
  const props = pkg.contributes.configuration.properties;
  assert.equal(props['govreport.enable'].default, DEFAULT_SETTINGS.enable);
  assert.equal(props['govreport.detectReports'].default, DEFAULT_SETTINGS.detectReports);
  assert.equal(props['govreport.debounceMs'].default, DEFAULT_SETTINGS.debounceMs);
  assert.equal(props['govreport.messageLanguage'].default, DEFAULT_SETTINGS.messageLanguage);
  assert.equal(props['govreport.maxDocumentChars'].default, DEFAULT_SETTINGS.maxDocumentChars);
  assert.deepEqual(props['govreport.messageLanguage'].enum, ['zh-cn', 'en', 'auto']);
  assert.deepEqual(props['govreport.rules'].additionalProperties.enum, ['off', 'info', 'warning', 'error']);
  assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
  assert.equal(normalizeSettings({ maxDocumentChars: -1 }).maxDocumentChars, DEFAULT_SETTINGS.maxDocumentChars);
  assert.equal(normalizeSettings({ maxDocumentChars: 0 }).maxDocumentChars, 0);
  assert.deepEqual(normalizeSettings({ rules: { a: 'WARNING', b: 'loud' }, debounceMs: -5, messageLanguage: 'fr' }), {
    ...DEFAULT_SETTINGS,
    rules: { a: 'warning' },
    debounceMs: 0,
  });
});

test('every command is declared with a title, and the manifest points at files that exist', () => {
  const declared = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const registered = new Set(
    [...fs.readFileSync(path.join(ROOT, 'client/src/commands.ts'), 'utf8').matchAll(/'(govreport\.[a-zA-Z]+)':/g)].map(
      (m) => m[1],
    ),
  );
  assert.deepEqual([...declared].sort(), [...registered].sort());
  for (const p of [pkg.icon, pkg.contributes.grammars[0].path, pkg.contributes.languages[0].configuration]) {
    assert.ok(fs.existsSync(path.join(ROOT, p)), p);
  }
  assert.equal(pkg.engines.vscode, '^1.91.0');
  assert.ok(pkg.categories.includes('Linters'));
});

test("the grammar's patterns compile and mark a section heading, a row label, numbers and the note", () => {
  const g = json(pkg.contributes.grammars[0].path);
  const re = (name: string) => new RegExp(g.repository[name].match);
  for (const name of Object.keys(g.repository)) assert.doesNotThrow(() => re(name), name);
  assert.ok(re('section').test('三、收到和处理政府信息公开申请情况'));
  assert.ok(re('section').test('## 一、总体情况'));
  assert.ok(!re('section').test('三、本年度办理结果\t(一) 予以公开\t0\t0'), 'a table row is not a section');
  assert.ok(re('title').test('南岗区工业信息科技局 2022 年政府信息公开工作年度报告'));
  assert.equal(re('row').exec('行政规范性文件\t0\t0\t0')?.[2], '行政规范性文件');
  assert.equal(re('row').exec('| 行政许可 | 12 |  |')?.[2], '行政许可');
  assert.deepEqual('自然人\t3,119\t0.0125'.match(new RegExp(g.repository.number.match, 'g')), ['3,119', '0.0125']);
  assert.ok(re('note').test('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'));
});

test('the language configuration pairs CJK brackets and quotes, and its word pattern keeps Chinese words whole', () => {
  const lc = json('language-configuration.json');
  const pairs = lc.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
  for (const p of ['（）', '【】', '《》', '“”']) assert.ok(pairs.includes(p), p);
  const word = new RegExp(lc.wordPattern, 'g');
  assert.deepEqual('（一）予以公开\t3,119'.match(word), ['一', '予以公开', '3,119']);
});
