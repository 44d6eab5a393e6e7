/** Cross-year rules, pairing and the comparison, on pairs of generated reports (engine level). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bodyKey,
  compareReports,
  evaluateCrossYear,
  identityOf,
  lint,
  lintPair,
  pairReports,
  parse,
  RULES,
} from '../../server/src/core';
import type { Finding, ReportModel } from '../../server/src/core';
import { render, type ReportSpec } from '../helpers/report';
import { consistentPair, withT2, withT3 } from '../helpers/pairs';
import { assertFindingsWellFormed } from '../helpers/findings';

function models(
  prev: ReportSpec,
  cur: ReportSpec,
  layouts: ['tab' | 'pdf' | 'markdown', 'tab' | 'pdf' | 'markdown'] = ['tab', 'tab'],
) {
  const pt = render(prev, layouts[0]);
  const ct = render(cur, layouts[1]);
  return { pt, ct, pm: parse(pt), cm: parse(ct) };
}

function pairFindings(
  pm: ReportModel,
  cm: ReportModel,
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>,
): Finding[] {
  const r = lintPair(
    { model: cm, name: '2023.txt', uri: '/r/2023.txt' },
    { model: pm, name: '2022.txt', uri: '/r/2022.txt' },
    { rules },
  );
  assert.deepEqual(r.errors, []);
  return r.findings;
}

test('a consistent pair in every layout: every identity holds, no finding', () => {
  const { previous, current } = consistentPair();
  for (const layouts of [
    ['tab', 'tab'],
    ['pdf', 'markdown'],
    ['markdown', 'pdf'],
  ] as const) {
    const { pm, cm } = models(previous, current, [layouts[0], layouts[1]]);
    const results = evaluateCrossYear(cm, pm);
    assert.equal(results.filter((r) => r.relation.ruleId === 'cross-year-carry-over').length, 7, layouts.join('/'));
    assert.ok(
      results.every((r) => r.status === 'holds'),
      `${layouts.join('/')}: ${JSON.stringify(results.filter((r) => r.status !== 'holds').map((r) => [r.relation.id, r.status, r.skip]))}`,
    );
    assert.deepEqual(pairFindings(pm, cm), []);
  }
});

test("a broken carry-over: one warning on this year's cell, last year's cell as related location in the other file", () => {
  const { previous, current } = consistentPair();
  // 自然人 of 二、上年结转 this year: last year carried 3 forward; write 5.
  assert.equal(previous.t3['t3.next'][0], 3);
  const broken = withT3(current, 't3.carried', 0, 5);
  const { pt, ct, pm, cm } = models(previous, broken);
  const findings = pairFindings(pm, cm);
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.equal(f.ruleId, 'cross-year-carry-over');
  assert.equal(f.severity, 'warning');
  // The finding sits exactly on the "5" of row 二 this year.
  const row = cm.tables.t3!.rows.find((r) => r.rowId === 't3.carried')!;
  assert.deepEqual(f.span, row.cells[0].span);
  assert.equal(ct.slice(f.span.start, f.span.end), '5');
  // Related: last year's 四 自然人 cell in the other file.
  const prevRow = pm.tables.t3!.rows.find((r) => r.rowId === 't3.next')!;
  assert.equal(f.related?.length, 1);
  assert.deepEqual(f.related![0].span, prevRow.cells[0].span);
  assert.equal(f.related![0].uri, '/r/2022.txt');
  assert.equal(pt.slice(f.related![0].span.start, f.related![0].span.end), '3');
  // Both files, both cells, both numbers; Chinese and English.
  for (const s of [
    '2023.txt',
    '2022.txt',
    '二、上年结转政府信息公开申请数量',
    '四、结转下年度继续办理',
    '自然人',
    ' 5',
    ' 3',
  ])
    assert.ok(f.message.zh.includes(s), `${s} in ${f.message.zh}`);
  for (const s of ['2023.txt', '2022.txt', 'last year', '5', '3'])
    assert.ok(f.message.en.includes(s), `${s} in ${f.message.en}`);
  assert.deepEqual({ expected: f.data?.expected, actual: f.data?.actual }, { expected: 3, actual: 5 });
  assertFindingsWellFormed(ct, [{ ...f, related: [] }]);
});

test('the cross-year rules are configured like every other rule: off, and another severity', () => {
  const { previous, current } = consistentPair();
  const { pm, cm } = models(previous, withT3(current, 't3.carried', 0, 5));
  assert.deepEqual(pairFindings(pm, cm, { 'cross-year-carry-over': 'off' }), []);
  assert.equal(pairFindings(pm, cm, { 'cross-year-carry-over': 'error' })[0].severity, 'error');
  const meta = RULES.find((r) => r.meta.id === 'cross-year-carry-over')!.meta;
  assert.equal(meta.category, 'cross-year');
  assert.equal(meta.defaultSeverity, 'warning');
  assert.equal(RULES.find((r) => r.meta.id === 'cross-year-valid-documents')!.meta.defaultSeverity, 'info');
});

test('a single report never gets a cross-year finding from lint()', () => {
  const { current } = consistentPair();
  const ids = lint(render(withT3(current, 't3.carried', 0, 5), 'tab')).findings.map((f) => f.ruleId);
  assert.ok(!ids.some((id) => id.startsWith('cross-year-')));
});

test("a broken 现行有效 identity: info on this year's 现行有效件数, with the formula and last year's cell", () => {
  const { previous, current } = consistentPair();
  const [made, repealed, valid] = current.t2['t2.1.normative'].map(Number);
  const broken = withT2(current, 't2.1.normative', 2, valid + 4);
  const { pt, ct, pm, cm } = models(previous, broken);
  const findings = pairFindings(pm, cm);
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.equal(f.ruleId, 'cross-year-valid-documents');
  assert.equal(f.severity, 'info');
  assert.equal(ct.slice(f.span.start, f.span.end), String(valid + 4));
  assert.equal(pt.slice(f.related![0].span.start, f.related![0].span.end), String(previous.t2['t2.1.normative'][2]));
  for (const s of [
    String(valid + 4),
    String(previous.t2['t2.1.normative'][2]),
    String(made),
    String(repealed),
    String(valid),
    '行政规范性文件',
    '2022.txt',
    '2023.txt',
  ]) {
    assert.ok(f.message.zh.includes(s), `${s} in ${f.message.zh}`);
  }
});

test('editions: a 2020 report in the 2019 format against a 2021 report — carry-over checked, 现行有效 skipped as documented', () => {
  const { previous, current } = consistentPair({ year: 2021, previousEdition: '2019', currentEdition: '2021' });
  const { pm, cm } = models(previous, current);
  assert.equal(pm.edition, '2019');
  assert.equal(cm.edition, '2021');
  const results = evaluateCrossYear(cm, pm);
  const carry = results.filter((r) => r.relation.ruleId === 'cross-year-carry-over');
  assert.equal(carry.length, 7);
  assert.ok(carry.every((r) => r.status === 'holds'));
  const valid = results.filter((r) => r.relation.ruleId === 'cross-year-valid-documents');
  assert.equal(valid.length, 2);
  assert.ok(valid.every((r) => r.status === 'skipped' && r.skip === 'edition'));
  // A broken carry-over is still found across editions.
  const b = models(previous, withT3(current, 't3.carried', 6, 99));
  const f = pairFindings(b.pm, b.cm);
  assert.deepEqual(
    f.map((x) => [x.ruleId, x.data?.column, x.data?.actual]),
    [['cross-year-carry-over', 'total', 99]],
  );
  // Both in the 2019 format: no 现行有效 column, skipped too.
  const both = consistentPair({ year: 2020, previousEdition: '2019', currentEdition: '2019' });
  const m = models(both.previous, both.current);
  assert.ok(
    evaluateCrossYear(m.cm, m.pm)
      .filter((r) => r.relation.ruleId === 'cross-year-valid-documents')
      .every((r) => r.skip === 'edition'),
  );
});

test('the 8-column table 三: the subtotal is compared when both years have it, and left out when neither has it', () => {
  const both = consistentPair({ subtotal: [true, true] });
  const m = models(both.previous, both.current);
  const carry = evaluateCrossYear(m.cm, m.pm).filter((r) => r.relation.ruleId === 'cross-year-carry-over');
  assert.deepEqual(
    carry.map((r) => [r.relation.target.column, r.status]),
    [
      ['natural', 'holds'],
      ['legalSubtotal', 'holds'],
      ['commercial', 'holds'],
      ['research', 'holds'],
      ['welfare', 'holds'],
      ['legal', 'holds'],
      ['otherOrg', 'holds'],
      ['total', 'holds'],
    ],
  );
  const broken = models(both.previous, withT3(both.current, 't3.carried', 1, 99));
  assert.deepEqual(
    pairFindings(broken.pm, broken.cm).map((f) => f.data?.column),
    ['legalSubtotal'],
  );
  // Last year with the subtotal, this year without: every shared column is compared; the subtotal cannot be.
  const mixed = consistentPair({ subtotal: [true, false] });
  const mm = models(mixed.previous, mixed.current);
  const results = evaluateCrossYear(mm.cm, mm.pm).filter((r) => r.relation.ruleId === 'cross-year-carry-over');
  assert.deepEqual(
    results.filter((r) => r.status !== 'holds').map((r) => [r.relation.target.column, r.status, r.skip]),
    [['legalSubtotal', 'skipped', 'missing']],
  );
  assert.equal(results.filter((r) => r.status === 'holds').length, 7);
  // Neither table has it: not listed at all.
  const { previous, current } = consistentPair();
  const plain = models(previous, current);
  assert.ok(!evaluateCrossYear(plain.cm, plain.pm).some((r) => r.relation.target.column === 'legalSubtotal'));
});

test('uncertain cells are never compared: a blank or a placeholder skips that column', () => {
  const { previous, current } = consistentPair();
  const { pm, cm } = models(previous, withT3(current, 't3.carried', 0, '—'));
  const r = evaluateCrossYear(cm, pm).find((x) => x.relation.id === 'carryOver.natural')!;
  assert.equal(r.status, 'skipped');
  assert.equal(r.skip, 'not-a-number');
  assert.deepEqual(
    pairFindings(pm, cm).filter((f) => f.ruleId === 'cross-year-carry-over'),
    [],
  );
});

test('body keys fold blanks, full width and PDF compatibility characters, and keep distinct names distinct', () => {
  assert.equal(bodyKey('某某市 人民政府\u3000办公厅'), bodyKey('某某市人民政府办公厅'));
  assert.equal(bodyKey('某某市⼈⺠政府'), bodyKey('某某市人民政府'));
  assert.equal(bodyKey('ＸＸ市（区）财政局'), bodyKey('XX市(区)财政局'));
  assert.notEqual(bodyKey('某某市人民政府办公室'), bodyKey('某某市人民政府办公厅'));
  assert.notEqual(bodyKey('某某区财政局'), bodyKey('某某县财政局'));
});

test('pairing: two bodies, several years, a missing previous year, an unreadable title, two previous candidates', () => {
  const id = (text: string) => identityOf(parse(text));
  const t = (body: string, year: number) => `${body}${year}年政府信息公开工作年度报告\n\n一、总体情况\n\n内容。\n`;
  const items = [
    { item: 'a21', identity: id(t('甲区财政局', 2021)) },
    { item: 'a22', identity: id(t('甲区 财政局', 2022)) },
    { item: 'a23', identity: id(t('甲区财政局', 2023)) },
    { item: 'b22', identity: id(t('乙区人民政府办公室', 2022)) },
    { item: 'b23', identity: id(t('乙区人民政府办公厅', 2023)) },
    { item: 'c22a', identity: id(t('丙局', 2022)) },
    { item: 'c22b', identity: id(t('丙局', 2022)) },
    { item: 'c23', identity: id(t('丙局', 2023)) },
    { item: 'x', identity: id('工作总结\n\n内容。\n') },
  ];
  const s = pairReports(items);
  const summary = s.map((x, i) => `${items[i].item}:${x.paired ? `<-${x.previous}` : x.reason}`);
  assert.deepEqual(summary, [
    'a21:no-previous',
    'a22:<-a21',
    'a23:<-a22',
    'b22:no-previous',
    'b23:no-previous',
    'c22a:no-previous',
    'c22b:no-previous',
    'c23:several-previous',
    'x:no-identity',
  ]);
});

test('compare: figures side by side with the change, sections only in one, identities', () => {
  const { previous, current } = consistentPair();
  const { pm, cm } = models(previous, withT3(current, 't3.carried', 0, 5));
  const cmp = compareReports(pm, cm);
  const carried = cmp.figures.find((f) => f.table === 't3' && f.rowId === 't3.carried' && f.columnId === 'natural')!;
  assert.equal(carried.previous?.value, Number(previous.t3['t3.carried'][0]));
  assert.equal(carried.current?.value, 5);
  assert.equal(carried.change, 5 - Number(previous.t3['t3.carried'][0]));
  // Every data row of table 三 × 7 columns, 15 columns of table 四, table 二's rows × their columns.
  assert.equal(cmp.figures.filter((f) => f.table === 't3').length, 25 * 7);
  assert.equal(cmp.figures.filter((f) => f.table === 't4').length, 15);
  assert.equal(cmp.figures.filter((f) => f.table === 't2').length, 2 * 3 + 1 + 2 + 1);
  assert.deepEqual([cmp.onlyInPrevious, cmp.onlyInCurrent], [[], []]);
  const broken = cmp.identities.filter((r) => r.status === 'broken').map((r) => r.relation.id);
  assert.deepEqual(broken, ['carryOver.natural']);
  // A section dropped this year is listed.
  const dropped = render(current, 'tab').replace(/六、其他需要报告的事项[\s\S]*$/, '');
  const c2 = compareReports(pm, parse(dropped));
  assert.deepEqual(
    c2.onlyInPrevious.map((p) => p.id),
    ['s6'],
  );
});

test('compare across editions: 2019 and 2021 line up by the template ids', () => {
  const { previous, current } = consistentPair({ year: 2021, previousEdition: '2019', currentEdition: '2021' });
  const { pm, cm } = models(previous, current);
  const cmp = compareReports(pm, cm);
  // Table 三: 2019's single （六）其他处理 row and 2021's three rows all appear.
  const t3rows = new Set(cmp.figures.filter((f) => f.table === 't3').map((f) => f.rowId));
  for (const r of ['t3.other', 't3.other.1', 't3.other.3']) assert.ok(t3rows.has(r), r);
  // 处理决定数量 of 行政许可 is one column in both editions.
  const license = cmp.figures.find((f) => f.rowId === 't2.5.license' && f.columnId === 'decisions')!;
  assert.equal(license.previous?.value, Number(previous.t2['t2.5.license'][2]));
  assert.equal(license.current?.value, Number(current.t2['t2.5.license'][0]));
  // 第（九）项 exists only in the 2019 report.
  assert.ok(cmp.onlyInPrevious.some((p) => p.id === 't2.9'));
});
