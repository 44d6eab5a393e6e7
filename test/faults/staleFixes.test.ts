/**
 * Fix safety on the server: a fix computed for one version of a document is refused, never
 * misapplied, once the document has changed — while the author keeps typing.
 *
 * The server binds fixes to versions three ways: the fix-all command names the version it was
 * asked for and refuses any other; a lazily resolved fix-all action carries its version in `data`
 * and resolves to no edit for another; and every edit goes out as a versioned document edit, which
 * the editor refuses for another version. All three are exercised here against the built server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../server/src/core';
import { RawServer, ROOT, type Message } from './rawServer';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', '001_60561711a3d75cb4.txt'), 'utf8');

interface VersionedEdit {
  label?: string;
  edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[] };
}

/** The seed with a row total broken (so fix-all has sums to fix) — the first data row's last number. */
function brokenSeed(): string {
  const m = /\n[^\n]*申请数量[^\n]*\t(\d+)\t?\n/.exec(SEED);
  assert.ok(m, 'the seed has a first row with numbers');
  const at = m.index + m[0].lastIndexOf(m[1]);
  return SEED.slice(0, at) + String(Number(m[1]) + 5) + SEED.slice(at + m[1].length);
}

/** Typing into the title line: changes that never touch the tables. */
function typeAt(
  doc: TextDocument,
  i: number,
): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const pos = doc.positionAt(doc.getText().indexOf('\n'));
  return { range: { start: pos, end: pos }, text: String(i % 10) };
}

test('fix-all commands racing a burst of changes: only the current version is ever applied, and exactly as the engine fixes it', async () => {
  const s = await RawServer.start({ settings: { debounceMs: 0 } });
  try {
    const uri = 'untitled:race';
    let doc = s.open(uri, 'govreport', brokenSeed());
    await s.diagnosticsFor(uri, 1);
    assert.notEqual(fixAll(doc.getText(), { force: true }).text, doc.getText(), 'there is something to fix');
    const texts = new Map<number, string>([[1, doc.getText()]]);
    const asked: { id: number; version: number; current: number }[] = [];
    let id = 5000;
    for (let i = 0; i < 60; i++) {
      const change = typeAt(doc, i);
      doc = TextDocument.update(doc, [change], doc.version + 1);
      texts.set(doc.version, doc.getText());
      s.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
      // Ask for a fix of the current version, of the one before, or of an older one.
      const version =
        i % 3 === 0 ? doc.version : i % 3 === 1 ? doc.version - 1 : Math.max(1, doc.version - 1 - (i % 7));
      asked.push({ id: ++id, version, current: doc.version });
      s.send({
        id,
        method: 'workspace/executeCommand',
        params: { command: 'govreport.server.fixAll', arguments: [{ uri, version }] },
      });
    }
    const answers: Message[] = await Promise.all(
      asked.map((a) => s.waitFor((m) => m.id === a.id && m.method === undefined, 60_000, `answer ${a.id}`)),
    );
    let applied = 0;
    for (const [i, a] of asked.entries()) {
      const res = answers[i].result as { applied: boolean; reason?: string };
      if (a.version !== a.current)
        assert.deepEqual(
          res,
          { applied: false, edits: 0, reason: 'stale' },
          `a fix for version ${a.version} asked at version ${a.current}`,
        );
      if (res.applied) applied++;
      else assert.ok(res.reason === 'stale' || res.reason === 'rejected', `refused as stale: ${JSON.stringify(res)}`);
    }
    assert.ok(applied > 0, 'some fixes were asked for the current version and applied');
    assert.ok(applied < asked.length, 'the others were refused');
    // Every workspace edit the server sent names the version it was computed for, and is the engine's fix of that very text.
    const edits = s.applyEdits as VersionedEdit[];
    assert.equal(edits.length, applied, 'one workspace edit per applied fix, none for a refused one');
    for (const e of edits) {
      const dc = e.edit.documentChanges[0];
      assert.equal(dc.textDocument.uri, uri);
      const text = texts.get(dc.textDocument.version)!;
      assert.ok(
        asked.some((a) => a.version === dc.textDocument.version && a.current === a.version),
        'only a fix asked for the then-current version',
      );
      const before = TextDocument.create(uri, 'govreport', dc.textDocument.version, text);
      assert.equal(TextDocument.applyEdits(before, dc.edits), fixAll(text, { force: true }).text);
    }
  } finally {
    await s.kill();
  }
});

test('a fix-all action offered for one version resolves to no edit once the document changed, and to the right edit before', async () => {
  const s = await RawServer.start();
  try {
    const uri = 'untitled:resolve';
    let doc = s.open(uri, 'govreport', brokenSeed());
    const pub = await s.diagnosticsFor(uri, 1);
    const diag = pub.diagnostics.find((d) => String(d.code).startsWith('sum-'));
    assert.ok(diag, 'a broken sum is reported');
    const actions = (
      await s.request('textDocument/codeAction', {
        textDocument: { uri },
        range: diag.range,
        context: { diagnostics: [diag], only: ['quickfix'] },
      })
    ).result as { title: string; edit?: VersionedEdit['edit']; data?: { version: number } }[];
    const lazy = actions.filter((a) => a.data && !a.edit);
    assert.ok(lazy.length > 0, 'fix-all actions are resolved lazily');
    for (const a of actions.filter((x) => x.edit))
      assert.equal(a.edit!.documentChanges[0].textDocument.version, 1, 'quick fixes are versioned edits');

    const fresh = (await s.request('codeAction/resolve', lazy[0])).result as { edit?: VersionedEdit['edit'] };
    assert.ok(fresh.edit, 'resolved for the version it was offered for');
    assert.equal(fresh.edit.documentChanges[0].textDocument.version, 1);

    const change = typeAt(doc, 3);
    doc = TextDocument.update(doc, [change], 2);
    s.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
    await s.diagnosticsFor(uri, 2);
    for (const a of lazy) {
      const stale = (await s.request('codeAction/resolve', a)).result as { edit?: unknown };
      assert.equal(stale.edit, undefined, `"${a.title}" resolved after a change gives no edit`);
    }
    // The document-wide action, asked again for the new version, fixes the new text — all of it, exactly as the engine does.
    const whole = lazy.find((a) => !(a.data as { table?: string }).table);
    assert.ok(whole, 'a fix-all-in-document action is offered');
    const renewed = (await s.request('codeAction/resolve', { ...whole, data: { ...whole.data, version: 2 } }))
      .result as { edit?: VersionedEdit['edit'] };
    assert.ok(renewed.edit);
    assert.equal(renewed.edit.documentChanges[0].textDocument.version, 2);
    assert.equal(
      TextDocument.applyEdits(doc, renewed.edit.documentChanges[0].edits),
      fixAll(doc.getText(), { force: true }).text,
    );
  } finally {
    await s.kill();
  }
});
