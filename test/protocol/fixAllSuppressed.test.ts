/**
 * Every fix-all of the server — fix on save (`source.fixAll.govreport`), the per-rule and per-table
 * quick fixes, and the fix-all command — fixes only the findings that are shown: never one the
 * suppressions file hides. Against the built server, over the real protocol.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  ExecuteCommandRequest,
  type CodeAction,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { localize, serializeSuppressions } from '../../server/src/core';
import { FEATURE_MESSAGES as M } from '../../server/src/core/features';
import { FIX_ALL_COMMAND, ReportViewRequest, type ReportViewResult } from '../../server/src/lsp/protocol';
import { entryAt, suppressedFixture } from '../helpers/suppressed';
import { applyTextEdits, LspHarness, rangeOf } from './harness';

describe('fix-all leaves suppressed findings alone', () => {
  let h: LspHarness;
  let dir: string;
  let uri: string;
  const { text, cells, labels } = suppressedFixture();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fixall-suppressed-'));
    const file = path.join(dir, '年报.txt');
    fs.writeFileSync(file, text);
    // The first of the three broken row totals is accepted on purpose.
    fs.writeFileSync(
      path.join(dir, '.govreport-suppressions.json'),
      serializeSuppressions({ version: 1, suppressions: [entryAt(text, 'sum-row-total', cells[0], '年报.txt')] }),
    );
    uri = pathToFileURL(file).href;
    h = await LspHarness.start({ debounceMs: 50 });
    await h.open(uri, 'govreport', text);
  });
  after(() => {
    h.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const editsOf = (a: CodeAction): TextEdit[] => {
    const dc = a.edit?.documentChanges?.[0];
    assert.ok(dc && 'edits' in dc, `no edit in ${a.title}`);
    return dc.edits as TextEdit[];
  };
  /** The 总计 of a row of table 三 (its last cell), found by its label. */
  const totalOf = (t: string, label: string) =>
    t
      .split('\n')
      .find((l) => l.includes(`\t${label}\t`))
      ?.split('\t')
      .at(-1);
  /** The edits leave the suppressed cell as written and fix the two shown row totals. */
  const check = (edits: TextEdit[], what: string) => {
    assert.ok(edits.length > 0, what);
    const fixed = applyTextEdits(text, uri, edits);
    assert.equal(totalOf(fixed, labels[0]), '1', `${what} rewrote the suppressed total`);
    assert.equal(totalOf(fixed, labels[1]), '0', what);
    assert.equal(totalOf(fixed, labels[2]), '0', what);
  };
  const quickFixesAt = async (offset: number) =>
    (await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: rangeOf(text, offset, offset + 1),
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];

  test('the suppressed finding is hidden and counted; the other two are shown', async () => {
    const pub = await h.diagnosticsFor(uri, 1);
    const rows = pub.diagnostics.filter((d) => d.code === 'sum-row-total').map((d) => d.range.start);
    assert.deepEqual(rows, [rangeOf(text, cells[1], cells[1]).start, rangeOf(text, cells[2], cells[2]).start]);
    const view = (await h.conn.sendRequest(ReportViewRequest.method, { uri })) as ReportViewResult;
    assert.equal(view.suppressed, 1);
  });

  test('fix on save (source.fixAll.govreport)', async () => {
    const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: rangeOf(text, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll.govreport'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    check(editsOf(actions[0]), 'source.fixAll');
  });

  test('"修复本文档中所有此类问题" and "修复本表全部合计" (resolved lazily)', async () => {
    const actions = await quickFixesAt(cells[1]);
    const titles = actions.map((a) => a.title);
    for (const title of [
      localize(M.actionFixAllOfRule('sum-row-total'), 'zh-cn'),
      localize(M.actionFixTableTotals(M.tableName.t3), 'zh-cn'),
      localize(M.actionFixAllInDocument, 'zh-cn'),
    ]) {
      const a = actions.find((x) => x.title === title);
      assert.ok(a, `${title} not in ${titles.join(' | ')}`);
      // Only the shown findings are listed as what the action fixes.
      assert.ok(!a.diagnostics!.some((d) => d.range.start.line === rangeOf(text, cells[0], cells[0]).start.line));
      const resolved = await h.conn.sendRequest(CodeActionResolveRequest.type, a);
      check(editsOf(resolved), title);
    }
  });

  test('the fix-all command', async () => {
    const res = await h.conn.sendRequest(ExecuteCommandRequest.type, {
      command: FIX_ALL_COMMAND,
      arguments: [{ uri, version: 1 }],
    });
    assert.equal((res as { applied: boolean }).applied, true);
    const applied = h.applyEditRequests.at(-1)!;
    const dc = applied.edit.documentChanges![0];
    assert.ok('edits' in dc);
    check(dc.edits as TextEdit[], 'fix-all command');
    // After the edit: the suppressed finding is still hidden, and nothing is left on the three rows.
    const pub = await h.diagnosticsFor(uri, 2);
    const lines = h.doc(uri).getText().split('\n');
    const rowLines = labels.map((l) => lines.findIndex((x) => x.includes(`\t${l}\t`)));
    assert.ok(rowLines.every((n) => n >= 0));
    const onRows = pub.diagnostics.filter((d) => rowLines.includes(d.range.start.line));
    assert.deepEqual(onRows, [], JSON.stringify(onRows));
    const view = (await h.conn.sendRequest(ReportViewRequest.method, { uri })) as ReportViewResult;
    assert.equal(view.suppressed, 1);
  });

  test("the table command (the table lens and the view's inline action)", async () => {
    // Table 三 of the fixed document: what is left to fix there is never the suppressed total.
    const doc = h.doc(uri);
    const at = doc
      .getText()
      .split('\n')
      .find((l) => l.includes(`\t${labels[0]}\t`))!;
    const cell = doc.getText().indexOf(at) + at.length - 1;
    assert.equal(doc.getText()[cell], '1');
    const n = h.applyEditRequests.length;
    await h.conn.sendRequest(ExecuteCommandRequest.type, {
      command: FIX_ALL_COMMAND,
      arguments: [{ uri, version: doc.version, table: 't3' }],
    });
    for (const req of h.applyEditRequests.slice(n)) {
      for (const dc of req.edit.documentChanges ?? []) {
        if (!('edits' in dc)) continue;
        for (const e of dc.edits as TextEdit[]) {
          const [a, b] = [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)];
          assert.ok(b <= cell || a >= cell + 1, `the table fix rewrote the suppressed total: ${a}-${b}`);
        }
      }
    }
  });
});
