/**
 * The five seed reports: the parsed model and the findings, checked by hand line by line.
 * Lines are 1-based, as an editor shows them; span texts are exact.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, TEMPLATES, applyEdits } from '../../server/src/core';
import type { Finding, ReportModel } from '../../server/src/core/types';
import { seed, seeds } from '../helpers/paths';
import {
  applyPreferred,
  assertFindingsWellFormed,
  briefs,
  isRegistered,
  lineAt,
  show,
  textRuleIds,
} from '../helpers/findings';

interface Expected {
  rule: string;
  line: number;
  text: string;
  /** The line after applying the preferred fix (the whole line, trimmed of its line break). */
  fixedLine?: string;
  /** Fragments the Chinese message must contain. */
  says?: string[];
}

/** Findings of the structure, table and arithmetic rules (the text rules are checked separately). */
const EXPECTED: Record<string, { title: [string, number]; findings: Expected[] }> = {
  '000': { title: ['北关区⼯信局', 2022], findings: [] },
  '001': {
    title: ['南岗区工业信息科技局', 2022],
    findings: [
      {
        rule: 'section-title',
        line: 23,
        text: '政府信息主动公开情况',
        fixedLine: '二、主动公开政府信息情况',
        says: ['主动公开政府信息情况', '政府信息主动公开情况'],
      },
      {
        rule: 'table-label',
        line: 63,
        text: '4. 无正当理由大量反复申',
        fixedLine: '\t\t4. 无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0',
        says: ['4.无正当理由大量反复申请', '4. 无正当理由大量反复申'],
      },
      {
        rule: 'table-label',
        line: 66,
        text: '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开',
        fixedLine: '\t\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0',
        says: ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
      },
    ],
  },
  '002': { title: ['北关区政务服务和大数据管理局', 2023], findings: [] },
  '003': {
    title: ['工信局', 2021],
    findings: [
      {
        rule: 'table-label',
        line: 36,
        text: '2.其他法律法规禁止公开',
        fixedLine: '\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0',
        says: ['2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开'],
      },
    ],
  },
  '004': {
    title: ['卫滨区科技和工业信息化局', 2023],
    findings: [
      {
        rule: 'table-label',
        line: 30,
        text: '本年度止件数',
        fixedLine: '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        says: ['本年废止件数', '本年度止件数'],
      },
    ],
  },
};

function nonText(findings: Finding[]): Finding[] {
  const text = new Set(textRuleIds());
  return findings.filter((f) => !text.has(f.ruleId));
}

function lineText(text: string, line1: number): string {
  return text.split(/\r\n|\r|\n/)[line1 - 1];
}

function assertModel(id: string, model: ReportModel): void {
  assert.equal(model.isReport, true, `${id}: isReport`);
  assert.deepEqual(
    model.sections.map((s) => s.id),
    [1, 2, 3, 4, 5, 6],
    `${id}: six sections in order`,
  );
  for (const s of model.sections) assert.equal(s.hasContent, true, `${id}: section ${s.id} has content`);
  const { t2, t3, t4 } = model.tables;
  assert.ok(t2 && t3 && t4, `${id}: three tables`);
  assert.equal(model.edition, '2021');
  const tpl = TEMPLATES['2021'];
  const t2Rows = tpl.table2.flatMap((b) => b.rows.map((r) => r.id));
  assert.deepEqual(
    t2.rows.map((r) => r.rowId),
    t2Rows,
    `${id}: table 二 rows`,
  );
  assert.deepEqual(
    t2.blocks?.map((b) => b.blockId),
    ['t2.1', 't2.5', 't2.6', 't2.8'],
  );
  for (const r of t2.rows) {
    const block = tpl.table2.find((b) => r.rowId.startsWith(b.id + '.'))!;
    assert.equal(r.cells.length, block.columns.length, `${id}: ${r.rowId} cells`);
    for (const c of r.cells) assert.equal(c.value, 0, `${id}: ${r.rowId} value`);
  }
  const t3Rows = tpl.table3.rows.filter((r) => !r.group).map((r) => r.id);
  assert.equal(t3Rows.length, 25);
  assert.deepEqual(
    t3.rows.map((r) => r.rowId),
    t3Rows,
    `${id}: table 三 rows`,
  );
  assert.equal(t3.columnCount, 7);
  assert.deepEqual(t3.missingRowIds, []);
  assert.deepEqual(t3.strayLines, []);
  for (const r of t3.rows) {
    assert.equal(r.cells.length, 7, `${id}: ${r.rowId} has 7 cells`);
    for (const c of r.cells) {
      assert.equal(c.kind, 'integer', `${id}: ${r.rowId} cell kind`);
      assert.equal(c.value, 0);
      assert.equal(model.text.slice(c.span.start, c.span.end), '0', `${id}: ${r.rowId} cell span`);
    }
  }
  assert.equal(t4.rows.length, 1);
  assert.equal(t4.rows[0].cells.length, 15, `${id}: table 四 has 15 cells`);
  for (const c of t4.rows[0].cells) {
    assert.equal(c.kind, 'integer');
    assert.equal(model.text.slice(c.span.start, c.span.end), '0');
  }
}

test('there are five seeds', () => {
  assert.deepEqual(
    seeds().map((s) => s.id),
    ['000', '001', '002', '003', '004'],
  );
});

for (const { id, text } of seeds()) {
  test(`seed ${id}: model`, () => {
    const { model, errors } = lint(text);
    assert.deepEqual(errors, []);
    assertModel(id, model);
    const [body, year] = EXPECTED[id].title;
    assert.equal(model.title?.year, year);
    assert.equal(model.title?.body, body.normalize('NFKC'));
    assert.equal(text.slice(model.title!.yearSpan.start, model.title!.yearSpan.end), String(year));
  });

  test(`seed ${id}: findings of the structure, table and arithmetic rules`, () => {
    const { findings } = lint(text);
    assertFindingsWellFormed(text, findings);
    const actual = briefs(text, nonText(findings));
    const expected = EXPECTED[id].findings;
    assert.deepEqual(
      actual.map(show),
      expected.map((e) => show({ rule: e.rule, line: e.line, text: e.text })),
    );
    const own = nonText(findings);
    expected.forEach((e, i) => {
      const f = own[i];
      for (const frag of e.says ?? []) assert.ok(f.message.zh.includes(frag), `${f.message.zh} mentions ${frag}`);
      if (e.fixedLine !== undefined) {
        const fixed = applyPreferred(text, f);
        assert.equal(lineText(fixed, e.line), e.fixedLine);
        // Everything outside the fixed line is unchanged.
        const before = text.split('\n');
        const after = fixed.split('\n');
        assert.equal(after.length, before.length);
        for (let k = 0; k < before.length; k++) if (k !== e.line - 1) assert.equal(after[k], before[k]);
        assert.deepEqual(
          nonText(lint(fixed).findings).filter((g) => g.ruleId === e.rule).length,
          own.filter((g) => g.ruleId === e.rule).length - 1,
        );
      }
    });
  });
}

test('seed 000: compatibility characters are normalized for matching and kept in the model', () => {
  const text = seed('000');
  const { model } = lint(text);
  // Every Kangxi radical and radicals-supplement character of the file is in a compat run.
  const compat = [...text.matchAll(/[\u2f00-\u2fd5\u2e80-\u2ef3]/g)].map((m) => m.index!);
  assert.equal(compat.length, 154);
  const covered = new Set<number>();
  for (const r of model.compatRuns) {
    assert.equal(text.slice(r.span.start, r.span.end), r.original);
    assert.equal(r.original.length, r.replacement.length);
    assert.equal(lineAt(text, r.span.start) - 1, r.line);
    for (let k = r.span.start; k < r.span.end; k++) covered.add(k);
  }
  assert.deepEqual(
    [...covered].sort((a, b) => a - b),
    compat,
  );
  const first = model.compatRuns[0];
  assert.deepEqual([first.line, first.original, first.replacement], [1, '⼀', '一']);
  // NFKC leaves the radicals supplement alone; the table maps it (⺠→民, ⻔→门, ⻅→见), in reading order.
  const supplement = model.compatRuns.flatMap((r) =>
    [...r.original].flatMap((ch, k) => (/[\u2e80-\u2ef3]/.test(ch) ? [`${ch}${r.replacement[k]}`] : [])),
  );
  assert.deepEqual(supplement, ['⺠民', '⺠民', '⻔门', '⻔门', '⻅见']);
});

test('seed 000: text-compat-char marks every compatibility character, line by line', (t) => {
  if (!isRegistered('text-compat-char')) {
    t.diagnostic('text-compat-char is not registered yet');
    return;
  }
  const text = seed('000');
  const { findings } = lint(text);
  // Seed 000 has nothing else wrong: only text-compat-char reports.
  assert.deepEqual([...new Set(findings.map((f) => f.ruleId))], ['text-compat-char']);
  const COMPAT = /[\u2f00-\u2fd5\u2e80-\u2ef3]/;
  const linesWithCompat = text.split('\n').flatMap((l, i) => (COMPAT.test(l) ? [i + 1] : []));
  assert.deepEqual(
    findings.map((f) => lineAt(text, f.span.start)),
    linesWithCompat,
  );
  assert.deepEqual(briefs(text, findings.slice(0, 3)).map(show), [
    show({ rule: 'text-compat-char', line: 2, text: '⼀' }),
    show({ rule: 'text-compat-char', line: 4, text: '⼯信局2022年政府信息公开⼯' }),
    show({ rule: 'text-compat-char', line: 6, text: '⼯信局⾼度重视政府信息公开⼯作，认真贯彻落实《中华⼈⺠' }),
  ]);
  for (const f of findings) {
    assert.ok(COMPAT.test(text[f.span.start]) && COMPAT.test(text[f.span.end - 1]), 'a span starts and ends on one');
  }
  // The fixes replace exactly the compatibility characters (NFKC for Kangxi, the table for ⺠⻔⻅).
  const edits = findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.preferred).flatMap((x) => x.edits));
  const fixed = applyEdits(text, edits);
  const SUPPLEMENT: Record<string, string> = { '⺠': '民', '⻔': '门', '⻅': '见' };
  const expected = text.replace(/[\u2f00-\u2fd5\u2e80-\u2ef3]/g, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
  assert.equal(fixed, expected);
  // The other seeds have none.
  for (const s of seeds().filter((x) => x.id !== '000')) {
    assert.deepEqual(
      lint(s.text).findings.filter((f) => f.ruleId === 'text-compat-char'),
      [],
    );
  }
});

test('seeds 001, 003, 004: the text rules find nothing (the findings above are all there is)', () => {
  for (const id of ['001', '003', '004']) {
    const text = seed(id);
    const all = lint(text).findings;
    assert.deepEqual(
      all
        .filter((f) => textRuleIds().includes(f.ruleId))
        .map((f) => show({ rule: f.ruleId, line: lineAt(text, f.span.start), text: '' })),
      [],
      id,
    );
    assert.equal(all.length, EXPECTED[id].findings.length, id);
  }
});

test('seed 002 yields no finding at all, of any rule', (t) => {
  const text = seed('002');
  const { findings } = lint(text);
  if (textRuleIds().length === 0) t.diagnostic('text rules not registered yet');
  assert.deepEqual(briefs(text, findings).map(show), []);
});
