/**
 * The engine's hot paths are written for speed (character loops, reused buffers, no per-token regular
 * expressions). Each must agree exactly with the straightforward implementation kept in
 * test/helpers/reference/, on every line of the fixtures and on generated strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as fast from '../../server/src/core/text/keys';
import * as fastLines from '../../server/src/core/parser/layouts';
import * as fastHeadings from '../../server/src/core/parser/headings';
import { SECTIONS } from '../../server/src/core/template/template';
import { normalize } from '../../server/src/core/text/normalize';
import * as ref from '../helpers/reference/keys';
import * as refLines from '../helpers/reference/lines';
import * as refHeadings from '../helpers/reference/headings';
import { normalize as refNormalize } from '../helpers/reference/normalize';
import { fingerprint as refFingerprint } from '../helpers/reference/fingerprint';
import { lint, type Finding } from '../../server/src/core';
import { fingerprint } from '../../server/src/core/suppressions';
import { FIXTURES } from '../helpers/paths';
import { anyString, VOCABULARY } from '../fuzz/arbitraries';

const params = { numRuns: 3000, seed: 20261123 };

/** Pieces that table rows and labels are made of. */
const PIECES = [
  ...VOCABULARY,
  '0',
  '00',
  '12',
  '+3',
  '-1',
  '−2',
  '1.5',
  '1,234',
  '12,34',
  '1,234.5',
  '1234,567',
  '12,345,678',
  '-1,234',
  '+1,000.50',
  '−1,234',
  '1,234,',
  ',123',
  '1.2.3',
  '1.',
  '−',
  '.5',
  '5.',
  '1,2345',
  '0012',
  '9'.repeat(400),
  '—',
  '——',
  '–',
  '―',
  '─',
  '/',
  '//',
  '\\',
  '\\\\',
  '无',
  '空',
  '-',
  '--',
  '+',
  '−',
  'a',
  'x1',
  '1x',
  '\t',
  '\t\t',
  ' ',
  '   ',
  '|',
  ' | ',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\u200b',
  '\ufeff',
  '\v',
  '\f',
  '(一)',
  '（二）',
  '1.',
  '2、',
  '属于国家秘密',
  '重新出具',
  '其他处理)',
  '）',
  '信息',
];
const piecesString = (max: number) =>
  fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: anyString(3) }), {
      maxLength: max,
    })
    .map((p) => p.join(''));

/** The text of every text fixture. */
function fixtureTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(FIXTURES);
  return out;
}
const TEXTS = fixtureTexts();
/** Every line of every text fixture, normalized as the parser sees it. */
const LINES = TEXTS.flatMap((t) => normalize(t).text.split('\n'));

/** Section titles, their variants, and damaged forms of them. */
const HEADING_WORDS = SECTIONS.flatMap((s) => [
  s.title,
  ...s.variants,
  s.title.slice(1),
  s.title.slice(0, -2),
  s.title.replace('情况', '情'),
]);

test('the fixtures give the comparison enough lines', () => {
  assert.ok(LINES.length > 2000, `${LINES.length} lines`);
});

test('keyOf, isEnumeratorKey and appendKey agree with the reference', () => {
  const check = (s: string) => {
    assert.equal(fast.keyOf(s), ref.keyOf(s));
    assert.equal(fast.isEnumeratorKey(s), ref.isEnumeratorKey(s));
    const k = ref.keyOf(s);
    assert.equal(fast.isEnumeratorKey(k), ref.isEnumeratorKey(k));
    for (const cap of [Infinity, 3]) {
      const a = { key: '前', pos: [0] };
      const b = { key: '前', pos: [0] };
      fast.appendKey(a, s, 7, cap);
      ref.appendKey(b, s, 7, cap);
      assert.deepEqual(a, b);
    }
  };
  for (const l of LINES) check(l);
  fc.assert(fc.property(piecesString(20), check), params);
});

test('distance, alignSuffix and charDice agree with the reference', () => {
  const check = (x: string, y: string) => {
    const a = ref.keyOf(x);
    const b = ref.keyOf(y);
    for (const [p, q] of [
      [a, b],
      [x, y],
      [b, a],
    ]) {
      assert.equal(fast.distance(p, q), ref.distance(p, q));
      assert.deepEqual(fast.alignSuffix(p, q), ref.alignSuffix(p, q));
      assert.equal(fast.charDice(p, q), ref.charDice(p, q));
    }
  };
  fc.assert(fc.property(piecesString(8), piecesString(8), check), params);
  // Long texts grow the reused buffers; short ones after them must not see stale values.
  check('一二三四五六七八九十'.repeat(60), '一二三');
  check('三二', '二三四');
  for (let i = 0; i + 1 < LINES.length && i < 4000; i += 2) check(LINES[i].slice(0, 80), LINES[i + 1].slice(0, 40));
});

test('classifyValue and scanRow agree with the reference', () => {
  const check = (text: string) => {
    for (const start of [0, 5]) {
      for (const tok of text.split(/[\s|]+/)) {
        if (tok)
          assert.deepEqual(
            fastLines.classifyValue(tok, start),
            refLines.classifyValue(tok, start),
            JSON.stringify(tok),
          );
      }
      const line = { index: 0, start, end: start + text.length, text };
      for (const expected of [undefined, 1, 3, 7, 8, 15]) {
        assert.deepEqual(
          fastLines.scanRow(line, expected),
          refLines.scanRow(line, expected),
          `${JSON.stringify(text)} / ${expected}`,
        );
      }
    }
  };
  for (const l of LINES) check(l);
  fc.assert(fc.property(piecesString(16), check), params);
});

test('contentOf, matchSectionHeading and matchSubItem agree with the reference', () => {
  const check = (text: string) => {
    const line = { index: 3, start: 11, end: 11 + text.length, text };
    assert.deepEqual(fastHeadings.contentOf(line), refHeadings.contentOf(line));
    assert.deepEqual(
      fastHeadings.matchSectionHeading(line),
      refHeadings.matchSectionHeading(line),
      JSON.stringify(text),
    );
    assert.deepEqual(fastHeadings.matchSubItem(line), refHeadings.matchSubItem(line));
  };
  for (const l of LINES) check(l);
  const heading = fc
    .tuple(
      fc.constantFrom('', ' ', '\u3000', '# ', '## ', '**', '【', '__', '*'),
      fc.constantFrom('', '一、', '三、', '六.', '第二部分', '五 ', '四：', '(一)'),
      fc.constantFrom(...HEADING_WORDS),
      fc.constantFrom('', '。', '：', '**', '】', ' #', '  ', ' 12'),
    )
    .map((p) => p.join(''));
  fc.assert(fc.property(fc.oneof(heading, piecesString(10)), check), params);
});

test('normalize agrees with the reference: text, compatibility runs, spans and offsets', () => {
  const check = (text: string) => {
    const a = normalize(text);
    const b = refNormalize(text);
    assert.equal(a.text, b.text);
    assert.deepEqual(a.compatRuns, b.compatRuns);
    for (let s = 0; s <= a.text.length + 1; s++) {
      assert.deepEqual(a.offset(s), b.offset(s));
      for (const len of [0, 1, 2, 5]) assert.deepEqual(a.span(s, s + len), b.span(s, s + len));
    }
  };
  const units = fc.oneof(
    fc.constantFrom(
      '\r\n',
      '\r',
      '\n',
      '\u00a0',
      '\u3000',
      '\u2003',
      '\u200b',
      '\ufeff',
      '\u00ad',
      '（',
      '）',
      '０',
      '９',
      '，',
      '⼀',
      '⺠',
      '⻅',
      '\uf900',
      '𠀀',
      '\ud87e\udc00',
      '\ud840',
      '\udc00',
      'a',
      '一',
      ' ',
    ),
    anyString(2),
  );
  fc.assert(
    fc.property(
      fc.array(units, { maxLength: 40 }).map((p) => p.join('')),
      check,
    ),
    params,
  );
  for (const l of LINES.slice(0, 3000)) check(l);
});

test('fingerprint agrees with the reference: every finding of the fixtures, and made-up findings', () => {
  let n = 0;
  for (const text of TEXTS) {
    for (const f of lint(text, { force: true }).findings) {
      assert.equal(fingerprint(text, f), refFingerprint(text, f));
      n++;
    }
  }
  assert.ok(n > 500, `${n} findings`);
  // Stored in suppression files: a value written by an earlier version must still match.
  const known: Finding = {
    ruleId: 'sum-row-total',
    severity: 'error',
    message: { zh: '', en: '' },
    span: { start: 4, end: 5 },
  };
  assert.equal(fingerprint('合计\t 3 \n', known), refFingerprint('合计\t 3 \n', known));
  assert.equal(fingerprint('合计\t 3 \n', known), 'fp1:8281f7743c5baef3');
  fc.assert(
    fc.property(
      piecesString(30),
      fc.nat(40),
      fc.nat(10),
      fc.constantFrom('sum-row-total', 'text-number-mismatch', ''),
      fc.option(fc.record({ row: fc.string(), column: fc.string(), relation: fc.integer(), along: fc.boolean() }), {
        nil: undefined,
      }),
      (text, start, len, ruleId, data) => {
        const f = {
          ruleId,
          severity: 'error',
          message: { zh: '', en: '' },
          span: { start, end: start + len },
          data,
        } as Finding;
        assert.equal(fingerprint(text, f), refFingerprint(text, f));
      },
    ),
    params,
  );
});
