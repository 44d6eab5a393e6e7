/** Findings as tests compare them: rule, 1-based line, the exact text under the span. */
import assert from 'node:assert/strict';
import type { Finding, Span, TextEdit } from '../../server/src/core/types';
import { applyEdits, RULES } from '../../server/src/core';
import { insidePair } from '../../server/src/core/text/surrogates';

/** 1-based line of an original offset (CRLF, CR and LF all end a line). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) line++;
  }
  return line;
}

export interface Brief {
  rule: string;
  line: number;
  text: string;
}

export function brief(text: string, f: Finding): Brief {
  return { rule: f.ruleId, line: lineAt(text, f.span.start), text: text.slice(f.span.start, f.span.end) };
}

export function briefs(text: string, findings: readonly Finding[]): Brief[] {
  return findings.map((f) => brief(text, f));
}

/** A sortable one-line form, for readable deepEqual failures. */
export function show(b: Brief): string {
  return `${b.rule} @${b.line} ${JSON.stringify(b.text)}`;
}

export function sortedShow(text: string, findings: readonly Finding[]): string[] {
  return briefs(text, findings).map(show).sort();
}

/** The ids of the text rules, once they are registered. */
export function textRuleIds(): string[] {
  return RULES.filter((r) => r.meta.category === 'text').map((r) => r.meta.id);
}

export function isRegistered(id: string): boolean {
  return RULES.some((r) => r.meta.id === id);
}

/** The preferred fix's edits of a finding (asserts there is exactly one preferred fix). */
export function preferredFix(f: Finding): TextEdit[] {
  const fixes = f.fixes ?? [];
  const pref = fixes.filter((x) => x.preferred);
  assert.equal(pref.length, 1, `${f.ruleId}: expected one preferred fix, got ${pref.length}`);
  return pref[0].edits;
}

export function applyPreferred(text: string, f: Finding): string {
  return applyEdits(text, preferredFix(f));
}

/** A span never splits a surrogate pair and lies inside the text. */
export function assertWellFormedSpan(text: string, s: Span, what = 'span'): void {
  assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what} ${s.start}-${s.end} out of range`);
  assert.ok(!insidePair(text, s.start), `${what} starts inside a surrogate pair at ${s.start}`);
  assert.ok(!insidePair(text, s.end), `${what} ends inside a surrogate pair at ${s.end}`);
}

/** Every span, related span and edit of every finding is well formed. */
export function assertFindingsWellFormed(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    assertWellFormedSpan(text, f.span, `${f.ruleId} span`);
    for (const r of f.related ?? []) assertWellFormedSpan(text, r.span, `${f.ruleId} related`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assertWellFormedSpan(text, e, `${f.ruleId} edit`);
    assert.ok(f.message.zh.length > 0 && f.message.en.length > 0, `${f.ruleId}: message in both languages`);
    const rule = RULES.find((r) => r.meta.id === f.ruleId);
    assert.ok(rule, `unknown rule ${f.ruleId}`);
    if (f.fixes && f.fixes.length > 0)
      assert.ok(rule.meta.fixable, `${f.ruleId} emits a fix but is not declared fixable`);
  }
}
