/**
 * The document outline: title → sections → sub-items and tables (table 二's blocks under it).
 * Each section's detail counts the problems found inside it.
 */
import type { Finding, Localized, ReportModel, SectionNode, Span } from '../types';
import { FEATURE_MESSAGES } from '../i18n/messages/features';
import { TABLE_SECTION } from '../template/template';
import { findingsWithin, presentTables } from './common';

export type OutlineKind = 'title' | 'section' | 'subItem' | 'table' | 'block';

export interface OutlineNode {
  kind: OutlineKind;
  name: string;
  /** Shown next to the name (e.g. the section's problem count); empty when there is nothing to say. */
  detail?: Localized;
  /** The whole extent of the entry. */
  span: Span;
  /** The part to select when the entry is picked (the heading line). */
  selectionSpan: Span;
  children: OutlineNode[];
}

export function documentOutline(model: ReportModel, findings: readonly Finding[]): OutlineNode[] {
  const sections = model.sections.map((s) => sectionNode(model, s, findings));
  const loose: OutlineNode[] = [];
  for (const { kind, table } of presentTables(model)) {
    const node: OutlineNode = {
      kind: 'table',
      name: FEATURE_MESSAGES.tableName[kind].zh,
      span: table.span,
      selectionSpan: { start: table.span.start, end: lineEnd(model, table.line) },
      children: (table.blocks ?? []).map((b) => ({
        kind: 'block' as const,
        name: model.text.slice(b.span.start, b.span.end).trim(),
        span: blockSpan(table.blocks ?? [], b, table.span),
        selectionSpan: b.span,
        children: [],
      })),
    };
    const home =
      sections.find((s, i) => model.sections[i].id === TABLE_SECTION[kind] && contains(s.span, table.span)) ??
      sections.find((s) => contains(s.span, table.span));
    if (home) insertChild(home, node);
    else loose.push(node);
  }
  const roots = [...sections, ...loose].sort((a, b) => a.span.start - b.span.start);
  const title = model.title;
  if (!title) return roots;
  // The title holds every section, even one printed above it (PDF extraction can put 一 first).
  const start = Math.min(title.span.start, ...roots.map((r) => r.span.start));
  const end = Math.max(title.span.end, ...roots.map((r) => r.span.end));
  return [
    {
      kind: 'title',
      name: title.text,
      span: { start, end },
      selectionSpan: title.span,
      children: roots,
    },
  ];
}

function sectionNode(model: ReportModel, s: SectionNode, findings: readonly Finding[]): OutlineNode {
  const span = { start: s.headingSpan.start, end: Math.max(s.headingSpan.end, s.bodySpan.end) };
  const problems = findingsWithin(findings, span).length;
  return {
    kind: 'section',
    name: model.text.slice(s.headingSpan.start, s.headingSpan.end).trim(),
    detail: problems > 0 ? FEATURE_MESSAGES.problems(problems) : undefined,
    span,
    selectionSpan: s.headingSpan,
    children: s.subItems.map((it, i) => ({
      kind: 'subItem' as const,
      name: it.title,
      span: {
        start: it.span.start,
        end: i + 1 < s.subItems.length ? Math.max(it.span.end, s.subItems[i + 1].span.start) : span.end,
      },
      selectionSpan: it.span,
      children: [],
    })),
  };
}

/** Puts a table under a section, or under the sub-item that holds it. */
function insertChild(parent: OutlineNode, node: OutlineNode): void {
  const holder = parent.children.find((c) => c.kind === 'subItem' && contains(c.span, node.span));
  if (holder) {
    holder.children.push(node);
    return;
  }
  // A table overlapping a sub-item's extent (the sub-item ran to the section's end): clip the sub-item.
  for (const c of parent.children) {
    if (c.kind === 'subItem' && c.span.start < node.span.start && c.span.end > node.span.start) {
      c.span = { start: c.span.start, end: Math.max(c.selectionSpan.end, node.span.start) };
    }
  }
  parent.children.push(node);
  parent.children.sort((a, b) => a.span.start - b.span.start);
}

function blockSpan(blocks: readonly { span: Span }[], b: { span: Span }, table: Span): Span {
  const i = blocks.indexOf(b);
  const next = blocks[i + 1];
  const lastRowEnd = table.end;
  return { start: b.span.start, end: next ? Math.max(b.span.end, next.span.start) : Math.max(b.span.end, lastRowEnd) };
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function lineEnd(model: ReportModel, line: number): number {
  const next = model.lineStarts[line + 1];
  let end = next === undefined ? model.text.length : next;
  while (end > model.lineStarts[line] && (model.text[end - 1] === '\n' || model.text[end - 1] === '\r')) end--;
  return end;
}
