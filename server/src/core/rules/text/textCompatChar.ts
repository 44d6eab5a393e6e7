/**
 * text-compat-char: CJK compatibility characters left by PDF extraction (Kangxi radicals, the CJK
 * radicals supplement, CJK compatibility ideographs) in place of ordinary ideographs. One finding per
 * line; its fix replaces every run on the line, one edit per run, touching only those characters.
 */
import type { ReportModel, TextEdit } from '../../types';
import { defineRule } from '../define';
import { textMessages as M } from '../../i18n/messages/text';

/** Pairs shown in a message. */
const SHOWN_PAIRS = 3;

type Run = ReportModel['compatRuns'][number];

export const textCompatChar = defineRule(
  {
    id: 'text-compat-char',
    category: 'text',
    description: {
      zh: 'PDF 兼容字符（康熙部首、CJK 部首补充、CJK 兼容汉字）代替了标准汉字',
      en: 'PDF compatibility characters (Kangxi radicals, CJK radicals supplement, CJK compatibility ideographs) stand in for standard ideographs',
    },
    defaultSeverity: 'warning',
    fixable: true,
  },
  ({ model, report }) => {
    const byLine = new Map<number, Run[]>();
    for (const run of model.compatRuns) {
      if (run.span.end <= run.span.start) continue;
      const list = byLine.get(run.line);
      if (list) list.push(run);
      else byLine.set(run.line, [run]);
    }
    for (const [line, runs] of byLine) {
      runs.sort((a, b) => a.span.start - b.span.start);
      const pairs: [string, string][] = [];
      const seen = new Set<string>();
      let count = 0;
      let more = false;
      for (const run of runs) {
        const from = [...run.original];
        const to = [...run.replacement];
        count += from.length;
        for (let k = 0; k < from.length; k++) {
          if (seen.has(from[k])) continue;
          seen.add(from[k]);
          if (pairs.length < SHOWN_PAIRS) pairs.push([from[k], to[k] ?? to.join('')]);
          else more = true;
        }
      }
      const edits: TextEdit[] = runs.map((r) => ({ start: r.span.start, end: r.span.end, newText: r.replacement }));
      report({
        message: M.compatChars(count, pairs, more),
        span: { start: runs[0].span.start, end: runs[runs.length - 1].span.end },
        fixes: [{ title: M.compatFix(), edits, preferred: true }],
        data: { line, count, runs: runs.map((r) => ({ original: r.original, replacement: r.replacement })) },
      });
    }
  },
);
