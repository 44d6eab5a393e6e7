/**
 * Fix-all: apply the preferred fix of every (selected) finding, re-lint, repeat until nothing
 * changes (the sum rules converge in one pass: their fixes are computed in dependency order).
 *
 * Suppressed findings (`suppressions`, the entries of this text) are never fixed: their own fixes
 * are left out, and the cell of a suppressed sum finding is never rewritten — neither by the sum
 * cascade nor by any other edit. Later passes re-lint the changed text; a finding suppressed in an
 * earlier pass stays suppressed there (followed by rule and span through the edits) even when an
 * edit beside it changed the context its fingerprint hashes.
 */
import { diffChars } from 'diff';
import type { Finding, LintOptions, Span, TextEdit } from '../types';
import { lint } from '../lint';
import { applySuppressions, type SuppressionEntry } from '../suppressions';
import { arithmeticRuleIds } from '../rules';
import { applyEdits, nonOverlapping } from '../text/edits';
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';
import { cascadeEdits } from './cascade';

const ARITHMETIC = new Set<string>(arithmeticRuleIds());

export interface FixAllOptions extends LintOptions {
  /** Only findings of these rules. */
  ruleIds?: readonly string[];
  /** Only findings inside this span of the original text. */
  within?: Span;
  /** At most this many lint-and-fix passes (default 10). */
  maxPasses?: number;
  /** The suppression entries of this text (already filtered by file): the findings they match are not fixed. */
  suppressions?: readonly SuppressionEntry[];
}

export interface FixAllResult {
  /** The fixed text. */
  text: string;
  /** Edits against the ORIGINAL text that produce `text`: non-overlapping, sorted. */
  edits: TextEdit[];
  passes: number;
}

/** The preferred fix's edits of each finding that passes the filter. */
export function preferredEdits(findings: readonly Finding[], filter: (f: Finding) => boolean): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (!filter(f) || !f.fixes || f.fixes.length === 0) continue;
    const fix = f.fixes.find((x) => x.preferred);
    if (fix) edits.push(...fix.edits);
  }
  return nonOverlapping(edits);
}

export function fixAll(original: string, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = options.maxPasses ?? 10;
  const entries = options.suppressions ?? [];
  let text = original;
  let firstEdits: TextEdit[] = [];
  let passes = 0;
  let within = options.within;
  /** Suppressed findings so far, by rule and span in the current text. */
  let held: Held[] = [];
  while (passes < maxPasses) {
    const { model, findings } = lint(text, options);
    const w = within;
    const selected = (id: string) =>
      (!options.ruleIds || options.ruleIds.includes(id)) && options.rules?.[id] !== 'off';
    const { shown, suppressed } =
      entries.length > 0 ? split(text, findings, entries, held) : { shown: findings, suppressed: [] };
    held = suppressed.map((f) => ({ ruleId: f.ruleId, span: f.span }));
    // The cells of suppressed sum findings stay as written.
    const frozen = suppressed.filter((f) => ARITHMETIC.has(f.ruleId)).map((f) => f.span);
    const isFrozen = (c: Span) => frozen.some((x) => x.start === c.start && x.end === c.end);
    const touchesFrozen = (e: TextEdit) => frozen.some((x) => e.start < x.end && e.end > x.start);
    // Sums are fixed together, in dependency order, so that one pass converges; the other
    // rules contribute their preferred fixes.
    const sumEdits =
      model.isReport || options.force
        ? cascadeEdits(model, (id) => selected(id), w, frozen.length > 0 ? isFrozen : undefined)
        : [];
    const edits = nonOverlapping([
      ...sumEdits,
      ...preferredEdits(
        shown,
        (f) =>
          !ARITHMETIC.has(f.ruleId) && selected(f.ruleId) && (!w || (f.span.start >= w.start && f.span.end <= w.end)),
      ),
    ]).filter((e) => !touchesFrozen(e));
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    if (passes === 0) firstEdits = edits;
    if (w) {
      // Keep the scope over the same text: shift its end by what the edits inside it added.
      let delta = 0;
      for (const e of edits) if (e.start >= w.start && e.end <= w.end) delta += e.newText.length - (e.end - e.start);
      within = { start: w.start, end: w.end + delta };
    }
    held = held.map((h) => ({ ruleId: h.ruleId, span: mapSpan(h.span, edits) }));
    text = next;
    passes++;
  }
  if (passes <= 1) return { text, edits: firstEdits, passes };
  return { text, edits: diffEdits(original, text), passes };
}

interface Held {
  ruleId: string;
  span: Span;
}

/**
 * The findings of one pass split into shown and suppressed: suppressed when an entry matches them,
 * or when they are a finding suppressed in an earlier pass (same rule, same span after the edits).
 */
function split(
  text: string,
  findings: readonly Finding[],
  entries: readonly SuppressionEntry[],
  held: readonly Held[],
): { shown: Finding[]; suppressed: Finding[] } {
  const applied = applySuppressions(text, findings, entries);
  if (held.length === 0) return { shown: applied.kept, suppressed: applied.suppressed };
  const was = new Set(held.map((h) => `${h.ruleId}\u0000${h.span.start}\u0000${h.span.end}`));
  const shown: Finding[] = [];
  const suppressed = [...applied.suppressed];
  for (const f of applied.kept) {
    if (was.has(`${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}`)) suppressed.push(f);
    else shown.push(f);
  }
  return { shown, suppressed };
}

/** `span` in the text after `edits` (sorted, non-overlapping, against the text `span` is in). */
export function mapSpan(span: Span, edits: readonly TextEdit[]): Span {
  const start = mapOffset(span.start, edits);
  return { start, end: Math.max(start, mapOffset(span.end, edits)) };
}

function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const e of edits) {
    if (e.end <= offset) shift += e.newText.length - (e.end - e.start);
    else if (e.start < offset) return e.start + shift + e.newText.length;
    else break;
  }
  return offset + shift;
}

/** Edits turning `a` into `b`, computed by a character diff of the part between common ends. */
export function diffEdits(a: string, b: string): TextEdit[] {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // Never split a surrogate pair: two characters may share their high (or low) half.
  if (p > 0 && isHighSurrogate(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(a.charCodeAt(a.length - s))) s--;
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);
  if (midA.length === 0 && midB.length === 0) return [];
  if (midA.length * midB.length > 4e8 || midA.length === 0 || midB.length === 0) {
    return [{ start: p, end: a.length - s, newText: midB }];
  }
  const edits: TextEdit[] = [];
  let pos = p;
  let pending: TextEdit | undefined;
  for (const part of diffChars(midA, midB)) {
    if (part.added) {
      if (pending && pending.end === pos) pending.newText += part.value;
      else edits.push((pending = { start: pos, end: pos, newText: part.value }));
    } else if (part.removed) {
      if (pending && pending.end === pos) pending.end += part.value.length;
      else edits.push((pending = { start: pos, end: pos + part.value.length, newText: '' }));
      pos += part.value.length;
    } else {
      pos += part.value.length;
      pending = undefined;
    }
  }
  return edits;
}
