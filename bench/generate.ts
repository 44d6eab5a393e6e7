/**
 * Benchmark documents: the seed reports, variants of them with other numbers, city-wide
 * compilations of many reports, a document with one very long line, and folders of report files.
 * Everything is derived from the seeds with a seeded random generator, so a run is reproducible.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyEdits,
  fixAll,
  lint,
  type CellNode,
  type ReportModel,
  type Span,
  type TextEdit,
} from '../server/src/core';
import { rng } from '../test/helpers/report';

export { rng };

export const SEEDS_DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'seeds');

export interface Seed {
  name: string;
  text: string;
}

export function loadSeeds(dir: string = SEEDS_DIR): Seed[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: f.replace(/\.(txt|md)$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Integer cells of the three tables, in document order. */
function integerCells(model: ReportModel): CellNode[] {
  const cells: CellNode[] = [];
  for (const t of [model.tables.t2, model.tables.t3, model.tables.t4]) {
    for (const row of t?.rows ?? []) for (const c of row.cells) if (c.kind === 'integer') cells.push(c);
  }
  return cells.sort((a, b) => a.span.start - b.span.start);
}

/** A count as reports have them: many zeros, mostly small numbers, now and then a large one. */
function randomCount(r: () => number): number {
  const x = r();
  if (x < 0.45) return 0;
  if (x < 0.9) return 1 + Math.floor(r() * 30);
  return 30 + Math.floor(r() * 3000);
}

/** A report whose table numbers differ from the seed's, with the sums made consistent again. */
export interface Variant {
  text: string;
  /** Spans of the integer cells of table 三 (where a typo will break a sum). */
  t3Cells: Span[];
}

export function makeVariant(seed: string, r: () => number): Variant {
  const model = lint(seed).model;
  const edits: TextEdit[] = integerCells(model).map((c) => ({
    start: c.span.start,
    end: c.span.end,
    newText: String(randomCount(r)),
  }));
  const mutated = applyEdits(seed, edits);
  // Recompute the totals the way an author's spreadsheet would have: the engine's own fix-all.
  const text = fixAll(mutated).text;
  const t3 = lint(text).model.tables.t3;
  const t3Cells = (t3?.rows ?? []).flatMap((row) => row.cells.filter((c) => c.kind === 'integer').map((c) => c.span));
  return { text, t3Cells };
}

/** A pool of variants of every seed (the seeds themselves included). */
export function variantPool(seeds: readonly Seed[], perSeed: number, seedNumber = 1): Variant[] {
  const r = rng(seedNumber);
  const pool: Variant[] = [];
  for (const s of seeds) {
    const t3 = lint(s.text).model.tables.t3;
    pool.push({
      text: s.text,
      t3Cells: (t3?.rows ?? []).flatMap((row) => row.cells.filter((c) => c.kind === 'integer').map((c) => c.span)),
    });
    for (let i = 0; i < perSeed; i++) pool.push(makeVariant(s.text, r));
  }
  return pool;
}

/**
 * One report drawn from the pool; one report in five gets a typo in one cell of table 三, so
 * that sums break (and fixes are computed) as they do in real compilations.
 */
export function drawReport(pool: readonly Variant[], r: () => number): string {
  const v = pool[Math.floor(r() * pool.length)];
  if (r() >= 0.2 || v.t3Cells.length === 0) return v.text;
  const cell = v.t3Cells[Math.floor(r() * v.t3Cells.length)];
  return applyEdits(v.text, [{ start: cell.start, end: cell.end, newText: String(1 + Math.floor(r() * 9)) }]);
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Reports concatenated, as a city-wide compilation: whole reports while they fit, then lines of
 * the next one, until the text is `targetBytes` (UTF-8) long, give or take one line.
 */
export function compilation(pool: readonly Variant[], targetBytes: number, seedNumber = 7): string {
  const r = rng(seedNumber);
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const report = drawReport(pool, r) + '\n\n';
    const b = utf8Bytes(report);
    if (bytes + b <= targetBytes) {
      parts.push(report);
      bytes += b;
      continue;
    }
    for (const line of report.split(/(?<=\n)/)) {
      const lb = utf8Bytes(line);
      if (bytes + lb > targetBytes && bytes > 0) break;
      parts.push(line);
      bytes += lb;
    }
    break;
  }
  return parts.join('');
}

/**
 * A report followed by one line of `lineBytes` (UTF-8): the text of a compilation with its line
 * breaks turned into spaces, as when a whole document is pasted without them.
 */
export function longLineDocument(pool: readonly Variant[], lineBytes: number, seedNumber = 11): string {
  const head = pool[0].text.replace(/\s*$/, '\n');
  const line = compilation(pool, lineBytes, seedNumber).replace(/\r?\n/g, ' ');
  return head + line + '\n';
}

/** Writes `count` reports drawn from the pool as files in `dir` (created), and returns their paths. */
export function writeReports(pool: readonly Variant[], dir: string, count: number, seedNumber = 13): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(seedNumber);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const f = path.join(dir, `${String(i).padStart(4, '0')}-年度报告.txt`);
    fs.writeFileSync(f, drawReport(pool, r));
    files.push(f);
  }
  return files;
}
