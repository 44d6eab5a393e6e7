/** "以年报方式打开" in the manifest: offered for exactly the files the extracted scheme reads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTRACTED_EXTENSIONS, EXTRACTED_SCHEME } from '../../server/src/lsp/extracted';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the menus offer "Open as Report" for the extensions of EXTRACTED_EXTENSIONS, in any case, and no other', () => {
  for (const menu of ['explorer/context', 'editor/title/context']) {
    const entry = pkg.contributes.menus[menu].find((m: { command: string }) => m.command === 'govreport.openAsReport');
    assert.ok(entry, menu);
    const m = /resourceExtname =~ \/(.+)\/(i?)$/.exec(entry.when);
    assert.ok(m, entry.when);
    // No scheme test: in a remote window (code-server) the workbench sees vscode-remote: URIs of the same files.
    assert.doesNotMatch(entry.when, /resourceScheme/);
    const re = new RegExp(m[1], m[2]);
    for (const ext of EXTRACTED_EXTENSIONS) {
      assert.ok(re.test(ext) && re.test(ext.toUpperCase()), `${menu}: ${ext}`);
    }
    for (const ext of ['.txt', '.md', '.doc', '.pdfx', '.xhtml', '.docx.txt', '']) assert.ok(!re.test(ext), ext);
  }
});

test('the extension activates when an extracted document is opened (a Problems entry, a restored tab)', () => {
  assert.ok(pkg.activationEvents.includes(`onFileSystem:${EXTRACTED_SCHEME}`));
  const fixAll = pkg.contributes.menus.commandPalette.find(
    (m: { command: string }) => m.command === 'govreport.fixAll',
  );
  assert.match(fixAll.when, new RegExp(`resourceScheme != ${EXTRACTED_SCHEME}`));
});

test('the VSIX packs every pdf.js module the PDF reader imports, under the name it imports', () => {
  const reader = fs.readFileSync(path.join(ROOT, 'server/src/io/pdf.ts'), 'utf8');
  // Run-time imports only (`typeof import(…)` is a type).
  const imported = [...reader.matchAll(/(?<!typeof )import\('pdfjs-dist\/([^']+)'\)/g)].map((m) => m[1]);
  assert.ok(imported.length >= 2, imported.join(', '));
  const script = fs.readFileSync(path.join(ROOT, 'scripts/package.mjs'), 'utf8');
  const packed = [...script.matchAll(/\[\s*'([^']+)',\s*'[^']+'\s*\]/g)].map((m) => m[1]);
  for (const sub of imported) assert.ok(packed.includes(sub), `${sub} is not packed (packed: ${packed.join(', ')})`);
});
