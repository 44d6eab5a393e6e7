/** What the fault tests over the raw protocol share: the seed, a server for one test, and document mirrors. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { essentials, expectedDiagnostics } from './expect';
import { RawServer, ROOT, type Published } from './rawServer';

export const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', '001_60561711a3d75cb4.txt'), 'utf8');

export async function withServer(
  f: (s: RawServer) => Promise<void>,
  settings?: Record<string, unknown>,
): Promise<void> {
  const s = await RawServer.start(settings ? { settings } : {});
  try {
    await f(s);
    assert.equal(s.alive, true, `the server is still running\n${s.stderr}`);
  } finally {
    await s.kill();
  }
}

/** The server is up and working: a fresh document gets the engine's diagnostics. */
export async function stillWorks(s: RawServer, tag: string): Promise<void> {
  const uri = `untitled:works-${tag}`;
  s.open(uri, 'govreport', SEED);
  const pub = await s.diagnosticsFor(uri, 1);
  assert.deepEqual(essentials(pub.diagnostics), expectedDiagnostics(SEED, true));
  const symbols = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols.error, undefined);
  assert.ok(Array.isArray(symbols.result) && symbols.result.length > 0, 'the outline of the seed report');
}

/** Applies changes to the client's copy the way the server's document store does (the same library). */
export function mirror(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  return TextDocument.update(doc, changes, version);
}

/** Published diagnostics for `uri`, in the order they arrived. */
export function publishedFor(s: RawServer, uri: string): Published[] {
  return s.published.filter((p) => p.uri === uri);
}

/** A deterministic stream of typing: digits typed into and deleted from the numbers of the seed's tables. */
export function typing(text: string, n: number): TextDocumentContentChangeEvent[][] {
  const digits = [...text.matchAll(/\t(\d)(?=\t|\n|$)/g)].map((m) => m.index! + 1);
  const out: TextDocumentContentChangeEvent[][] = [];
  let doc = TextDocument.create('untitled:t', 'govreport', 0, text);
  for (let i = 0; i < n; i++) {
    const at = digits[(i * 7919) % digits.length];
    const pos = doc.positionAt(at);
    const change: TextDocumentContentChangeEvent =
      i % 3 === 2
        ? { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: String((i * 31) % 10) } // retype a digit
        : { range: { start: pos, end: pos }, text: i % 3 === 0 ? '1' : '' }; // insert a digit, or nothing
    out.push([change]);
    doc = TextDocument.update(doc, [change], i + 1);
  }
  return out;
}
