/**
 * Protocol tests: the built language server (dist/server.js) as a child process, spoken to over
 * stdio like an editor does. Expected values come from the engine's own API or from the text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRequest,
  DiagnosticSeverity,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { fixAll, lint, localize, RULES, type Finding } from '../../server/src/core';
import { FEATURE_MESSAGES } from '../../server/src/core/features';
import { applyTextEdits, LspHarness, rangeOf, SEEDS } from './harness';

const SEED_FILES = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seedText = (name: string) => fs.readFileSync(path.join(SEEDS, name), 'utf8');
const ARITHMETIC = RULES.filter((r) => r.meta.category === 'arithmetic').map((r) => r.meta.id);
const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The diagnostic the server must publish for a finding: positions computed from the text itself. */
function expectedDiagnostic(text: string, uri: string, f: Finding, locale: 'zh-cn' | 'en' = 'zh-cn'): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(text, f.span.start, f.span.end),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: `https://github.com/govreport-lint/govreport-lint/blob/main/docs/rules.md#${f.ruleId}` },
    source: 'govreport',
    message: localize(f.message, locale),
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri, range: rangeOf(text, r.span.start, r.span.end) },
      message: localize(r.message, locale),
    }));
  }
  return d;
}

/** Seed 001 with one digit typed into the 自然人 cell of row （一）予以公开 (0 → 3). */
const SEED = '001_60561711a3d75cb4.txt';
function typedDigit(text: string): { at: number; rowLine: string; rowStart: number } {
  const rowLine = text.split('\n').find((l) => l.includes('予以公开'))!;
  const rowStart = text.indexOf(rowLine);
  const at = rowStart + rowLine.indexOf('\t0') + 1;
  assert.equal(text[at], '0');
  return { at, rowLine, rowStart };
}
/** Offset of the last number (the 总计 cell) of the row starting at rowStart. */
function totalCellOf(text: string, rowStart: number): number {
  const line = text.slice(rowStart, text.indexOf('\n', rowStart));
  const m = /(\d+)\s*$/.exec(line)!;
  return rowStart + m.index;
}

describe('language server over stdio', () => {
  let h: LspHarness;
  before(async () => {
    h = await LspHarness.start({ debounceMs: 150 });
  });
  after(() => h.kill());

  test('initialize announces incremental sync, quick fixes, fix-all on save and the features', () => {
    const caps = h.initializeResult.capabilities;
    const sync = caps.textDocumentSync;
    assert.ok(sync && typeof sync === 'object' && sync.change === TextDocumentSyncKind.Incremental && sync.openClose);
    const ca = caps.codeActionProvider;
    assert.ok(ca && typeof ca === 'object');
    assert.deepEqual(ca.codeActionKinds, ['quickfix', 'source.fixAll.govreport']);
    assert.equal(ca.resolveProvider, true);
    assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.hoverProvider && caps.codeLensProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['govreport.server.fixAll', 'govreport.server.suppress']);
  });

  for (const name of SEED_FILES) {
    test(`seed ${name}: diagnostics equal the engine's findings, at exact positions`, async () => {
      const text = seedText(name);
      const uri = `file:///seeds/${name}`;
      await h.open(uri, 'plaintext', text);
      const got = await h.diagnosticsFor(uri, 1);
      const { findings, model } = lint(text);
      assert.equal(model.isReport, true, 'every seed is a report');
      assert.deepEqual(
        got.diagnostics,
        findings.map((f) => expectedDiagnostic(text, uri, f)),
      );
      await h.close(uri);
      await h.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    });
  }

  test('a digit typed into a table: sum-row-total on the total cell, for exactly that version; fixed, it goes away', async () => {
    const uri = 'file:///typing/年报.txt';
    const text = seedText(SEED);
    await h.open(uri, 'govreport', text);
    const v1 = await h.diagnosticsFor(uri, 1);
    assert.ok(!v1.diagnostics.some((d) => d.code === 'sum-row-total'));

    const { at, rowStart } = typedDigit(text);
    await h.replace(uri, at, at + 1, '3'); // version 2
    const v2 = await h.diagnosticsFor(uri, 2);
    const t2 = h.doc(uri).getText();
    const total = totalCellOf(t2, rowStart);
    const rowTotal = v2.diagnostics.filter((d) => d.code === 'sum-row-total');
    assert.equal(rowTotal.length, 1);
    assert.deepEqual(rowTotal[0].range, rangeOf(t2, total, total + 1));
    assert.equal(rowTotal[0].severity, DiagnosticSeverity.Error);
    assert.match(rowTotal[0].message as string, /自然人 3/);
    assert.ok((rowTotal[0].relatedInformation ?? []).length > 0, 'the addends are related information');
    assert.ok(v2.diagnostics.some((d) => d.code === 'sum-column-total'));

    await h.replace(uri, at, at + 1, '0'); // version 3: typed back
    const v3 = await h.diagnosticsFor(uri, 3);
    assert.deepEqual(v3.diagnostics, v1.diagnostics);
    await h.close(uri);
  });

  test('changes faster than the debounce: only the latest version is published', async () => {
    const uri = 'file:///typing/fast.txt';
    const text = seedText(SEED);
    await h.open(uri, 'govreport', text);
    await h.diagnosticsFor(uri, 1);
    const { at } = typedDigit(text);
    await h.replace(uri, at, at + 1, '7'); // v2
    await h.replace(uri, at, at + 1, '8'); // v3
    await h.replace(uri, at, at + 1, '9'); // v4
    const v4 = await h.diagnosticsFor(uri, 4);
    const versions = h.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [1, 4]);
    assert.match(v4.diagnostics.find((d) => d.code === 'sum-row-total')!.message as string, /自然人 9/);
    await h.close(uri);
  });

  describe('code actions', () => {
    const uri = 'file:///actions/年报.txt';
    let broken: string;
    before(async () => {
      const text = seedText(SEED);
      const { at } = typedDigit(text);
      broken = text.slice(0, at) + '3' + text.slice(at + 1);
    });

    test('the quick fix of sum-row-total is preferred, versioned, and gives the corrected text', async () => {
      await h.open(uri, 'govreport', broken);
      const pub = await h.diagnosticsFor(uri, 1);
      const diag = pub.diagnostics.find((d) => d.code === 'sum-row-total')!;
      const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diag.range,
        context: { diagnostics: [diag], only: ['quickfix'] },
      })) as CodeAction[];
      const finding = lint(broken, { force: true }).findings.find((f) => f.ruleId === 'sum-row-total')!;
      const fix = finding.fixes!.find((f) => f.preferred)!;
      const quick = actions.find((a) => a.title === localize(fix.title, 'zh-cn'))!;
      assert.ok(quick, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(quick.kind, 'quickfix');
      assert.equal(quick.isPreferred, true);
      assert.deepEqual(
        quick.diagnostics?.map((d) => d.code),
        ['sum-row-total'],
      );
      const dc = quick.edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(dc.textDocument, { uri, version: 1 });
      const after1 = applyTextEdits(broken, uri, dc.edits as never);
      const expected = broken.slice(0, fix.edits[0].start) + fix.edits[0].newText + broken.slice(fix.edits[0].end);
      assert.equal(after1, expected);
      // The corrected row total no longer breaks its row.
      const relinted = lint(after1, { force: true }).findings;
      assert.ok(!relinted.some((f) => f.ruleId === 'sum-row-total'));

      // Offered on that line: fix all totals of table 三, and fix all in the document.
      const titles = actions.map((a) => a.title);
      assert.ok(
        titles.some((t) => t.startsWith('修复本表全部合计')),
        titles.join(' | '),
      );
      assert.ok(titles.includes('修复文档中所有可自动修复的问题'), titles.join(' | '));
    });

    test('"fix all totals in this table" resolves to the engine\'s table fix-all; applied, no row or column total is broken', async () => {
      const pub = await h.diagnosticsFor(uri, 1);
      const diag = pub.diagnostics.find((d) => d.code === 'sum-row-total')!;
      const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diag.range,
        context: { diagnostics: [diag] },
      })) as CodeAction[];
      const table = actions.find((a) => a.title.startsWith('修复本表全部合计'))!;
      assert.equal(table.edit, undefined, 'computed on resolve');
      const resolved = await h.conn.sendRequest(CodeActionResolveRequest.type, table);
      const dc = resolved.edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(dc.textDocument, { uri, version: 1 });
      const applied = applyTextEdits(broken, uri, dc.edits as never);
      const t3 = lint(broken, { force: true }).model.tables.t3!;
      assert.equal(applied, fixAll(broken, { force: true, ruleIds: ARITHMETIC, within: t3.span }).text);
      const left = lint(applied, { force: true }).findings.map((f) => f.ruleId);
      assert.ok(!left.includes('sum-row-total') && !left.includes('sum-column-total'), left.join(','));
      // Only table 三 changed: the text before the table is untouched.
      assert.equal(applied.slice(0, t3.span.start), broken.slice(0, t3.span.start));
    });

    test('source.fixAll.govreport (fix on save) carries the whole-document fix-all', async () => {
      const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.govreport');
      const dc = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
      assert.equal(applyTextEdits(broken, uri, dc.edits as never), fixAll(broken, { force: true }).text);
    });

    test('a fix computed for an older version is never applied', async () => {
      const pub = await h.diagnosticsFor(uri, 1);
      const diag = pub.diagnostics.find((d) => d.code === 'sum-row-total')!;
      const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diag.range,
        context: { diagnostics: [diag] },
      })) as CodeAction[];
      const quick = actions.find((a) => a.isPreferred)!;
      const tableAction = actions.find((a) => a.title.startsWith('修复本表全部合计'))!;
      // The author types meanwhile (version 2).
      await h.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await h.diagnosticsFor(uri, 2);
      // A resolve for version 1 gives no edit.
      const resolved = await h.conn.sendRequest(CodeActionResolveRequest.type, tableAction);
      assert.equal(resolved.edit, undefined);
      // The quick fix's versioned edit is refused by the editor.
      assert.equal(h.applyWorkspaceEdit(quick.edit!), false);
      // The fix-all command for version 1 refuses and asks the editor for nothing.
      const before = h.applyEditRequests.length;
      const res = await h.conn.sendRequest(ExecuteCommandRequest.type, {
        command: 'govreport.server.fixAll',
        arguments: [{ uri, version: 1 }],
      });
      assert.deepEqual(res, { applied: false, edits: 0, reason: 'stale' });
      assert.equal(h.applyEditRequests.length, before);
    });

    test('the fix-all command for the current version applies through workspace/applyEdit', async () => {
      const doc = h.doc(uri);
      const version = doc.version; // the client's document object is updated in place by later changes
      const expected = fixAll(doc.getText(), {
        force: true,
        ruleIds: ARITHMETIC,
        within: lint(doc.getText(), { force: true }).model.tables.t3!.span,
      }).text;
      const res = (await h.conn.sendRequest(ExecuteCommandRequest.type, {
        command: 'govreport.server.fixAll',
        arguments: [{ uri, version, table: 't3' }],
      })) as { applied: boolean; edits: number };
      assert.equal(res.applied, true);
      assert.ok(res.edits > 0);
      assert.equal(h.doc(uri).getText(), expected);
      const pub = await h.diagnosticsFor(uri, version + 1);
      assert.ok(!pub.diagnostics.some((d) => d.code === 'sum-row-total' || d.code === 'sum-column-total'));
      await h.close(uri);
    });
  });

  describe('fix all problems of one rule', () => {
    /** Seed 001 with 人 written as the Kangxi radical ⼈ (U+2F08) on `lines` lines, and the digit typed into table 三. */
    function withCompat(lines: number): string {
      let text = seedText(SEED);
      const { at } = typedDigit(text);
      text = text.slice(0, at) + '3' + text.slice(at + 1);
      const rows = text.split('\n');
      let done = 0;
      for (let i = 0; i < rows.length && done < lines; i++) {
        if (rows[i].includes('\t') || !rows[i].includes('人')) continue; // prose lines, not table rows
        rows[i] = rows[i].replace('人', '\u2F08');
        done++;
      }
      assert.equal(done, lines);
      return rows.join('\n');
    }
    const title = localize(FEATURE_MESSAGES.actionFixAllOfRule('text-compat-char'), 'zh-cn');

    async function actionsAt(uri: string, code: string): Promise<{ actions: CodeAction[]; diags: Diagnostic[] }> {
      const pub = await h.diagnosticsFor(uri, 1);
      const diags = pub.diagnostics.filter((d) => d.code === code);
      const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diags[0].range,
        context: { diagnostics: [diags[0]], only: ['quickfix'] },
      })) as CodeAction[];
      return { actions, diags };
    }

    test('offered beside the quick fix when a rule has several fixable findings; its edit fixes them all and nothing else', async () => {
      const uri = 'file:///actions/per-rule.txt';
      const text = withCompat(3);
      await h.open(uri, 'govreport', text);
      const { actions, diags } = await actionsAt(uri, 'text-compat-char');
      assert.equal(diags.length, 3);
      const titles = actions.map((a) => a.title);
      assert.equal(title, '修复本文档中所有此类问题（text-compat-char）');
      assert.ok(titles.includes(title), titles.join(' | '));
      // Offered next to the finding's own quick fix, before the whole-document fix-all.
      assert.ok(titles.indexOf(title) > titles.findIndex((t) => actions.find((a) => a.title === t)!.isPreferred));
      assert.ok(titles.indexOf(title) < titles.indexOf('修复文档中所有可自动修复的问题'));
      const perRule = actions.find((a) => a.title === title)!;
      assert.deepEqual(
        perRule.diagnostics!.map((d) => d.range),
        diags.map((d) => d.range),
      );
      assert.equal(perRule.edit, undefined, 'computed on resolve');
      const resolved = await h.conn.sendRequest(CodeActionResolveRequest.type, perRule);
      const dc = resolved.edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(dc.textDocument, { uri, version: 1 });
      const applied = applyTextEdits(text, uri, dc.edits as never);
      // Every ⼈ is back to 人, and that is the only change: the typed digit (sum-row-total) is still wrong.
      assert.equal(applied, text.replaceAll('\u2F08', '人'));
      const before = lint(text, { force: true })
        .findings.map((f) => f.ruleId)
        .filter((id) => id !== 'text-compat-char');
      const after = lint(applied, { force: true }).findings.map((f) => f.ruleId);
      assert.deepEqual(after, before);
      assert.ok(after.includes('sum-row-total'));
      // Each edit touches a ⼈ and nothing else.
      for (const e of dc.edits as { newText: string }[]) assert.equal(e.newText, '人');
      assert.equal(dc.edits.length, 3);

      // Stale: once the document has moved on, resolving gives no edit.
      await h.replace(uri, 0, 0, ' ');
      await h.diagnosticsFor(uri, 2);
      const stale = await h.conn.sendRequest(CodeActionResolveRequest.type, perRule);
      assert.equal(stale.edit, undefined);
      await h.close(uri);
    });

    test('not offered when the rule has a single finding in the document', async () => {
      const uri = 'file:///actions/per-rule-single.txt';
      await h.open(uri, 'govreport', withCompat(1));
      const { actions, diags } = await actionsAt(uri, 'text-compat-char');
      assert.equal(diags.length, 1);
      const titles = actions.map((a) => a.title);
      assert.ok(!titles.some((t) => t.startsWith('修复本文档中所有此类问题')), titles.join(' | '));
      // The finding's own quick fix and the whole-document fix-all are still there.
      assert.ok(actions.some((a) => a.isPreferred));
      assert.ok(titles.includes('修复文档中所有可自动修复的问题'), titles.join(' | '));
      await h.close(uri);
    });
  });

  describe('outline, folding, hover, lenses, report view', () => {
    const uri = 'file:///features/年报.txt';
    let text: string;
    before(async () => {
      const seed = seedText(SEED);
      const { at } = typedDigit(seed);
      text = seed.slice(0, at) + '3' + seed.slice(at + 1);
      await h.open(uri, 'govreport', text);
      await h.diagnosticsFor(uri, 1);
    });

    test('document symbols: title → six sections → sub-items and tables, problem counts in the detail', async () => {
      const symbols = (await h.conn.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri },
      })) as DocumentSymbol[];
      const { model, findings } = lint(text, { force: true });
      assert.equal(symbols.length, 1);
      const title = symbols[0];
      assert.equal(title.name, text.slice(model.title!.span.start, model.title!.span.end));
      assert.deepEqual(title.selectionRange, rangeOf(text, model.title!.span.start, model.title!.span.end));
      assert.deepEqual(
        title.children!.map((s) => s.name),
        model.sections.map((s) => text.slice(s.headingSpan.start, s.headingSpan.end).trim()),
      );
      assert.equal(title.children!.length, 6);
      const s3 = title.children![2];
      const sec3 = model.sections[2];
      const inS3 = findings.filter(
        (f) => f.span.start >= sec3.headingSpan.start && f.span.end <= sec3.bodySpan.end,
      ).length;
      assert.ok(inS3 > 0);
      assert.equal(s3.detail, `${inS3} 个问题`);
      assert.ok(s3.children!.some((c) => c.name === '表三 收到和处理政府信息公开申请情况'));
      const t3 = s3.children!.find((c) => c.name.startsWith('表三'))!;
      assert.deepEqual(t3.range, rangeOf(text, model.tables.t3!.span.start, model.tables.t3!.span.end));
      const s1 = title.children![0];
      assert.deepEqual(
        s1.children!.map((c) => c.name),
        model.sections[0].subItems.map((i) => i.title),
      );
      const s2 = title.children![1];
      const t2 = s2.children!.find((c) => c.name.startsWith('表二'))!;
      assert.equal(t2.children!.length, model.tables.t2!.blocks!.length);
    });

    test('folding: every section and table folds from its first line', async () => {
      const ranges = await h.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      const { model } = lint(text, { force: true });
      const starts = new Set(ranges!.map((r) => r.startLine));
      for (const s of model.sections) if (s.endLine > s.line) assert.ok(starts.has(s.line), `section ${s.id}`);
      for (const t of [model.tables.t2!, model.tables.t3!, model.tables.t4!]) assert.ok(starts.has(t.line));
      for (const r of ranges!) assert.ok(r.endLine > r.startLine);
    });

    test('hover on a broken row total: formula, addends, computed and written values', async () => {
      const { rowStart } = typedDigit(text.replace(/(予以公开\t)3/, '$10'));
      const total = totalCellOf(text, rowStart);
      const hover = await h.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: rangeOf(text, total, total).start,
      });
      assert.ok(hover);
      const md = (hover.contents as MarkupContent).value;
      assert.match(md, /总计 = 自然人 \+ 商业企业 \+ 科研机构 \+ 社会公益组织 \+ 法律服务机构 \+ 其他/);
      assert.match(md, /\| 自然人 \| 3 \|/);
      assert.match(md, /\*\*计算值\*\* \| \*\*3\*\*/);
      assert.match(md, /\| 表中填写 \| 0 \|/);
      assert.match(md, /✗ 不符/);
      assert.deepEqual(hover.range, rangeOf(text, total, total + 1));
      // Not a total: no hover.
      const none = await h.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 1 },
      });
      assert.equal(none, null);
    });

    test('code lenses: table 三 shows its broken sums with a fix, table 四 shows ✓', async () => {
      const lenses = await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      const { model, findings } = lint(text, { force: true });
      const t3 = model.tables.t3!;
      const broken = findings.filter(
        (f) => ARITHMETIC.includes(f.ruleId) && f.span.start >= t3.span.start && f.span.end <= t3.span.end,
      ).length;
      const l3 = lenses!.find((l) => l.range.start.line === rangeOf(text, t3.span.start, t3.span.start).start.line)!;
      assert.equal(l3.command!.title, `${broken} 处合计不符 · 全部修复`);
      assert.equal(l3.command!.command, 'govreport.server.fixAll');
      assert.deepEqual(l3.command!.arguments, [{ uri, version: 1, table: 't3' }]);
      const t4 = model.tables.t4!;
      const l4 = lenses!.find((l) => l.range.start.line === rangeOf(text, t4.span.start, t4.span.start).start.line)!;
      assert.equal(l4.command!.title, '✓ 勾稽关系正确');
    });

    test('report view request: sections and tables with their state, for the current version', async () => {
      const view = (await h.conn.sendRequest('govreport/reportView', { uri })) as {
        version: number;
        linted: boolean;
        isReport: boolean;
        sections: { id: number; present: boolean; range?: unknown; problems: { error: number } }[];
        tables: { kind: string; present: boolean; brokenSums?: number; fixableSums?: number; state: string }[];
        problems: { error: number; warning: number; info: number };
      };
      const { model, findings } = lint(text, { force: true });
      assert.equal(view.version, 1);
      assert.equal(view.linted, true);
      assert.equal(view.isReport, true);
      assert.deepEqual(
        view.sections.map((s) => [s.id, s.present]),
        [1, 2, 3, 4, 5, 6].map((id) => [id, true]),
      );
      assert.deepEqual(
        view.sections[0].range,
        rangeOf(text, model.sections[0].headingSpan.start, model.sections[0].bodySpan.end),
      );
      const t3 = view.tables.find((t) => t.kind === 't3')!;
      const t3span = model.tables.t3!.span;
      const broken = findings.filter(
        (f) => ARITHMETIC.includes(f.ruleId) && f.span.start >= t3span.start && f.span.end <= t3span.end,
      ).length;
      assert.equal(t3.brokenSums, broken);
      assert.equal(t3.state, `${broken} 处合计不符`);
      assert.ok((t3.fixableSums ?? 0) > 0);
      assert.equal(view.tables.find((t) => t.kind === 't4')!.state, '✓ 勾稽关系正确');
      const errors = findings.filter((f) => f.severity === 'error').length;
      assert.equal(view.problems.error, errors);
    });

    after(async () => {
      await h.close(uri);
    });
  });
});

describe('settings', () => {
  let h: LspHarness;
  const uri = 'file:///settings/report.txt';
  let text: string;
  before(async () => {
    h = await LspHarness.start({ debounceMs: 50 }, 'en');
    const seed = seedText(SEED);
    const { at } = typedDigit(seed);
    text = seed.slice(0, at) + '3' + seed.slice(at + 1);
    await h.open(uri, 'plaintext', text);
  });
  after(() => h.kill());

  test('a rule set to off disappears; a severity override applies; messages follow messageLanguage', async () => {
    const first = await h.diagnosticsFor(uri, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'sum-row-total'));
    let n = h.published.length;
    await h.changeSettings({ debounceMs: 50, rules: { 'sum-row-total': 'off', 'sum-column-total': 'warning' } });
    const off = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    assert.ok(!off.diagnostics.some((d) => d.code === 'sum-row-total'));
    const col = off.diagnostics.filter((d) => d.code === 'sum-column-total');
    assert.ok(col.length > 0 && col.every((d) => d.severity === DiagnosticSeverity.Warning));

    n = h.published.length;
    await h.changeSettings({ debounceMs: 50, messageLanguage: 'en' });
    const en = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    const expected = lint(text).findings.map((f) => expectedDiagnostic(text, uri, f, 'en'));
    assert.deepEqual(en.diagnostics, expected);

    n = h.published.length;
    await h.changeSettings({ debounceMs: 50, messageLanguage: 'auto' });
    const auto = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    assert.deepEqual(auto.diagnostics, expected, 'auto follows the display language given at initialize (en)');
  });

  test('detection off: plaintext is not linted, the govreport language still is; enable off silences all', async () => {
    let n = h.published.length;
    await h.changeSettings({ debounceMs: 50, detectReports: false });
    const plain = await h.diagnostics(uri, (p) => h.published.indexOf(p) >= n);
    assert.deepEqual(plain.diagnostics, []);

    const reportUri = 'file:///settings/年报.txt';
    await h.open(reportUri, 'govreport', text);
    const rep = await h.diagnosticsFor(reportUri, 1);
    assert.ok(rep.diagnostics.some((d) => d.code === 'sum-row-total'));

    n = h.published.length;
    await h.changeSettings({ debounceMs: 50, enable: false });
    const silent = await h.diagnostics(reportUri, (p) => h.published.indexOf(p) >= n);
    assert.deepEqual(silent.diagnostics, []);
    await h.close(reportUri);
  });

  test('plaintext that is not a report gets no diagnostics', async () => {
    await h.changeSettings({ debounceMs: 50 });
    const other = 'file:///settings/notes.txt';
    await h.open(other, 'plaintext', '今天的会议纪要。\n一、总体情况很好\n');
    const pub = await h.diagnosticsFor(other, 1);
    assert.deepEqual(pub.diagnostics, []);
    const symbols = await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } });
    assert.deepEqual(symbols, []);
  });

  test('positions count UTF-16 code units: a CJK Extension B name before a broken total', async () => {
    await h.changeSettings({ debounceMs: 50 });
    const u = 'file:///settings/extb.txt';
    // Two surrogate pairs in the title: every position after them on that line counts them twice.
    const withExtB = text.replace('南岗区', '𠀀𠀁南岗区');
    await h.open(u, 'govreport', withExtB);
    const pub = await h.diagnosticsFor(u, 1);
    const f = lint(withExtB, { force: true }).findings;
    assert.deepEqual(
      pub.diagnostics,
      f.map((x) => expectedDiagnostic(withExtB, u, x)),
    );
    const titleSymbols = (await h.conn.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: u },
    })) as DocumentSymbol[];
    const title = lint(withExtB).model.title!;
    assert.deepEqual(titleSymbols[0].selectionRange, rangeOf(withExtB, title.span.start, title.span.end));
    assert.ok(titleSymbols[0].name.startsWith('𠀀𠀁'));
  });

  test('shutdown and exit end the process with code 0', async () => {
    const code = await h.shutdown();
    assert.equal(code, 0);
  });
});
