/** The pure editor features (outline, folding, hover, verdicts, report view, skeleton) on real seeds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, RULES } from '../../server/src/core';
import {
  arithmeticRuleIds,
  documentOutline,
  foldingRanges,
  formatTotalHover,
  reportSkeleton,
  reportView,
  tableVerdicts,
  totalFormulasAt,
  type OutlineNode,
} from '../../server/src/core/features';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
const seeds = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const read = (f: string) => fs.readFileSync(path.join(SEEDS, f), 'utf8');

/** Seed 001 with 3 typed into the 自然人 cell of （一）予以公开. */
function brokenSeed(): { text: string; rowStart: number; totalAt: number } {
  const seed = read('001_60561711a3d75cb4.txt');
  const row = seed.split('\n').find((l) => l.includes('予以公开'))!;
  const rowStart = seed.indexOf(row);
  const at = rowStart + row.indexOf('\t0') + 1;
  const text = seed.slice(0, at) + '3' + seed.slice(at + 1);
  const line = text.slice(rowStart, text.indexOf('\n', rowStart));
  const totalAt = rowStart + /(\d+)\s*$/.exec(line)!.index;
  return { text, rowStart, totalAt };
}

function walk(nodes: OutlineNode[], f: (n: OutlineNode, parent?: OutlineNode) => void, parent?: OutlineNode): void {
  for (const n of nodes) {
    f(n, parent);
    walk(n.children, f, n);
  }
}

for (const name of seeds) {
  test(`outline of ${name}: title → six sections, tables inside their sections, children inside parents`, () => {
    const text = read(name);
    const { model, findings } = lint(text);
    const roots = documentOutline(model, findings);
    assert.equal(roots.length, 1);
    const [title] = roots;
    assert.equal(title.kind, 'title');
    assert.equal(title.name, text.slice(model.title!.span.start, model.title!.span.end));
    assert.deepEqual(
      title.children.map((c) => c.kind),
      ['section', 'section', 'section', 'section', 'section', 'section'],
    );
    const tableHomes = new Map<string, number>();
    walk(roots, (n, parent) => {
      assert.ok(
        n.selectionSpan.start >= n.span.start && n.selectionSpan.end <= n.span.end,
        `${n.name}: selection inside range`,
      );
      if (parent)
        assert.ok(
          n.span.start >= parent.span.start && n.span.end <= parent.span.end,
          `${n.name} inside ${parent.name}`,
        );
      if (n.kind === 'table') {
        let p: OutlineNode | undefined = parent;
        while (p && p.kind !== 'section') p = title.children.find((s) => s.children.includes(p!));
        tableHomes.set(n.name.slice(0, 2), p ? model.sections[title.children.indexOf(p)].id : 0);
      }
    });
    assert.deepEqual(Object.fromEntries(tableHomes), { 表二: 2, 表三: 3, 表四: 4 });
  });

  test(`folding of ${name}: sections and tables, never ending on a blank line`, () => {
    const text = read(name);
    const { model } = lint(text);
    const lines = text.split(/\r\n|\r|\n/);
    const ranges = foldingRanges(model);
    for (const s of model.sections) {
      if (lines.slice(s.line + 1, s.endLine + 1).some((l) => l.trim() !== '')) {
        assert.ok(
          ranges.some((r) => r.kind === 'section' && r.startLine === s.line),
          `section ${s.id}`,
        );
      }
    }
    for (const t of [model.tables.t2!, model.tables.t3!, model.tables.t4!]) {
      assert.ok(ranges.some((r) => r.kind === 'table' && r.startLine === t.line));
    }
    for (const r of ranges) {
      assert.ok(r.endLine > r.startLine);
      assert.notEqual(lines[r.endLine].trim(), '', `fold ${r.startLine}-${r.endLine} ends on a blank line`);
    }
  });

  test(`verdicts of ${name}: the seed's sums are all right`, () => {
    const { model, findings } = lint(read(name));
    const v = tableVerdicts(model, findings);
    assert.deepEqual(
      v.map((x) => x.kind),
      ['t2', 't3', 't4'],
    );
    for (const x of v) assert.equal(x.brokenSums, 0);
    assert.deepEqual(
      v.map((x) => x.hasSums),
      [false, true, true],
    );
  });
}

test('hover on a broken row total: the row sum with every addend, computed 3 against written 0', () => {
  const { text, totalAt } = brokenSeed();
  const { model } = lint(text);
  const formulas = totalFormulasAt(model, totalAt);
  const row = formulas.find((f) => f.ruleId === 'sum-row-total')!;
  assert.ok(row);
  assert.deepEqual(row.span, { start: totalAt, end: totalAt + 1 });
  assert.deepEqual(
    row.terms.map((t) => [t.label, t.value]),
    [
      ['自然人', 3],
      ['商业企业', 0],
      ['科研机构', 0],
      ['社会公益组织', 0],
      ['法律服务机构', 0],
      ['其他', 0],
    ],
  );
  assert.equal(row.computed, 3);
  assert.equal(row.written, 0);
  assert.equal(row.matches, false);
  const md = formatTotalHover(formulas, 'en');
  assert.match(md, /\*\*Total\*\*/);
  assert.match(md, /✗ does not match/);
});

test('hover on (七)总计 of a column: the column sum over the result rows; on the balance row: 一 + 二 − （七）', () => {
  const { text } = brokenSeed();
  const { model } = lint(text);
  const t3 = model.tables.t3!;
  const total = t3.rows.find((r) => r.rowId === 't3.total')!;
  const col = totalFormulasAt(model, total.cells[0].span.start);
  const colSum = col.find((f) => f.ruleId === 'sum-column-total')!;
  assert.equal(colSum.computed, 3);
  assert.equal(colSum.written, 0);
  assert.equal(
    colSum.terms.length,
    t3.rows.filter((r) => r.rowId !== 't3.total' && !['t3.new', 't3.carried', 't3.next'].includes(r.rowId)).length,
  );
  const next = t3.rows.find((r) => r.rowId === 't3.next')!;
  const bal = totalFormulasAt(model, next.cells[0].span.start).find((f) => f.ruleId === 'sum-balance')!;
  assert.deepEqual(
    bal.terms.map((t) => t.sign),
    [1, 1, -1],
  );
  assert.equal(bal.matches, true);
  // An addend is not a total.
  const natural = t3.rows.find((r) => r.rowId === 't3.open')!.cells[0];
  assert.deepEqual(totalFormulasAt(model, natural.span.start), []);
});

test('hover on a table 四 group total', () => {
  const { model } = lint(read('002_f34c183db723c9dd.txt'));
  const t4 = model.tables.t4!;
  const idx = t4.columnIds.indexOf('review.total');
  const f = totalFormulasAt(model, t4.rows[0].cells[idx].span.start);
  assert.equal(f.length, 1);
  assert.equal(f[0].ruleId, 'sum-review-total');
  assert.deepEqual(
    f[0].terms.map((t) => t.label),
    ['行政复议·结果维持', '行政复议·结果纠正', '行政复议·其他结果', '行政复议·尚未审结'],
  );
});

test('verdicts and the report view count the broken sums of table 三', () => {
  const { text } = brokenSeed();
  const { model, findings } = lint(text);
  const arithmetic = new Set(arithmeticRuleIds());
  assert.deepEqual(
    [...arithmetic].sort(),
    RULES.filter((r) => r.meta.category === 'arithmetic')
      .map((r) => r.meta.id)
      .sort(),
  );
  const t3 = model.tables.t3!;
  const expected = findings.filter(
    (f) => arithmetic.has(f.ruleId) && f.span.start >= t3.span.start && f.span.end <= t3.span.end,
  );
  assert.ok(expected.length >= 2);
  const v = tableVerdicts(model, findings).find((x) => x.kind === 't3')!;
  assert.equal(v.brokenSums, expected.length);
  assert.equal(v.fixableSums, expected.filter((f) => f.fixes?.some((x) => x.preferred)).length);
  const view = reportView(model, findings);
  assert.equal(view.tables.find((t) => t.kind === 't3')!.brokenSums, expected.length);
  assert.deepEqual(
    view.sections.map((s) => s.present),
    [true, true, true, true, true, true],
  );
  const s3 = view.sections[2];
  assert.equal(
    s3.problems.error + s3.problems.warning + s3.problems.info,
    findings.filter((f) => f.span.start >= s3.span!.start && f.span.end <= s3.span!.end).length,
  );
  assert.equal(view.problems.error + view.problems.warning + view.problems.info, findings.length);
});

test('the report view of a text without section 六 and table 四 says they are missing', () => {
  const text = read('002_f34c183db723c9dd.txt');
  const cut = text.slice(0, text.indexOf('四、政府信息公开行政复议'));
  const { model, findings } = lint(cut);
  const view = reportView(model, findings);
  assert.deepEqual(
    view.sections.map((s) => s.present),
    [true, true, true, false, false, false],
  );
  assert.equal(view.tables.find((t) => t.kind === 't4')!.present, false);
});

for (const year of [2023, 2020]) {
  test(`the empty report for ${year} is a report of its year's format whose sums all hold`, () => {
    const text = reportSkeleton({ year, body: '某某市某某局' });
    const { model, findings } = lint(text);
    assert.equal(model.isReport, true);
    assert.equal(model.title?.year, year);
    assert.equal(model.edition, year >= 2021 ? '2021' : '2019');
    assert.deepEqual(
      model.sections.map((s) => s.id),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(model.tables.t3?.missingRowIds, []);
    assert.equal(model.tables.t4?.rows[0].cells.length, 15);
    // Only prompts to write prose remain: no table, arithmetic or title problem.
    const kinds = new Set(findings.map((f) => RULES.find((r) => r.meta.id === f.ruleId)!.meta.category));
    assert.ok(!kinds.has('table') && !kinds.has('arithmetic'), findings.map((f) => f.ruleId).join(','));
    assert.ok(
      findings.every((f) => f.ruleId === 'section-empty'),
      findings.map((f) => f.ruleId).join(','),
    );
  });
}

test('the empty report keeps the requested line break', () => {
  const text = reportSkeleton({ year: 2024, eol: '\r\n' });
  assert.ok(text.includes('\r\n'));
  assert.ok(!/[^\r]\n/.test(text));
});
