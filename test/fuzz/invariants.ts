/**
 * The properties every text must satisfy, as plain checks that return the violations they find
 * (an empty list means the text passed). Shared by the property tests and the long fuzz campaign.
 *
 *  - lint never throws and no rule fails on the text;
 *  - every span of the model and of the findings (related spans and fix edits included) lies inside
 *    the document and on UTF-16 boundaries: it never splits a surrogate pair;
 *  - the same text gives the same findings, also after another text was linted in between;
 *  - fix-all never throws; its edits are sorted, disjoint, inside the text, on boundaries; applied
 *    to the original they give exactly its text (so every character outside them is unchanged);
 *  - fix-all is idempotent: fixing the fixed text changes nothing.
 */
import {
  fixAll,
  lint,
  type FixAllResult,
  type LintOptions,
  type LintResultWithErrors,
  type TextEdit,
} from '../../server/src/core';
import { isHighSurrogate, isLowSurrogate } from '../../server/src/core/text/surrogates';

export interface Violation {
  /** Short property name: throws, rule-error, range, deterministic, fix-edits, fix-outside, idempotent. */
  property: string;
  detail: string;
  /** What distinguishes this failure from others of the same property (e.g. the rules involved), for de-duplication. */
  key?: string;
}

export { isHighSurrogate, isLowSurrogate };

/** Whether `s` has no lone surrogate. */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c)) {
      if (!isLowSurrogate(s.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLowSurrogate(c)) return false;
  }
  return true;
}

/** Whether `offset` is a valid position in `text` that does not fall between the halves of a surrogate pair. */
export function isBoundary(text: string, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
  if (offset === 0 || offset === text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
}

/** Problems with one span (or edit) of `text`; `where` names it in the report. */
export function spanProblems(text: string, span: { start: unknown; end: unknown }, where: string): string[] {
  const { start, end } = span;
  if (typeof start !== 'number' || typeof end !== 'number') return [`${where}: start/end are not numbers`];
  const out: string[] = [];
  if (!(start <= end)) out.push(`${where}: start ${start} > end ${end}`);
  if (!isBoundary(text, start))
    out.push(`${where}: start ${start} is outside [0, ${text.length}] or splits a surrogate pair`);
  if (!isBoundary(text, end))
    out.push(`${where}: end ${end} is outside [0, ${text.length}] or splits a surrogate pair`);
  return out;
}

/**
 * Every object under `value` that has numeric `start` and `end` is a span of the original text
 * (Span, TextEdit): the model's and the findings' vocabulary has no other such objects.
 */
export function allSpanProblems(
  text: string,
  value: unknown,
  path: string,
  out: string[] = [],
  seen = new Set<object>(),
): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  const obj = value as Record<string, unknown>;
  if (typeof obj.start === 'number' && typeof obj.end === 'number')
    out.push(...spanProblems(text, obj as { start: number; end: number }, path));
  if (typeof obj.newText === 'string' && !isWellFormed(obj.newText)) out.push(`${path}: newText has a lone surrogate`);
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'text' && typeof v === 'string') continue;
    if (k === 'normalized') continue; // normalized text and its offsets are internal to the parser
    allSpanProblems(text, v, `${path}.${k}`, out, seen);
    if (out.length > 20) break;
  }
  return out;
}

/** Applies edits that must already be sorted and disjoint; returns undefined when they are not. */
export function strictApply(text: string, edits: readonly TextEdit[]): string | undefined {
  let pos = 0;
  const parts: string[] = [];
  for (const e of edits) {
    if (e.start < pos || e.end < e.start || e.end > text.length) return undefined;
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Findings as comparable text (the model holds a function, so it is left out). */
export function findingsKey(r: LintResultWithErrors): string {
  return JSON.stringify(r.findings);
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** A text unrelated to the one under test, linted in between to expose state kept across calls. */
const OTHER_TEXT = '某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n';

export interface CheckOptions extends LintOptions {
  /** Also check fix-all (default true). */
  fixes?: boolean;
}

/** Runs every property on `text`; returns what failed (at most one violation per property). */
export function checkText(text: string, options: CheckOptions = {}): Violation[] {
  const lintOptions: LintOptions = {
    ...(options.force ? { force: true } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  };
  const out: Violation[] = [];
  let first: LintResultWithErrors;
  try {
    first = lint(text, lintOptions);
  } catch (e) {
    return [{ property: 'throws', detail: `lint threw: ${errorText(e)}` }];
  }
  if (first.errors.length > 0) {
    out.push({ property: 'rule-error', detail: first.errors.map((e) => `${e.ruleId}: ${e.message}`).join('\n') });
  }
  const ranges = [...allSpanProblems(text, first.model, 'model'), ...allSpanProblems(text, first.findings, 'findings')];
  if (
    first.model.lineStarts[0] !== 0 ||
    first.model.lineStarts.some((s, i, a) => i > 0 && !(s > a[i - 1] && s <= text.length))
  ) {
    ranges.push('model.lineStarts: not strictly increasing from 0 inside the text');
  }
  if (ranges.length > 0) out.push({ property: 'range', detail: ranges.slice(0, 10).join('\n') });

  try {
    lint(OTHER_TEXT, lintOptions);
    const again = lint(text, lintOptions);
    if (findingsKey(again) !== findingsKey(first)) {
      out.push({ property: 'deterministic', detail: 'linting the same text twice gave different findings' });
    }
  } catch (e) {
    out.push({ property: 'throws', detail: `second lint threw: ${errorText(e)}` });
  }

  if (options.fixes !== false) out.push(...checkFixAll(text, lintOptions));
  return out;
}

/** The fix-all properties alone. */
export function checkFixAll(text: string, lintOptions: LintOptions = {}): Violation[] {
  const out: Violation[] = [];
  let once: FixAllResult;
  try {
    once = fixAll(text, lintOptions);
  } catch (e) {
    return [{ property: 'throws', detail: `fixAll threw: ${errorText(e)}` }];
  }
  const editProblems = once.edits.flatMap((e, i) => spanProblems(text, e, `edits[${i}]`));
  once.edits.forEach((e, i) => {
    if (i > 0 && e.start < once.edits[i - 1].end) editProblems.push(`edits[${i}] overlaps or precedes edits[${i - 1}]`);
    if (!isWellFormed(e.newText)) editProblems.push(`edits[${i}].newText has a lone surrogate`);
  });
  if (editProblems.length > 0) out.push({ property: 'fix-edits', detail: editProblems.slice(0, 10).join('\n') });
  const spliced = strictApply(text, once.edits);
  if (spliced !== once.text) {
    out.push({
      property: 'fix-outside',
      detail: `the fixed text is not the original with exactly the reported edits applied (${once.edits.length} edits, ${once.passes} passes)`,
    });
  }
  try {
    const twice = fixAll(once.text, lintOptions);
    if (twice.text !== once.text) {
      const again = lint(once.text, lintOptions);
      const rules = [
        ...new Set(again.findings.filter((f) => f.fixes?.some((x) => x.preferred)).map((f) => f.ruleId)),
      ].sort();
      out.push({
        property: 'idempotent',
        key: rules.join(','),
        detail:
          `fix-all of the fixed text changed it again (first run: ${once.passes} passes; still fixable: ${rules.join(', ') || 'sums'}; ` +
          `next edits: ${JSON.stringify(twice.edits.slice(0, 3).map((e) => ({ old: once.text.slice(e.start, e.end), newText: e.newText, at: e.start })))})`,
      });
    }
  } catch (e) {
    out.push({ property: 'throws', detail: `fixAll of the fixed text threw: ${errorText(e)}` });
  }
  return out;
}

/** A readable one-line summary of violations (for assertion messages). */
export function describe(violations: readonly Violation[]): string {
  return violations.map((v) => `[${v.property}] ${v.detail}`).join('\n');
}
