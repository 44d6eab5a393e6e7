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
  unknownCompareFormat: (format: string): Localized => ({
    zh: `未知的输出格式${q(format).zh}（可用：stylish、json、html）`,
    en: `unknown format ${q(format).en} (use stylish, json or html)`,
  }),
  compareNeedsTwoFiles: (): Localized => ({
    zh: 'compare 需要两个文件：上年报告和本年报告',
    en: "compare needs two files: last year's report and this year's",
  }),
  unknownRules: (ids: readonly string[]): Localized => ({
    zh: `未知的规则：${ids.join('、')}（规则列表见 --print-config-schema）`,
    en: `unknown rule: ${ids.join(', ')} (see --print-config-schema for the list)`,
  }),
  configNotFound: (file: string): Localized => ({
    zh: `配置文件不存在：${file}`,
    en: `configuration file not found: ${file}`,
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
  outputIsInput: (file: string): Localized => ({
    zh: `输出文件 ${file} 是要读取的报告之一：不会覆盖它，未做任何检查。请用 -o 指定另一个文件`,
    en: `the output file ${file} is one of the reports to read: it is not overwritten, and nothing was checked. Name another file with -o`,
  }),

  cannotWriteOutput: (file: string, detail: string): Localized => ({
    zh: `无法写入输出文件 ${file}：${detail}`,
    en: `cannot write the output file ${file}: ${detail}`,
  }),

  previousUnreadable: (file: string, why: Localized): Localized => ({
    zh: `上年报告 ${file}：${why.zh}`,
    en: `last year's report ${file}: ${why.en}`,
  }),
  previousNotReport: (file: string): Localized => ({
    zh: `上年报告 ${file} 未识别为年度报告，未进行跨年核对`,
    en: `last year's report ${file} is not recognised as a report; no cross-year checks`,
  }),
  tooManyWarnings: (warnings: number, max: number): Localized => ({
    zh: `警告数 ${warnings} 超过 --max-warnings ${max}`,
    en: `${warnings} warnings exceed --max-warnings ${max}`,
  }),
  /** The progress line on a terminal, before "done/total". */
  checking: (): Localized => ({ zh: '检查中', en: 'checking' }),
  ruleFailed: (file: string, ruleId: string, detail: string): Localized => ({
    zh: `${file}：规则 ${ruleId} 运行出错（程序缺陷，请报告）：${detail}`,
    en: `${file}: rule ${ruleId} failed (a bug; please report it): ${detail}`,
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

  writeFailed: (detail: string): Localized => ({ zh: `写入失败：${detail}`, en: `write failed: ${detail}` }),
  fixNotEncodable: (): Localized => ({
    zh: '修复后的文本无法按原编码保存，未写入',
    en: 'the fixed text cannot be saved in the original encoding; not written',
  }),
  notReportSkipped: (): Localized => ({
    zh: '未识别为政府信息公开工作年度报告，已跳过',
    en: 'not recognised as an annual report; skipped',
  }),
  /** A note under a chart that shows only the first bars. */
  andMore: (n: number): Localized => ({ zh: `……另有 ${n} 项`, en: `… and ${n} more` }),
};

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** The stylish (terminal) output's own words. */
export const stylishMessages = {
  notReport: (): Localized => ({
    zh: '未识别为政府信息公开工作年度报告，已跳过（可用 --force 强制检查）',
    en: 'not recognised as an annual report; skipped (use --force to check it anyway)',
  }),
  why: (reason: Localized): Localized => ({ zh: `原因：${reason.zh}`, en: `why: ${reason.en}` }),
  fixesWritten: (n: number): Localized => ({ zh: `已写入 ${n} 处修复`, en: `${plural(n, 'fix', 'fixes')} written` }),
  /** `kind`: the file kind (docx, pdf …). */
  neverModified: (kind: string): Localized => ({
    zh: `${kind} 文件不会被修改`,
    en: `${kind} files are never modified`,
  }),
  noProblems: (): Localized => ({ zh: '✔ 没有发现问题', en: '✔ no problems found' }),
  /** `mark`: the coloured sign in front. */
  problems: (mark: string, c: { problems: number; errors: number; warnings: number; infos: number }): Localized => ({
    zh: `${mark} ${c.problems} 个问题（${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示）`,
    en: `${mark} ${plural(c.problems, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info)`,
  }),
  fixable: (n: number): Localized => ({
    zh: `  其中 ${n} 个可用 --fix 自动修复`,
    en: `  ${n} can be fixed with --fix`,
  }),
  files: (c: {
    files: number;
    checked: number;
    filesWithErrors: number;
    notReports: number;
    unreadable: number;
    fixedFiles: number;
  }): Localized => ({
    zh:
      `共 ${c.files} 个文件：已检查 ${c.checked} 个，其中 ${c.filesWithErrors} 个有错误；${c.notReports} 个不是年度报告；${c.unreadable} 个无法读取` +
      (c.fixedFiles > 0 ? `；已修复 ${c.fixedFiles} 个` : ''),
    en:
      `${plural(c.files, 'file')}: ${c.checked} checked, ${c.filesWithErrors} with errors; ${c.notReports} not reports; ${c.unreadable} unreadable` +
      (c.fixedFiles > 0 ? `; ${c.fixedFiles} fixed` : ''),
  }),
  /** `counts`: "rule-id n" for each rule. */
  byRule: (counts: readonly string[]): Localized => ({
    zh: `按规则：${counts.join('，')}`,
    en: `by rule: ${counts.join(', ')}`,
  }),
};

/** The parts of a `--verbose` line about one file. */
export const verboseMessages = {
  encoding: (encoding: string): Localized => ({ zh: `编码 ${encoding}`, en: `encoding ${encoding}` }),
  lineEndings: (ending: string): Localized => ({ zh: `换行 ${ending}`, en: `line endings ${ending}` }),
  notReport: (): Localized => ({ zh: '不是年度报告', en: 'not a report' }),
  unreadable: (): Localized => ({ zh: '无法读取', en: 'unreadable' }),
  problems: (n: number): Localized => ({ zh: `${n} 个问题`, en: `${n} problem(s)` }),
  fixesWritten: (n: number): Localized => ({ zh: `已写入 ${n} 处修复`, en: `${n} fix(es) written` }),
  list: (parts: readonly Localized[]): Localized => ({
    zh: parts.map((p) => p.zh).join('，'),
    en: parts.map((p) => p.en).join(', '),
  }),
};

/** Text printed in both languages at once, before the language is known or whatever it is. */
export const bilingualCliMessages = {
  internalError: (detail: string): string => `govreport-lint: 内部错误 / internal error: ${detail}`,
  /** `command`: "govreport-lint" or "govreport-lint compare"; `error`'s texts as they are to be printed. */
  usageError: (command: string, error: Localized): string =>
    `${command}：用法错误：${error.zh}\n` +
    `${command}: usage error: ${error.en}\n` +
    `运行 ${command} --help 查看用法 / Run ${command} --help for usage.\n`,
};
