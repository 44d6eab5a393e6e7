/**
 * The workspace index over the real protocol: an open report is checked against last year's report of
 * the same body found in the workspace folder (related location in the other file, exact range), the
 * hover on a 上年结转 cell shows last year's figure, a change of last year's file on disk re-checks, and
 * `govreport.exclude` / `files.exclude` keep files out of the index.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { parse } from '../../server/src/core';
import { consistentPair, withT3 } from '../helpers/pairs';
import { render } from '../helpers/report';
import { LspHarness, rangeOf } from './harness';
import { CompareRequest, type CompareResult } from '../../server/src/lsp/protocol';

const BODY = '某某市某某区财政局';
const CARRY = 'cross-year-carry-over';

function cellSpan(text: string, row: string, col: number) {
  const r = parse(text).tables.t3!.rows.find((x) => x.rowId === row)!;
  return r.cells[col].span;
}

function samePath(a: string, b: string): boolean {
  const p = (u: string) => fileURLToPath(u.replace(/^govreport-extracted:/, 'file:'));
  return p(a) === p(b);
}

interface Folder {
  dir: string;
  prevPath: string;
  prevText: string;
  curPath: string;
  curText: string;
  /** This year's 上年结转 (自然人) as written, last year's 结转下年度 (自然人). */
  carried: number;
  next: number;
}

function makeFolder(): Folder {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ws-'));
  const pair = consistentPair({ body: BODY, year: 2023 });
  const next = Number(pair.previous.t3['t3.next'][0]);
  const current = withT3(pair.current, 't3.carried', 0, next + 7);
  // A character outside the BMP before the tables: positions in last year's file count UTF-16 units.
  const prevText = render(pair.previous, 'tab').replace('（一）主动公开。', '（一）主动公开𠮷𠮷。');
  const curText = render(current, 'tab');
  const prevPath = path.join(dir, '2022', `${BODY}2022年政府信息公开工作年度报告.txt`);
  const curPath = path.join(dir, '2023', `${BODY}2023年政府信息公开工作年度报告.txt`);
  fs.mkdirSync(path.dirname(prevPath));
  fs.mkdirSync(path.dirname(curPath));
  fs.writeFileSync(prevPath, prevText);
  fs.writeFileSync(curPath, curText);
  // A draft of last year's report in a folder the settings exclude: indexed, it would make two candidates.
  fs.mkdirSync(path.join(dir, '草稿'));
  fs.writeFileSync(path.join(dir, '草稿', '2022年报草稿.txt'), prevText);
  return { dir, prevPath, prevText, curPath, curText, carried: next + 7, next };
}

const hasCarry = (d: { diagnostics: Diagnostic[] }) => d.diagnostics.some((x) => x.code === CARRY);

describe('workspace index: cross-year checks in the editor', () => {
  let h: LspHarness;
  let f: Folder;
  let curUri: string;

  before(async () => {
    f = makeFolder();
    h = await LspHarness.start({ debounceMs: 0, exclude: ['草稿/**'] }, 'zh-cn', {
      workspaceFolders: [pathToFileURL(f.dir).href],
    });
    curUri = pathToFileURL(f.curPath).href;
    await h.open(curUri, 'govreport', f.curText);
  });
  after(async () => {
    await h.shutdown();
    fs.rmSync(f.dir, { recursive: true, force: true });
  });

  test('last year’s report in the folder gives a cross-year finding linked to its cell', async () => {
    const p = await h.diagnostics(curUri, hasCarry, 20_000);
    const d = p.diagnostics.find((x) => x.code === CARRY)!;
    const span = cellSpan(f.curText, 't3.carried', 0);
    assert.deepEqual(d.range, rangeOf(f.curText, span.start, span.end));
    const message = d.message as string;
    assert.match(message, new RegExp(`${f.carried}`));
    assert.match(message, new RegExp(`2022/${BODY}2022年`));
    const rel = d.relatedInformation ?? [];
    assert.equal(rel.length, 1);
    assert.ok(samePath(rel[0].location.uri, pathToFileURL(f.prevPath).href), rel[0].location.uri);
    const prevSpan = cellSpan(f.prevText, 't3.next', 0);
    assert.deepEqual(rel[0].location.range, rangeOf(f.prevText, prevSpan.start, prevSpan.end));
    // The surrogate pairs before it: the character is counted in UTF-16 units, not code points.
    assert.ok(f.prevText.slice(0, prevSpan.start).includes('𠮷'));
    assert.match(rel[0].message, new RegExp(`${f.next}`));
  });

  test('the code actions on the cross-year finding carry it as published, last year’s cell included', async () => {
    const p = await h.diagnostics(curUri, hasCarry, 20_000);
    const d = p.diagnostics.find((x) => x.code === CARRY)!;
    const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: curUri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const carried = actions.filter((a) => (a.diagnostics ?? []).some((x) => x.code === CARRY));
    assert.ok(carried.length > 0, actions.map((a) => a.title).join());
    for (const a of carried)
      assert.deepEqual(
        a.diagnostics?.find((x) => x.code === CARRY),
        d,
        a.title,
      );
  });

  test('the hover on a 上年结转 cell shows last year’s 结转下年度继续办理', async () => {
    await h.diagnostics(curUri, hasCarry, 20_000);
    const span = cellSpan(f.curText, 't3.carried', 0);
    const position = rangeOf(f.curText, span.start, span.end).start;
    const hover = (await h.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri: curUri },
      position,
    })) as Hover | null;
    assert.ok(hover);
    const value: string = (hover.contents as MarkupContent).value;
    assert.match(value, /上年结转/);
    assert.match(value, new RegExp(`四、结转下年度继续办理.*${f.next}`));
    assert.match(value, /✗ 不符/);
    assert.deepEqual(hover.range, rangeOf(f.curText, span.start, span.end));
  });

  test('与上年报告对比 without a previous report: the index names last year’s file', async () => {
    await h.diagnostics(curUri, hasCarry, 20_000);
    const r = await h.conn.sendRequest<CompareResult>(CompareRequest.method, { uri: curUri });
    assert.equal(r.kind, 'comparison', JSON.stringify(r).slice(0, 300));
    if (r.kind !== 'comparison') return;
    assert.ok(samePath(r.previousUri, pathToFileURL(f.prevPath).href), r.previousUri);
    assert.equal(r.uri, curUri);
  });

  test('a change of last year’s file on disk checks the open report again', async () => {
    await h.diagnostics(curUri, hasCarry, 20_000);
    const fixed = f.prevText.replace(
      new RegExp(`^(四、结转下年度继续办理\\t+)${f.next}\\t`, 'm'),
      (_m, lead: string) => `${lead}${f.carried}\t`,
    );
    assert.notEqual(fixed, f.prevText, 'the previous report was edited');
    const before = h.published.length;
    fs.writeFileSync(f.prevPath, fixed);
    await h.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(f.prevPath).href, type: 2 }],
    });
    const p = await h.diagnostics(curUri, (x) => h.published.indexOf(x) >= before && !hasCarry(x), 20_000);
    assert.ok(!hasCarry(p));
    // Back as it was: the finding returns.
    const again = h.published.length;
    fs.writeFileSync(f.prevPath, f.prevText);
    await h.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(f.prevPath).href, type: 2 }],
    });
    await h.diagnostics(curUri, (x) => h.published.indexOf(x) >= again && hasCarry(x), 20_000);
  });

  test('without the exclusion the draft is a second candidate: no pairing, no cross-year finding', async () => {
    await h.diagnostics(curUri, hasCarry, 20_000);
    const before = h.published.length;
    await h.changeSettings({ debounceMs: 0 });
    await h.diagnostics(curUri, (x) => h.published.indexOf(x) >= before && !hasCarry(x), 20_000);
    // files.exclude (the editor's own setting) leaves the draft out as well.
    const again = h.published.length;
    h.filesExclude = { '**/草稿': true };
    await h.changeSettings({ debounceMs: 0 });
    await h.diagnostics(curUri, (x) => h.published.indexOf(x) >= again && hasCarry(x), 20_000);
  });
});
