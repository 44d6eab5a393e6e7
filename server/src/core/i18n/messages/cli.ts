/** Messages of the command line: argument errors, input discovery and output (Chinese first, English too). */
import type { Localized } from '../../types';

/** A value the user typed, quoted in each language's way. */
const q = (s: string): Localized => ({ zh: `“${s}”`, en: `"${s}"` });

export const cliMessages = {
  needsValue: (option: string): Localized => ({
    zh: `选项 ${option} 需要一个值`,
    en: `option ${option} needs a value`,
  }),
  unknownOption: (option: string): Localized => ({ zh: `未知选项：${option}`, en: `unknown option: ${option}` }),
  notForExtract: (option: string): Localized => ({
    zh: `extract 不接受选项 ${option}`,
    en: `extract does not take the option ${option}`,
  }),
  unknownExtractFormat: (format: string): Localized => ({
    zh: `extract 的输出格式${q(format).zh}未知（可用：csv、json）`,
    en: `unknown extract format ${q(format).en} (use csv or json)`,
  }),
  unknownFormat: (format: string): Localized => ({
    zh: `未知的输出格式${q(format).zh}（可用：stylish、json、sarif、html）`,
    en: `unknown format ${q(format).en} (use stylish, json, sarif or html)`,
  }),
  fixWithDryRun: (): Localized => ({
    zh: '--fix 与 --fix-dry-run 不能同时使用',
    en: '--fix and --fix-dry-run cannot be used together',
  }),
  printTextWithFix: (): Localized => ({
    zh: '--print-text 不能与 --fix 或 --fix-dry-run 同时使用',
    en: '--print-text cannot be combined with --fix or --fix-dry-run',
  }),
  suppressWithPrintText: (): Localized => ({
    zh: '--suppress-all 与 --prune-suppressions 不能与 --print-text 或 --fix-dry-run 同时使用',
    en: '--suppress-all and --prune-suppressions cannot be combined with --print-text or --fix-dry-run',
  }),
  configWithNoConfig: (): Localized => ({
    zh: '--config 与 --no-config 不能同时使用',
    en: '--config and --no-config cannot be used together',
  }),
  previousWithNoCrossYear: (): Localized => ({
    zh: '--previous 不能与 --no-cross-year 同时使用',
    en: '--previous cannot be combined with --no-cross-year',
  }),
  previousNeedsOneFile: (): Localized => ({
    zh: '--previous 只能用于检查一个文件',
    en: '--previous can only be used when checking one file',
  }),
  nothingToExtract: (): Localized => ({
    zh: '没有指定要提取的文件或文件夹',
    en: 'no files or folders to extract from were given',
  }),
  nothingToCheck: (): Localized => ({
    zh: '没有指定要检查的文件或文件夹',
    en: 'no files or folders to check were given',
  }),
  unknownLanguage: (value: string): Localized => ({
    zh: `未知的语言${q(value).zh}（可用：zh、en）`,
    en: `unknown language ${q(value).en} (use zh or en)`,
  }),
  badRuleOption: (error: Localized): Localized => ({ zh: `--rule：${error.zh}`, en: `--rule: ${error.en}` }),
  badMaxWarnings: (value: string): Localized => ({
    zh: `--max-warnings 需要非负整数，而不是${q(value).zh}`,
    en: `--max-warnings needs a non-negative integer, not ${q(value).en}`,
  }),
  badJobs: (value: string): Localized => ({
    zh: `--jobs 需要正整数或 auto，而不是${q(value).zh}`,
    en: `--jobs needs a positive integer or auto, not ${q(value).en}`,
  }),
  badMaxFileSize: (value: string): Localized => ({
    zh: `--max-file-size 需要正数（MB），而不是${q(value).zh}`,
    en: `--max-file-size needs a positive number of MB, not ${q(value).en}`,
  }),
  badTimeout: (value: string): Localized => ({
    zh: `--timeout-per-file 需要秒数（0 表示不限制），而不是${q(value).zh}`,
    en: `--timeout-per-file needs a number of seconds (0 = no limit), not ${q(value).en}`,
  }),

  /** `extensions`: the report file extensions, space-separated. */
  folderWithoutReports: (extensions: string): Localized => ({
    zh: `文件夹中没有可检查的报告文件（${extensions}）`,
    en: `the folder holds no report files (${extensions})`,
  }),
  globWithoutMatches: (): Localized => ({ zh: '没有与此模式匹配的报告文件', en: 'no report files match this pattern' }),
  /** A message about one input, after its name. */
  aboutInput: (input: string, message: Localized): Localized => ({
    zh: `${input}：${message.zh}`,
    en: `${input}: ${message.en}`,
  }),
  cannotWriteOutput: (file: string, detail: string): Localized => ({
    zh: `无法写入输出文件 ${file}：${detail}`,
    en: `cannot write the output file ${file}: ${detail}`,
  }),

  extractSkipped: (file: string): Localized => ({
    zh: `${file}：未识别为政府信息公开工作年度报告，已跳过（可用 --force 强制提取）`,
    en: `${file}: not recognised as an annual report; skipped (--force extracts it anyway)`,
  }),
  extractCounts: (
    file: string,
    c: { read: number; inferred: number; blank: number; unreadable: number },
  ): Localized => ({
    zh: `${file}：读出 ${c.read}，推断 ${c.inferred}，空白 ${c.blank}，无法读取 ${c.unreadable}`,
    en: `${file}: read ${c.read}, inferred ${c.inferred}, blank ${c.blank}, unreadable ${c.unreadable}`,
  }),
};
