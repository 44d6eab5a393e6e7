/**
 * Text → report model. Never throws; linear in the size of the input (every per-line step is
 * bounded: long lines are not headings, label keys are capped).
 */
import { lastAtOrBefore } from '../util/search';
import type { ReportModel, SectionNode, Span, TableNode } from '../types';
import { normalize } from '../text/normalize';
import { readOneLine } from './flat';
import { makeContext, type ParseContext } from './context';
import { contentOf, matchSectionHeading, matchSubItem, type HeadingMatch } from './headings';
import { findTitle } from './title';
import { inlineHeadings, titleSaysReport } from './detect';
import { splitLines, type Line } from './lines';
import { isT2Anchor, isT3Anchor, isT4Anchor, parseTable2, parseTable3, parseTable4 } from './tables';

export function parse(text: string): ReportModel {
  try {
    return parseUnsafe(text);
  } catch {
    // A parser bug must not take the editor down: the text is then treated as not a report.
    return emptyModel(text);
  }
}

function emptyModel(text: string): ReportModel {
  return {
    text,
    isReport: false,
    eol: detectEol(text),
    lineStarts: lineStartsOf(text),
    sections: [],
    tables: {},
    edition: '2021',
    compatRuns: [],
    prose: [],
    normalized: { text, span: (start: number, end: number) => ({ start, end }) },
    markdownHeadings: false,
    detection: { title: false, headings: 0 },
  };
}

function parseUnsafe(text: string): ReportModel {
  const base = normalize(text);
  // One-line text (line breaks lost) is read through a view in the standard line layout.
  const oneLine = readOneLine(base);
  const norm = oneLine ? oneLine.norm : base;
  const lines = splitLines(norm.text);
  const ctx = makeContext(norm, lines);
  const lineStarts = lineStartsOf(text);

  // Headings first: they bound everything else.
  const headings: { line: number; m: HeadingMatch }[] = [];
  for (const line of lines) {
    const m = matchSectionHeading(line);
    if (m) headings.push({ line: line.index, m });
  }
  const headingLines = new Set<number>();
  for (const h of headings) headingLines.add(h.line);
  const nextHeadingAfter = (li: number): number => {
    for (const h of headings) if (h.line > li) return h.line;
    return lines.length;
  };

  // Table regions.
  const tables: ReportModel['tables'] = {};
  const inTable = new Uint8Array(lines.length);
  const claim = (t: TableNode | undefined, from: number, to: number) => {
    if (!t) return;
    for (let i = from; i < to; i++) inTable[i] = 1;
  };
  // A table is looked for from its own section's heading when there is one.
  const from = (id: number) => headings.find((h) => h.m.id === id)?.line ?? 0;
  const anchored = (id: number, pred: (l: Line) => boolean) => {
    const test = (l: Line) => !headingLines.has(l.index) && pred(l);
    const i = findLine(lines, from(id), test);
    return i >= 0 || from(id) === 0 ? i : findLine(lines, 0, test);
  };
  const t2From = anchored(2, (l) => isT2Anchor(l.text) !== null);
  const t3From = anchored(3, (l) => isT3Anchor(l.text));
  if (t2From >= 0) {
    let to = nextHeadingAfter(t2From);
    if (t3From > t2From && t3From < to) to = t3From;
    tables.t2 = parseTable2(ctx, t2From, to);
    if (tables.t2.blocks && tables.t2.blocks.length === 0) tables.t2 = undefined;
    claim(tables.t2, t2From, to);
  }
  let t3End = t3From;
  if (t3From >= 0) {
    // Table 三 ends at the next heading, or where table 四's header starts when section 四's heading is missing.
    let to = nextHeadingAfter(t3From);
    const t4Header = findLine(lines, t3From + 1, (l) => l.index < to && isT4Anchor(l.text));
    if (t4Header >= 0 && t4Header < to) to = t4Header;
    tables.t3 = parseTable3(ctx, t3From, to);
    if (tables.t3.rows.length === 0) tables.t3 = undefined;
    else {
      claim(tables.t3, t3From, to);
      t3End = to;
    }
  }
  const sec4 = headings.find((h) => h.m.id === 4);
  const t4Search = Math.max(t3End, sec4 ? sec4.line + 1 : 0, 0);
  const t4From = findLine(
    lines,
    t4Search,
    (l) => !headingLines.has(l.index) && !inTable[l.index] && isT4Anchor(l.text),
  );
  if (t4From >= 0) {
    const to = nextHeadingAfter(t4From);
    const t4 = parseTable4(ctx, t4From, to);
    if (t4.rows.length > 0) {
      tables.t4 = t4;
      claim(t4, t4From, t4.endLine + 1);
    }
  }

  // Title: the first title-like line (or lines) outside headings, before the first table.
  const firstTable = Math.min(...[t2From, t3From, t4From].filter((x) => x >= 0), lines.length);
  const tm = findTitle(lines, 0, firstTable, (i) => headingLines.has(i), ctx.empty);
  let title: ReportModel['title'];
  if (tm) {
    const span = ctx.span(tm.start, tm.end);
    const written = text.slice(span.start, span.end);
    title = {
      span,
      line: tm.line,
      endLine: tm.endLine,
      // A title printed over several lines reads as one line without the blanks PDF text spreads it with.
      text: tm.line === tm.endLine ? written : written.replace(/\s+/g, ''),
      body: tm.body,
      year: tm.year,
      yearSpan: ctx.span(tm.yearStart, tm.yearEnd),
    };
  }
  const isTitleLine = (i: number) => title !== undefined && i >= title.line && i <= title.endLine;

  const sections = buildSections(ctx, headings, inTable, isTitleLine);
  const prose: ReportModel['prose'] = [];
  for (const line of lines) {
    if (inTable[line.index] || headingLines.has(line.index) || isTitleLine(line.index)) continue;
    if (ctx.empty(line.index)) continue;
    const c = contentOf(line);
    prose.push({ span: ctx.span(c.start, c.end), line: line.index, text: c.text, normStart: c.start });
  }

  const compatRuns = norm.compatRuns.map((r) => ({
    span: { start: r.start, end: r.end },
    line: lineOf(lineStarts, r.start),
    original: r.original,
    replacement: r.replacement,
  }));

  const seen = new Set<number>();
  for (const s of sections) seen.add(s.id);
  const distinct = seen.size;
  let isReport =
    title !== undefined ||
    distinct >= 3 ||
    (tables.t3 !== undefined && tables.t3.rows.length >= 5) ||
    (tables.t4 !== undefined && tables.t4.rows[0].cells.length >= 10 && distinct >= 1);
  // Otherwise: a title that names no year, or three of the six headings inline.
  const detection: ReportModel['detection'] = { title: title !== undefined, headings: distinct };
  if (!isReport) {
    detection.title = titleSaysReport(lines, ctx.empty);
    const inline = inlineHeadings(norm.text);
    for (const s of sections) inline.add(s.id);
    detection.headings = inline.size;
    isReport = detection.title || detection.headings >= 3;
  }
  const edition = tables.t2?.edition === '2019' || tables.t3?.edition === '2019' ? '2019' : '2021';

  const model: ReportModel = {
    text,
    isReport,
    eol: detectEol(text),
    lineStarts,
    title,
    sections,
    tables,
    edition,
    compatRuns,
    prose,
    normalized: { text: norm.text, span: ctx.span },
    markdownHeadings: headings.some((h) => h.m.markdown),
    detection,
  };
  return oneLine ? oneLine.finish(model) : model;
}

function buildSections(
  ctx: ParseContext,
  headings: { line: number; m: HeadingMatch }[],
  inTable: Uint8Array,
  isTitleLine: (i: number) => boolean,
): SectionNode[] {
  const { lines } = ctx;
  const out: SectionNode[] = [];
  for (let h = 0; h < headings.length; h++) {
    const { line: li, m } = headings[h];
    const nextLine = h + 1 < headings.length ? headings[h + 1].line : lines.length;
    let endLine = li;
    let hasContent = false;
    const subItems: SectionNode['subItems'] = [];
    for (let i = li + 1; i < nextLine; i++) {
      if (ctx.empty(i)) continue;
      endLine = i;
      if (isTitleLine(i)) continue;
      hasContent = true;
      if (!inTable[i]) {
        const s = matchSubItem(lines[i]);
        if (s) subItems.push({ title: s.title, span: ctx.span(s.start, s.end), line: i });
      }
    }
    const bodyStart = lines[li].end;
    const bodyEnd = nextLine < lines.length ? lines[nextLine].start : ctx.norm.text.length;
    out.push({
      id: m.id,
      headingSpan: ctx.span(m.contentStart, m.contentEnd),
      titleSpan: ctx.span(m.titleStart, m.titleEnd),
      titleText: m.titleText,
      enumeratorText: m.enumeratorText,
      titleMatch: m.titleMatch,
      line: li,
      bodySpan: ctx.span(bodyStart, bodyEnd) as Span,
      endLine,
      subItems,
      hasContent,
    });
  }
  return out;
}

function findLine(lines: Line[], from: number, pred: (l: Line) => boolean): number {
  for (let i = from; i < lines.length; i++) if (pred(lines[i])) return i;
  return -1;
}

/** Start offsets of every line in the original text; \r\n, \r and \n all end a line (as in LSP). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // Most texts break lines with \n alone: let the string search find them.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a) starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line holding an original offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  return lastAtOrBefore(lineStarts.length, (i) => lineStarts[i], offset);
}

function detectEol(text: string): '\n' | '\r\n' | '\r' {
  if (text.indexOf('\r') < 0) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 0x0a) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}
