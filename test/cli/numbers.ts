/**
 * The figures a sample report carries, as `numbers.json` writes them (tables by their headings, rows
 * by the template's wording, columns by label), turned into figure names — through the template, not
 * through the extractor — and compared with what `extract` wrote.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMPLATES } from '../../server/src/core';
import { rowDisplay, T3_COLUMNS } from '../../server/src/core/template/template';
import { columnDisplay } from '../../server/src/core/template/cells';
import { ROOT } from './helpers';
import type { JsonExtractEntry } from '../../server/src/cli/extractRun';

export const SAMPLES = path.join(ROOT, 'test', 'fixtures', 'samples');

export interface Numbers {
  title: string;
  body: string;
  year: number;
  t2: Record<string, Record<string, (number | string)[]>>;
  t3: { columns: string[]; rows: Record<string, number[]> };
  t4: { columns: string[]; values: number[] };
}

export function readNumbers(): Numbers {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, 'numbers.json'), 'utf8')) as Numbers;
}

function need<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`numbers.json: ${what} is not in the template`);
  return x;
}

/** numbers.json → figure name → value as text ("12.5", "41"). Throws on a heading, row or column the template lacks. */
export function expectedFigures(n: Numbers, edition: '2021' | '2019' = '2021'): Map<string, string> {
  const t = TEMPLATES[edition];
  const out = new Map<string, string>();
  for (const [heading, rows] of Object.entries(n.t2)) {
    const block = need(
      t.table2.find((b) => b.heading === heading),
      heading,
    );
    for (const [label, values] of Object.entries(rows)) {
      const row = need(
        block.rows.find((r) => r.label === label),
        label,
      );
      if (values.length !== block.columns.length) throw new Error(`numbers.json: ${label} has ${values.length} values`);
      values.forEach((v, i) => out.set(`${row.id}.${block.columns[i].id}`, String(v)));
    }
  }
  const cols3 = n.t3.columns.map((label) =>
    need(
      T3_COLUMNS.find((c) => c.label === label),
      label,
    ),
  );
  for (const [display, values] of Object.entries(n.t3.rows)) {
    const row = need(
      t.table3.rows.find((r) => !r.group && rowDisplay(edition, r.id) === display),
      display,
    );
    values.forEach((v, i) => out.set(`${row.id}.${cols3[i].id}`, String(v)));
  }
  const cols4 = n.t4.columns.map((label) =>
    need(
      t.table4.columns.find((c) => columnDisplay({ kind: 't4' }, c) === label),
      label,
    ),
  );
  n.t4.values.forEach((v, i) => out.set(`t4.data.${cols4[i].id}`, String(v)));
  return out;
}

export interface CompareOptions {
  /** Inferred figures count as read (one-line text, whose rows may be split by their own sums). */
  inferred?: boolean;
  /** A blank figure matches an expected 0 (a report whose authors left zeros empty) — and only 0. */
  blankAsZero?: boolean;
  /** Compare the title's wording too (default true; false for a title written in another order). */
  title?: boolean;
}

/**
 * Differences between an extract record and numbers.json: body and year; every figure must be
 * there, read with certainty (or as the options allow), with the same value; and no other figure.
 * [] when equal.
 */
export function compareWithNumbers(entry: JsonExtractEntry, n: Numbers, options: CompareOptions = {}): string[] {
  const diffs: string[] = [];
  if (entry.body !== n.body) diffs.push(`body: ${entry.body} ≠ ${n.body}`);
  if (entry.year !== n.year) diffs.push(`year: ${entry.year} ≠ ${n.year}`);
  if (options.title !== false && entry.title !== n.title) diffs.push(`title: ${entry.title} ≠ ${n.title}`);
  const expected = expectedFigures(n);
  const figures = entry.figures ?? {};
  for (const [field, value] of expected) {
    const f = figures[field];
    if (!f) diffs.push(`${field}: missing`);
    else if (options.blankAsZero && f.state === 'blank' && value === '0') continue;
    else if (f.state !== 'read' && !(options.inferred && f.state === 'inferred'))
      diffs.push(`${field}: ${f.state}${f.reason ? ` (${f.reason})` : ''}, expected ${value}`);
    else if (String(f.value) !== value) diffs.push(`${field}: ${f.value} ≠ ${value}`);
  }
  for (const field of Object.keys(figures)) if (!expected.has(field)) diffs.push(`${field}: not in numbers.json`);
  return diffs;
}
