/** Where the repository and its fixtures are, wherever the compiled test runs from. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    // The compiled tests live under out/, which may hold a copy of package.json: look for the fixtures.
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'fixtures', 'seeds'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`repository root not found above ${from}`);
    dir = up;
  }
}

export const ROOT = findRoot(__dirname);
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** Reads a fixture file as UTF-8, byte for byte (BOM and line endings kept). */
export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** The five seed reports, keyed by their number ("000" … "004"). */
export function seeds(): { id: string; name: string; text: string }[] {
  return readdirSync(fixturePath('seeds'))
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: name.slice(0, 3), name, text: readFixture('seeds', name) }));
}

export function seed(id: string): string {
  const s = seeds().find((x) => x.id === id);
  if (!s) throw new Error(`no seed ${id}`);
  return s.text;
}
