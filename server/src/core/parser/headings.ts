/** Section headings, the title line and sub-items. Offsets are NORMALIZED offsets. */
import type { SectionId } from '../types';
import { SECTIONS, SECTION_NUMERALS } from '../template/template';
import { charDice, keyOf, similarity } from '../text/keys';
import { isSpace, type Line } from './lines';

const NUMERALS = SECTION_NUMERALS;

/** The line's content without leading blanks, Markdown heading marks, list marks or bold markers. */
export interface Content {
  start: number;
  end: number;
  text: string;
  markdown: boolean;
}

export function contentOf(line: Line): Content {
  const t = line.text;
  let s = 0;
  let e = t.length;
  let markdown = false;
  while (s < e && isSpace(t.charCodeAt(s))) s++;
  if (t.charCodeAt(s) === 0x23) {
    const md = /^#{1,6}\s*/.exec(t.slice(s, Math.min(e, s + 16)));
    if (md) {
      s += md[0].length;
      markdown = true;
    }
  }
  while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
  // Closing hashes of an ATX heading, and bold/italic markers around the whole content.
  if (markdown) {
    const close = /\s#+$/.exec(t.slice(s, e));
    if (close) e -= close[0].length;
  }
  for (;;) {
    const c = t.charCodeAt(s);
    if (c !== 0x2a && c !== 0x5f && c !== 0x3010) break;
    const inner = t.slice(s, e);
    const m = /^(\*\*|__|\*|【)(.*?)(\*\*|__|\*|】)$/.exec(inner);
    if (!m || m[2].length === 0) break;
    s += m[1].length;
    e -= m[3].length;
  }
  while (s < e && isSpace(t.charCodeAt(s))) s++;
  while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
  return { start: line.start + s, end: line.start + e, text: t.slice(s, e), markdown };
}

export interface HeadingMatch {
  id: SectionId;
  enumeratorText: string;
  titleStart: number;
  titleEnd: number;
  titleText: string;
  titleMatch: 'standard' | 'variant' | 'altered';
  markdown: boolean;
  contentStart: number;
  contentEnd: number;
}

const TITLE_KEYS = SECTIONS.map((s) => ({
  id: s.id,
  std: keyOf(s.title),
  variants: s.variants.map(keyOf),
}));

/** A title key that is a section's standard title (the first such section) or else a variant (the last one). */
const EXACT_MATCH = new Map<string, { id: SectionId; sim: number; kind: 'standard' | 'variant' }>();
for (const t of TITLE_KEYS) for (const v of t.variants) EXACT_MATCH.set(v, { id: t.id, sim: 1, kind: 'variant' });
for (const t of [...TITLE_KEYS].reverse()) EXACT_MATCH.set(t.std, { id: t.id, sim: 1, kind: 'standard' });
/** First characters of headings, by code unit. */
const HEADING_START = new Set(
  ['第', ...NUMERALS, ...[...EXACT_MATCH.keys()].map((k) => k[0])].map((ch) => ch.charCodeAt(0)),
);

interface TitleScore {
  id: SectionId;
  sim: number;
  kind: 'standard' | 'variant' | 'altered';
}

/** Keys already scored: the same lines ("一、本年新收政府信息公开申请数量") come back in every report. */
const SCORED = new Map<string, TitleScore>();
const SCORED_MAX = 4096;

/** The section whose wordings are closest to a key that is no known title. */
function closestTitle(key: string): TitleScore {
  let best = SCORED.get(key);
  if (best) return best;
  for (const t of TITLE_KEYS) {
    const sim = Math.max(...[t.std, ...t.variants].map((v) => Math.max(similarity(key, v), 0.95 * charDice(key, v))));
    if (!best || sim > best.sim) best = { id: t.id, sim, kind: 'altered' };
  }
  if (SCORED.size >= SCORED_MAX) SCORED.clear();
  SCORED.set(key, best!);
  return best!;
}

/** Recognizes a section heading such as "三、收到和处理政府信息公开申请情况" in any common style. */
export function matchSectionHeading(line: Line): HeadingMatch | undefined {
  if (line.text.length > 120) return undefined;
  // A heading starts (after blanks and Markdown or bold marks) with its numeral, 第, or a title's first character.
  const t = line.text;
  let f = 0;
  for (; f < t.length; f++) {
    const c = t.charCodeAt(f);
    if (!isSpace(c) && c !== 0x23 && c !== 0x2a && c !== 0x5f && c !== 0x3010) break;
  }
  if (f === t.length || !HEADING_START.has(t.charCodeAt(f))) return undefined;
  const c = contentOf(line);
  if (c.text.length < 2 || c.text.length > 60) return undefined;
  // Headings do not end in table cells.
  if (/\d\s*$/.test(c.text) && /\s\d+\s*$/.test(c.text)) return undefined;
  const m = /^(?:第([一二三四五六])部分\s*[、.:：]?\s*|([一二三四五六])\s*(?:[、.,:：]|\s)\s*)/.exec(c.text);
  let enumerator = '';
  let num: number | undefined;
  if (m) {
    enumerator = m[0].trimEnd();
    num = NUMERALS.indexOf(m[1] ?? m[2]) + 1;
  }
  const rest = c.text.slice(m ? m[0].length : 0).replace(/[。.:：]+$/, '');
  const key = keyOf(rest);
  if (key.length < 2) return undefined;
  // Without an enumerator only an exact title or a known variant counts: a lookup, no scoring.
  if (!m && !EXACT_MATCH.has(key)) return undefined;
  const best: TitleScore = EXACT_MATCH.get(key) ?? closestTitle(key);
  // Without an enumerator only an exact title counts; with one, a close title; with the
  // section's own numeral, a looser one (typos, dropped words).
  const ok = !m ? best.kind !== 'altered' : best.kind !== 'altered' || best.sim >= (num === best.id ? 0.6 : 0.8);
  if (!ok) return undefined;
  const restStart = c.start + (m ? m[0].length : 0);
  const restText = c.text.slice(m ? m[0].length : 0);
  const trimmedTitle = restText.replace(/[。.:：]+$/, '');
  return {
    id: best.id,
    enumeratorText: enumerator,
    titleStart: restStart,
    titleEnd: restStart + trimmedTitle.length,
    titleText: trimmedTitle,
    titleMatch: best.kind,
    markdown: c.markdown,
    contentStart: c.start,
    contentEnd: c.end,
  };
}

/** A sub-item line inside a section: "（一）主动公开情况。…" → "（一）主动公开情况". */
export function matchSubItem(line: Line): { start: number; end: number; title: string } | undefined {
  const c = contentOf(line);
  const m = /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*/.exec(c.text);
  if (!m) return undefined;
  const rest = c.text.slice(m[0].length);
  const stop = rest.search(/[。：:；;，,]/);
  let title = stop >= 0 ? rest.slice(0, stop) : rest;
  if (title.length > 24) title = title.slice(0, 24) + '…';
  if (keyOf(title).length === 0) return undefined;
  return { start: c.start, end: c.end, title: `（${m[1]}）${title.trim()}` };
}
