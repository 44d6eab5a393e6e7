/**
 * The text rules: text-compat-char, text-number-mismatch, text-year-mismatch, text-list-total.
 *
 * Their fixtures (test/fixtures/rules/ under each text rule id) are checked by the one fixture harness
 * (rules-fixtures.test.ts): exact UTF-16 start/end counted independently of the engine, fragments
 * both messages must contain, and the text after the preferred fixes. The fixtures put 𠀀 (U+20000, a surrogate pair) before a figure on a line, so an
 * offset that counted code points instead of UTF-16 units would be off by one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/core/lint';
import { lineOf } from '../../server/src/core/parser/parse';
import { applyEdits } from '../../server/src/core/text/edits';
import { RULES } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';
import { RADICALS_SUPPLEMENT } from '../../server/src/core/text/radicals';

/** The repository root: the first folder above this file that holds test/fixtures (out/ does not). */
const ROOT = ((): string => {
  let dir = __dirname;
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'fixtures', 'seeds')))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
})();

function readFixture(...parts: string[]): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', ...parts), 'utf8');
}

function seeds(): { id: string; name: string; text: string }[] {
  return readdirSync(join(ROOT, 'test', 'fixtures', 'seeds'))
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: name.slice(0, 3), name, text: readFixture('seeds', name) }));
}

function seed(id: string): string {
  return seeds().find((s) => s.id === id)!.text;
}

const TEXT_RULES = ['text-compat-char', 'text-number-mismatch', 'text-year-mismatch', 'text-list-total'];

/** The folder of each text fixture: the rule it is about. */
const FIXTURE_RULE: Record<string, string> = {
  'compat-char': 'text-compat-char',
  'number-mismatch': 'text-number-mismatch',
  'year-mismatch': 'text-year-mismatch',
  'year-title': 'text-year-mismatch',
  'list-total': 'text-list-total',
};

interface ExpectedFinding {
  rule: string;
  /** 1-based. */
  line: number;
  start: number;
  end: number;
  text: string;
  contains: string[];
}

function fixture(name: string): { text: string; expected: ExpectedFinding[]; rule: string } {
  const rule = FIXTURE_RULE[name];
  const text = readFixture('rules', rule, `${name}.txt`);
  const json = JSON.parse(readFixture('rules', rule, `${name}.json`)) as { findings: ExpectedFinding[] };
  return { text, expected: json.findings, rule };
}

function textFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => TEXT_RULES.includes(f.ruleId));
}

function preferredEdits(findings: readonly Finding[]) {
  return findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.preferred).flatMap((x) => x.edits));
}

/** Code points of the compatibility blocks the rule covers. */
function isCompat(cp: number): boolean {
  return (
    (cp >= 0x2f00 && cp <= 0x2fd5) ||
    (cp >= 0x2e80 && cp <= 0x2ef3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}
function hasCompat(s: string): boolean {
  for (const ch of s) if (isCompat(ch.codePointAt(0)!) && ch.normalize('NFKC') !== ch) return true;
  for (const ch of s) if (RADICALS_SUPPLEMENT.has(ch.codePointAt(0)!)) return true;
  return false;
}

// ------------------------------------------------------------------ catalogue

test('the four text rules are registered with their metadata', () => {
  const meta = (id: string) => RULES.find((r) => r.meta.id === id)?.meta;
  const want: Record<string, { severity: string; fixable: boolean }> = {
    'text-compat-char': { severity: 'warning', fixable: true },
    'text-number-mismatch': { severity: 'error', fixable: true },
    'text-year-mismatch': { severity: 'warning', fixable: false },
    'text-list-total': { severity: 'warning', fixable: true },
  };
  for (const [id, w] of Object.entries(want)) {
    const m = meta(id);
    assert.ok(m, `${id} registered`);
    assert.equal(m.category, 'text');
    assert.equal(m.defaultSeverity, w.severity, `${id} severity`);
    assert.equal(m.fixable, w.fixable, `${id} fixable`);
    assert.ok(/[\u4e00-\u9fff]/.test(m.description.zh) && m.description.en.length > 0, `${id} descriptions`);
  }
  assert.deepEqual(
    RULES.filter((r) => r.meta.category === 'text').map((r) => r.meta.id),
    TEXT_RULES,
  );
});

// ------------------------------------------------------------------ fixtures

test('every text fixture puts a surrogate pair before its figures, so code-point offsets would be off', () => {
  for (const name of Object.keys(FIXTURE_RULE)) assert.ok(fixture(name).text.includes('\u{20000}'), name);
});

// ------------------------------------------------------------------ text-compat-char

test('text-compat-char: one edit per run, touching only compatibility characters; messages show the pairs', () => {
  const { text } = fixture('compat-char');
  const { findings, model } = lint(text);
  const compat = findings.filter((f) => f.ruleId === 'text-compat-char');
  for (const f of compat) {
    const edits = f.fixes![0].edits;
    const line = lineOf(model.lineStarts, f.span.start);
    const runsOnLine = model.compatRuns.filter((r) => r.line === line);
    assert.equal(edits.length, runsOnLine.length);
    for (const e of edits) {
      const old = text.slice(e.start, e.end);
      assert.ok(
        [...old].every((ch) => isCompat(ch.codePointAt(0)!)),
        `edit replaces only compatibility characters: ${old}`,
      );
      assert.equal([...old].length, [...e.newText].length);
      assert.equal(lineOf(model.lineStarts, e.start), line);
    }
    // The first pair on the line is shown as "original→replacement" in both languages.
    const first = [...text.slice(f.span.start, f.span.end)][0];
    const rep = RADICALS_SUPPLEMENT.get(first.codePointAt(0)!) ?? first.normalize('NFKC');
    assert.ok(f.message.zh.includes(`${first}→${rep}`), f.message.zh);
    assert.ok(f.message.en.includes(`${first}→${rep}`), f.message.en);
  }
  // The supplementary-plane compatibility ideograph U+2F800 is replaced whole (2 units → 1).
  const pairEdit = compat
    .flatMap((f) => f.fixes![0].edits)
    .find((e) => text.slice(e.start, e.end).includes('\u{2F800}'));
  assert.ok(pairEdit);
  assert.equal(text.slice(pairEdit.start, pairEdit.end), '\uF900\u{2F800}');
  assert.equal(pairEdit.newText, '\u8C48\u4E3D');
});

test('seed 000: one text-compat-char finding per line with compatibility characters; fix-all leaves none and changes nothing else', () => {
  const text = seed('000');
  const { findings } = lint(text);
  const compat = findings.filter((f) => f.ruleId === 'text-compat-char');
  const linesWithCompat = text.split(/\r\n|\r|\n/).filter(hasCompat).length;
  assert.ok(linesWithCompat > 40, `seed 000 has many such lines (${linesWithCompat})`);
  assert.equal(compat.length, linesWithCompat);
  const fixed = applyEdits(text, preferredEdits(compat));
  assert.equal(hasCompat(fixed), false);
  const a = [...text];
  const b = [...fixed];
  assert.equal(b.length, a.length, 'one character for one character');
  let kangxi = 0;
  for (let i = 0; i < a.length; i++) {
    const cp = a[i].codePointAt(0)!;
    if (cp >= 0x2f00 && cp <= 0x2fd5) {
      kangxi++;
      assert.equal(b[i], a[i].normalize('NFKC'), `Kangxi ${a[i]} at ${i}`);
    } else if (cp >= 0x2e80 && cp <= 0x2ef3) {
      assert.equal(b[i], RADICALS_SUPPLEMENT.get(cp), `supplement ${a[i]} at ${i}`);
      assert.ok(/[\u4e00-\u9fff]/.test(b[i]));
    } else {
      assert.equal(b[i], a[i], `unchanged at ${i}`);
    }
  }
  assert.ok(kangxi > 100);
});

// ------------------------------------------------------------------ the seeds

test('seeds: the text rules raise nothing but text-compat-char on seed 000', () => {
  for (const s of seeds()) {
    const { findings, errors } = lint(s.text);
    assert.deepEqual(
      errors.filter((e) => TEXT_RULES.includes(e.ruleId)),
      [],
      s.name,
    );
    const other = textFindings(findings).filter((f) => !(s.id === '000' && f.ruleId === 'text-compat-char'));
    assert.deepEqual(
      other.map((f) => `${f.ruleId} ${JSON.stringify(s.text.slice(f.span.start, f.span.end))}`),
      [],
      s.name,
    );
  }
});

test('seed 000 (PDF text): prose figures wrapped over lines are read, located exactly, and fixed from the table', () => {
  const original = seed('000');
  // 新收 0 → 3 in the prose; the table (all 0) is sound.
  const at = original.indexOf('申请数量为0') + '申请数量为'.length;
  const text = original.slice(0, at) + '3' + original.slice(at + 1);
  const { findings } = lint(text);
  const got = findings.filter((f) => f.ruleId === 'text-number-mismatch');
  assert.equal(got.length, 1);
  assert.deepEqual(got[0].span, { start: at, end: at + 1 });
  assert.deepEqual(got[0].data, { metric: 'new', expected: 0, actual: 3 });
  assert.ok(got[0].message.zh.includes('为 3') && got[0].message.zh.includes('为 0'), got[0].message.zh);
  // Related information points at the 总计 cell of 一、本年新收… (a "0" on the table row).
  const rel = got[0].related![0].span;
  assert.equal(text.slice(rel.start, rel.end), '0');
  const rowLine = text.slice(text.lastIndexOf('\n', rel.start) + 1, text.indexOf('\n', rel.start));
  assert.ok(rowLine.startsWith('⼀、本年新收政府信息公开申请数量'), rowLine);
  assert.equal(applyEdits(text, preferredEdits(got)), original);

  // 结转下年度: "转下⼀年办理数" / "" / "量为0。" — the figure sits on the line after a blank one.
  const at2 = original.indexOf('量为0。') + 2;
  const text2 = original.slice(0, at2) + '4' + original.slice(at2 + 1);
  const got2 = lint(text2).findings.filter((f) => f.ruleId === 'text-number-mismatch');
  assert.deepEqual(
    got2.map((f) => [f.span.start, f.span.end, f.data?.metric]),
    [[at2, at2 + 1, 'next']],
  );

  // The enumeration "…2条…1条…1条…1条…1条，总计6条" adds up; make its total 7.
  const at3 = original.indexOf('总计6条') + 2;
  const text3 = original.slice(0, at3) + '7' + original.slice(at3 + 1);
  const got3 = lint(text3).findings.filter((f) => f.ruleId === 'text-list-total');
  assert.equal(got3.length, 1);
  assert.deepEqual(got3[0].span, { start: at3, end: at3 + 1 });
  assert.equal(got3[0].related?.length, 5);
  assert.ok(got3[0].message.zh.includes('= 6') && got3[0].message.zh.includes('7'), got3[0].message.zh);
  assert.equal(applyEdits(text3, preferredEdits(got3)), original);
});

test('text-number-mismatch: a statement of none ("未收到…申请") against a table that counts some; no fix', () => {
  const original = seed('002');
  const newRow = '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0';
  const carriedRow = '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0';
  assert.ok(original.includes(newRow) && original.includes(carriedRow));
  const text = original
    .replace(newRow, '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2')
    .replace(carriedRow, '二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1');
  const got = lint(text).findings.filter((f) => f.ruleId === 'text-number-mismatch');
  assert.deepEqual(
    got.map((f) => [text.slice(f.span.start, f.span.end), f.data?.metric, f.data?.expected, f.data?.actual, f.fixes]),
    [
      ['未收到群众提交的政府信息公开申请', 'new', 2, 0, undefined],
      ['未收到上年转结', 'carried', 1, 0, undefined],
    ],
  );
  const first = got[0];
  assert.equal(first.span.start, text.indexOf('未收到群众'));
  assert.ok(first.message.zh.includes('为 0') && first.message.zh.includes('为 2'), first.message.zh);
  assert.ok(first.message.en.includes('0') && first.message.en.includes('2'), first.message.en);
});

test('text-number-mismatch: "未发生…行政复议、行政诉讼" against table 四', () => {
  const original = seed('004');
  const zeros = Array(15).fill('0').join('\t');
  const at = original.lastIndexOf(zeros);
  assert.ok(at > 0);
  const sentence = '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。';
  const anchor = '本年度没有以本单位名义发布的规范性文件。';
  let text =
    original.slice(0, at) +
    ['1', '0', '0', '0', '1', ...Array(10).fill('0')].join('\t') +
    original.slice(at + zeros.length);
  text = text.replace(anchor, anchor + sentence);
  const got = lint(text).findings.filter((f) => f.ruleId === 'text-number-mismatch');
  assert.deepEqual(
    got.map((f) => [text.slice(f.span.start, f.span.end), f.data?.metric, f.data?.expected, f.data?.actual]),
    [['未发生因政府信息公开工作被申请行政复议、提起行政诉讼', 'review', 1, 0]],
  );
});

test('text-number-mismatch: related information is the table cell(s); a broken table gets no fix', () => {
  const { text } = fixture('number-mismatch');
  const found = lint(text).findings.filter((f) => f.ruleId === 'text-number-mismatch');
  assert.equal(found.length, 4);
  for (const f of found) {
    const values = (f.related ?? []).map((r) => Number(text.slice(r.span.start, r.span.end).normalize('NFKC')));
    assert.ok(values.length >= 1 && values.every(Number.isInteger));
    assert.equal(
      values.reduce((a, b) => a + b, 0),
      f.data?.expected,
    );
    assert.equal(f.fixes?.length, 1);
  }
  // 行政诉讼 compares with two cells: 未经复议直接起诉·总计 + 复议后起诉·总计.
  assert.equal(found[3].related?.length, 2);

  // Break table 三's arithmetic ((一)予以公开: 6 → 5 breaks its row total): the table is no longer
  // clearly right, so the table-三 findings remain but carry no fix; table 四 is still sound.
  const row = '三、本年度办理结果\t(一) 予以公开\t6\t1\t0\t0\t0\t0\t7';
  assert.ok(text.includes(row));
  const broken = text.replace(row, '三、本年度办理结果\t(一) 予以公开\t5\t1\t0\t0\t0\t0\t7');
  const again = lint(broken).findings.filter((f) => f.ruleId === 'text-number-mismatch');
  assert.deepEqual(
    again.map((f) => [f.span.start, f.data?.metric, f.fixes?.length ?? 0]),
    found.map((f) => [
      f.span.start,
      f.data?.metric,
      f.data?.metric === 'review' || f.data?.metric === 'litigation' ? 1 : 0,
    ]),
  );
});

test('text-number-mismatch: comparisons, plans, parts and other years are not read as totals', () => {
  const { text } = fixture('number-mismatch');
  const prose =
    '（二）依申请公开情况。在𠀀山片区设立受理点，本年共收到政府信息公开申请12件，同比增加2件；上年结转政府信息公开申请3件；全年办结11件，结转下年度继续办理5件。';
  assert.ok(text.includes(prose));
  const variants: string[] = [
    '（二）依申请公开情况。本年共收到政府信息公开申请10件，较上年增加4件。',
    '（二）依申请公开情况。2021年共收到政府信息公开申请4件。',
    '（二）依申请公开情况。收到信访举报投诉类申请4件。',
    '（二）依申请公开情况。其中通过网络收到政府信息公开申请4件。',
    '（二）依申请公开情况。计划办结申请20件。',
    '（二）依申请公开情况。办结率为100%。',
    '（二）依申请公开情况。尚未办结2件。',
    '（二）依申请公开情况。行政复议结果维持1件，行政诉讼结果纠正1件。',
    '（二）依申请公开情况。本年共收到政府信息公开申请10件，办结11件，结转下年度2件。',
  ];
  for (const v of variants) {
    const got = lint(text.replace(prose, v)).findings.filter((f) => f.ruleId === 'text-number-mismatch');
    // The section-四 sentence of the fixture still disagrees (复议 2 vs 1, 诉讼 3 vs 2); nothing else may.
    assert.deepEqual(
      got.map((f) => f.data?.metric),
      ['review', 'litigation'],
      v,
    );
  }
});

// ------------------------------------------------------------------ text-year-mismatch

test('text-year-mismatch: plans, comparisons, cumulative figures, dates and document titles stay silent', () => {
  const { text, expected } = fixture('year-mismatch');
  const got = lint(text).findings.filter((f) => f.ruleId === 'text-year-mismatch');
  assert.equal(got.length, expected.length);
  for (const f of got) {
    assert.equal(f.related?.length, 1);
    const r = f.related![0].span;
    assert.equal(text.slice(r.start, r.end), '2022', 'related: the title year');
    assert.equal(lineOf(lint(text).model.lineStarts, r.start), 0);
  }
  // Variants of the reported clause that are about something else than the year's figures.
  const reported = '2021年，本机关主动公开政府信息120条，其中政策文件30条。';
  assert.ok(text.includes(reported));
  for (const v of [
    '2021年度报告中指出的问题已整改3个。',
    '从2021年开始，本机关已主动公开政府信息120条。',
    '2021年以来共发布信息120条。',
    '2021年，本机关主动公开政府信息120条，2022年发布46条。',
    '2021年3月发布的通知共5条。',
  ]) {
    const found = lint(text.replace(reported, v)).findings.filter((x) => x.ruleId === 'text-year-mismatch');
    assert.deepEqual(
      found.map((x) => text.replace(reported, v).slice(x.span.start, x.span.end)),
      ['2020'],
      v,
    );
  }
  // The same clause for the title's year is fine; for 2019 it is reported.
  assert.deepEqual(
    lint(text.replace(reported, '2019年发布信息7条。'))
      .findings.filter((x) => x.ruleId === 'text-year-mismatch')
      .map((x) => x.data?.actual),
    [2019, 2020],
  );
  // The second finding of the title-year kind: the title year is the odd one out; the clause with
  // counts for the other year is not reported again.
  const t = fixture('year-title');
  const f = lint(t.text).findings.filter((x) => x.ruleId === 'text-year-mismatch');
  assert.equal(f.length, 1);
  assert.equal(f[0].related?.length, 3);
  for (const r of f[0].related!) assert.equal(t.text.slice(r.span.start, r.span.end), '2022');
  // With the title year mentioned once, the title is no longer the odd one out, and the clause that
  // states counts for 2022 (发布信息30条) is reported instead.
  const mentioned = t.text.replace('（三）政府信息管理情况。', '（三）政府信息管理情况。2021年度，');
  const g = lint(mentioned).findings.filter((x) => x.ruleId === 'text-year-mismatch');
  assert.deepEqual(
    g.map((x) => [mentioned.slice(x.span.start, x.span.end), x.data?.expected, x.data?.actual]),
    [['2022', 2021, 2022]],
  );
  assert.equal(g[0].span.start, mentioned.indexOf('2022年，本机关通过门户网站发布信息30条'));
});

// ------------------------------------------------------------------ text-list-total

test('text-list-total: 其中, comparisons and 共同 are not totals; the fix keeps full-width digits', () => {
  const { text } = fixture('list-total');
  const got = lint(text).findings.filter((f) => f.ruleId === 'text-list-total');
  assert.deepEqual(
    got.map((f) => [text.slice(f.span.start, f.span.end), f.data?.expected, f.data?.actual, f.related?.length]),
    [
      ['7', 6, 7, 3],
      ['８', 6, 8, 2],
    ],
  );
  assert.equal(got[1].fixes![0].edits[0].newText, '６');
  for (const f of got) {
    for (const r of f.related!) assert.match(text.slice(r.span.start, r.span.end), /^[0-9０-９]+$/);
  }
});

// ------------------------------------------------------------------ layouts and robustness

test('CRLF line endings: the same findings, on the same lines, over the same text', () => {
  for (const name of ['number-mismatch', 'list-total', 'year-mismatch', 'compat-char']) {
    const { text } = fixture(name);
    const crlf = text.replace(/\n/g, '\r\n');
    const a = textFindings(lint(text).findings);
    const { findings, model } = lint(crlf);
    const b = textFindings(findings);
    assert.equal(b.length, a.length, name);
    b.forEach((f, i) => {
      const line = lineOf(model.lineStarts, f.span.start);
      assert.equal(f.ruleId, a[i].ruleId);
      assert.equal(f.span.start, a[i].span.start + line, `${name}: shifted by one CR per line before`);
      assert.equal(
        crlf.slice(f.span.start, f.span.end),
        text.slice(a[i].span.start, a[i].span.end).replace(/\n/g, '\r\n'),
      );
    });
    if (name !== 'year-mismatch') {
      const fixed = applyEdits(crlf, preferredEdits(b));
      assert.equal(fixed, readFixture('rules', FIXTURE_RULE[name], `${name}.fixed.txt`).replace(/\n/g, '\r\n'));
    }
  }
});

test('the text rules never throw and keep their spans well formed on mutated reports', () => {
  const base = fixture('number-mismatch').text;
  const pieces = [
    '收到',
    '未收到',
    '申请',
    '政府信息公开申请',
    '办结',
    '上年结转',
    '结转下年度',
    '转下一年',
    '行政复议',
    '行政诉讼',
    '件',
    '条',
    '起',
    '为',
    '共计',
    '总计',
    '合计',
    '共',
    '其中',
    '、',
    '，',
    '。',
    '；',
    '\n',
    '\r\n',
    ' ',
    '2022年',
    '2021年',
    '12',
    '3',
    '１２',
    '3,119',
    '0.5',
    '⼯',
    '⺠',
    '\uF900',
    '\u{2F800}',
    '\u{20000}',
    '\uD800',
    '《',
    '》',
  ];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(base.length), fc.array(fc.constantFrom(...pieces), { maxLength: 12 })), {
        maxLength: 6,
      }),
      (inserts) => {
        let text = base;
        for (const [pos, parts] of inserts.sort((x, y) => y[0] - x[0]))
          text = text.slice(0, pos) + parts.join('') + text.slice(pos);
        const { findings, errors } = lint(text);
        assert.deepEqual(
          errors.filter((e) => TEXT_RULES.includes(e.ruleId)),
          [],
        );
        const mine = textFindings(findings);
        for (const f of mine) {
          assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length);
          for (const fix of f.fixes ?? [])
            for (const e of fix.edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length);
        }
        applyEdits(text, preferredEdits(mine));
      },
    ),
    { numRuns: 150, seed: 20240601 },
  );
});

test('the text rules cost time linear in the size of the prose (adversarial inputs)', () => {
  const base = fixture('number-mismatch').text;
  const anchor = '（四）平台建设情况。';
  const fill = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  const bodies = [
    '收到依申请公开的的的数量为办结上年结转结转下年度行政复议无行政复议、行政诉讼的情况案件',
    '发布1条、2条，共计3条，2021年《2022年》共',
    '收到申请\n\n12件\n\n总计\n\n',
    '1,234,5678件2021年',
  ];
  const textRules = RULES.filter((r) => r.meta.category === 'text');
  const time = (text: string) => {
    const { model } = lint(text, { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, 'off' as const])) });
    const t0 = performance.now();
    for (const r of textRules) r.check({ model, report: () => undefined });
    return performance.now() - t0;
  };
  for (const body of bodies) {
    const small = time(base.replace(anchor, anchor + fill(body, 25_000)));
    const large = time(base.replace(anchor, anchor + fill(body, 200_000)));
    // Linear: about 8×; quadratic would be 64×.
    assert.ok(
      large < 20 * small + 200,
      `${JSON.stringify(body.slice(0, 12))}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`,
    );
  }
});
