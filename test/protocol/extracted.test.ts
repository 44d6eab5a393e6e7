/**
 * Word, PDF and web reports opened as text (`govreport-extracted:` documents), against the built
 * server: `govreport/extractedText` gives exactly the text the command-line tool reads (readInput),
 * or a localized reason; an extracted document gets the editor features and no fix.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type CodeLens,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { localize, lint } from '../../server/src/core';
import { totalFormulasAt } from '../../server/src/core/features';
import { InputError, readInput } from '../../server/src/io/read';
import { extractedUriOf } from '../../server/src/lsp/extracted';
import {
  ExtractedTextRequest,
  FIX_ALL_COMMAND,
  ReportViewRequest,
  type ExtractedTextResult,
  type FixAllCommandResult,
  type ReportViewResult,
} from '../../server/src/lsp/protocol';
import { brokenSeed, encryptedPdf, makeDocx, makePdf, tempDir } from '../cli/helpers';
import { LspHarness, ROOT } from './harness';

const extracted = (file: string) => extractedUriOf(pathToFileURL(file).href)!;

/** The reason readInput gives for a file it refuses. */
async function refusal(file: string): Promise<InputError> {
  try {
    await readInput(file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${file} was read`);
}

describe('extracted documents', () => {
  let h: LspHarness;
  let dir: string;
  const seed = brokenSeed();
  const files: Record<string, string> = {};
  const ask = (uri: string) => h.conn.sendRequest(ExtractedTextRequest.method, { uri }) as Promise<ExtractedTextResult>;

  before(async () => {
    dir = tempDir('extracted');
    files.docx = path.join(dir, '2023年报 (Word).docx');
    files.pdf = path.join(dir, '2023年报.pdf');
    files.html = path.join(dir, 'page.html');
    fs.writeFileSync(files.docx, await makeDocx(seed.broken));
    fs.writeFileSync(files.pdf, await makePdf(seed.broken));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples/page.html'), files.html);
    h = await LspHarness.start({ debounceMs: 0 });
  });
  after(() => {
    h.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of ['docx', 'pdf', 'html'] as const) {
    test(`.${kind}: the text is the command-line reader's, character for character`, async () => {
      const res = await ask(extracted(files[kind]));
      const expected = await readInput(files[kind]);
      assert.ok('text' in res, JSON.stringify(res));
      assert.equal(res.kind, kind);
      assert.equal(res.text, expected.text);
      assert.ok(res.text.length > 1000);
    });
  }

  test("a file that cannot be read: the reader's reason, in the message language", async () => {
    const cases: { file: string; code: string }[] = [
      { file: path.join(dir, 'missing.pdf'), code: 'not-found' },
      { file: path.join(dir, 'damaged.docx'), code: 'docx-damaged' },
      { file: path.join(dir, 'encrypted.pdf'), code: 'pdf-encrypted' },
      { file: path.join(dir, 'damaged.pdf'), code: 'pdf-invalid' },
    ];
    fs.writeFileSync(cases[1].file, Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'));
    fs.writeFileSync(cases[2].file, encryptedPdf());
    fs.writeFileSync(cases[3].file, Buffer.from('%PDF-1.7\n1 0 obj broken', 'latin1'));
    for (const c of cases) {
      const expected = await refusal(c.file);
      assert.equal(expected.code, c.code, c.file);
      const res = await ask(extracted(c.file));
      assert.deepEqual(res, { error: { code: c.code, message: localize(expected.localized, 'zh-cn') } }, c.file);
    }
    await h.changeSettings({ debounceMs: 0, messageLanguage: 'en' });
    try {
      const expected = await refusal(cases[2].file);
      assert.deepEqual(await ask(extracted(cases[2].file)), {
        error: { code: 'pdf-encrypted', message: expected.localized.en },
      });
    } finally {
      await h.changeSettings({ debounceMs: 0 });
    }
  });

  test('a URI that names no Word, PDF or web file is refused, and the server goes on', async () => {
    const txt = path.join(dir, 'report.txt');
    fs.writeFileSync(txt, seed.broken);
    for (const uri of [
      pathToFileURL(files.pdf).href,
      extracted(txt),
      'govreport-extracted://host/x.pdf',
      'untitled:x',
    ]) {
      const res = await ask(uri);
      assert.ok('error' in res, uri);
      assert.equal(res.error.code, 'not-extracted');
      assert.match(res.error.message, /Word/);
    }
    assert.ok('text' in (await ask(extracted(files.docx))));
  });

  test('the extracted text of a .pdf is checked: findings at their line, hover, outline; no fix anywhere', async () => {
    const uri = extracted(files.pdf);
    const res = await ask(uri);
    assert.ok('text' in res);
    const text = res.text;
    await h.open(uri, 'govreport', text);
    const pub = await h.diagnosticsFor(uri, 1);
    const engine = lint(text, { force: true }).findings;
    assert.deepEqual(pub.diagnostics.map((d) => d.code).sort(), engine.map((f) => f.ruleId).sort());
    const broken = pub.diagnostics.find((d) => d.code === 'sum-row-total');
    assert.ok(broken, JSON.stringify(pub.diagnostics.map((d) => d.code)));
    const lines = text.split('\n');
    assert.match(lines[broken.range.start.line], /^一、本年新收政府信息公开申请数量/);

    // Hover on the broken total shows its formula.
    const doc = h.doc(uri);
    const offset = doc.offsetAt(broken.range.start);
    assert.ok(totalFormulasAt(lint(text, { force: true }).model, offset).length > 0);
    const hover = (await h.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: broken.range.start,
    })) as Hover | null;
    assert.ok(hover && JSON.stringify(hover.contents).length > 10);
    const symbols = (await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[];
    assert.ok(symbols.length > 0);

    // No quick fix, no fix-all, no fix on save.
    for (const only of [undefined, ['quickfix'], ['source.fixAll.govreport'], ['source']]) {
      const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: broken.range,
        context: { diagnostics: [broken], ...(only ? { only } : {}) },
      })) as CodeAction[];
      assert.deepEqual(actions, [], JSON.stringify(only));
    }
    const lenses = (await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.ok(lenses.length > 0);
    assert.ok(
      lenses.every((l) => !l.command?.command),
      JSON.stringify(lenses),
    );
    const view = (await h.conn.sendRequest(ReportViewRequest.method, { uri })) as ReportViewResult;
    assert.ok(view.linted && Object.values(view.problems).some((n) => n > 0));
    assert.equal(view.fixable, 0);
    assert.ok(view.tables.every((t) => !t.fixableSums));
    const fix = (await h.conn.sendRequest(ExecuteCommandRequest.type, {
      command: FIX_ALL_COMMAND,
      arguments: [{ uri, version: 1 }],
    })) as FixAllCommandResult;
    assert.deepEqual(fix, { applied: false, edits: 0, reason: 'read-only' });
    assert.equal(h.applyEditRequests.length, 0);

    // The same text as a text file is fixable: what the checks above refuse exists.
    const txtUri = pathToFileURL(path.join(dir, 'same.txt')).href;
    await h.open(txtUri, 'govreport', text);
    const txtPub = await h.diagnosticsFor(txtUri, 1);
    const txtBroken = txtPub.diagnostics.find((d) => d.code === 'sum-row-total')!;
    const txtActions = (await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: txtUri },
      range: txtBroken.range,
      context: { diagnostics: [txtBroken] },
    })) as CodeAction[];
    assert.ok(
      txtActions.some((a) => a.edit),
      txtActions.map((a) => a.title).join(' | '),
    );
    const txtLenses = (await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: txtUri } })) as CodeLens[];
    assert.ok(txtLenses.some((l) => l.command?.command === FIX_ALL_COMMAND));
    await h.close(txtUri);
    await h.close(uri);
  });

  test('reads go one at a time on a worker; a file changed on disk reads anew', async () => {
    const uri = extracted(files.docx);
    const [a, b, c] = await Promise.all([ask(uri), ask(extracted(files.pdf)), ask(uri)]);
    assert.ok('text' in a && 'text' in b && 'text' in c);
    assert.equal(a.text, c.text);
    fs.writeFileSync(files.docx, await makeDocx(seed.original));
    const d = await ask(uri);
    assert.ok('text' in d);
    assert.equal(d.text, (await readInput(files.docx)).text);
    assert.notEqual(d.text, a.text);
  });
});
