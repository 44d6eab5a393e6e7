/** What the server should publish for a text: the engine's findings, converted the way an editor counts positions. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core';
import type { Diagnostic } from './rawServer';

export interface Essential {
  code: string;
  range: Diagnostic['range'];
}

/** The findings of `text` as (rule, range) pairs, in the engine's order. */
export function expectedDiagnostics(text: string, force: boolean): Essential[] {
  const doc = TextDocument.create('untitled:x', 'plaintext', 0, text);
  return lint(text, { force }).findings.map((f) => ({
    code: f.ruleId,
    range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
  }));
}

export function essentials(ds: readonly Diagnostic[]): Essential[] {
  return ds.map((d) => ({ code: String(d.code), range: d.range }));
}
