/**
 * Shared reading of the prose for the text rules: paragraphs rebuilt from wrapped lines, clauses,
 * numbers, and the exact map from a match back to original offsets.
 *
 * Prose lines hold NORMALIZED text (full-width forms folded: "，" reads ",", "；" reads ";",
 * "２" reads "2"; compatibility ideographs replaced). A paragraph joins consecutive prose lines
 * separated by blank lines only — PDF text breaks a sentence anywhere ("…栏目发" / "" / "布1条信息") —
 * and keeps where each of its lines starts in the normalized text, so a match maps back through
 * `model.normalized.span` and never by arithmetic on the original.
 *
 * Each paragraph is split into clauses and sentences once per model; the rules share the split.
 */
import type { ReportModel, Span } from '../../types';
import { memoOn } from '../../util/memo';

export interface Paragraph {
  /** Normalized text of the joined lines. A "\n" marks a line join that must not glue two numbers. */
  text: string;
  /**
   * The joined lines, three numbers each: where the line starts and ends in `text` (ascending),
   * and where it starts in the normalized text.
   */
  lines: number[];
  /** Whether `text` holds an ASCII digit (no digit: no figure, no year, no count). */
  hasDigit: boolean;
  /** The clauses: pieces ending at 。;；!?！？ or a guarded line join (see `boundaryOf`). */
  clauses: Piece[];
  /** The sentences: pieces ending at 。!?！？ or a guarded line join (a semicolon list stays one sentence). */
  sentences: Piece[];
}

export interface Piece {
  text: string;
  /** Offset of `text` in the paragraph. */
  start: number;
  /** Whether `text` holds an ASCII digit. */
  hasDigit: boolean;
}

const PARAGRAPHS = Symbol('paragraphs');

/**
 * Paragraphs of the prose, in document order, each split into clauses and sentences: computed once
 * per model and shared by the text rules.
 */
export function paragraphsOf(model: ReportModel): Paragraph[] {
  return memoOn(model, PARAGRAPHS, buildParagraphs);
}

/** Whether a character code is JavaScript's `\s`. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A line ending in one of 。!?;！？；:： ends its statement: the next line starts a new paragraph. */
function isTerminalCode(c: number): boolean {
  return (
    c === 0x3002 || // 。
    c === 0x21 || // !
    c === 0x3f || // ?
    c === 0x3b || // ;
    c === 0xff01 || // ！
    c === 0xff1f || // ？
    c === 0xff1b || // ；
    c === 0x3a || // :
    c === 0xff1a // ：
  );
}

export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Whether norm[from, to) is only whitespace (as `slice` would, reading nothing past the end). */
function blankBetween(norm: string, from: number, to: number): boolean {
  const end = Math.min(to, norm.length);
  for (let i = from; i < end; i++) if (!isSpaceCode(norm.charCodeAt(i))) return false;
  return true;
}

function buildParagraphs(model: ReportModel): Paragraph[] {
  const norm = model.normalized.text;
  const prose = model.prose;
  const out: Paragraph[] = [];
  let first = 0;
  for (let i = 1; i <= prose.length; i++) {
    if (i < prose.length && joined(norm, prose[i - 1], prose[i])) continue;
    out.push(paragraph(prose, first, i));
    first = i;
  }
  return out;
}

type ProseLine = ReportModel['prose'][number];

/** Whether line `p` continues the paragraph of line `prev`: only blank lines between, and `prev` does not end its statement. */
function joined(norm: string, prev: ProseLine, p: ProseLine): boolean {
  const prevEnd = prev.normStart + prev.text.length;
  return p.normStart >= prevEnd && blankBetween(norm, prevEnd, p.normStart) && !isTerminalCode(lastCode(prev.text));
}

const lastCode = (s: string): number => s.charCodeAt(s.length - 1);

/** The paragraph of prose lines [from, to). */
function paragraph(prose: readonly ProseLine[], from: number, to: number): Paragraph {
  let text = '';
  const lines: number[] = [];
  for (let l = from; l < to; l++) {
    const p = prose[l];
    // Two digits on both sides of a line break: never read them as one number.
    if (l > from && isDigitCode(lastCode(prose[l - 1].text)) && isDigitCode(p.text.charCodeAt(0))) text += '\n';
    lines.push(text.length, text.length + p.text.length, p.normStart);
    text += p.text;
  }
  const { hasDigit, clauses, sentences } = split(text);
  return { text, lines, hasDigit, clauses, sentences };
}

/**
 * Normalized-text position of paragraph character k: -1 for an inserted "\n", undefined outside
 * the paragraph.
 */
export function posAt(para: Paragraph, k: number): number | undefined {
  if (!(k >= 0 && k < para.text.length)) return undefined;
  const lines = para.lines;
  // The last line starting at or before k.
  let lo = 0;
  let hi = lines.length / 3 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[3 * mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return k < lines[3 * lo + 1] ? lines[3 * lo + 2] + (k - lines[3 * lo]) : -1;
}

/** 1: the character ends a clause (；;); 2: it ends a sentence, and so a clause (。!?！？, a guarded line join); 0: neither. */
function boundaryOf(c: number): number {
  switch (c) {
    case 0x3b: // ;
    case 0xff1b: // ；
      return 1;
    case 0x3002: // 。
    case 0x21: // !
    case 0x3f: // ?
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x0a: // a guarded line join
      return 2;
    default:
      return 0;
  }
}

/**
 * Splits a paragraph into clauses and sentences in one pass: each piece ends at a separator (which
 * stays with it) or at the end of the text.
 */
function split(text: string): Pick<Paragraph, 'hasDigit' | 'clauses' | 'sentences'> {
  const clauses: Piece[] = [];
  const sentences: Piece[] = [];
  let clauseFrom = 0;
  let clauseDigit = false;
  let sentenceFrom = 0;
  let sentenceDigit = false;
  let hasDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Ideographs (the bulk of the prose) are neither digits nor separators.
    if (c > 0x3002 && c < 0xff01) continue;
    if (c >= 0x30 && c <= 0x39) {
      clauseDigit = sentenceDigit = hasDigit = true;
      continue;
    }
    const b = boundaryOf(c);
    if (b === 0) continue;
    const clause: Piece = { text: text.slice(clauseFrom, i + 1), start: clauseFrom, hasDigit: clauseDigit };
    clauses.push(clause);
    if (b === 2) {
      // A sentence of one clause is that clause.
      sentences.push(sentenceFrom === clauseFrom ? clause : { text: text.slice(sentenceFrom, i + 1), start: sentenceFrom, hasDigit: sentenceDigit });
      sentenceFrom = i + 1;
      sentenceDigit = false;
    }
    clauseFrom = i + 1;
    clauseDigit = false;
  }
  if (clauseFrom < text.length) {
    const clause: Piece = { text: text.slice(clauseFrom), start: clauseFrom, hasDigit: clauseDigit };
    clauses.push(clause);
    sentences.push(sentenceFrom === clauseFrom ? clause : { text: text.slice(sentenceFrom), start: sentenceFrom, hasDigit: sentenceDigit });
  } else if (sentenceFrom < text.length) {
    sentences.push({ text: text.slice(sentenceFrom), start: sentenceFrom, hasDigit: sentenceDigit });
  }
  return { hasDigit, clauses, sentences };
}

/** Whether paragraph character k is an inserted "\n". */
function isJoin(para: Paragraph, k: number): boolean {
  const p = posAt(para, k);
  return p !== undefined && p < 0;
}

/** Original span of paragraph characters [start, end). */
export function spanIn(model: ReportModel, para: Paragraph, start: number, end: number): Span {
  let a = start;
  while (a < end && isJoin(para, a)) a++;
  let b = end - 1;
  while (b > a && isJoin(para, b)) b--;
  if (a >= end || isJoin(para, a)) {
    const p = posAt(para, start) ?? -1;
    return model.normalized.span(Math.max(p, 0), Math.max(p, 0));
  }
  const pa = posAt(para, a) as number;
  const pb = posAt(para, b) as number;
  return { start: model.normalized.span(pa, pa + 1).start, end: model.normalized.span(pb, pb + 1).end };
}

/** Boundaries of a short phrase inside a clause: the clause boundaries and ,，、:： */
function isPhraseSep(c: number): boolean {
  return boundaryOf(c) !== 0 || c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0x3a || c === 0xff1a;
}

/** How far a phrase reaches on either side of a match (the patterns are short; this keeps the cost linear). */
const PHRASE_REACH = 60;

/** The phrase (between commas, 、 or clause ends, at most PHRASE_REACH characters away) around [start, end). */
export function phraseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && start - a < PHRASE_REACH && !isPhraseSep(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < PHRASE_REACH && !isPhraseSep(text.charCodeAt(b))) b++;
  return text.slice(a, b);
}

/** A short look at the text after offset `i` (enough for a unit or a qualifier). */
export function peek(text: string, i: number, n = 12): string {
  return text.slice(i, i + n);
}

/**
 * Whether paragraph character k is an ASCII comma in the original: a full-width "，" is a clause
 * comma in Chinese, never a thousands separator, even though normalization folds it to ",".
 */
export function asciiCommaAt(model: ReportModel, para: Paragraph, k: number): boolean {
  const p = posAt(para, k);
  if (p === undefined || p < 0) return false;
  const s = model.normalized.span(p, p + 1);
  return model.text.slice(s.start, s.end) === ',';
}

/** A number written in the prose. */
export interface ProseNumber {
  value: number;
  /** Offsets in the piece or paragraph it was found in. */
  start: number;
  end: number;
}

/**
 * Reads an integer starting at `i` in `text`: digits, optionally grouped by thousands ("3,119").
 * Returns undefined when `i` is inside a longer number, or the number is a decimal.
 */
export function readInteger(
  text: string,
  i: number,
  groupSep: (k: number) => boolean = () => true,
): ProseNumber | undefined {
  if (!isDigitCode(text.charCodeAt(i))) return undefined;
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (isDigitCode(p) || p === 0x2e) return undefined;
  }
  let j = i + 1;
  while (j < text.length && isDigitCode(text.charCodeAt(j))) j++;
  const digitsEnd = j;
  // Thousands groups: ",ddd" not followed by another digit (the first group has 1–3 digits).
  if (j - i <= 3) {
    let k = j;
    while (
      text.charCodeAt(k) === 0x2c &&
      groupSep(k) &&
      isDigitCode(text.charCodeAt(k + 1)) &&
      isDigitCode(text.charCodeAt(k + 2)) &&
      isDigitCode(text.charCodeAt(k + 3)) &&
      !isDigitCode(text.charCodeAt(k + 4))
    ) {
      k += 4;
    }
    j = k;
  }
  if (text.charCodeAt(j) === 0x2e && isDigitCode(text.charCodeAt(j + 1))) return undefined;
  const digits = text.slice(i, j);
  const value = Number(j === digitsEnd ? digits : digits.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, start: i, end: j };
}

/** A statistics year written in the text ("2022年", "2022 年度"). */
export interface YearMention {
  year: number;
  start: number;
  end: number;
}

const YEAR_RE = /(?<![\d.])((?:19|20)\d{2})(?!\d)\s*年/g;

/** Years followed by 年 in `text` (offsets of the digits). */
export function yearsIn(text: string): YearMention[] {
  const out: YearMention[] = [];
  if (text.indexOf('年') < 0) return out;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    out.push({ year: Number(m[1]), start: m.index, end: m.index + m[1].length });
  }
  return out;
}

/**
 * Whether offsets of `text` lie inside 《…》 (a document title): an offset is inside when more 《
 * than 》 precede it or stand at it since the last line break (a 》 without its 《 is ignored).
 * Asked about offsets in non-decreasing order, it reads the text once and allocates nothing.
 */
export class BookTitles {
  private depth = 0;
  /** Offsets before `next` have been read. */
  private next = 0;

  constructor(private readonly text: string) {}

  /** Whether offset `i` lies inside 《…》. */
  inside(i: number): boolean {
    if (i < this.next - 1) {
      // Asked out of order: read again from the start.
      this.depth = 0;
      this.next = 0;
    }
    for (; this.next <= i && this.next < this.text.length; this.next++) {
      const c = this.text.charCodeAt(this.next);
      if (c === 0x300a) this.depth++; // 《
      else if (c === 0x300b) this.depth = Math.max(0, this.depth - 1); // 》
      else if (c === 0x0a) this.depth = 0;
    }
    return i >= 0 && i < this.text.length && this.depth > 0;
  }
}

/**
 * Writes `value` the way `written` was written: full-width digits and thousands separators kept.
 * `written` is the ORIGINAL text of the number.
 */
export function formatLikeWritten(written: string, value: number): string {
  let s = String(value);
  if (/[,，]/.test(written)) s = value.toLocaleString('en-US');
  if (/[０-９]/.test(written)) {
    s = s.replace(/[0-9,]/g, (c) => (c === ',' ? (written.includes('，') ? '，' : ',') : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  }
  return s;
}
