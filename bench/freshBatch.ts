/**
 * A whole process that reads and checks every file of a folder with the engine alone, or with
 * markdownlint: the references for the CLI's whole-process time (same files, same run).
 *
 *   node out/bench/freshBatch.js engine|markdownlint DIR
 *   node out/bench/freshBatch.js pdf DIR K N
 *
 * Prints the number of findings. The engine row is what the CLI cannot go below: a fresh process
 * pays module loading and JIT warm-up that the in-process rows (measured warm) do not show. `pdf`
 * reads (pdfToText) and lints the files whose index is K modulo N: N such processes side by side
 * are what the CLI cannot go below on N threads, its own work left out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../server/src/core';
import { pdfToText } from '../server/src/io/pdf';
import { loadMarkdownlint, markdownlint } from './markdownlint';

async function main(): Promise<void> {
  const [which, dir, k, n] = process.argv.slice(2);
  if ((which !== 'engine' && which !== 'markdownlint' && which !== 'pdf') || !dir)
    throw new Error('usage: freshBatch.js engine|markdownlint DIR, or freshBatch.js pdf DIR K N');
  const files = fs
    .readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
  let findings = 0;
  if (which === 'pdf') {
    const share = files.filter((_, i) => i % Number(n) === Number(k));
    for (const f of share) findings += lint(await pdfToText(fs.readFileSync(f))).findings.length;
  } else if (which === 'markdownlint') {
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
