/**
 * Shared reading of the prose for the text rules: paragraphs rebuilt from wrapped lines, clauses,
 * phrases, and the exact map from a match back to original offsets (numbers: numbers.ts; 《…》:
 * bookTitles.ts).
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
import { isSpace } from '../../parser/lines';
import { memoOn } from '../../util/memo';
import { lastAtOrBefore } from '../../util/search';
import { isDigitCode } from './numbers';

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

/** Whether norm[from, to) is only whitespace (as `slice` would, reading nothing past the end). */
function blankBetween(norm: string, from: number, to: number): boolean {
  const end = Math.min(to, norm.length);
  for (let i = from; i < end; i++) if (!isSpace(norm.charCodeAt(i))) return false;
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
  const lo = lastAtOrBefore(lines.length / 3, (i) => lines[3 * i], k);
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
      sentences.push(
        sentenceFrom === clauseFrom
          ? clause
          : { text: text.slice(sentenceFrom, i + 1), start: sentenceFrom, hasDigit: sentenceDigit },
      );
      sentenceFrom = i + 1;
      sentenceDigit = false;
    }
    clauseFrom = i + 1;
    clauseDigit = false;
  }
  if (clauseFrom < text.length) {
    const clause: Piece = { text: text.slice(clauseFrom), start: clauseFrom, hasDigit: clauseDigit };
    clauses.push(clause);
    sentences.push(
      sentenceFrom === clauseFrom
        ? clause
        : { text: text.slice(sentenceFrom), start: sentenceFrom, hasDigit: sentenceDigit },
    );
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
