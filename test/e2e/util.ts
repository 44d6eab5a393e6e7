/** Small helpers of the end-to-end suite that do not touch the browser. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, type VSCodeSession } from './harness';

/** The packaged extension: $GOVREPORT_VSIX, else <name>-<version>.vsix at the root (made by `npm run package`). */
export function findVsix(): string {
  const fromEnv = process.env.GOVREPORT_VSIX;
  if (fromEnv) return path.resolve(fromEnv);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const file = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(file)) throw new Error(`${path.basename(file)} not found; run: npm run package`);
  return file;
}

/** 1-based line and character (UTF-16 code units) of an offset, as VS Code's Problems panel shows them. */
export function lineCharacter(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, character: offset - lineStart + 1 };
}

/** Runs a test body; when it fails, saves test-results/failed-<name>.png of the session first. */
export async function screenshotOnFailure<T>(
  session: () => VSCodeSession | undefined,
  name: string,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (e) {
    await session()
      ?.screenshot(`failed-${name}`)
      .catch(() => undefined);
    throw e;
  }
}
