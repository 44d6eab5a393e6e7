/**
 * Normalization and its offset map: what is folded, what is dropped, and that every normalized
 * range maps back to exactly the original characters (UTF-16, surrogate pairs never split).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalize } from '../../server/src/core/text/normalize';
import { lint } from '../../server/src/core';
import { makeSpec, render } from '../helpers/report';
import { assertFindingsWellFormed, lineAt } from '../helpers/findings';

const EXT_B = '𠀀'; // U+20000, a surrogate pair
const EXT_B2 = '𪚥'; // U+2A6A5

test('Kangxi radicals fold to the unified ideographs (NFKC)', () => {
  const n = normalize('⼀⼆⼯⼈⾏⽂⽆⼤');
  assert.equal(n.text, '一二工人行文无大');
  assert.deepEqual(
    n.compatRuns.map((r) => [r.start, r.end, r.original, r.replacement]),
    [[0, 8, '⼀⼆⼯⼈⾏⽂⽆⼤', '一二工人行文无大']],
  );
});

test('the CJK radicals supplement folds through the table (NFKC does not)', () => {
  assert.equal('⺠⻅⻔'.normalize('NFKC'), '⺠⻅⻔');
  const n = normalize('公⺠，意⻅，部⻔');
  assert.equal(n.text, '公民,意见,部门'); // the full-width commas fold too
  assert.deepEqual(
    n.compatRuns.map((r) => [r.start, r.original, r.replacement]),
    [
      [1, '⺠', '民'],
      [4, '⻅', '见'],
      [7, '⻔', '门'],
    ],
  );
});

test('full-width digits, letters and punctuation fold to ASCII; they are not compatibility runs', () => {
  const n = normalize('０１２３４５６７８９ＡＢＣｘｙｚ（一）：，．３，１１９');
  assert.equal(n.text, '0123456789ABCxyz(一):,.3,119');
  assert.deepEqual(n.compatRuns, []);
});

test('NBSP, ideographic and other Unicode spaces become a plain space', () => {
  const n = normalize('a\u00a0b\u3000c\u2003d\u202fe');
  assert.equal(n.text, 'a b c d e');
  assert.equal(n.text.length, 9);
});

test('zero-width characters, soft hyphens and the BOM are dropped; offsets skip them', () => {
  const original = '\ufeff一\u200b、\u200c总\u200d体\u2060情\u00ad况';
  const n = normalize(original);
  assert.equal(n.text, '一、总体情况');
  for (let i = 0; i < n.text.length; i++) {
    const s = n.span(i, i + 1);
    assert.equal(original.slice(s.start, s.end), n.text[i]);
  }
  assert.deepEqual(n.span(0, n.text.length), { start: 1, end: original.length });
});

test('CRLF and a lone CR become LF; the LF maps to the original break', () => {
  const original = 'a\r\nb\rc\nd';
  const n = normalize(original);
  assert.equal(n.text, 'a\nb\nc\nd');
  assert.deepEqual(n.span(1, 2), { start: 2, end: 3 }); // the LF of the CRLF
  assert.deepEqual(n.span(3, 4), { start: 4, end: 5 }); // the lone CR
  assert.deepEqual(n.span(2, 3), { start: 3, end: 4 });
  assert.equal(original.slice(n.span(6, 7).start, n.span(6, 7).end), 'd');
});

test('unchanged text maps to itself', () => {
  const n = normalize('一、总体情况\n2023年');
  assert.equal(n.text, '一、总体情况\n2023年');
  assert.deepEqual(n.span(2, 6), { start: 2, end: 6 });
  assert.equal(n.offset(4), 4);
});

test('an insertion point maps to the original position, also at the end', () => {
  const original = '\ufeff０1';
  const n = normalize(original);
  assert.equal(n.text, '01');
  assert.deepEqual(n.span(1, 1), { start: 2, end: 2 });
  assert.deepEqual(n.span(2, 2), { start: 3, end: 3 });
  assert.equal(n.offset(2), 3);
});

test('surrogate pairs (CJK Extension B) are kept, and a range never splits one', () => {
  for (const original of [`a${EXT_B}b⼀${EXT_B2}`, `a${EXT_B}b`, `${EXT_B}\u3000${EXT_B}`]) {
    const n = normalize(original);
    for (let i = 0; i < n.text.length; i++) {
      for (let j = i; j <= n.text.length; j++) {
        const s = n.span(i, j);
        const cut = (k: number) =>
          k > 0 &&
          k < original.length &&
          /[\udc00-\udfff]/.test(original[k]) &&
          /[\ud800-\udbff]/.test(original[k - 1]);
        assert.ok(!cut(s.start) && !cut(s.end), `${JSON.stringify(original)} [${i},${j}) → [${s.start},${s.end})`);
      }
    }
  }
  const n = normalize(`a${EXT_B}b`);
  // Half a pair in normalized text widens to the whole pair in the original.
  assert.deepEqual(n.span(1, 2), { start: 1, end: 3 });
  assert.deepEqual(n.span(2, 3), { start: 1, end: 3 });
  assert.deepEqual(n.span(2, 2), { start: 1, end: 1 });
  assert.equal(n.offset(2), 1);
});

test('property: every normalized character comes from the original characters its span covers', () => {
  const pieces = [
    '一',
    '⼀',
    '⺠',
    '⻔',
    '０',
    'Ａ',
    '（',
    '\u00a0',
    '\u3000',
    '\u200b',
    '\ufeff',
    '\r\n',
    '\r',
    '\n',
    '\t',
    ' ',
    'a',
    '7',
    EXT_B,
    EXT_B2,
    '\ud800',
    '，',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const original = parts.join('');
      const n = normalize(original);
      assert.ok(n.text.length <= original.length);
      let prevEnd = 0;
      for (let i = 0; i < n.text.length; i++) {
        const s = n.span(i, i + 1);
        assert.ok(s.start >= prevEnd || s.start === n.span(i - 1, i).start, 'monotonic');
        const src = original.slice(s.start, s.end);
        const folded = src
          .normalize('NFKC')
          .replace(/[\u2e80-\u2ef3]/g, (c) => ({ '⺠': '民', '⻔': '门' })[c] ?? c)
          .replace(/[\u00a0\u3000]/g, ' ')
          .replace(/\r\n?/g, '\n')
          .replace(/[\u200b\ufeff]/g, '');
        // The unit (or its pair) is what the source characters fold to.
        assert.ok(
          folded.includes(n.text[i]) || src.includes(n.text[i]),
          `${JSON.stringify(src)} → ${JSON.stringify(n.text[i])}`,
        );
        prevEnd = s.end;
      }
      assert.equal(n.span(0, n.text.length).end <= original.length, true);
    }),
    { numRuns: 300, seed: 42 },
  );
});

test('diagnostics after and inside Extension B characters land on the right UTF-16 ranges', () => {
  const spec = makeSpec();
  spec.body = `${EXT_B}${EXT_B2}市${EXT_B}区财政局`;
  spec.labels['t3.refuse.4'] = `保护第三${EXT_B}方合法权益`; // an altered label with a pair inside
  (spec.t3['t3.open'] as number[])[6] += 5; // a broken row total after many pairs
  let text = render(spec, 'tab');
  text = text.replace('一、总体情况\n', `一、总体情况\n\n${EXT_B.repeat(7)}是${EXT_B}。\n`);
  const { findings, model } = lint(text);
  assertFindingsWellFormed(text, findings);
  assert.equal(model.title?.body, `${EXT_B}${EXT_B2}市${EXT_B}区财政局`);
  const label = findings.find((f) => f.ruleId === 'table-label')!;
  assert.equal(text.slice(label.span.start, label.span.end), `4.保护第三${EXT_B}方合法权益`);
  const fix = label.fixes!.find((f) => f.preferred)!;
  assert.deepEqual(
    fix.edits.map((e) => text.slice(e.start, e.end)),
    [EXT_B],
    'the fix removes exactly the pair',
  );
  const row = findings.find((f) => f.ruleId === 'sum-row-total')!;
  const total = model.tables.t3!.rows.find((r) => r.rowId === 't3.open')!.cells[6];
  assert.deepEqual(row.span, total.span);
  assert.equal(text.slice(row.span.start, row.span.end), String(spec.t3['t3.open'][6]));
  assert.equal(lineAt(text, row.span.start), lineAt(text, text.indexOf('(一) 予以公开')));
  // Every cell of table 三 covers exactly its digits.
  for (const r of model.tables.t3!.rows)
    for (const c of r.cells) assert.match(text.slice(c.span.start, c.span.end), /^\d+$/);
});

test('a title line with a pair inside matches; its year span is exact', () => {
  const text = `${EXT_B}县${EXT_B}2022年政府信息公开工作年度报告\n一、总体情况\n内容\n`;
  const { model } = lint(text);
  assert.equal(model.title?.year, 2022);
  assert.equal(text.slice(model.title!.yearSpan.start, model.title!.yearSpan.end), '2022');
  assert.equal(
    text.slice(model.title!.span.start, model.title!.span.end),
    `${EXT_B}县${EXT_B}2022年政府信息公开工作年度报告`,
  );
});
