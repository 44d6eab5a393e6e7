/**
 * `govreport-lint compare <last-year> <this-year>`: every figure of the three tables side by side with the
 * change, the sections present in one report and not the other, and the cross-year identities.
 * Exit code 0, or 2 for a usage error or a file that cannot be read.
 */
import * as path from 'node:path';
import { compareReports, localize, parse } from '../core';
import type { Locale, Localized } from '../core/types';
import { readInput, InputError } from '../io/read';
import { detailOf } from '../io/errors';
import { displayPath } from './process';
import { outputIsAnInput, writeOutput } from './shared';
import type { CliIo } from './run';
import { colorByDefault, colors } from './format/color';
import { formatCompareHtml, formatCompareJson, formatCompareStylish, type CompareInput } from './compareFormat';
import { compareNotice } from '../core/features/compareView';
import pkg from '../../../package.json';
import { COMPARE_HELP } from '../core/i18n/messages/help';
import { bilingualCliMessages, cliMessages as M } from '../core/i18n/messages/cli';
import { inputMessages } from '../core/i18n/messages/input';

interface CompareOptions {
  files: string[];
  format: 'stylish' | 'json' | 'html';
  lang: Locale;
  outputFile?: string;
  changedOnly: boolean;
  color?: boolean;
  help: boolean;
}

function parseCompareArgs(
  argv: readonly string[],
): { ok: true; options: CompareOptions } | { ok: false; error: Localized } {
  const o: CompareOptions = { files: [], format: 'stylish', lang: 'zh-cn', changedOnly: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    if (!arg.startsWith('-') || arg === '-') o.files.push(arg);
    else if (name === '--help' || name === '-h') o.help = true;
    else if (name === '--changed') o.changedOnly = true;
    else if (name === '--color') o.color = true;
    else if (name === '--no-color') o.color = false;
    else if (name === '--format' || name === '-f') {
      const v = value();
      if (v !== 'stylish' && v !== 'json' && v !== 'html') {
        return { ok: false, error: M.unknownCompareFormat(v ?? '') };
      }
      o.format = v;
    } else if (name === '--lang') {
      const v = (value() ?? '').toLowerCase();
      if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans') o.lang = 'zh-cn';
      else if (v === 'en' || v.startsWith('en-')) o.lang = 'en';
      else return { ok: false, error: M.unknownLanguage(v) };
    } else if (name === '--output-file' || name === '-o') {
      const v = value();
      if (v === undefined) return { ok: false, error: M.needsValue(name) };
      o.outputFile = v;
    } else return { ok: false, error: M.unknownOption(arg) };
  }
  if (!o.help && o.files.length !== 2) {
    return { ok: false, error: M.compareNeedsTwoFiles() };
  }
  return { ok: true, options: o };
}

export async function runCompare(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCompareArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(bilingualCliMessages.usageError('govreport-lint compare', parsed.error));
    return 2;
  }
  const o = parsed.options;
  if (o.help) {
    io.stdout.write(COMPARE_HELP);
    return 0;
  }
  const say = (t: Localized) => io.stderr.write(`govreport-lint: ${localize(t, o.lang)}\n`);
  if (outputIsAnInput(o.outputFile, o.files, io.cwd)) {
    say(M.outputIsInput(o.outputFile!));
    return 2;
  }
  const texts: string[] = [];
  for (const f of o.files) {
    const abs = path.resolve(io.cwd, f);
    try {
      texts.push((await readInput(abs)).text);
    } catch (e) {
      const m = e instanceof InputError ? e.localized : inputMessages.unreadable(detailOf(e));
      say(M.aboutInput(f, m));
      return 2;
    }
  }
  const [prevModel, curModel] = texts.map((t) => parse(t));
  const comparison = compareReports(prevModel, curModel);
  const names = o.files.map((f) => displayPath(path.resolve(io.cwd, f), io.cwd));
  const input: CompareInput = {
    comparison,
    previousName: names[0],
    currentName: names[1],
    previousText: texts[0],
    currentText: texts[1],
  };
  const notice = compareNotice(comparison, names[0], names[1]);
  if (notice) say(notice);
  let output: string;
  if (o.format === 'json') output = formatCompareJson(input, o.lang);
  else if (o.format === 'html') output = formatCompareHtml(input, o.lang, pkg.version, new Date());
  else
    output = formatCompareStylish(
      input,
      o.lang,
      colors(o.outputFile ? false : (o.color ?? colorByDefault(io.stdout, io.env))),
      o.changedOnly,
    );
  return writeOutput(output, o.outputFile, io, say) ? 0 : 2;
}
