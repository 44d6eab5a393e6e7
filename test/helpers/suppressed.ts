/**
 * A report for the tests of fix-all with suppressions: seed 001 with the 总计 of three rows of table 三
 * — （三）1, 2 and 3 — changed from 0 to 1, so that three `sum-row-total` findings (and the column total
 * of （七）总计) are broken; one of the three is the one a test suppresses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fingerprint, lint, type Finding, type SuppressionEntry } from '../../server/src/core';
import { ROOT } from './paths';

export interface SuppressedFixture {
  /** The seed as committed. */
  original: string;
  /** The seed with the three broken totals. */
  text: string;
  /** The offsets of the three broken cells (each one character long), in row order. */
  cells: number[];
  /** The row labels, in the same order. */
  labels: string[];
}

const LABELS = ['1. 属于国家秘密', '2. 其他法律行政法规禁止公开', '3. 危及“三安全一稳定”'];

export function suppressedFixture(): SuppressedFixture {
  const dir = path.join(ROOT, 'test', 'fixtures', 'seeds');
  const name = fs.readdirSync(dir).find((f) => f.startsWith('001_'))!;
  const original = fs.readFileSync(path.join(dir, name), 'utf8');
  const lines = original.split('\n');
  const cells: number[] = [];
  for (const label of LABELS) {
    const i = lines.findIndex((l) => l.includes(`\t${label}\t`));
    if (i < 0) throw new Error(`seed 001 changed: no row ${label}`);
    const parts = lines[i].split('\t');
    const last = parts.length - 1;
    if (parts[last] !== '0') throw new Error(`seed 001 changed: the 总计 of ${label} is not 0`);
    parts[last] = '1';
    lines[i] = parts.join('\t');
    const rowStart = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    cells.push(rowStart + lines[i].length - 1);
  }
  return { original, text: lines.join('\n'), cells, labels: LABELS };
}

/** The finding of `rule` whose span starts at `offset` (the engine's own). */
export function findingAt(text: string, rule: string, offset: number): Finding {
  const f = lint(text, { force: true }).findings.find((x) => x.ruleId === rule && x.span.start === offset);
  if (!f) throw new Error(`no ${rule} finding at ${offset}`);
  return f;
}

/** The entry that suppresses that finding, keyed as `file`. */
export function entryAt(text: string, rule: string, offset: number, file: string): SuppressionEntry {
  return { file, rule, fingerprint: fingerprint(text, findingAt(text, rule, offset)) };
}
