/**
 * Shared reading of the prose for the text rules: paragraphs rebuilt from wrapped lines, clauses,
 * numbers, and the exact map from a match back to original offsets.
 *
 * Prose lines hold NORMALIZED text (full-width forms folded: "，" reads ",", "；" reads ";",
 * "２" reads "2"; compatibility ideographs replaced). A paragraph joins consecutive prose lines
 * separated by blank lines only — PDF text breaks a sentence anywhere ("…栏目发" / "" / "布1条信息") —
 * and keeps, for every character, its position in the normalized text, so a match maps back through
 * `model.normalized.span` and never by arithmetic on the original.
 */
import type { ReportModel, Span } from '../../types';

export interface Paragraph {
  /** Normalized text of the joined lines. A "\n" marks a line join that must not glue two numbers. */
  text: string;
  /** Normalized-text position of each character of `text` (-1 for an inserted "\n"). */
  pos: number[];
}

const TERMINAL = /[。!?;！？；:：]$/;

const CACHE = new WeakMap<ReportModel, Paragraph[]>();

/** Paragraphs of the prose, in document order (computed once per model, shared by the text rules). */
export function paragraphsOf(model: ReportModel): Paragraph[] {
  let cached = CACHE.get(model);
  if (!cached) CACHE.set(model, (cached = buildParagraphs(model)));
  return cached;
}

function buildParagraphs(model: ReportModel): Paragraph[] {
  const out: Paragraph[] = [];
  const norm = model.normalized.text;
  let cur: Paragraph | undefined;
  let prevEnd = -1;
  let prevText = '';
  for (const p of model.prose) {
    const between = prevEnd >= 0 && p.normStart >= prevEnd ? norm.slice(prevEnd, p.normStart) : undefined;
    const joinable = cur !== undefined && between !== undefined && /^\s*$/.test(between) && !TERMINAL.test(prevText);
    if (!joinable || !cur) {
      cur = { text: '', pos: [] };
      out.push(cur);
    } else if (/\d$/.test(prevText) && /^\d/.test(p.text)) {
      // Two digits on both sides of a line break: never read them as one number.
      cur.text += '\n';
      cur.pos.push(-1);
    }
    cur.text += p.text;
    for (let k = 0; k < p.text.length; k++) {
      cur.pos.push(p.normStart + k);
    }
    prevEnd = p.normStart + p.text.length;
    prevText = p.text;
  }
  return out;
}

/** Original span of paragraph characters [start, end). */
export function spanIn(model: ReportModel, para: Paragraph, start: number, end: number): Span {
  let a = start;
  while (a < end && para.pos[a] < 0) a++;
  let b = end - 1;
  while (b > a && para.pos[b] < 0) b--;
  if (a >= end || para.pos[a] < 0) {
    const p = para.pos[start] ?? -1;
    const s = model.normalized.span(Math.max(p, 0), Math.max(p, 0));
    return s;
  }
  const first = model.normalized.span(para.pos[a], para.pos[a] + 1);
  const last = model.normalized.span(para.pos[b], para.pos[b] + 1);
  return { start: first.start, end: last.end };
}

export interface Piece {
  text: string;
  /** Offset of `text` in the paragraph. */
  start: number;
}

/** Splits a paragraph's text into pieces ending at any of `seps` (the separator stays with the piece). */
export function splitOn(text: string, seps: ReadonlySet<number>, offset = 0): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (seps.has(text.charCodeAt(i))) {
      out.push({ text: text.slice(from, i + 1), start: offset + from });
      from = i + 1;
    }
  }
  if (from < text.length) out.push({ text: text.slice(from), start: offset + from });
  return out;
}

const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));

/** Clause boundaries: 。；; (and the sentence ends !?！？, and a guarded line join). */
export const CLAUSE_SEPS = codes('。;；!?！？\n');
/** Sentence boundaries: 。!? (a semicolon list stays one sentence). */
export const SENTENCE_SEPS = codes('。!?！？\n');
/** Boundaries of a short phrase inside a clause. */
export const PHRASE_SEPS = codes('。;；!?！？\n,，、:：');

/** How far a phrase reaches on either side of a match (the patterns are short; this keeps the cost linear). */
const PHRASE_REACH = 60;

/** The phrase (between commas, 、 or clause ends, at most PHRASE_REACH characters away) around [start, end). */
export function phraseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && start - a < PHRASE_REACH && !PHRASE_SEPS.has(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < PHRASE_REACH && !PHRASE_SEPS.has(text.charCodeAt(b))) b++;
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
  const p = para.pos[k];
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
  if (!isDigit(text[i]) || (i > 0 && (isDigit(text[i - 1]) || text[i - 1] === '.'))) return undefined;
  let j = i;
  while (j < text.length && isDigit(text[j])) j++;
  // Thousands groups: ",ddd" not followed by another digit (the first group has 1–3 digits).
  if (j - i <= 3) {
    let k = j;
    while (text[k] === ',' && groupSep(k) && isDigit(text[k + 1]) && isDigit(text[k + 2]) && isDigit(text[k + 3]) && !isDigit(text[k + 4])) {
      k += 4;
    }
    j = k;
  }
  if (text[j] === '.' && isDigit(text[j + 1])) return undefined;
  const value = Number(text.slice(i, j).replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, start: i, end: j };
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
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
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    out.push({ year: Number(m[1]), start: m.index, end: m.index + m[1].length });
  }
  return out;
}

/** For each offset of `text`, whether it lies inside 《…》 (a document title). Linear. */
export function bookTitleMask(text: string): Uint8Array {
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
