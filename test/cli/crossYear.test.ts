/**
 * The CLI's cross-year checks, review report and `compare`, on folders of generated reports: pairs in
 * different input formats (.txt, .md, .docx made at test time) and editions, a broken carry-over, a broken
 * 现行有效 identity, two bodies in one folder, a missing previous year, a title without a body.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from '../../server/src/core';
import { render } from '../helpers/report';
import { consistentPair, withT2, withT3 } from '../helpers/pairs';
import { lineCol, makeDocx, runCli, tempDir } from './helpers';

interface JsonDiag {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}
interface JsonEntry {
  file: string;
  diagnostics: JsonDiag[];
  crossYear?: { body?: string; year?: number; previous?: string; note?: string };
}

/** Where table 三's cell (row, column index) is in `text`: 1-based line and column. */
function t3CellPos(text: string, row: string, col: number): { line: number; column: number } {
  const r = parse(text).tables.t3!.rows.find((x) => x.rowId === row)!;
  return lineCol(text, r.cells[col].span.start);
}

interface Folder {
  dir: string;
  /** 甲 2022 (.txt), the previous report of the broken carry-over. */
  a2022: string;
}

/**
 * 甲区财政局 2021 (.md), 2022 (.txt), 2023 (.docx, 二、上年结转 自然人 written 5 where 2022 carried 3 forward);
 * 乙区人民政府办公室 2020 (2019 format, .md) and 2021 (.txt, 现行有效 of 行政规范性文件 off by 4 — but the 2019
 * edition has no counterpart, so no finding) and 2022 (.txt, 现行有效 broken against 2021);
 * 乙区人民政府办公厅 2022 (another body: not paired with 办公室); a report whose title names no body.
 */
async function folder(): Promise<Folder> {
  const dir = tempDir('crossyear');
  const a1 = consistentPair({ body: '甲区财政局', year: 2022, seed: 11 });
  const a2 = consistentPair({ body: '甲区财政局', year: 2023, seed: 12 });
  // a2.previous must be a1.current: build the 2023 report from a1.current's carry-forward.
  const a2023 = structuredClone(a2.current);
  a2023.t3['t3.carried'] = structuredClone(a1.current.t3['t3.next']);
  a2023.t3['t3.new'] = a2023.t3['t3.total'].map(
    (t, i) => Number(t) + Number(a2023.t3['t3.next'][i]) - Number(a2023.t3['t3.carried'][i]),
  );
  for (const row of ['t2.1.rules', 't2.1.normative']) {
    const [made, repealed] = a2023.t2[row].map(Number);
    a2023.t2[row] = [made, repealed, Number(a1.current.t2[row][2]) + made - repealed];
  }
  assert.equal(a1.current.t3['t3.next'][0], 3);
  fs.writeFileSync(path.join(dir, '甲2021.md'), render(a1.previous, 'markdown'));
  const a2022 = render(a1.current, 'tab');
  fs.writeFileSync(path.join(dir, '甲2022.txt'), a2022);
  fs.writeFileSync(path.join(dir, '甲2023.docx'), await makeDocx(render(withT3(a2023, 't3.carried', 0, 5), 'tab')));

  const b = consistentPair({
    body: '乙区人民政府办公室',
    year: 2021,
    previousEdition: '2019',
    currentEdition: '2021',
    seed: 21,
  });
  fs.writeFileSync(path.join(dir, '乙2020.md'), render(b.previous, 'markdown'));
  fs.writeFileSync(path.join(dir, '乙2021.txt'), render(b.current, 'pdf'));
  const b2 = consistentPair({ body: '乙区人民政府办公室', year: 2022, seed: 22 });
  const b2022 = structuredClone(b2.current);
  b2022.t3['t3.carried'] = structuredClone(b.current.t3['t3.next']);
  b2022.t3['t3.new'] = b2022.t3['t3.total'].map(
    (t, i) => Number(t) + Number(b2022.t3['t3.next'][i]) - Number(b2022.t3['t3.carried'][i]),
  );
  const [made, repealed] = b2022.t2['t2.1.normative'].map(Number);
  b2022.t2['t2.1.normative'] = [made, repealed, Number(b.current.t2['t2.1.normative'][2]) + made - repealed + 4];
  b2022.t2['t2.1.rules'] = [0, 0, Number(b.current.t2['t2.1.rules'][2])];
  fs.writeFileSync(path.join(dir, '乙2022.txt'), render(b2022, 'tab'));
  const other = consistentPair({ body: '乙区人民政府办公厅', year: 2022, seed: 31 }).current;
  fs.writeFileSync(path.join(dir, '乙办公厅2022.txt'), render(other, 'tab'));
  const anonymous = consistentPair({ body: '', year: 2022, seed: 41 }).current;
  fs.writeFileSync(path.join(dir, '无名2022.txt'), render(anonymous, 'tab'));
  return { dir, a2022 };
}

const crossYear = (e: JsonEntry) => e.diagnostics.filter((d) => d.rule.startsWith('cross-year-'));

test("a folder: every consecutive-year pair of each body is checked; findings link last year's cell in the other file", async () => {
  const f = await folder();
  const r = runCli(['-f', 'json', '.'], { cwd: f.dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const out = JSON.parse(r.stdout) as JsonEntry[];
  const by = new Map(out.map((e) => [e.file, e]));
  assert.equal(out.length, 8);

  // 甲: 2021 ← 2022 ← 2023 (.md, .txt, .docx).
  assert.equal(by.get('甲2022.txt')!.crossYear?.previous, '甲2021.md');
  assert.equal(by.get('甲2023.docx')!.crossYear?.previous, '甲2022.txt');
  assert.deepEqual(crossYear(by.get('甲2022.txt')!), []);
  const hits = crossYear(by.get('甲2023.docx')!);
  assert.deepEqual(
    hits.map((d) => [d.rule, d.severity]),
    [['cross-year-carry-over', 'warning']],
  );
  const rel = hits[0].related!;
  assert.equal(rel.length, 1);
  assert.equal(rel[0].file, '甲2022.txt');
  const at = t3CellPos(f.a2022, 't3.next', 0);
  assert.deepEqual({ line: rel[0].line, column: rel[0].column }, at);
  assert.equal(rel[0].endColumn, at.column + 1);
  assert.match(hits[0].message, /甲2023\.docx.*二、上年结转.*自然人.*5.*甲2022\.txt.*四、结转下年度继续办理.*3/);
  // The finding sits on this year's cell in the extracted text.
  const extracted = runCli(['--print-text', '甲2023.docx'], { cwd: f.dir }).stdout;
  assert.deepEqual({ line: hits[0].line, column: hits[0].column }, t3CellPos(extracted, 't3.carried', 0));

  // 乙: 2020 (2019 format) ← 2021: carry-over holds, 现行有效 has no counterpart: no finding.
  assert.equal(by.get('乙2021.txt')!.crossYear?.previous, '乙2020.md');
  assert.deepEqual(crossYear(by.get('乙2021.txt')!), []);
  // 乙 2021 ← 2022: 现行有效 of 行政规范性文件 is off by 4: an info.
  const valid = crossYear(by.get('乙2022.txt')!);
  assert.deepEqual(
    valid.map((d) => [d.rule, d.severity]),
    [['cross-year-valid-documents', 'info']],
  );
  assert.equal(valid[0].related![0].file, '乙2021.txt');

  // Not paired, with a note (not an error): the first year of each body, another body (办公厅 ≠ 办公室), no body.
  for (const name of ['甲2021.md', '乙2020.md', '乙办公厅2022.txt']) {
    assert.equal(by.get(name)!.crossYear?.previous, undefined, name);
    assert.match(by.get(name)!.crossYear!.note!, /没有.*年的报告/, name);
  }
  assert.match(by.get('无名2022.txt')!.crossYear!.note!, /标题中没有可读的机关名称/);

  // Stylish: the related location as 上年报告 <file>:<line>.
  const s = runCli(['.'], { cwd: f.dir });
  assert.match(s.stdout, new RegExp(`上年报告 甲2022\\.txt:${at.line}:${at.column}`));
  assert.match(s.stdout, /跨年核对：4 对相邻年度的报告/);
  const en = runCli(['--lang', 'en', '.'], { cwd: f.dir });
  assert.match(en.stdout, new RegExp(`previous year's report 甲2022\\.txt:${at.line}`));
});

test('--no-cross-year turns the checks off; --rule configures them like any rule; workers give the same result', async () => {
  const f = await folder();
  assert.equal(
    runCli(['-f', 'json', '-j', '2', '.'], { cwd: f.dir }).stdout,
    runCli(['-f', 'json', '-j', '1', '.'], { cwd: f.dir }).stdout,
  );
  const off = JSON.parse(runCli(['-f', 'json', '--no-cross-year', '.'], { cwd: f.dir }).stdout) as JsonEntry[];
  assert.ok(off.every((e) => crossYear(e).length === 0 && e.crossYear === undefined));
  const err = JSON.parse(
    runCli(['-f', 'json', '--rule', 'cross-year-carry-over=error', '.'], { cwd: f.dir }).stdout,
  ) as JsonEntry[];
  assert.equal(crossYear(err.find((e) => e.file === '甲2023.docx')!)[0].severity, 'error');
  const ruleOff = JSON.parse(
    runCli(['-f', 'json', '--rule', 'cross-year-valid-documents=off', '.'], { cwd: f.dir }).stdout,
  ) as JsonEntry[];
  assert.deepEqual(crossYear(ruleOff.find((e) => e.file === '乙2022.txt')!), []);
});

test("--previous names last year's report for one file; it is read, never reported on or fixed", () => {
  const dir = tempDir('previous');
  const p = consistentPair({ body: '丙县教育局', year: 2022 });
  const prevText = render(p.previous, 'tab');
  fs.writeFileSync(path.join(dir, 'last.txt'), prevText);
  fs.writeFileSync(path.join(dir, 'this.txt'), render(withT3(p.current, 't3.carried', 6, 17), 'tab'));
  const r = runCli(['-f', 'json', '--previous', 'last.txt', 'this.txt'], { cwd: dir });
  const out = JSON.parse(r.stdout) as JsonEntry[];
  assert.deepEqual(
    out.map((e) => e.file),
    ['this.txt'],
  );
  assert.equal(out[0].crossYear?.previous, 'last.txt');
  const hits = crossYear(out[0]);
  assert.equal(hits.length, 1);
  assert.deepEqual(
    { line: hits[0].related![0].line, column: hits[0].related![0].column },
    t3CellPos(prevText, 't3.next', 6),
  );
  // --fix writes this year's fixes only: last year's file is untouched.
  fs.writeFileSync(path.join(dir, 'last.txt'), withBrokenTotal(prevText));
  const before = fs.readFileSync(path.join(dir, 'last.txt'), 'utf8');
  runCli(['--fix', '--previous', 'last.txt', 'this.txt'], { cwd: dir });
  assert.equal(fs.readFileSync(path.join(dir, 'last.txt'), 'utf8'), before);
  // Usage errors.
  assert.equal(runCli(['--previous', 'last.txt', 'this.txt', 'last.txt'], { cwd: dir }).code, 2);
  assert.equal(runCli(['--previous', 'last.txt', '--no-cross-year', 'this.txt'], { cwd: dir }).code, 2);
  const missing = runCli(['--previous', 'nope.txt', 'this.txt'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.txt/);
});

/** The first table 三 row total made wrong (a fixable error), so `--fix` has something to write. */
function withBrokenTotal(text: string): string {
  const row = parse(text).tables.t3!.rows.find((r) => r.rowId === 't3.open')!;
  const cell = row.cells[row.cells.length - 1];
  return text.slice(0, cell.span.start) + String(Number(cell.raw) + 1) + text.slice(cell.span.end);
}

test('sarif carries relatedLocations with the other file and validates against the full SARIF 2.1.0 schema', async () => {
  const f = await folder();
  const r = runCli(['-f', 'sarif', '.'], { cwd: f.dir });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const log: any = JSON.parse(r.stdout);
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  const run = log.runs[0];
  const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'cross-year-carry-over');
  const rl = res.relatedLocations[0].physicalLocation;
  assert.equal(decodeURIComponent(rl.artifactLocation.uri), '甲2022.txt');
  assert.equal(decodeURIComponent(run.artifacts[rl.artifactLocation.index].location.uri), '甲2022.txt');
  const at = t3CellPos(f.a2022, 't3.next', 0);
  assert.deepEqual(rl.region, {
    startLine: at.line,
    startColumn: at.column,
    endLine: at.line,
    endColumn: at.column + 1,
  });
  // A related location is checked by the schema: a malformed one is rejected.
  const bad = structuredClone(log);
  bad.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'cross-year-carry-over').relatedLocations[0].id = -3;
  assert.equal(validate(bad), false);
});

// ---------------------------------------------------------------- html review report (structure; the browser test is e2e)

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;
/** parse5 is an ES module: loaded with import(). */
async function parseHtml(html: string): Promise<Node> {
  const parse5 = await import('parse5');
  return parse5.parse(html);
}
function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  for (const c of n.childNodes ?? []) walk(c, visit);
  if (n.content) walk(n.content, visit);
}
function elements(doc: Node, tag: string): Node[] {
  const out: Node[] = [];
  walk(doc, (n) => n.tagName === tag && out.push(n));
  return out;
}
function attr(n: Node, name: string): string | undefined {
  return n.attrs?.find((a: { name: string }) => a.name === name)?.value;
}
function textOf(n: Node): string {
  let s = '';
  walk(n, (x) => {
    if (x.nodeName === '#text') s += x.value;
  });
  return s;
}

test('--format html: one self-contained page, a summary per report, two SVG charts, every finding, hostile text escaped', async () => {
  const f = await folder();
  // Report text is hostile: a title whose body is markup (no blanks, which a title's body drops), and markup in a row label.
  const p = consistentPair({
    body: '<img/src="http://example.invalid/x.png"/onerror="alert(1)">局',
    year: 2023,
    seed: 51,
  });
  const evil = withT3(p.current, 't3.carried', 1, 9);
  evil.labels['t3.open'] = '予以公开</td><script>alert(2)</script>';
  fs.writeFileSync(path.join(f.dir, 'evil2022.txt'), render(p.previous, 'tab'));
  fs.writeFileSync(path.join(f.dir, 'evil2023.txt'), render(evil, 'tab'));
  const json = JSON.parse(runCli(['-f', 'json', '.'], { cwd: f.dir }).stdout) as JsonEntry[];
  const r = runCli(['-f', 'html', '-o', '审核意见.html', '.'], { cwd: f.dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const html = fs.readFileSync(path.join(f.dir, '审核意见.html'), 'utf8');
  const doc = await parseHtml(html);

  // Self-contained: no external resource of any kind, and a policy that forbids requests.
  for (const tag of ['link', 'img', 'iframe', 'object', 'embed', 'video', 'audio', 'source'])
    assert.deepEqual(elements(doc, tag), [], tag);
  walk(doc, (n) => {
    for (const a of n.attrs ?? []) {
      assert.ok(!['src', 'href', 'srcset', 'action', 'poster'].includes(a.name), `${n.tagName} ${a.name}`);
      assert.ok(!a.name.startsWith('on'), `event handler ${a.name} on ${n.tagName}`);
    }
  });
  for (const style of elements(doc, 'style')) assert.doesNotMatch(textOf(style), /url\(|@import|@font-face/);
  for (const script of elements(doc, 'script'))
    assert.doesNotMatch(textOf(script), /fetch|XMLHttpRequest|https?:|import\(/);
  const csp = elements(doc, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
  assert.match(attr(csp, 'content')!, /default-src 'none'/);
  assert.equal(elements(doc, 'script').length, 1);
  assert.match(html, /@page \{ size: A4/);
  assert.match(html, /@media print/);

  // The hostile text is text: it reaches the page as characters, never as markup.
  assert.equal(elements(doc, 'script').length, 1);
  const all = textOf(doc);
  assert.ok(all.includes('<img/src="http://example.invalid/x.png"/onerror="alert(1)">局'));
  assert.ok(all.includes('予以公开</td><script>alert(2)</script>'));

  // A summary row per report with body, year, verdict and counts.
  const reports = elements(doc, 'table').find((t) => attr(t, 'id') === 'reports');
  const rows = elements(reports, 'tbody')[0].childNodes.filter((n: Node) => n.tagName === 'tr');
  assert.equal(rows.length, json.length);
  const a2023 = rows.find((row: Node) => textOf(row).startsWith('甲2023.docx'));
  const cells = a2023.childNodes.filter((n: Node) => n.tagName === 'td').map(textOf);
  const entry = json.find((e) => e.file === '甲2023.docx')!;
  const count = (s: string) => String(entry.diagnostics.filter((d) => d.severity === s).length);
  assert.deepEqual(cells.slice(0, 2), ['甲2023.docx', '甲区财政局']);
  assert.equal(cells[2], '2023');
  assert.deepEqual(cells.slice(4, 7), [count('error'), count('warning'), count('info')]);
  assert.equal(cells[7], '甲2022.txt');

  // Charts: two inline SVGs, one bar label per rule.
  const svgs = elements(doc, 'svg');
  assert.equal(svgs.length, 2);
  const ruleIds = new Set(json.flatMap((e) => e.diagnostics.map((d) => d.rule)));
  const labels = elements(svgs[0], 'text').map(textOf);
  for (const id of ruleIds) assert.ok(labels.includes(id), id);

  // Every finding, with its line of text (the cell marked), expected and written values, and the fix.
  const findings = elements(doc, 'table').find((t) => attr(t, 'id') === 'findings');
  const frows = elements(elements(findings, 'tbody')[0], 'tr');
  assert.equal(
    frows.length,
    json.reduce((n, e) => n + e.diagnostics.length, 0),
  );
  const carry = frows.find(
    (row: Node) => textOf(row).includes('cross-year-carry-over') && textOf(row).startsWith('甲2023.docx'),
  );
  const ctext = carry.childNodes.filter((n: Node) => n.tagName === 'td').map(textOf);
  assert.match(ctext[5], /二、上年结转政府信息公开申请数量/);
  assert.equal(textOf(elements(carry, 'mark')[0]), '5');
  assert.deepEqual([ctext[6], ctext[7]], ['3', '5']);
  assert.match(ctext[4], /上年报告 甲2022\.txt:\d+:\d+/);
  const sum = frows.find((row: Node) => textOf(row).includes('sum-row-total'));
  assert.match(textOf(sum.childNodes.filter((n: Node) => n.tagName === 'td')[8]), /改为/);

  // Filtering controls are hidden until the script shows them (the page without script is plain).
  const controls = elements(doc, 'div').find((d) => attr(d, 'id') === 'controls');
  assert.ok(controls.attrs.some((a: { name: string }) => a.name === 'hidden'));

  // --lang en.
  const en = runCli(['-f', 'html', '--lang', 'en', '.'], { cwd: f.dir }).stdout;
  assert.match(en, /<html lang="en">/);
  assert.match(en, /Review of government information-disclosure annual reports/);
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /政府信息公开工作年度报告审核意见/);
});

// ---------------------------------------------------------------- compare

test('compare: stylish in Chinese, json with every figure and the change, html; usage errors exit 2', async () => {
  const dir = tempDir('compare');
  const p = consistentPair({ body: '丁市生态环境局', year: 2022 });
  const cur = withT2(withT3(p.current, 't3.carried', 0, 5), 't2.6.penalty', 0, 14);
  fs.writeFileSync(path.join(dir, '2021.txt'), render(p.previous, 'tab'));
  fs.writeFileSync(path.join(dir, '2022.md'), render(cur, 'markdown').replace(/六、其他需要报告的事项[\s\S]*$/, ''));

  const s = runCli(['compare', '2021.txt', '2022.md'], { cwd: dir });
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /年度报告对比/);
  assert.match(s.stdout, /第二十条第（六）项 行政处罚 · 本年处理决定数量 +7 +14 +\+7 \(\+100\.0%\)/);
  assert.match(s.stdout, /仅上年报告有: 六、其他需要报告的事项/);
  assert.match(s.stdout, /✖ 本年“二、上年结转”= 上年“四、结转下年度继续办理”（自然人） +不成立 +5 ≠ 3/);
  assert.match(s.stdout, /✔ 规章：本年现行有效 = 上年现行有效 \+ 本年制发 − 本年废止 +成立/);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const j: any = JSON.parse(runCli(['compare', '-f', 'json', '2021.txt', '2022.md'], { cwd: dir }).stdout);
  assert.equal(j.previous.year, 2021);
  assert.equal(j.current.body, '丁市生态环境局');
  const penalty = j.figures.find(
    (x: { row: string; column: string }) => x.row === 't2.6.penalty' && x.column === 'decisions',
  );
  assert.equal(penalty.previous.value, 7);
  assert.equal(penalty.current.value, 14);
  assert.equal(penalty.change, 7);
  assert.equal(penalty.changePct, 100);
  assert.equal(j.figures.filter((x: { table: string }) => x.table === 't3').length, 25 * 7);
  assert.deepEqual(
    j.onlyInPrevious.map((x: { id: string }) => x.id),
    ['s6'],
  );
  assert.deepEqual(
    j.identities.filter((x: { status: string }) => x.status === 'broken').map((x: { id: string }) => x.id),
    ['carryOver.natural'],
  );
  // The figure's position in its file.
  const prevText = fs.readFileSync(path.join(dir, '2021.txt'), 'utf8');
  const carried = j.figures.find(
    (x: { row: string; column: string }) => x.row === 't3.carried' && x.column === 'natural',
  );
  assert.deepEqual(
    { line: carried.previous.line, column: carried.previous.column },
    t3CellPos(prevText, 't3.carried', 0),
  );

  const h = runCli(['compare', '-f', 'html', '-o', 'cmp.html', '2021.txt', '2022.md'], { cwd: dir });
  assert.equal(h.code, 0, h.stderr);
  const doc = await parseHtml(fs.readFileSync(path.join(dir, 'cmp.html'), 'utf8'));
  const tables = elements(doc, 'table').filter((t) => attr(t, 'class') === 'figures');
  assert.equal(tables.length, 3);
  const ids = elements(doc, 'table').find((t) => attr(t, 'id') === 'identities');
  assert.equal(elements(ids, 'tr').filter((r) => attr(r, 'data-status') === 'broken').length, 1);

  assert.equal(runCli(['compare', '2021.txt'], { cwd: dir }).code, 2);
  assert.equal(runCli(['compare', '-f', 'sarif', '2021.txt', '2022.md'], { cwd: dir }).code, 2);
  assert.equal(runCli(['compare', 'nope.txt', '2022.md'], { cwd: dir }).code, 2);
  assert.match(runCli(['compare', '--help']).stdout, /compare/);
});
