/**
 * A whole process that reads and checks every file of a folder with the engine alone, or with
 * markdownlint: the references for the CLI's whole-process time (same files, same run).
 *
 *   node out/bench/freshBatch.js engine|markdownlint DIR
 *
 * Prints the number of findings. The engine row is what the CLI cannot go below: a fresh process
 * pays module loading and JIT warm-up that the in-process rows (measured warm) do not show.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../server/src/core';
import { loadMarkdownlint, markdownlint } from './markdownlint';

async function main(): Promise<void> {
  const [which, dir] = process.argv.slice(2);
  if ((which !== 'engine' && which !== 'markdownlint') || !dir)
    throw new Error('usage: freshBatch.js engine|markdownlint DIR');
  const files = fs
    .readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
  let findings = 0;
  if (which === 'markdownlint') {
    await loadMarkdownlint();
    for (const f of files) findings += markdownlint(fs.readFileSync(f, 'utf8'));
  } else {
    for (const f of files) findings += lint(fs.readFileSync(f, 'utf8')).findings.length;
  }
  process.stdout.write(`${findings}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
