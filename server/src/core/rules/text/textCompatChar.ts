/**
 * text-compat-char: CJK compatibility characters left by PDF extraction (Kangxi radicals, the CJK
 * radicals supplement, CJK compatibility ideographs) in place of ordinary ideographs. One finding per
 * line; its fix replaces every run on the line, one edit per run, touching only those characters.
 */
import type { ReportModel, TextEdit } from '../../types';
import { defineRule } from '../define';
import { isSurrogate } from '../../text/surrogates';
import { textMessages as M } from '../../i18n/messages/text';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

/** Pairs shown in a message. */
const SHOWN_PAIRS = 3;

type Run = ReportModel['compatRuns'][number];

export const textCompatChar = defineRule(
  {
    id: 'text-compat-char',
    category: 'text',
    description: D.textCompatChar,
    defaultSeverity: 'warning',
    fixable: true,
  },
  ({ model, report }) => {
    for (const runs of byLine(model.compatRuns)) {
      const pairs: [string, string][] = [];
      const seen: string[] = [];
      let count = 0;
      let more = false;
      for (const run of runs) {
        const from = run.original;
        const to = run.replacement;
        // One code unit each way (the usual case) needs no code-point split.
        const simple = from.length === to.length && !hasSurrogate(from) && !hasSurrogate(to);
        const fromChars = simple ? undefined : [...from];
        const toChars = simple ? undefined : [...to];
        const n = fromChars ? fromChars.length : from.length;
        count += n;
        // Once a fourth distinct character shows that there are more, the pairs are settled.
        for (let k = 0; k < n && !more; k++) {
          const c = fromChars ? fromChars[k] : from[k];
          if (seen.includes(c)) continue;
          seen.push(c);
          if (pairs.length < SHOWN_PAIRS) pairs.push([c, toChars ? (toChars[k] ?? toChars.join('')) : to[k]]);
          else more = true;
        }
      }
      const edits: TextEdit[] = runs.map((r) => ({ start: r.span.start, end: r.span.end, newText: r.replacement }));
      report({
        message: M.compatChars(count, pairs, more),
        span: { start: runs[0].span.start, end: runs[runs.length - 1].span.end },
        fixes: [{ title: M.compatFix(), edits, preferred: true }],
        data: {
          line: runs[0].line,
          count,
          runs: runs.map((r) => ({ original: r.original, replacement: r.replacement })),
        },
      });
    }
  },
);

/**
 * The non-empty runs grouped by line, lines in order of their first run, each line's runs by start.
 * The runs come in document order, so this is one pass; any other order is sorted the same way.
 */
function byLine(all: readonly Run[]): Run[][] {
  const out: Run[][] = [];
  let sorted = true;
  let last: Run | undefined;
  for (const run of all) {
    if (run.span.end <= run.span.start) continue;
    if (last && (run.line < last.line || (run.line === last.line && run.span.start < last.span.start))) sorted = false;
    if (last && run.line === last.line) out[out.length - 1].push(run);
    else out.push([run]);
    last = run;
  }
  if (sorted) return out;
  const lines = new Map<number, Run[]>();
  for (const run of all) {
    if (run.span.end <= run.span.start) continue;
    const list = lines.get(run.line);
    if (list) list.push(run);
    else lines.set(run.line, [run]);
  }
  return [...lines.values()].map((runs) => runs.sort((a, b) => a.span.start - b.span.start));
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSurrogate(s.charCodeAt(i))) return true;
  return false;
}
