/**
 * What the check and the extract commands share: notes on stderr, the input files found (each problem
 * noted) and the output written to a file or stdout (a failure noted).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localize } from '../core/i18n/locale';
import { cliMessages as M } from '../core/i18n/messages/cli';
import type { Locale, Localized } from '../core/types';
import { discover } from './discover';
import { displayPath } from './process';
import { inputMessages } from '../core/i18n/messages/input';
import { escapeControl } from './format/escape';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE_OR_IO = 2;

/** Files read ahead on one thread, by the checker and by extract. */
export const IO_LANES = 4;

/** Writes one note on stderr, in the chosen language. */
export type Say = (text: Localized) => void;

/** Notes go to stderr with the program's name; control characters in names are escaped. */
export function stderrSay(stderr: { write(s: string): unknown }, lang: Locale): Say {
  return (text) => stderr.write(`govreport-lint: ${escapeControl(localize(text, lang))}\n`);
}

/** The files the inputs name; `failed` when an input named none (each such input is noted). */
export function discoverInputs(inputs: readonly string[], cwd: string, say: Say): { files: string[]; failed: boolean } {
  const found = discover(inputs, cwd);
  for (const p of found.problems) say(M.aboutInput(p.input, p.message));
  // Our own outputs are left out: quietly when a folder or a glob found them, with a note when named.
  for (const f of found.ownOutputs) if (f.named) say(inputMessages.ownOutput(displayPath(f.file, cwd)));
  return { files: found.files, failed: found.problems.length > 0 };
}

/**
 * Whether `outputFile` (relative to `cwd`) is one of the `inputs`: the same path, or another name of the same file (a
 * link). Writing the output there would destroy a report, so the commands refuse before reading anything.
 */
export function outputIsAnInput(outputFile: string | undefined, inputs: readonly string[], cwd: string): boolean {
  if (!outputFile) return false;
  const out = path.resolve(cwd, outputFile);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(out);
  } catch {
    return false; // nothing there yet: not an input
  }
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    if (abs === out) return true;
    try {
      const s = fs.statSync(abs);
      if (s.ino === stat.ino && s.dev === stat.dev) return true;
    } catch {
      // an input that cannot be read is reported by the command that reads it
    }
  }
  return false;
}

/** Writes the output to `outputFile` (relative to `cwd`) when one is given, else to stdout. False when it failed. */
export function writeOutput(
  output: string,
  outputFile: string | undefined,
  io: { stdout: { write(s: string): unknown }; cwd: string },
  say: Say,
): boolean {
  if (!outputFile) {
    io.stdout.write(output);
    return true;
  }
  try {
    fs.writeFileSync(path.resolve(io.cwd, outputFile), output);
    return true;
  } catch (e) {
    say(M.cannotWriteOutput(outputFile, String(e)));
    return false;
  }
}
