/**
 * One-line text: the same report with its line breaks gone (copied from a web page, captured by a
 * crawler). Numbers are read only where certain, inferred only where exactly one split satisfies the
 * sums, and otherwise reported as unreadable; every span lands on the original characters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core';
import { fixAll } from '../../server/src/core/fixes/fixAll';
import { applyEdits } from '../../server/src/core/text/edits';
import { splitsOf } from '../../server/src/core/parser/flatSplit';
import type { Finding, ReportModel } from '../../server/src/core/types';
import { assertFindingsWellFormed, textRuleIds } from '../helpers/findings';
import { fixturePath } from '../helpers/paths';
import { measureGrowth } from '../fuzz/adversarial';
import { makeSpec, render, rng } from '../helpers/report';

const read = (name: string) => readFileSync(fixturePath('samples', name), 'utf8');

interface Numbers {
  t2: Record<string, Record<string, (number | string)[]>>;
  t3: { rows: Record<string, number[]> };
  t4: { values: number[] };
}
const NUMBERS = JSON.parse(read('numbers.json')) as Numbers & { title: string; body: string; year: number };

/** Written digits as a number: full-width folded, thousands separators dropped. */
const numberOf = (raw: string) => Number(raw.normalize('NFKC').replace(/,/g, ''));

/** The model's figures in numbers.json's shape (t3 rows by their display names, in order). */
function figures(model: ReportModel) {
  const { t2, t3, t4 } = model.tables;
  assert.ok(t2 && t3 && t4, 'three tables');
  const v = (c: { kind: string; value?: number; raw: string }) => (c.kind === 'decimal' ? c.raw : c.value);
  return {
    t2: t2.rows.map((r) => r.cells.map(v)),
    t3: t3.rows.map((r) => r.cells.map((c) => c.value)),
    t4: t4.rows[0].cells.map((c) => c.value),
  };
}

const EXPECTED = {
  t2: Object.values(NUMBERS.t2).flatMap((b) => Object.values(b)),
  t3: Object.values(NUMBERS.t3.rows),
  t4: NUMBERS.t4.values,
};

function own(findings: Finding[]): Finding[] {
  const text = new Set(textRuleIds());
  return findings.filter((f) => !text.has(f.ruleId));
}

/** Every cell's span is exactly its digits in the original text. */
function assertCellSpans(text: string, model: ReportModel): void {
  for (const t of [model.tables.t2, model.tables.t3, model.tables.t4]) {
    for (const r of t?.rows ?? []) {
      for (const c of r.cells) {
        assert.equal(text.slice(c.span.start, c.span.end), c.raw, `${r.rowId} span`);
        if (!r.malformed && (c.kind === 'integer' || c.kind === 'decimal'))
          assert.equal(numberOf(c.raw), c.value, `${r.rowId} ${c.raw}`);
      }
    }
  }
}

test('flattened sample: exactly the figures of numbers.json, and nothing but info notes on inferred rows', () => {
  const text = read('flattened.txt');
  assert.equal(text.split('\n').filter((l) => l.trim()).length, 1, 'the sample is one line');
  const { model, findings, errors } = lint(text);
  assert.deepEqual(errors, []);
  assert.equal(model.isReport, true);
  assert.equal(model.title?.body, NUMBERS.body);
  assert.equal(model.title?.year, NUMBERS.year);
  assert.equal(text.slice(model.title!.span.start, model.title!.span.end), NUMBERS.title);
  assert.deepEqual(
    model.sections.map((s) => s.id),
    [1, 2, 3, 4, 5, 6],
  );
  for (const s of model.sections) assert.match(text.slice(s.headingSpan.start, s.headingSpan.end), /^[一二三四五六]、/);
  assert.deepEqual(figures(model), EXPECTED);
  assertCellSpans(text, model);
  assertFindingsWellFormed(text, findings);
  const mine = own(findings);
  assert.ok(mine.length > 0);
  for (const f of mine) {
    assert.equal(f.severity, 'info', `${f.ruleId}: ${f.message.en}`);
    assert.equal(f.ruleId, 'table-values-inferred');
  }
  // The two rows whose digits split several ways even by their own total: the table's sums chose.
  assert.deepEqual(
    mine.map((f) => [f.data!.row, f.data!.by, text.slice(f.span.start, f.span.end)]),
    [
      ['t3.open', 'table', '12 2 0 010 15'],
      ['t3.total', 'table', '40 4001 0 45'],
    ],
  );
  assert.ok(mine[0].message.zh.includes('12 2 0 0 1 0 15'));
  // Every line of the model is a line of the original text.
  for (const t of Object.values(model.tables)) for (const r of t!.rows) assert.equal(r.line, 0);
  // Not certain: no reformat offered.
  assert.equal(model.oneLine?.certain, false);
  assert.equal(model.oneLine?.reformat, undefined);
});

test('the reference layout gives the same figures and no finding at all', () => {
  const { model, findings } = lint(read('tab.txt'));
  assert.deepEqual(figures(model), EXPECTED);
  assert.deepEqual(own(findings), []);
  assert.equal(model.oneLine, undefined);
});

test('full-width digits and CRLF remnants in one-line text: the same figures and findings, positions on the original', () => {
  const text = read('flat-mixed.txt');
  const { model, findings } = lint(text);
  assert.deepEqual(figures(model), EXPECTED);
  assertCellSpans(text, model);
  assertFindingsWellFormed(text, findings);
  assert.deepEqual(
    own(findings).map((f) => [f.ruleId, f.data!.row]),
    [
      ['table-values-inferred', 't3.open'],
      ['table-values-inferred', 't3.total'],
    ],
  );
  // Line numbers count the CRLFs left in the text.
  assert.equal(model.sections[0].line, 1);
  assert.equal(model.sections[5].line, 2);
  assert.equal(model.title?.line, 0);
});

test('one-line text read with certainty: one info note on the title, with the reformat as a fix that fix-all leaves alone', () => {
  const text = read('flat-spaced.txt');
  const { model, findings } = lint(text);
  assert.deepEqual(figures(model), EXPECTED);
  const mine = own(findings);
  assert.deepEqual(
    mine.map((f) => [f.ruleId, f.severity]),
    [['layout-one-line', 'info']],
  );
  const f = mine[0];
  assert.equal(text.slice(f.span.start, f.span.end), NUMBERS.title);
  assert.equal(f.fixes?.length, 1);
  assert.equal(f.fixes![0].title.zh, '重新排版为标准格式');
  assert.equal(f.fixes![0].title.en, 'Reformat into the standard layout');
  assert.notEqual(f.fixes![0].preferred, true);
  assert.equal(fixAll(text).text, text, 'fix-all does not reformat');
  // The reformatted text: the standard line layout, with the same figures and no finding.
  const out = applyEdits(text, f.fixes![0].edits);
  assert.ok(out.split('\n').length > 60);
  assert.ok(out.includes('\n（一）予以公开') || out.includes('\t（一）予以公开\t12\t2\t0\t0\t1\t0\t15'));
  assert.ok(out.includes('规章\t0\t0\t0'));
  assert.ok(out.includes('\n一、总体情况\n'));
  const again = lint(out);
  assert.deepEqual(figures(again.model), EXPECTED);
  assert.equal(again.model.oneLine, undefined);
  assert.deepEqual(own(again.findings), []);
  // Only characters of the original, plus tabs and line breaks.
  assert.equal(out.replace(/[\t\n ]/g, ''), text.replace(/[\t\n ]/g, ''));
});

test('a genuine broken sum in one-line text is reported on the written digits, and the reformat keeps it', () => {
  const text = read('flat-broken-sum.txt');
  const { model, findings } = lint(text);
  const sums = own(findings).filter((f) => f.ruleId.startsWith('sum-'));
  assert.deepEqual(
    sums.map((f) => [f.ruleId, f.data!.along, f.data!.expected, f.data!.actual]),
    [
      ['sum-row-total', 't3.refuse.1', 1, 2],
      ['sum-column-total', 'total', 46, 45],
    ],
  );
  const refuse1 = model.tables.t3!.rows.find((r) => r.rowId === 't3.refuse.1')!;
  const at = text.indexOf('1.属于国家秘密 1000 0 0 2') + '1.属于国家秘密 1000 0 0 '.length;
  assert.deepEqual(sums[0].span, { start: at, end: at + 1 });
  assert.equal(refuse1.cells[6].span.start, at);
  assert.equal(text.slice(sums[1].span.start, sums[1].span.end), '45');
  assert.ok(sums[1].span.start > text.indexOf('（七）总计'));
  // The fix recomputes the written total in place.
  const fixed = fixAll(text, { ruleIds: ['sum-row-total'] }).text;
  assert.ok(fixed.includes('1.属于国家秘密 1000 0 0 12.其他'));
  // Reformatted, the report gives the same sum findings.
  const reformat = own(findings).find((f) => f.ruleId === 'layout-one-line')!.fixes![0];
  const again = lint(applyEdits(text, reformat.edits));
  assert.deepEqual(
    own(again.findings)
      .filter((f) => f.ruleId.startsWith('sum-'))
      .map((f) => [f.ruleId, f.data!.along, f.data!.expected, f.data!.actual]),
    sums.map((f) => [f.ruleId, f.data!.along, f.data!.expected, f.data!.actual]),
  );
});

test('a row whose digits split several ways but only one by its own total is inferred, and its row sum not reported', () => {
  const text = read('flat-inferred-row.txt');
  const { model, findings } = lint(text);
  assert.deepEqual(figures(model), EXPECTED);
  const row = model.tables.t3!.rows.find((r) => r.rowId === 't3.unable.1')!;
  assert.equal(row.inferred, true);
  assert.deepEqual(
    row.cells.map((c) => c.raw),
    ['10', '1', '0', '0', '0', '0', '11'],
  );
  const mine = own(findings);
  assert.deepEqual(
    mine.map((f) => [f.ruleId, f.severity, f.data!.row, f.data!.by]),
    [['table-values-inferred', 'info', 't3.unable.1', 'row']],
  );
  assert.equal(text.slice(mine[0].span.start, mine[0].span.end), '101 0 0 0 011');
  assert.ok(mine[0].message.en.includes('10 1 0 0 0 0 11'));
  // Rows read with certainty are not inferred.
  assert.equal(model.tables.t3!.rows.filter((r) => r.inferred).length, 1);
  assert.equal(model.oneLine?.reformat, undefined);
});

test('rows that cannot be split are reported as unreadable, and no sum is computed from them', () => {
  const text = read('flat-unreadable.txt');
  const { model, findings } = lint(text);
  const mine = own(findings);
  assert.deepEqual(
    mine.map((f) => [f.ruleId, f.data!.row, text.slice(f.span.start, f.span.end)]),
    [
      ['table-cell-count', 't3.open', '12 2 0 010 15'],
      ['table-cell-count', 't3.unable.3', '100001'],
    ],
  );
  for (const f of mine) assert.match(f.message.zh, /连在一起/);
  const rows = model.tables.t3!.rows;
  for (const id of ['t3.open', 't3.unable.3']) {
    const r = rows.find((x) => x.rowId === id)!;
    assert.equal(r.malformed, true);
    assert.equal(r.inferred, undefined);
  }
  // Every other row still reads its figures.
  const expected = Object.values(NUMBERS.t3.rows);
  rows.forEach((r, i) => {
    if (r.rowId !== 't3.open' && r.rowId !== 't3.unable.3')
      assert.deepEqual(
        r.cells.map((c) => c.value),
        expected[i],
        r.rowId,
      );
  });
});

test('the split search: certain, several ways, none; bounded on a 5,000-digit run', () => {
  const tok = (text: string, start = 0) => ({ start, end: start + text.length, text });
  assert.equal(splitsOf([tok('3000003')], 7).count, 1);
  assert.equal(splitsOf([tok('10'), tok('0'), tok('0'), tok('0'), tok('0'), tok('0'), tok('11')], 7).count, 1);
  assert.equal(splitsOf([tok('01')], 2).count, 1, '"01" is two cells');
  assert.equal(splitsOf([tok('12'), tok('2'), tok('0'), tok('010'), tok('15')], 7).count, 3);
  assert.equal(splitsOf([tok('100001')], 7).count, 0);
  assert.equal(splitsOf([tok('12.5')], 1).count, 1);
  assert.equal(splitsOf([tok('3,119'), tok('12')], 3).count, 1);
  const t0 = process.hrtime.bigint();
  const long = splitsOf([tok('7'.repeat(5000))], 7);
  const many = splitsOf([tok('123456789'.repeat(9))], 15);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.equal(long.count, 0);
  assert.ok(many.count > 256 && many.splits.length === 0, 'too many splits: none enumerated');
  assert.ok(ms < 200, `${ms} ms`);
});

test('one-line text never throws and a long digit run is unreadable, not read', () => {
  const base = read('flattened.txt');
  const text = base.replace('3.补正后申请内容仍不明确 1000001', `3.补正后申请内容仍不明确 ${'1'.repeat(5000)}`);
  const { model, findings, errors } = lint(text);
  assert.deepEqual(errors, []);
  const r = model.tables.t3!.rows.find((x) => x.rowId === 't3.unable.3')!;
  assert.notEqual(r.cells.length, 7);
  assert.ok(own(findings).some((f) => f.ruleId === 'table-cell-count' && f.data!.row === 't3.unable.3'));
  for (const cut of [1, 17, 500, 1200, 2000, 2900, 3500]) lint(base.slice(0, cut) + base.slice(cut + 7));
});

for (const input of [
  {
    name: 'one-line reports end to end',
    manyLines: false,
    make: (n: number) => repeatTo(readFileSync(fixturePath('samples', 'flattened.txt'), 'utf8').trim() + ' ', n),
  },
  {
    name: 'a one-line report with a long digit run',
    manyLines: false,
    make: (n: number) => {
      const t = readFileSync(fixturePath('samples', 'flattened.txt'), 'utf8');
      const at = t.indexOf('1000001');
      return t.slice(0, at) + '1'.repeat(Math.max(0, n - t.length)) + t.slice(at);
    },
  },
]) {
  test(`linear time: ${input.name}`, () => {
    const g = measureGrowth(input, 100_000, 1_000_000, 2);
    assert.ok(
      g.ratio < 25,
      `time grew ${g.ratio.toFixed(1)}× for 10× the input (${g.smallMs.toFixed(1)} ms → ${g.largeMs.toFixed(1)} ms)`,
    );
  });
}

function repeatTo(s: string, n: number): string {
  return s.repeat(Math.ceil(n / s.length)).slice(0, n);
}

// ---------------------------------------------------------------- generated reports, flattened

/** The tab layout with its line breaks gone: tabs and breaks become a blank, or nothing where `glue` says so. */
function flatten(text: string, glue: () => boolean): string {
  return text.replace(/\t+|\n+/g, (m) => (m.includes('\n') || !glue() ? ' ' : ''));
}

const signature = (f: Finding) => {
  const d = f.data ?? {};
  const kept = ['relation', 'along', 'row', 'column', 'expected', 'actual']
    .filter((k) => d[k] !== undefined)
    .map((k) => `${k}=${String(d[k])}`);
  return `${f.ruleId} ${kept.join(' ')}`;
};

for (const opts of [{}, { subtotal: true }, { edition: '2019' as const, year: 2020 }, { big: true }]) {
  const tag = JSON.stringify(opts);
  test(`generated report ${tag}, flattened with blanks: the tab layout's figures and findings`, () => {
    const spec = makeSpec(opts);
    spec.t3['t3.open'][0] = (spec.t3['t3.open'][0] as number) + 2; // a genuine broken sum
    const tab = render(spec, 'tab', opts.big ? { numbers: 'grouped' } : {});
    const flat = flatten(tab, () => false);
    const a = lint(tab);
    const b = lint(flat);
    assert.ok(b.model.oneLine, 'read as one-line text');
    assert.equal(b.model.oneLine!.certain, true);
    assert.deepEqual(figures(b.model), figures(a.model));
    assertCellSpans(flat, b.model);
    const sig = (fs: Finding[]) =>
      own(fs)
        .map(signature)
        .filter((s) => !s.startsWith('layout-one-line'))
        .sort();
    assert.deepEqual(sig(b.findings), sig(a.findings));
    assert.ok(sig(b.findings).some((s) => s.startsWith('sum-row-total')));
  });
}

test('generated reports flattened with cells glued at random: rows read as certain are exact, the others reported', () => {
  let inferred = 0;
  let unreadable = 0;
  for (let seed = 1; seed <= 12; seed++) {
    const spec = makeSpec({ seed });
    const r = rng(seed * 7919);
    const flat = flatten(render(spec, 'tab'), () => r() < 0.5);
    const { model, findings, errors } = lint(flat);
    assert.deepEqual(errors, []);
    assert.ok(model.oneLine, `seed ${seed}: one-line`);
    assertFindingsWellFormed(flat, findings);
    const t3 = model.tables.t3!;
    for (const row of t3.rows) {
      if (row.malformed || row.cells.length !== 7) {
        unreadable++;
        assert.ok(
          own(findings).some((f) => f.ruleId === 'table-cell-count' && f.data!.row === row.rowId),
          `seed ${seed}: ${row.rowId} reported`,
        );
        continue;
      }
      if (row.inferred) inferred++;
      assert.deepEqual(
        row.cells.map((c) => c.value),
        spec.t3[row.rowId],
        `seed ${seed}: ${row.rowId}${row.inferred ? ' (inferred)' : ''}`,
      );
    }
    // No sum is reported: the report is consistent, and nothing was guessed.
    assert.deepEqual(
      own(findings)
        .filter((f) => f.ruleId.startsWith('sum-'))
        .map(signature),
      [],
      `seed ${seed}`,
    );
  }
  assert.ok(inferred + unreadable > 0, 'the glued runs are ambiguous somewhere');
});

test('findings that point at lines point at the right characters in one-line text', () => {
  const base = read('flat-spaced.txt');
  // A missing section: its heading is inserted right before the next one, nothing else copied.
  const noFive = base.replace('五、存在的主要问题及改进情况', '');
  const f = own(lint(noFive).findings).find((x) => x.ruleId === 'section-missing')!;
  assert.equal(f.data!.section, 5);
  const edit = f.fixes!.find((x) => x.preferred)!.edits[0];
  assert.equal(edit.start, noFive.indexOf('六、其他需要报告的事项'));
  assert.match(edit.newText, /^五、存在的主要问题及改进情况\s*$/);
  // A missing row: shown on the label of the next row present, not on the whole text.
  const noRow = base.replace('2.重复申请 1 000 0 0 1', '');
  const m = own(lint(noRow).findings).filter((x) => x.ruleId === 'table-row-missing');
  assert.deepEqual(
    m.map((x) => [x.data!.row, noRow.slice(x.span.start, x.span.end)]),
    [['t3.noprocess.2', '3.要求提供公开出版物']],
  );
});

test('the seed reports with their line breaks and tabs gone: the same figures and findings as written', () => {
  const dir = fixturePath('seeds');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length >= 5);
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const flat = text.replace(/\t+|\r?\n+/g, ' ');
    const a = lint(text);
    const b = lint(flat);
    assert.ok(b.model.oneLine, `${file}: one-line`);
    assertFindingsWellFormed(flat, b.findings);
    assert.deepEqual(figures(b.model), figures(a.model), `${file}: figures`);
    const sig = (fs: Finding[]) =>
      own(fs)
        .filter((f) => f.ruleId !== 'layout-one-line')
        .map(signature)
        .sort();
    assert.deepEqual(sig(b.findings), sig(a.findings), `${file}: findings`);
    assert.equal(b.model.title?.year, a.model.title?.year, `${file}: year`);
    assert.equal(b.model.title?.body, a.model.title?.body, `${file}: body`);
  }
});
