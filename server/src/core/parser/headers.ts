/** Column headers: the words above a table's columns, matched to the template's labels. */
import type { HeaderNode } from '../types';
import { keyOf, similarity } from '../text/keys';
import type { ParseContext } from './context';
import { isPipeRow, type Line } from './lines';

export interface ExpectedHeader {
  columnId: string;
  label: string;
  accepted?: string[];
}

interface Token {
  start: number;
  end: number;
  text: string;
  key: string;
}

/** Header tokens of a line: tab fields, or blank-separated words when the line has no tab. */
export function headerTokens(line: Line): Token[] {
  const out: Token[] = [];
  const sep = isPipeRow(line.text) ? /\|/g : line.text.includes('\t') ? /\t+/g : /\s+/g;
  let pos = 0;
  const t = line.text;
  for (;;) {
    sep.lastIndex = pos;
    const m = sep.exec(t);
    const stop = m ? m.index : t.length;
    const raw = t.slice(pos, stop);
    const trimmed = raw.trim();
    if (trimmed) {
      const lead = raw.length - raw.trimStart().length;
      const start = line.start + pos + lead;
      out.push({ start, end: start + trimmed.length, text: trimmed, key: keyOf(trimmed) });
    }
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return out;
}

const KEYS = new WeakMap<ExpectedHeader, string[]>();

/** The keys of an expected header (its label, then its accepted wordings), computed once. */
function keysOf(e: ExpectedHeader): string[] {
  let k = KEYS.get(e);
  if (!k) KEYS.set(e, (k = [keyOf(e.label), ...(e.accepted ?? []).map(keyOf)]));
  return k;
}

/**
 * Matches header tokens, in reading order, to expected labels. Up to three consecutive tokens may
 * form one label (PDF text breaks "社会公益" / "组织"). A token close to a label that is still
 * expected is reported as altered; tokens that match nothing are ignored.
 */
export function matchHeaders(ctx: ParseContext, tokens: Token[], expected: ExpectedHeader[]): HeaderNode[] {
  const remaining = expected.map((e) => ({ e, keys: keysOf(e), used: false }));
  const out: HeaderNode[] = [];
  /** Tokens already used as the second half of a word split across lines. */
  const consumed = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    if (consumed.has(i)) {
      i++;
      continue;
    }
    let done = false;
    let joined = '';
    for (let k = 0; k < 3 && i + k < tokens.length && !done; k++) {
      if (k > 0 && consumed.has(i + k)) break;
      joined += tokens[i + k].key;
      if (joined.length === 0) continue;
      const hit = remaining.find((r) => !r.used && r.keys.includes(joined));
      if (hit) {
        hit.used = true;
        const start = tokens[i].start;
        const end = tokens[i + k].end;
        out.push({
          columnId: hit.e.columnId,
          text: ctx.norm.text.slice(start, end),
          span: ctx.span(start, end),
          match: hit.keys[0] === joined ? 'exact' : 'variant',
        });
        i += k + 1;
        done = true;
      }
    }
    if (done) continue;
    const tok = tokens[i];
    const split = completeSplitWord(tokens, i, remaining, consumed);
    if (split) {
      split.r.used = true;
      consumed.add(split.j);
      out.push({
        columnId: split.r.e.columnId,
        text: tok.text,
        span: ctx.span(tok.start, tok.end),
        match: split.r.keys[0] === split.key ? 'exact' : 'variant',
      });
      i++;
      continue;
    }
    if (tok.key.length >= 2 && !tok.key.includes('勾稽')) {
      let best: (typeof remaining)[number] | undefined;
      let bestSim = 0;
      for (const r of remaining) {
        if (r.used) continue;
        const sim = Math.max(...r.keys.map((k) => similarity(tok.key, k)));
        if (sim > bestSim) {
          bestSim = sim;
          best = r;
        }
      }
      if (best && bestSim >= 0.6) {
        best.used = true;
        out.push({ columnId: best.e.columnId, text: tok.text, span: ctx.span(tok.start, tok.end), match: 'altered' });
      }
    }
    i++;
  }
  return out;
}

/** How far ahead (in tokens) the rest of a word broken across lines may stand. */
const SPLIT_LOOKAHEAD = 8;

/**
 * A header word broken mid-word across lines by PDF extraction, with other header cells in
 * between: "商业企 科研机构" / "业". The token is the start of a label still expected, and a
 * token shortly after is exactly the rest of it.
 */
function completeSplitWord(
  tokens: Token[],
  i: number,
  remaining: { e: ExpectedHeader; keys: string[]; used: boolean }[],
  consumed: Set<number>,
): { r: (typeof remaining)[number]; j: number; key: string } | undefined {
  const head = tokens[i].key;
  if (head.length === 0) return undefined;
  for (const r of remaining) {
    if (r.used) continue;
    for (const key of r.keys) {
      if (key.length <= head.length || !key.startsWith(head)) continue;
      const rest = key.slice(head.length);
      for (let j = i + 1; j < tokens.length && j <= i + SPLIT_LOOKAHEAD; j++) {
        if (!consumed.has(j) && tokens[j].key === rest) return { r, j, key };
      }
    }
  }
  return undefined;
}
