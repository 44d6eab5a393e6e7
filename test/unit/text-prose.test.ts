/**
 * The text rules read the prose through one shared split (server/src/core/rules/text/paragraphs.ts):
 * paragraphs joined from wrapped lines, cut into clauses and sentences in one character loop, with a
 * per-line map back to the normalized text. That split must agree exactly with the straightforward
 * reading kept below — a per-character position array, a split per rule on a set of separators, a
 * per-character 《》 mask — on the fixtures, on mutated reports, and on generated prose lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from '../../server/src/core/parser/parse';
import type { ReportModel } from '../../server/src/core/types';
import { BookTitles } from '../../server/src/core/rules/text/bookTitles';
import { readInteger } from '../../server/src/core/rules/text/numbers';
import { paragraphsOf, posAt, type Paragraph } from '../../server/src/core/rules/text/paragraphs';
import { FIXTURES } from '../helpers/paths';
import { anyString } from '../fuzz/arbitraries';

// ------------------------------------------------------------------ the reference reading

interface RefParagraph {
  text: string;
  pos: number[];
}

const TERMINAL = /[。!?;！？；:：]$/;

function refParagraphs(model: Pick<ReportModel, 'prose' | 'normalized'>): RefParagraph[] {
  const out: RefParagraph[] = [];
  const norm = model.normalized.text;
  let cur: RefParagraph | undefined;
  let prevEnd = -1;
  let prevText = '';
  for (const p of model.prose) {
    const between = prevEnd >= 0 && p.normStart >= prevEnd ? norm.slice(prevEnd, p.normStart) : undefined;
    const joinable = cur !== undefined && between !== undefined && /^\s*$/.test(between) && !TERMINAL.test(prevText);
    if (!joinable || !cur) {
      cur = { text: '', pos: [] };
      out.push(cur);
    } else if (/\d$/.test(prevText) && /^\d/.test(p.text)) {
      cur.text += '\n';
      cur.pos.push(-1);
    }
    cur.text += p.text;
    for (let k = 0; k < p.text.length; k++) cur.pos.push(p.normStart + k);
    prevEnd = p.normStart + p.text.length;
    prevText = p.text;
  }
  return out;
}

const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const CLAUSE_SEPS = codes('。;；!?！？\n');
const SENTENCE_SEPS = codes('。!?！？\n');

function refSplit(text: string, seps: ReadonlySet<number>): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (seps.has(text.charCodeAt(i))) {
      out.push({ text: text.slice(from, i + 1), start: from });
      from = i + 1;
    }
  }
  if (from < text.length) out.push({ text: text.slice(from), start: from });
  return out;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function refReadInteger(text: string, i: number, groupSep: (k: number) => boolean) {
  if (!isDigit(text[i]) || (i > 0 && (isDigit(text[i - 1]) || text[i - 1] === '.'))) return undefined;
  let j = i;
  while (j < text.length && isDigit(text[j])) j++;
  if (j - i <= 3) {
    let k = j;
    while (
      text[k] === ',' &&
      groupSep(k) &&
      isDigit(text[k + 1]) &&
      isDigit(text[k + 2]) &&
      isDigit(text[k + 3]) &&
      !isDigit(text[k + 4])
    ) {
      k += 4;
    }
    j = k;
  }
  if (text[j] === '.' && isDigit(text[j + 1])) return undefined;
  const value = Number(text.slice(i, j).replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, start: i, end: j };
}

function refBookTitleMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (c === '\n') depth = 0;
    mask[i] = depth > 0 ? 1 : 0;
  }
  return mask;
}

// ------------------------------------------------------------------ the comparison

function assertSameReading(model: Pick<ReportModel, 'prose' | 'normalized'>): void {
  const got = paragraphsOf(model as ReportModel);
  const want = refParagraphs(model);
  assert.equal(got.length, want.length, 'paragraph count');
  for (let p = 0; p < want.length; p++) {
    const g: Paragraph = got[p];
    const w = want[p];
    assert.equal(g.text, w.text);
    for (let k = -1; k <= w.text.length; k++) assert.equal(posAt(g, k), w.pos[k], `position of character ${k}`);
    assert.equal(g.hasDigit, /\d/.test(w.text));
    for (const [pieces, seps] of [
      [g.clauses, CLAUSE_SEPS],
      [g.sentences, SENTENCE_SEPS],
    ] as const) {
      assert.deepEqual(
        pieces.map((c) => ({ text: c.text, start: c.start })),
        refSplit(w.text, seps),
      );
      for (const c of pieces) assert.equal(c.hasDigit, /\d/.test(c.text));
    }
  }
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(txt|md)$/.test(e.name) ? [p] : [];
  });
}
const TEXTS = walk(FIXTURES).map((f) => fs.readFileSync(f, 'utf8'));

/** Prose pieces: separators of every kind, digits on both sides of a wrap, blank lines, spaces. */
const PIECES = [
  '收到',
  '申请',
  '办结',
  '共计',
  '件',
  '条',
  '2022年',
  '《',
  '》',
  '12',
  '3',
  '3,119',
  '1.5',
  '１２',
  '⼯',
  '\u{20000}',
  '\uD800',
  '。',
  '；',
  ';',
  '!',
  '?',
  '！',
  '？',
  ':',
  '：',
  '，',
  ',',
  '、',
  '\n',
  '\n\n',
  '\r\n',
  '\n \n',
  '\n\u3000\n',
  '\n\u00a0\n',
  ' ',
  '\t',
  '\u3000',
  '\u2028',
  '\ufeff',
];
const prosePieces = fc.array(
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: anyString(3) }),
  {
    maxLength: 40,
  },
);

test('the shared split agrees with the reference on every fixture', () => {
  assert.ok(TEXTS.length > 20, `${TEXTS.length} fixtures`);
  for (const text of TEXTS) assertSameReading(parse(text));
});

test('the shared split agrees with the reference on reports with prose pieces inserted', () => {
  const seeds = TEXTS.filter((t) => t.length > 1000);
  fc.assert(
    fc.property(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), prosePieces), { maxLength: 8 }), (s, inserts) => {
      let text = seeds[s];
      for (const [at, parts] of inserts) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + parts.join('') + text.slice(i);
      }
      assertSameReading(parse(text));
    }),
    { numRuns: 300, seed: 20261124 },
  );
});

test('the shared split agrees with the reference on generated prose lines (gaps, overlaps, empty lines)', () => {
  const line = fc.record({
    text: prosePieces.map((p) => p.join('')),
    gap: fc.oneof(fc.constantFrom('\n', '\n\n', '\n \t\n', 'x', ''), anyString(2)),
    back: fc.nat(3),
  });
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (lines, overlaps) => {
      let norm = '';
      const prose: ReportModel['prose'] = [];
      lines.forEach((l, i) => {
        // Now and then a line that starts before the previous one ended, as no parser should give.
        const normStart = overlaps[i] ? Math.max(0, norm.length - l.back) : norm.length;
        norm = norm.slice(0, normStart) + l.text + l.gap;
        prose.push({ span: { start: normStart, end: normStart + l.text.length }, line: i, text: l.text, normStart });
      });
      assertSameReading({ prose, normalized: { text: norm, span: (s, e) => ({ start: s, end: e }) } });
    }),
    { numRuns: 2000, seed: 20261125 },
  );
});

test('readInteger and BookTitles agree with the reference at every offset', () => {
  const numbers = fc.array(
    fc.constantFrom(
      '0',
      '1',
      '12',
      '123',
      '1234',
      ',',
      '，',
      '.',
      '5',
      ',000',
      ',12',
      ' ',
      '年',
      '《',
      '》',
      '\n',
      '9'.repeat(20),
    ),
    { maxLength: 20 },
  );
  fc.assert(
    fc.property(numbers, fc.func(fc.boolean()), (parts, sep) => {
      const text = parts.join('');
      const groupSep = (k: number) => sep(k);
      for (let i = -1; i <= text.length; i++)
        assert.deepEqual(readInteger(text, i, groupSep), refReadInteger(text, i, groupSep), `at ${i}`);
      const mask = refBookTitleMask(text);
      const inOrder = new BookTitles(text);
      for (let i = -1; i <= text.length; i++) assert.equal(inOrder.inside(i), mask[i] === 1, `《》 at ${i}`);
      // Asked out of order, it reads again.
      const backwards = new BookTitles(text);
      for (let i = text.length; i >= -1; i--)
        assert.equal(backwards.inside(i), mask[i] === 1, `《》 at ${i}, backwards`);
    }),
    { numRuns: 2000, seed: 20261126 },
  );
});
