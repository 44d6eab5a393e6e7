/** Command-line arguments → options. Usage errors are returned, never thrown. */
import type { Locale, Localized, SeveritySetting } from '../core/types';
import { parseRuleOverride } from '../config/config';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'html';
/** Formats of `extract`. */
export type ExtractFormat = 'csv' | 'json';

/** `check` (the default: lint the inputs) or `extract` (write the figures read from them). */
export type Command = 'check' | 'extract';

export interface CliOptions {
  command: Command;
  /** Files, folders and globs to check. */
  inputs: string[];
  /** The check's format, or (for `extract`) the extract format. */
  format: OutputFormat | ExtractFormat;
  lang: Locale;
  fix: boolean;
  fixDryRun: boolean;
  /** `--rule id=severity` overrides, applied over every configuration file. */
  rules: Record<string, SeveritySetting>;
  /** Use only this configuration file (no search). */
  config?: string;
  /** Do not read any configuration file. */
  noConfig: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** Report errors only. */
  quiet: boolean;
  verbose: boolean;
  printText: boolean;
  /** Lint texts that do not look like reports. */
  force: boolean;
  /** Colours: undefined = when stdout is a terminal. */
  color?: boolean;
  /** Worker threads: undefined = automatic (files are checked on at least one worker, under limits). */
  jobs?: number;
  outputFile?: string;
  /** Largest input accepted, in bytes. */
  maxBytes?: number;
  /** Time budget for one file, in seconds (0 = none); undefined = the default. */
  timeoutPerFile?: number;
  help: boolean;
  version: boolean;
  printConfigSchema: boolean;
  /** Cross-year checks between reports of one body in consecutive years (`--no-cross-year` turns them off). */
  crossYear: boolean;
  /** Last year's report for the single file checked (`--previous`). */
  previous?: string;
  /** Write suppression entries for every finding left. */
  suppressAll: boolean;
  /** Drop suppression entries that match nothing. */
  pruneSuppressions: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: Localized };

function usage(zh: string, en: string): ParseResult {
  return { ok: false, error: { zh, en } };
}

const FLAGS = new Set([
  '--fix',
  '--fix-dry-run',
  '--quiet',
  '--verbose',
  '--print-text',
  '--force',
  '--color',
  '--no-color',
  '--help',
  '--version',
  '--print-config-schema',
  '--no-config',
  '--no-cross-year',
  '-h',
  '-v',
  '-q',
  '--suppress-all',
  '--prune-suppressions',
]);
const WITH_VALUE = new Set([
  '--format',
  '-f',
  '--lang',
  '--rule',
  '--config',
  '-c',
  '--max-warnings',
  '--jobs',
  '-j',
  '--output-file',
  '-o',
  '--max-file-size',
  '--previous',
  '--timeout-per-file',
]);

export function defaultOptions(): CliOptions {
  return {
    command: 'check',
    inputs: [],
    format: 'stylish',
    lang: 'zh-cn',
    fix: false,
    fixDryRun: false,
    rules: {},
    noConfig: false,
    quiet: false,
    verbose: false,
    printText: false,
    force: false,
    help: false,
    version: false,
    printConfigSchema: false,
    crossYear: true,
    suppressAll: false,
    pruneSuppressions: false,
  };
}

function nonNegativeInt(text: string): number | undefined {
  return /^\d+$/.test(text) ? parseInt(text, 10) : undefined;
}

/** Parses argv (without the node and script paths). */
/** Options of the check that `extract` does not take. */
const NOT_FOR_EXTRACT = new Set([
  '--fix',
  '--fix-dry-run',
  '--print-text',
  '--quiet',
  '-q',
  '--max-warnings',
  '--rule',
  '--config',
  '-c',
  '--no-config',
  '--jobs',
  '-j',
  '--color',
  '--no-color',
  '--print-config-schema',
]);

/** Parses argv (without the node and script paths). `extract` as the first argument selects that command. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const o = defaultOptions();
  let onlyInputs = false;
  let format: string | undefined;
  let first = 0;
  if (argv[0] === 'extract') {
    o.command = 'extract';
    first = 1;
  }
  for (let i = first; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      o.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (WITH_VALUE.has(name)) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else return usage(`选项 ${name} 需要一个值`, `option ${name} needs a value`);
    } else if (!FLAGS.has(name) || eq > 0) {
      return usage(`未知选项：${arg}`, `unknown option: ${arg}`);
    }
    if (o.command === 'extract' && NOT_FOR_EXTRACT.has(name)) {
      return usage(`extract 不接受选项 ${name}`, `extract does not take the option ${name}`);
    }
    if (name === '--format' || name === '-f') {
      format = value ?? '';
      continue;
    }
    const error = apply(o, name, value ?? '');
    if (error) return { ok: false, error };
  }
  if (o.command === 'extract') {
    o.format = 'csv';
    if (format !== undefined) {
      if (format !== 'csv' && format !== 'json') {
        return usage(
          `extract 的输出格式“${format}”未知（可用：csv、json）`,
          `unknown extract format "${format}" (use csv or json)`,
        );
      }
      o.format = format;
    }
  } else if (format !== undefined) {
    if (format !== 'stylish' && format !== 'json' && format !== 'sarif' && format !== 'html') {
      return usage(
        `未知的输出格式“${format}”（可用：stylish、json、sarif、html）`,
        `unknown format "${format}" (use stylish, json, sarif or html)`,
      );
    }
    o.format = format;
  }
  if (o.fix && o.fixDryRun)
    return usage('--fix 与 --fix-dry-run 不能同时使用', '--fix and --fix-dry-run cannot be used together');
  if (o.printText && (o.fix || o.fixDryRun))
    return usage(
      '--print-text 不能与 --fix 或 --fix-dry-run 同时使用',
      '--print-text cannot be combined with --fix or --fix-dry-run',
    );
  if ((o.suppressAll || o.pruneSuppressions) && (o.printText || o.fixDryRun)) {
    return usage(
      '--suppress-all 与 --prune-suppressions 不能与 --print-text 或 --fix-dry-run 同时使用',
      '--suppress-all and --prune-suppressions cannot be combined with --print-text or --fix-dry-run',
    );
  }
  if (o.config && o.noConfig)
    return usage('--config 与 --no-config 不能同时使用', '--config and --no-config cannot be used together');
  if (o.previous !== undefined && !o.crossYear)
    return usage('--previous 不能与 --no-cross-year 同时使用', '--previous cannot be combined with --no-cross-year');
  if (o.previous !== undefined && o.inputs.length !== 1) {
    return usage('--previous 只能用于检查一个文件', '--previous can only be used when checking one file');
  }
  if (o.inputs.length === 0 && !o.help && !o.version && !o.printConfigSchema) {
    return o.command === 'extract'
      ? usage('没有指定要提取的文件或文件夹', 'no files or folders to extract from were given')
      : usage('没有指定要检查的文件或文件夹', 'no files or folders to check were given');
  }
  return { ok: true, options: o };
}

function apply(o: CliOptions, name: string, value: string): Localized | undefined {
  switch (name) {
    case '--fix':
      o.fix = true;
      return undefined;
    case '--fix-dry-run':
      o.fixDryRun = true;
      return undefined;
    case '--quiet':
    case '-q':
      o.quiet = true;
      return undefined;
    case '--verbose':
      o.verbose = true;
      return undefined;
    case '--print-text':
      o.printText = true;
      return undefined;
    case '--force':
      o.force = true;
      return undefined;
    case '--color':
      o.color = true;
      return undefined;
    case '--no-color':
      o.color = false;
      return undefined;
    case '--no-config':
      o.noConfig = true;
      return undefined;
    case '--no-cross-year':
      o.crossYear = false;
      return undefined;
    case '--previous':
      o.previous = value;
      return undefined;
    case '--help':
    case '-h':
      o.help = true;
      return undefined;
    case '--version':
    case '-v':
      o.version = true;
      return undefined;
    case '--print-config-schema':
      o.printConfigSchema = true;
      return undefined;
    case '--suppress-all':
      o.suppressAll = true;
      return undefined;
    case '--prune-suppressions':
      o.pruneSuppressions = true;
      return undefined;
    case '--lang': {
      const v = value.toLowerCase();
      if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans') o.lang = 'zh-cn';
      else if (v === 'en' || v.startsWith('en-')) o.lang = 'en';
      else return { zh: `未知的语言“${value}”（可用：zh、en）`, en: `unknown language "${value}" (use zh or en)` };
      return undefined;
    }
    case '--rule': {
      for (const part of value.split(',').filter((p) => p.trim() !== '')) {
        const r = parseRuleOverride(part);
        if ('error' in r) return { zh: `--rule：${r.error.zh}`, en: `--rule: ${r.error.en}` };
        o.rules[r.ruleId] = r.severity;
      }
      return undefined;
    }
    case '--config':
    case '-c':
      o.config = value;
      return undefined;
    case '--output-file':
    case '-o':
      o.outputFile = value;
      return undefined;
    case '--max-warnings': {
      const n = nonNegativeInt(value);
      if (n === undefined)
        return {
          zh: `--max-warnings 需要非负整数，而不是“${value}”`,
          en: `--max-warnings needs a non-negative integer, not "${value}"`,
        };
      o.maxWarnings = n;
      return undefined;
    }
    case '--jobs':
    case '-j': {
      if (value === 'auto') {
        o.jobs = undefined;
        return undefined;
      }
      const n = nonNegativeInt(value);
      if (n === undefined || n < 1)
        return {
          zh: `--jobs 需要正整数或 auto，而不是“${value}”`,
          en: `--jobs needs a positive integer or auto, not "${value}"`,
        };
      o.jobs = n;
      return undefined;
    }
    case '--max-file-size': {
      const mb = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !(mb > 0))
        return {
          zh: `--max-file-size 需要正数（MB），而不是“${value}”`,
          en: `--max-file-size needs a positive number of MB, not "${value}"`,
        };
      o.maxBytes = Math.round(mb * 1024 * 1024);
      return undefined;
    }
    case '--timeout-per-file': {
      const seconds = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(seconds) || seconds > 86_400) {
        return {
          zh: `--timeout-per-file 需要秒数（0 表示不限制），而不是“${value}”`,
          en: `--timeout-per-file needs a number of seconds (0 = no limit), not "${value}"`,
        };
      }
      o.timeoutPerFile = seconds;
      return undefined;
    }
  }
  return { zh: `未知选项：${name}`, en: `unknown option: ${name}` };
}
