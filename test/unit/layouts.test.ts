/**
 * One report, many layouts: tab-separated Word paste, space-separated PDF text (wrapped and split
 * labels, numbers on their own line, page footers, a merged label one character per line, a label
 * glued to its number, a shredded table 四 header), Markdown pipe tables, CRLF, thousands
 * separators, full-width digits; the 2019 试行 format and the 8-column table 三. Every layout must
 * give the same numbers and the same findings (positions aside).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fixAll, lint, TEMPLATES } from '../../server/src/core';
import type { CellNode, Finding, ReportModel } from '../../server/src/core/types';
import { rowDisplay } from '../../server/src/core/template/template';
import { columnsOfRow } from '../../server/src/core/template/cells';
import { documentOutline } from '../../server/src/core/features/outline';
import {
  cloneSpec,
  makeSpec,
  render,
  t2Blocks,
  t3Col,
  t3Rows,
  type Layout,
  type RenderOptions,
  type ReportSpec,
} from '../helpers/report';
import { assertFindingsWellFormed, textRuleIds } from '../helpers/findings';
import { fixturePath } from '../helpers/paths';

/** A finding without its position: the rule and what it is about. */
function signature(f: Finding): string {
  const d = f.data ?? {};
  const keys = ['relation', 'along', 'row', 'column', 'section', 'table', 'expected', 'actual'];
  const kept = keys.filter((k) => d[k] !== undefined).map((k) => `${k}=${String(d[k])}`);
  return `${f.ruleId} ${kept.join(' ')}`;
}

function signatures(findings: Finding[]): string[] {
  const text = new Set(textRuleIds());
  return findings
    .filter((f) => !text.has(f.ruleId))
    .map(signature)
    .sort();
}

/** Written digits as a number: full-width folded, thousands separators dropped. */
function numberOf(raw: string): number {
  return Number(raw.normalize('NFKC').replace(/,/g, '').replace('－', '-'));
}

/** The parsed numbers equal the spec's, cell by cell, in every table. */
function assertNumbers(model: ReportModel, spec: ReportSpec, what: string): void {
  const { t2, t3, t4 } = model.tables;
  assert.ok(t2 && t3 && t4, `${what}: three tables`);
  assert.equal(t3.edition, spec.edition, `${what}: table 三 edition`);
  assert.equal(t2.edition, spec.edition, `${what}: table 二 edition`);
  assert.equal(t3.columnCount, spec.subtotal ? 8 : 7, `${what}: table 三 columns`);
  const t2Ids = t2Blocks(spec.edition).flatMap((b) => b.rows.map((r) => r.id));
  assert.deepEqual(
    t2.rows.map((r) => r.rowId),
    t2Ids,
    `${what}: table 二 rows`,
  );
  for (const r of t2.rows) {
    assert.deepEqual(
      r.cells.map((c) => (c.kind === 'integer' || c.kind === 'decimal' ? c.value : c.raw)),
      spec.t2[r.rowId],
      `${what}: ${r.rowId}`,
    );
  }
  assert.deepEqual(
    t3.rows.map((r) => r.rowId),
    t3Rows(spec.edition).map((r) => r.id),
    `${what}: table 三 rows`,
  );
  assert.deepEqual(
    t3.strayLines.map((s) => s.text),
    [],
    `${what}: no stray lines`,
  );
  for (const r of t3.rows) {
    assert.deepEqual(
      r.cells.map((c) => c.value),
      spec.t3[r.rowId],
      `${what}: ${r.rowId}`,
    );
    for (const c of r.cells) assert.equal(numberOf(c.raw), c.value, `${what}: ${r.rowId} raw ${c.raw}`);
  }
  assert.deepEqual(
    t4.rows[0].cells.map((c) => c.value),
    spec.t4,
    `${what}: table 四`,
  );
}

/** The report with a fixed set of problems, and the findings they must give in any layout. */
function brokenSpec(base: ReportSpec): { spec: ReportSpec; expected: string[] } {
  const spec = cloneSpec(base);
  const n = (row: string) => spec.t3[row] as number[];
  const total = t3Col(spec, 'total');
  const expected: string[] = [];
  // 1. An addend changed without its totals: the row total and the （七） column total break.
  n('t3.open')[0] += 2;
  expected.push(
    `sum-row-total relation=t3.rowTotal along=t3.open expected=${n('t3.open')[total] + 2} actual=${n('t3.open')[total]}`,
    `sum-column-total relation=t3.columnTotal along=natural expected=${n('t3.total')[0] + 2} actual=${n('t3.total')[0]}`,
  );
  // 2. 四、结转下年度 wrong in one column: its row total and that column's balance break.
  const other = t3Col(spec, 4);
  n('t3.next')[other] += 1;
  const bal = n('t3.new')[other] + n('t3.carried')[other] - n('t3.total')[other];
  expected.push(
    `sum-row-total relation=t3.rowTotal along=t3.next expected=${n('t3.next')[total] + 1} actual=${n('t3.next')[total]}`,
    `sum-balance relation=t3.balance along=otherOrg expected=${bal} actual=${bal + 1}`,
  );
  if (spec.subtotal) {
    const sub = t3Col(spec, 'subtotal');
    expected.push(
      `sum-subtotal relation=t3.subtotal along=t3.next expected=${n('t3.next')[sub] + 1} actual=${n('t3.next')[sub]}`,
    );
  }
  // 3. Table 四: the review total and the direct-litigation total.
  const t4 = spec.t4 as number[];
  t4[4] += 1;
  t4[9] -= 1;
  expected.push(
    `sum-review-total relation=t4.reviewTotal along=t4.data expected=${t4[4] - 1} actual=${t4[4]}`,
    `sum-litigation-total relation=t4.directTotal along=t4.data expected=${t4[9] + 1} actual=${t4[9]}`,
  );
  // 4. A row label with a dropped word, a column header with a typo, a placeholder cell.
  spec.labels['t3.refuse.2'] = '其他法律法规禁止公开';
  expected.push('table-label row=t3.refuse.2 expected=2.其他法律行政法规禁止公开');
  if (spec.edition === '2021') {
    spec.headers['t2.1:1'] = '本年度止件数';
    expected.push('table-label column=t2.1.repealed expected=本年废止件数');
  }
  spec.t2['t2.6.enforcement'][spec.t2['t2.6.enforcement'].length - 1] = '—';
  expected.push('table-cell-invalid row=t2.6.enforcement column=decisions');
  return { spec, expected: expected.sort() };
}

interface Variant {
  name: string;
  layout: Layout;
  options?: RenderOptions;
}

const VARIANTS: Variant[] = [
  { name: 'tab', layout: 'tab' },
  { name: 'pdf', layout: 'pdf' },
  { name: 'markdown', layout: 'markdown' },
  { name: 'tab CRLF', layout: 'tab', options: { eol: '\r\n' } },
  { name: 'pdf CRLF', layout: 'pdf', options: { eol: '\r\n' } },
  { name: 'markdown CRLF', layout: 'markdown', options: { eol: '\r\n' } },
  { name: 'tab full-width digits', layout: 'tab', options: { numbers: 'fullwidth' } },
  { name: 'pdf full-width digits', layout: 'pdf', options: { numbers: 'fullwidth' } },
  { name: 'pdf compatibility characters', layout: 'pdf', options: { compat: true } },
  {
    name: 'tab BOM, bold headings, mixed punctuation',
    layout: 'tab',
    options: { bom: true, headings: 'bold', mixedPunctuation: true },
  },
  {
    name: 'pdf half-width headings, mixed punctuation',
    layout: 'pdf',
    options: { headings: 'halfwidth', mixedPunctuation: true },
  },
  {
    name: 'markdown bold headings, mixed punctuation, CRLF',
    layout: 'markdown',
    options: { headings: 'bold', mixedPunctuation: true, eol: '\r\n' },
  },
];

const BIG: Variant[] = [
  { name: 'tab thousands separators', layout: 'tab', options: { numbers: 'grouped' } },
  { name: 'pdf thousands separators', layout: 'pdf', options: { numbers: 'grouped' } },
  { name: 'markdown thousands separators', layout: 'markdown', options: { numbers: 'grouped' } },
  { name: 'tab plain big numbers', layout: 'tab' },
];

function check(spec: ReportSpec, expected: string[], v: Variant): void {
  const text = render(spec, v.layout, v.options);
  const { model, findings, errors } = lint(text);
  assert.deepEqual(errors, []);
  assert.equal(model.isReport, true);
  assert.deepEqual(
    model.sections.map((s) => s.id),
    [1, 2, 3, 4, 5, 6],
    `${v.name}: sections`,
  );
  assert.equal(model.title?.year, spec.year);
  assertNumbers(model, spec, v.name);
  assertFindingsWellFormed(text, findings);
  assert.deepEqual(signatures(findings), expected, `${v.name}: findings`);
  // Sum findings sit on the written total.
  for (const f of findings.filter((x) => x.ruleId.startsWith('sum-'))) {
    assert.equal(numberOf(text.slice(f.span.start, f.span.end)), f.data!.actual, `${v.name}: ${signature(f)} span`);
  }
}

for (const edition of ['2021', '2019'] as const) {
  for (const subtotal of edition === '2021' ? [false, true] : [false]) {
    const tag = `${edition}${subtotal ? ' 8-column' : ''}`;
    const base = makeSpec({ edition, subtotal });
    for (const v of VARIANTS) {
      // The consistent report in every layout for the 2021 format; the variants' in the main layouts (speed).
      if (edition === '2021' && !subtotal ? true : ['tab', 'pdf', 'markdown'].includes(v.name))
        test(`layout ${tag} / ${v.name}: a consistent report parses to its numbers with no finding`, () => {
          check(base, [], v);
        });
      test(`layout ${tag} / ${v.name}: a broken report gives the same findings as in every other layout`, () => {
        const { spec, expected } = brokenSpec(base);
        check(spec, expected, v);
      });
    }
  }
}

for (const v of BIG) {
  test(`layout ${v.name}: 3,119 reads as 3119 and fixes keep the separators`, () => {
    const base = makeSpec({ big: true });
    assert.ok((base.t3['t3.new'][0] as number) >= 1000);
    check(base, [], v);
    const { spec, expected } = brokenSpec(base);
    check(spec, expected, v);
  });
}

test('the PDF layout really has the hard parts of real PDF text', () => {
  const text = render(makeSpec(), 'pdf');
  const lines = text.split('\n');
  for (const line of [
    '-3-',
    '— 4 —',
    '三',
    '、',
    '本',
    '年',
    '结',
    '果',
    '计其他情形）',
    '业',
    '组织',
    '总计',
    '维持 纠正 结果 审结',
  ]) {
    assert.ok(lines.includes(line), `a line ${JSON.stringify(line)}`);
  }
  assert.ok(
    lines.some((l) => /只计这一情 {2}形，不 {2}\d/.test(l)),
    'a label split around its numbers',
  );
  assert.ok(
    lines.some((l) => /重新出具已获取信息\d/.test(l)),
    'a label glued to its first number',
  );
  assert.ok(
    lines.some((l) => /^(\d+ ){6}\d+$/.test(l)),
    'numbers on a line of their own',
  );
  assert.ok(
    lines.some((l) => /^(\d+ ){14}\d+$/.test(l)),
    'the 15 numbers of table 四 on their own line',
  );
  assert.ok(lines.includes('商业企 科研机构'), 'a header word split mid-word');
  const tab = render(makeSpec(), 'tab').split('\n');
  assert.ok(
    tab.some((l) => /^6\.属于四类过程性信息\t/.test(l)),
    'a row that lost its leading tabs',
  );
  assert.ok(
    tab.some((l) => /\t\t$/.test(l) && /\d/.test(l)),
    'trailing empty cells',
  );
});

test('a row whose cells run together ("713000074") is reported as such, never misread', () => {
  for (const layout of ['tab', 'pdf', 'markdown'] as const) {
    const spec = makeSpec();
    spec.t3['t3.refuse.1'] = ['713000074'];
    const text = render(spec, layout);
    const { model, findings } = lint(text);
    const row = model.tables.t3!.rows.find((r) => r.rowId === 't3.refuse.1')!;
    assert.equal(row.malformed, true, `${layout}: malformed`);
    const own = findings.filter((f) => !textRuleIds().includes(f.ruleId));
    assert.deepEqual(
      own.map((f) => f.ruleId),
      ['table-cell-count'],
      `${layout}: only table-cell-count`,
    );
    const f = own[0];
    assert.equal(text.slice(f.span.start, f.span.end), '713000074');
    assert.match(f.message.zh, /连在一起/);
    assert.ok(f.message.zh.includes('713000074') && f.message.zh.includes('1.属于国家秘密'));
    // The other rows still read, and no sum is computed from a guess.
    assert.equal(model.tables.t3!.rows.length, 25);
    assert.equal(
      own.some((x) => x.ruleId.startsWith('sum-')),
      false,
    );
  }
});

test('too few and too many numbers in a row are counted, with expected and actual', () => {
  for (const layout of ['tab', 'pdf', 'markdown'] as const) {
    const spec = makeSpec();
    (spec.t3['t3.refuse.3'] as number[]).pop();
    spec.t3['t3.unable.2'] = [...(spec.t3['t3.unable.2'] as number[]), 0];
    const text = render(spec, layout);
    const { findings } = lint(text);
    const counts = findings.filter((f) => f.ruleId === 'table-cell-count');
    assert.deepEqual(
      counts.map((f) => [f.data!.row, f.data!.expected, f.data!.actual]),
      [
        ['t3.refuse.3', 7, 6],
        ['t3.unable.2', 7, 8],
      ],
      layout,
    );
    assert.ok(counts[0].message.zh.includes('应有 7 个数值，实有 6 个'));
  }
});

test('the 2019 试行 format in a report for 2021 or later is flagged as the old format', () => {
  for (const layout of ['tab', 'pdf'] as const) {
    const spec = makeSpec({ edition: '2019', year: 2022 });
    const text = render(spec, layout);
    const { model, findings } = lint(text);
    assert.equal(model.edition, '2019');
    assert.deepEqual(
      model.tables.t2!.blocks!.map((b) => b.blockId),
      ['t2.1', 't2.5', 't2.6', 't2.8', 't2.9'],
    );
    assert.equal(model.tables.t3!.rows.find((r) => r.rowId === 't3.other')!.cells.length, 7);
    const old = findings.filter((f) => f.ruleId === 'table-old-format');
    assert.deepEqual(old.map((f) => f.data!.table).sort(), ['t2', 't3'], layout);
    assert.ok(old[0].message.zh.includes('2022'));
    // A report for 2020 in the same format is fine.
    const ok = lint(render(makeSpec({ edition: '2019', year: 2020 }), layout));
    assert.deepEqual(
      ok.findings.filter((f) => f.ruleId === 'table-old-format'),
      [],
    );
  }
});

test('text that is not a report yields isReport false and no findings', () => {
  const article = [
    '春天来了，公园里的花都开了。',
    '',
    '小明和妈妈一起去散步，他们看见了一只小鸟在树上唱歌。',
    '一、天气很好',
    '二、心情愉快',
    '2023年3月12日',
  ].join('\n');
  const digits = Array.from({ length: 60 }, (_, i) => String((i * 7919) % 1000).padStart(3, '0')).join(' ');
  for (const text of ['', '\n\n', article, digits, '0 0 0 0 0 0 0\n'.repeat(30), '\ufeff', '\t\t\t']) {
    const { model, findings, errors } = lint(text);
    assert.equal(model.isReport, false, JSON.stringify(text.slice(0, 20)));
    assert.deepEqual(findings, []);
    assert.deepEqual(errors, []);
  }
});

/**
 * The broken report as stored samples in test/fixtures/layouts/ (readable, and usable by other
 * suites): each file is what the generator writes, and each lints to the findings in its .json.
 * Set GOVREPORT_WRITE_LAYOUTS=1 to rewrite them after a deliberate change of the generator.
 */
const SAMPLES: { file: string; spec: () => ReportSpec; layout: Layout; options?: RenderOptions }[] = [
  { file: 'tab.txt', spec: () => makeSpec(), layout: 'tab' },
  { file: 'pdf.txt', spec: () => makeSpec(), layout: 'pdf' },
  { file: 'markdown.txt', spec: () => makeSpec(), layout: 'markdown' },
  { file: 'tab-crlf.txt', spec: () => makeSpec(), layout: 'tab', options: { eol: '\r\n' } },
  { file: 'pdf-thousands.txt', spec: () => makeSpec({ big: true }), layout: 'pdf', options: { numbers: 'grouped' } },
  { file: 'tab-fullwidth.txt', spec: () => makeSpec(), layout: 'tab', options: { numbers: 'fullwidth' } },
  { file: 'pdf-compat.txt', spec: () => makeSpec(), layout: 'pdf', options: { compat: true } },
  { file: '2019-tab.txt', spec: () => makeSpec({ edition: '2019' }), layout: 'tab' },
  { file: '2019-pdf.txt', spec: () => makeSpec({ edition: '2019' }), layout: 'pdf' },
  { file: '8col-tab.txt', spec: () => makeSpec({ subtotal: true }), layout: 'tab' },
  { file: '8col-pdf.txt', spec: () => makeSpec({ subtotal: true }), layout: 'pdf' },
];

for (const s of SAMPLES) {
  test(`layout sample ${s.file}: stored text is the generator's, and it gives its findings`, () => {
    const { spec, expected } = brokenSpec(s.spec());
    const text = render(spec, s.layout, s.options);
    const path = fixturePath('layouts', s.file);
    const jsonPath = path.replace(/\.txt$/, '.json');
    if (process.env.GOVREPORT_WRITE_LAYOUTS === '1') {
      writeFileSync(path, text);
      writeFileSync(jsonPath, JSON.stringify({ findings: expected }, null, 2) + '\n');
    }
    const stored = readFileSync(path, 'utf8');
    assert.equal(stored, text);
    const want = (JSON.parse(readFileSync(jsonPath, 'utf8')) as { findings: string[] }).findings;
    assert.deepEqual(want, expected);
    assert.deepEqual(signatures(lint(stored).findings), want);
  });
}

// ---------------------------------------------------------------- the samples: one report in the shapes real reports arrive in

interface Numbers {
  title: string;
  body: string;
  year: number;
  t2: Record<string, Record<string, (number | string)[]>>;
  t3: { columns: string[]; rows: Record<string, number[]> };
  t4: { columns: string[]; values: number[] };
}
const SAMPLE = (file: string) => readFileSync(fixturePath('samples', file), 'utf8');
const NUMBERS = JSON.parse(SAMPLE('numbers.json')) as Numbers;

/** A cell as the samples' numbers write it: a number, a decimal as written, or 'blank'. */
const figure = (c: CellNode): number | string =>
  c.kind === 'blank' ? 'blank' : c.kind === 'decimal' ? c.raw : (c.value ?? c.raw);

type Figure = number | string;
interface Figures {
  t2: Record<string, Record<string, Figure[]>>;
  t3: Record<string, Figure[]>;
  t4: Figure[];
}

/** Every figure of the three tables, keyed as numbers.json keys them. */
function figures(model: ReportModel): Figures {
  const { t2, t3, t4 } = model.tables;
  const out: Record<string, Record<string, (number | string)[]>> = {};
  for (const b of t2?.blocks ?? []) {
    const tpl = TEMPLATES[t2!.edition].table2.find((x) => x.id === b.blockId)!;
    out[tpl.heading] = Object.fromEntries(
      b.rows.map((r) => [tpl.rows.find((x) => x.id === r.rowId)!.label, r.cells.map(figure)]),
    );
  }
  const t3Rows = Object.fromEntries(
    (t3?.rows ?? []).map((r) => [rowDisplay(t3!.edition, r.rowId), r.cells.map(figure)]),
  );
  return { t2: out, t3: t3Rows, t4: (t4?.rows[0]?.cells ?? []).map(figure) };
}

/** The figures numbers.json gives, with the cells a blank-cell shape leaves empty read as 'blank'. */
function expectedFigures(blankAt?: Figures): Figures {
  const pick = (want: Figure[], got: Figure[] | undefined) => want.map((v, i) => (got?.[i] === 'blank' ? 'blank' : v));
  const out: Record<string, Record<string, (number | string)[]>> = {};
  for (const [h, rows] of Object.entries(NUMBERS.t2)) {
    out[h] = Object.fromEntries(Object.entries(rows).map(([l, v]) => [l, pick(v, blankAt?.t2[h]?.[l])]));
  }
  const t3 = Object.fromEntries(Object.entries(NUMBERS.t3.rows).map(([l, v]) => [l, pick(v, blankAt?.t3[l])]));
  return { t2: out, t3, t4: pick(NUMBERS.t4.values, blankAt?.t4) };
}

const SHAPES: { file: string; blanks?: boolean; what: string }[] = [
  { file: 'tab.txt', what: 'the reference: tab-separated rows' },
  { file: 'pipe.md', what: 'Markdown pipe tables' },
  { file: 'title-two-lines.txt', what: 'a title centred over two lines' },
  { file: 'title-three-lines-spaced.txt', what: 'a title over three lines with blanks between its characters' },
  { file: 'title-year-first.txt', what: 'a title with the year first' },
  { file: 'title-annual-wording.txt', what: '…年度政府信息公开工作报告' },
  { file: 'title-open-annual.txt', what: '…政府信息公开年度报告' },
  { file: 'title-chrome.txt', what: 'page chrome (当前位置：首页 > …) before the title' },
  { file: 'blank-cells.txt', blanks: true, what: 'zeros left as empty cells, 总计 empty under 三, whole empty rows' },
  { file: 'blank-cells-pipe.md', blanks: true, what: 'blank cells in pipe tables' },
];

for (const s of SHAPES) {
  test(`sample ${s.file} (${s.what}): the report's numbers, body and year, and only the findings it deserves`, () => {
    const text = SAMPLE(s.file);
    const { model, findings, errors } = lint(text);
    assert.deepEqual(errors, []);
    assert.equal(model.isReport, true);
    assert.deepEqual(
      model.sections.map((x) => x.id),
      [1, 2, 3, 4, 5, 6],
    );
    // The title: body and year right, its span from its first character to its last, on every line it takes.
    const title = model.title!;
    assert.ok(title, 'a title');
    assert.equal(title.body, NUMBERS.body);
    assert.equal(title.year, NUMBERS.year);
    const written = text.slice(title.span.start, title.span.end).replace(/\s+/g, '');
    assert.ok(
      written.endsWith('报告') && (written.startsWith(NUMBERS.body) || written.startsWith(String(NUMBERS.year))),
      written,
    );
    assert.equal(written, title.text.replace(/\s+/g, ''));
    assert.equal(text.slice(title.yearSpan.start, title.yearSpan.end).replace(/\s+/g, ''), String(NUMBERS.year));
    assert.equal(
      findings.some((f) => f.ruleId === 'title-missing'),
      false,
    );
    assertFindingsWellFormed(text, findings);

    const got = figures(model);
    if (!s.blanks) {
      assert.deepEqual(got, expectedFigures());
      assert.deepEqual(
        findings.map((f) => `${f.ruleId} ${f.message.zh}`),
        [],
      );
      return;
    }
    // Blank cells: only where the reference has a 0, or a total under 三; the rest are the reference's figures.
    assert.deepEqual(got, expectedFigures(got));
    const blanks: { row: string; column: string; value: number }[] = [];
    const t3 = model.tables.t3!;
    for (const table of [model.tables.t2!, t3, model.tables.t4!]) {
      for (const r of table.rows) {
        const cols = columnsOfRow(table, r);
        r.cells.forEach((c, i) => {
          if (c.kind !== 'blank') return;
          const want =
            table.kind === 't3'
              ? NUMBERS.t3.rows[rowDisplay(t3.edition, r.rowId)][i]
              : table.kind === 't4'
                ? NUMBERS.t4.values[i]
                : 0;
          blanks.push({ row: r.rowId, column: cols[i].id, value: Number(want) });
        });
      }
    }
    assert.ok(blanks.length > 100, `${blanks.length} blank cells`);
    for (const b of blanks)
      assert.ok(b.value === 0 || b.column === 'total', `${b.row} ${b.column} is ${b.value} in the reference`);
    assert.ok(
      blanks.some((b) => b.column === 'total' && b.value > 0),
      'totals left empty',
    );
    // One table-cell-invalid per empty cell, and nothing else; its fix writes the reference's figure.
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.data?.row} ${f.data?.column}`).sort(),
      blanks.map((b) => `table-cell-invalid ${b.row} ${b.column}`).sort(),
    );
    for (const f of findings) {
      const b = blanks.find((x) => x.row === f.data!.row && x.column === f.data!.column)!;
      const fix = f.fixes!.find((x) => x.preferred)!;
      assert.equal(fix.edits[0].newText, String(b.value), `${b.row} ${b.column}`);
    }
    // Fixing them all gives the report without blank cells, in its own layout.
    const reference = SAMPLE(s.file.endsWith('.md') ? 'pipe.md' : 'tab.txt');
    const fixed = fixAll(text).text;
    assert.deepEqual(figures(lint(fixed).model), expectedFigures());
    assert.deepEqual(lint(fixed).findings, []);
    if (s.file === 'blank-cells.txt') assert.equal(fixed, reference);
  });
}

test('a title over several lines: the outline names it on one line, and a year finding points at its year', () => {
  const text = SAMPLE('title-three-lines-spaced.txt').replace('本年度行政复议', '2022年行政复议');
  const { model, findings } = lint(text);
  const [root] = documentOutline(model, findings);
  assert.equal(root.kind, 'title');
  assert.equal(root.name, NUMBERS.title);
  assert.deepEqual(root.selectionSpan, model.title!.span);
  assert.equal(model.title!.line, 1);
  assert.equal(model.title!.endLine, 3);
  // The title's lines are neither prose nor section content.
  assert.equal(
    model.prose.some((p) => p.line >= 1 && p.line <= 3),
    false,
  );
  const year = findings.find((f) => f.ruleId === 'text-year-mismatch');
  assert.ok(year, 'the prose year differs from the title year');
  assert.ok(year.related!.some((r) => text.slice(r.span.start, r.span.end) === '2 0 2 3'));
});

test('a title is not taken from chrome, a date line or prose', () => {
  const body = SAMPLE('tab.txt').split('\n').slice(1).join('\n');
  for (const head of [
    '当前位置：首页 > 政务公开 > 某某县住房和城乡建设局2023年政府信息公开工作年度报告',
    '发布时间：2024-01-20\n某某县住房和城乡建设局',
    '现将本局2023年政府信息公开工作年度报告公布如下。',
  ]) {
    const { model, findings } = lint(`${head}\n${body}`);
    assert.equal(model.title, undefined, head);
    assert.ok(
      findings.some((f) => f.ruleId === 'title-missing'),
      head,
    );
  }
});

test('detection: a title saying 政府信息公开…报告, or three of the six headings anywhere, make a report', () => {
  const prose = '本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》。';
  // A title without a year (title-missing does not say it; the model's title needs a year).
  assert.equal(lint(`某某县人民政府政府信息公开工作年度报告\n\n${prose}\n`).model.isReport, true);
  assert.equal(lint(`  某 某 县 政 务 公 开 工 作 年 度 报 告\n${prose}\n`).model.isReport, true);
  // Three headings inline, in one paragraph.
  const inline = `${prose}一、总体情况 ${prose}二、主动公开政府信息情况 ${prose}三、收到和处理政府信息公开申请情况 ${prose}`;
  const m = lint(inline).model;
  assert.equal(m.isReport, true);
  assert.equal(m.detection.headings, 3);
  // Two headings, and no title: not a report, and the model says what was found.
  const two = lint(`${prose}\n一、总体情况\n${prose}二、主动公开政府信息情况\n`).model;
  assert.equal(two.isReport, false);
  assert.deepEqual(two.detection, { title: false, headings: 2 });
  // A sentence that mentions the report is no title.
  assert.equal(lint(`现将本局政府信息公开工作年度报告公布如下。\n${prose}\n`).model.isReport, false);
});

test('damaged Markdown: rows broken into pieces are named unreadable on their lines, with no cascade and no sum from them', () => {
  const text = SAMPLE('damaged-pipe.md');
  const { model, findings } = lint(text);
  assert.equal(model.isReport, true);
  const t3 = model.tables.t3!;
  // Every row is there, in order, and no line is stray.
  assert.deepEqual(
    t3.rows.map((r) => r.rowId),
    t3Rows('2021').map((r) => r.id),
  );
  assert.deepEqual(t3.missingRowIds, []);
  assert.deepEqual(t3.strayLines, []);
  const broken = t3.rows.filter((r) => r.fragments);
  assert.deepEqual(
    broken.map((r) => r.rowId),
    ['t3.refuse.1', 't3.refuse.4'],
  );
  for (const r of broken) assert.equal(r.malformed, true);
  // The other rows read as the reference.
  const want = expectedFigures().t3;
  for (const r of t3.rows)
    if (!r.fragments) assert.deepEqual(r.cells.map(figure), want[rowDisplay('2021', r.rowId)], r.rowId);
  // One finding per broken row, over the row's cells and its pieces; nothing else (no sum, no missing row, no label).
  assert.deepEqual(
    findings.map((f) => `${f.ruleId} ${f.data?.row} ${f.data?.pieces}`),
    ['table-cell-count t3.refuse.1 2', 'table-cell-count t3.refuse.4 2'],
  );
  const [a, b] = findings;
  assert.equal(text.slice(a.span.start, a.span.end), '1 | 0 | 0\n| 0 | 0 | 0 | 1');
  assert.equal(text.slice(b.span.start, b.span.end), '2 | 0 | 0 | 0 | 0 | 0 |\n| 2');
  assert.match(a.message.zh, /断成 2 行.*无法与各列对应/);
  assert.deepEqual(
    a.related!.map((r) => text.slice(r.span.start, r.span.end)),
    ['0 | 0 | 0 | 1'],
  );
  // Fixing changes nothing it cannot know.
  assert.equal(fixAll(text).text, text);
});

test('a cell on a line of its own in tab text makes its row unreadable, not the next row', () => {
  const text = SAMPLE('tab.txt').replace(/(\t\t4\.保护第三方合法权益(?:\t\d+){6})\t(\d+)\n/, '$1\n$2\n');
  assert.notEqual(text, SAMPLE('tab.txt'));
  const { model, findings } = lint(text);
  const t3 = model.tables.t3!;
  assert.deepEqual(
    t3.rows.filter((r) => r.fragments).map((r) => r.rowId),
    ['t3.refuse.4'],
  );
  assert.deepEqual(t3.missingRowIds, []);
  assert.deepEqual(
    findings.map((f) => `${f.ruleId} ${f.data?.row}`),
    ['table-cell-count t3.refuse.4'],
  );
});

test('a row of table 三 with every cell empty and no digit in its label is a row of blank cells', () => {
  const text = SAMPLE('tab.txt').replace(/(\t（二）部分公开[^\t]*)(?:\t\d*)+\n/, '$1\t\t\t\t\t\t\t\t\n');
  assert.notEqual(text, SAMPLE('tab.txt'));
  const { model, findings } = lint(text);
  const row = model.tables.t3!.rows.find((r) => r.rowId === 't3.partial')!;
  assert.deepEqual(
    row.cells.map((c) => c.kind),
    new Array(7).fill('blank'),
  );
  assert.deepEqual(model.tables.t3!.missingRowIds, []);
  assert.deepEqual(
    findings.map((f) => `${f.ruleId} ${f.data?.row}`),
    new Array(7).fill('table-cell-invalid t3.partial'),
  );
});
