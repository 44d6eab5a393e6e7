/**
 * Fuzz fixtures: every failing input a campaign found, kept as JSON under test/fixtures/fuzz/ (JSON,
 * not plain text, because an input may hold lone surrogates that no text encoding can store).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { repoRoot } from './arbitraries';
import type { Violation } from './invariants';

export interface FuzzFixture {
  /** The property the input broke when it was found. */
  property: string;
  key?: string;
  detail: string;
  options: { force: boolean };
  /** How it was made: generator, seed file and mutations (when it came from a seed). */
  origin: { generator: string; seed?: string; mutations?: unknown[] };
  text: string;
  /** What was wrong and how it was fixed (written by hand once the bug is fixed). */
  note?: string;
}

export function fuzzFixtureDir(root = repoRoot()): string {
  return path.join(root, 'test', 'fixtures', 'fuzz');
}

/** What makes two failures the same bug: the property and the rules (or the first line of the detail, digits dropped). */
export function fixtureSignature(v: Pick<Violation, 'property' | 'key' | 'detail'>): string {
  const rest = v.key ?? v.detail.split('\n')[0].replace(/\d+/g, '#').slice(0, 120);
  return `${v.property}:${rest}`;
}

export function loadFuzzFixtures(dir = fuzzFixtureDir()): { file: string; fixture: FuzzFixture }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, fixture: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as FuzzFixture }));
}

/** Writes a fixture named after its property and a hash of its text; returns the file name (existing files are kept). */
export function saveFuzzFixture(fixture: FuzzFixture, dir = fuzzFixtureDir()): string {
  fs.mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256').update(fixture.text).digest('hex').slice(0, 12);
  const file = `${fixture.property}-${hash}.json`;
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) fs.writeFileSync(full, JSON.stringify(fixture, null, 2) + '\n');
  return file;
}
