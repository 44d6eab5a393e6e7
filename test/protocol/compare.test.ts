/**
 * `govreport/compare` over the real protocol: the built server (and, for the `findPrevious` hook, the same
 * server started with a hook) against reports on disk and open in the "editor". Expected values come from
 * the engine (`parse`, `compareReports`) and from the texts; the html is read with a real html parser.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareReports, localize, parse } from '../../server/src/core';
import { isChanged } from '../../server/src/core/features/compareView';
import { reviewMessages as R } from '../../server/src/core/i18n/messages/review';
import { inputMessages } from '../../server/src/core/i18n/messages/input';
import { readInput, REPORT_EXTENSIONS } from '../../server/src/io/read';
import { extractedUriOf } from '../../server/src/lsp/extracted';
import { CompareRequest, type CompareParams, type CompareResult } from '../../server/src/lsp/protocol';
import { consistentPair, withT3 } from '../helpers/pairs';
import { render } from '../helpers/report';
import { makeDocx } from '../cli/helpers';
import { LspHarness, rangeOf, ROOT } from './harness';

type Node = {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
};
type Parse5 = typeof import('parse5', { with: { 'resolution-mode': 'import' } });
let parse5: Parse5;

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
function elements(n: Node, name: string, out: Node[] = []): Node[] {
  if (n.nodeName === name) out.push(n);
  for (const c of n.childNodes ?? []) elements(c, name, out);
  return out;
}
function textOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  return (n.childNodes ?? []).map(textOf).join('');
}
function fragment(html: string): Node {
  return parse5.parseFragment(html) as unknown as Node;
}

const BODY = '丙市𠮷城区交通运输局';
const TEST_SERVER = path.join(ROOT, 'out/test/protocol/compareServer.js');

interface Files {
  dir: string;
  /** 2020, 2019 trial format, CRLF, on disk only. */
  prevFile: string;
  prevText: string;
  /** 2021, 2021 format: on disk one way, open in the editor with other figures. */
  curFile: string;
  curDisk: string;
  curOpen: string;
}

/**
 * Last year's report in the 2019 format, this year's in the 2021 format. The open document differs from
 * the file on disk: 予以公开 (总计) is 9 more than last year's, and 上年结转 (自然人) is 2 more than last
 * year's 结转下年度 (a broken carry-over).
 */
function files(): Files {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-compare-'));
  const p = consistentPair({ body: BODY, year: 2021, previousEdition: '2019', currentEdition: '2021', seed: 5 });
  const prevText = render(p.previous, 'tab', { eol: '\r\n' });
  const curDisk = render(p.current, 'tab');
  const open = Number(p.previous.t3['t3.open'][6]) + 9;
  const carried = Number(p.previous.t3['t3.next'][0]) + 2;
  const curOpen = render(withT3(withT3(p.current, 't3.open', 6, open), 't3.carried', 0, carried), 'tab');
  const prevFile = path.join(dir, `${BODY}2020年政府信息公开工作年度报告.txt`);
  const curFile = path.join(dir, `${BODY}2021年政府信息公开工作年度报告.txt`);
  fs.writeFileSync(prevFile, prevText);
  fs.writeFileSync(curFile, curDisk);
  return { dir, prevFile, prevText, curFile, curDisk, curOpen };
}

const uriOf = (file: string) => pathToFileURL(file).href;

async function compare(h: LspHarness, params: CompareParams): Promise<CompareResult> {
  return h.conn.sendRequest<CompareResult>(CompareRequest.method, params);
}

function comparison(r: CompareResult): Extract<CompareResult, { kind: 'comparison' }> {
  assert.equal(r.kind, 'comparison', JSON.stringify(r).slice(0, 500));
  return r as Extract<CompareResult, { kind: 'comparison' }>;
}

/** The figure row of the html for a row and column id, with its two links. */
function figureRow(html: string, row: string, column: string) {
  const tr = elements(fragment(html), 'tr').find(
    (t) => attr(t, 'data-row') === row && attr(t, 'data-column') === column,
  );
  assert.ok(tr, `no figure row ${row} / ${column}`);
  const cells = elements(tr, 'td').map(textOf);
  const link = (side: string) => elements(tr, 'a').find((a) => attr(a, 'data-side') === side);
  return { tr, cells, previous: link('previous'), current: link('current') };
}

/** Range of table 三's cell (row id, column index) in a text, computed from the engine's parse. */
function t3CellRange(text: string, row: string, col: number) {
  const cell = parse(text).tables.t3!.rows.find((r) => r.rowId === row)!.cells[col];
  return { range: rangeOf(text, cell.span.start, cell.span.end), raw: cell.raw };
}

describe('govreport/compare', () => {
  let h: LspHarness;
  let f: Files;
  before(async () => {
    parse5 = await import('parse5');
    f = files();
    h = await LspHarness.start({});
  });
  after(async () => {
    await h.shutdown();
    fs.rmSync(f.dir, { recursive: true, force: true });
  });

  test('an open report against last year on disk: 2019 vs 2021 format, every figure linked to its cell', async () => {
    const curUri = uriOf(f.curFile);
    await h.open(curUri, 'govreport', f.curOpen);
    const r = comparison(await compare(h, { uri: curUri, previousUri: uriOf(f.prevFile) }));
    assert.equal(r.uri, curUri);
    assert.equal(r.previousUri, uriOf(f.prevFile));
    assert.equal(r.language, 'zh-cn');
    assert.equal(r.notice, undefined);

    // The same comparison as the engine's, from the open text (not the file on disk).
    const expected = compareReports(parse(f.prevText), parse(f.curOpen));
    assert.equal(r.figures.length, expected.figures.length);
    assert.equal(r.changed, expected.figures.filter(isChanged).length);
    assert.ok(r.changed >= 2);
    assert.equal(expected.previous.edition, '2019');
    assert.equal(expected.current.edition, '2021');

    // 予以公开 · 总计: +9, with both cells linked.
    const row = figureRow(r.html, 't3.open', 'total');
    const prevCell = t3CellRange(f.prevText, 't3.open', 6);
    const curCell = t3CellRange(f.curOpen, 't3.open', 6);
    assert.equal(row.cells[2], prevCell.raw);
    assert.equal(row.cells[3], curCell.raw);
    assert.equal(Number(curCell.raw) - Number(prevCell.raw), 9);
    assert.equal(row.cells[4], '+9');
    const before = Number(prevCell.raw);
    assert.ok(before > 0);
    assert.equal(row.cells[5], `+${((9 / before) * 100).toFixed(1)}%`);
    assert.equal(attr(row.tr, 'class'), 'changed');
    const i = Number(attr(row.previous!, 'data-figure'));
    assert.equal(attr(row.current!, 'data-figure'), String(i));
    assert.deepEqual(r.figures[i].previous, prevCell.range);
    assert.deepEqual(r.figures[i].current, curCell.range);

    // Every link's index has the ranges of that figure, and the text there is the figure as written.
    const links = elements(fragment(r.html), 'a');
    assert.ok(links.length > 2 * 150, `${links.length} links`);
    const prevLines = f.prevText.split(/\r\n|\r|\n/);
    const curLines = f.curOpen.split('\n');
    for (const a of links) {
      const k = Number(attr(a, 'data-figure'));
      const side = attr(a, 'data-side') as 'previous' | 'current';
      const range = r.figures[k][side];
      assert.ok(range, `link ${k} ${side} has a range`);
      assert.equal(range.start.line, range.end.line);
      const line = (side === 'previous' ? prevLines : curLines)[range.start.line];
      const fig = expected.figures[k][side]!;
      assert.equal(line.slice(range.start.character, range.end.character), fig.raw, `figure ${k} ${side}`);
    }

    // The broken carry-over, and the 现行有效 identity that the 2019 format cannot give.
    const identities = elements(fragment(r.html), 'tr').filter((t) => attr(t, 'data-status'));
    const broken = identities.filter((t) => attr(t, 'data-status') === 'broken').map(textOf);
    assert.equal(broken.length, 1);
    assert.match(broken[0], /上年结转.*自然人.*不成立/);
    const skipped = identities.filter((t) => attr(t, 'data-status') === 'skipped').map(textOf);
    assert.ok(skipped.length >= 2 && skipped.every((s) => s.includes(localize(R.skipEdition))), skipped.join('\n'));
    await h.close(curUri);
  });

  test('both reports on disk; English when messageLanguage is en', async () => {
    const en = await LspHarness.start({ messageLanguage: 'en' });
    try {
      const r = comparison(await compare(en, { uri: uriOf(f.curFile), previousUri: uriOf(f.prevFile) }));
      assert.equal(r.language, 'en');
      assert.match(r.title, /^Year-over-year comparison — /);
      const row = figureRow(r.html, 't3.open', 'natural');
      // The file on disk: 予以公开 unchanged from the consistent pair.
      const curCell = t3CellRange(f.curDisk, 't3.open', 0);
      assert.equal(row.cells[3], curCell.raw);
      assert.deepEqual(r.figures[Number(attr(row.current!, 'data-figure'))].current, curCell.range);
      assert.match(r.html, /Cross-year identities/);
    } finally {
      await en.shutdown();
    }
  });

  test('without last year and without a hook: need previous, with the report extensions and the year', async () => {
    const r = await compare(h, { uri: uriOf(f.curFile) });
    assert.deepEqual(r, {
      kind: 'needPrevious',
      extensions: Object.keys(REPORT_EXTENSIONS),
      year: 2021,
      body: BODY,
    });
    assert.ok(Object.keys(REPORT_EXTENSIONS).includes('.docx'));
  });

  test('a report that cannot be read: unreadable, with the reason; the server goes on', async () => {
    const missing = path.join(f.dir, 'nope.txt');
    const r = await compare(h, { uri: uriOf(f.curFile), previousUri: uriOf(missing) });
    assert.deepEqual(r, {
      kind: 'unreadable',
      uri: uriOf(missing),
      message: localize(R.fileUnreadable('nope.txt', inputMessages.notFound())),
    });
    const u = await compare(h, { uri: 'untitled:Untitled-1' });
    assert.equal(u.kind, 'unreadable');
    assert.equal((u as { message: string }).message, localize(R.fileUnreadable('Untitled-1', R.notOnDisk)));
    // Bad parameters are refused, not crashed on.
    await assert.rejects(h.conn.sendRequest(CompareRequest.method, { uri: 3 }), /parameters/);
    assert.equal(
      comparison(await compare(h, { uri: uriOf(f.curFile), previousUri: uriOf(f.prevFile) })).uri,
      uriOf(f.curFile),
    );
  });

  test('the years the wrong way round: a notice in the answer and on the page', async () => {
    const r = comparison(await compare(h, { uri: uriOf(f.prevFile), previousUri: uriOf(f.curFile) }));
    const expected = localize(R.wrongOrder(path.basename(f.curFile), 2021, path.basename(f.prevFile), 2020));
    assert.equal(r.notice, expected);
    const p = elements(fragment(r.html), 'p').find((x) => attr(x, 'role') === 'alert');
    assert.equal(p && textOf(p), expected);
  });

  test('a Word report on disk by its extracted URI: figures linked into the extracted text', async () => {
    const docx = path.join(f.dir, '2020.docx');
    fs.writeFileSync(docx, await makeDocx(f.prevText.replace(/\r\n/g, '\n')));
    const extracted = extractedUriOf(uriOf(docx))!;
    const text = (await readInput(docx)).text;
    for (const previousUri of [extracted, uriOf(docx)]) {
      const r = comparison(await compare(h, { uri: uriOf(f.curFile), previousUri }));
      assert.equal(r.previousUri, extracted, 'links open the extracted text');
      const row = figureRow(r.html, 't3.open', 'natural');
      assert.deepEqual(
        r.figures[Number(attr(row.previous!, 'data-figure'))].previous,
        t3CellRange(text, 't3.open', 0).range,
      );
    }
  });
});

describe('govreport/compare with a findPrevious hook', () => {
  let h: LspHarness;
  let f: Files;
  before(async () => {
    parse5 = await import('parse5');
    f = files();
    const previous = { [uriOf(f.curFile)]: uriOf(f.prevFile) };
    h = await LspHarness.start({}, 'zh-cn', {
      server: TEST_SERVER,
      env: { ...process.env, GOVREPORT_TEST_PREVIOUS: JSON.stringify(previous) },
    });
  });
  after(async () => {
    await h.shutdown();
    fs.rmSync(f.dir, { recursive: true, force: true });
  });

  test('the hook names last year: compared without asking', async () => {
    const r = comparison(await compare(h, { uri: uriOf(f.curFile) }));
    assert.equal(r.previousUri, uriOf(f.prevFile));
    const row = figureRow(r.html, 't3.open', 'natural');
    assert.deepEqual(
      r.figures[Number(attr(row.previous!, 'data-figure'))].previous,
      t3CellRange(f.prevText, 't3.open', 0).range,
    );
  });

  test('the hook knows nothing: need previous; a given previousUri wins over the hook', async () => {
    assert.equal((await compare(h, { uri: uriOf(f.prevFile) })).kind, 'needPrevious');
    const r = comparison(await compare(h, { uri: uriOf(f.curFile), previousUri: uriOf(f.curFile) }));
    assert.equal(r.previousUri, uriOf(f.curFile));
    assert.equal(r.changed, 0);
  });
});
