/**
 * `govreport-lint compare <last-year> <this-year>`: every figure of the three tables side by side with the
 * change, the sections present in one report and not the other, and the cross-year identities.
 * Exit code 0, or 2 for a usage error or a file that cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareReports, localize, parse } from '../core';
import type { Locale, Localized } from '../core/types';
import { readInput, InputError } from '../io/read';
import { detailOf } from '../io/errors';
import { displayPath } from './process';
import type { CliIo } from './run';
import { colorByDefault, colors } from './format/color';
import { formatCompareHtml, formatCompareJson, formatCompareStylish, type CompareInput } from './compareFormat';
import { compareNotice } from '../core/features/compareView';
import pkg from '../../../package.json';

export const COMPARE_HELP = `govreport-lint compare — 两年报告对比 / year-over-year comparison

用法 / Usage:
  govreport-lint compare [选项 options] <上年报告 last-year> <本年报告 this-year>

  列出三张统计表的每一个数字（上年、本年、变化及变化率），只在一份报告中出现的章节与统计表，以及跨年勾稽关系。
  Lists every figure of the three tables (last year, this year, change and change in percent), the sections and
  tables only one report has, and the cross-year identities.

选项 / Options:
  -f, --format <stylish|json|html>  输出格式（默认 stylish）/ output format (default: stylish)
      --lang <zh|en>                输出语言（默认中文）/ output language (default: Chinese)
  -o, --output-file <文件 file>      将结果写入文件 / write the result to a file
      --changed                     只列出有变化的数字（stylish）/ list only the figures that changed (stylish)
      --color, --no-color           强制开启/关闭颜色 / force colours on or off
  -h, --help                        显示帮助 / show this help
`;

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
        return {
          ok: false,
          error: {
            zh: `未知的输出格式“${v ?? ''}”（可用：stylish、json、html）`,
            en: `unknown format "${v ?? ''}" (use stylish, json or html)`,
          },
        };
      }
      o.format = v;
    } else if (name === '--lang') {
      const v = (value() ?? '').toLowerCase();
      if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans') o.lang = 'zh-cn';
      else if (v === 'en' || v.startsWith('en-')) o.lang = 'en';
      else
        return {
          ok: false,
          error: { zh: `未知的语言“${v}”（可用：zh、en）`, en: `unknown language "${v}" (use zh or en)` },
        };
    } else if (name === '--output-file' || name === '-o') {
      const v = value();
      if (v === undefined)
        return { ok: false, error: { zh: `选项 ${name} 需要一个值`, en: `option ${name} needs a value` } };
      o.outputFile = v;
    } else return { ok: false, error: { zh: `未知选项：${arg}`, en: `unknown option: ${arg}` } };
  }
  if (!o.help && o.files.length !== 2) {
    return {
      ok: false,
      error: {
        zh: 'compare 需要两个文件：上年报告和本年报告',
        en: "compare needs two files: last year's report and this year's",
      },
    };
  }
  return { ok: true, options: o };
}

export async function runCompare(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCompareArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(
      `govreport-lint compare：用法错误：${parsed.error.zh}\ngovreport-lint compare: usage error: ${parsed.error.en}\n` +
        '运行 govreport-lint compare --help 查看用法 / Run govreport-lint compare --help for usage.\n',
    );
    return 2;
  }
  const o = parsed.options;
  if (o.help) {
    io.stdout.write(COMPARE_HELP);
    return 0;
  }
  const say = (t: Localized) => io.stderr.write(`govreport-lint: ${localize(t, o.lang)}\n`);
  const texts: string[] = [];
  for (const f of o.files) {
    const abs = path.resolve(io.cwd, f);
    try {
      texts.push((await readInput(abs)).text);
    } catch (e) {
      const m =
        e instanceof InputError
          ? e.localized
          : { zh: `无法读取：${detailOf(e)}`, en: `cannot be read: ${detailOf(e)}` };
      say({ zh: `${f}：${m.zh}`, en: `${f}: ${m.en}` });
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
  if (o.outputFile) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, o.outputFile), output);
    } catch (e) {
      say({
        zh: `无法写入输出文件 ${o.outputFile}：${String(e)}`,
        en: `cannot write the output file ${o.outputFile}: ${String(e)}`,
      });
      return 2;
    }
  } else io.stdout.write(output);
  return 0;
}
