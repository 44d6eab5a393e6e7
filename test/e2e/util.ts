/** Small helpers of the end-to-end suite that do not touch the browser. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
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

/** Tab stops of the editor (the status bar's "Col" counts a tab up to the next stop). */
export const TAB_SIZE = 4;

/** The status bar's 1-based line and column of an offset: tabs expanded to the next tab stop. */
export function statusPosition(text: string, offset: number): { line: number; column: number } {
  const { line } = lineCharacter(text, offset);
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let column = 0;
  for (let i = start; i < offset; i++)
    column = text[i] === '\t' ? (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE : column + 1;
  return { line, column: column + 1 };
}

/** "Ln 12, Col 5 (2 selected)" of the status bar, parsed. */
export async function selectionStatus(
  page: Page,
): Promise<{ line: number; column: number; selected: number } | undefined> {
  const text = await page
    .locator('#status\\.editor\\.selection')
    .innerText()
    .catch(() => '');
  const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0) } : undefined;
}
