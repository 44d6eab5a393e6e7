/** Command-line arguments → options. Usage errors are returned, never thrown. */
import type { Locale, Localized, SeveritySetting } from '../core/types';
import { cliMessages as M } from '../core/i18n/messages/cli';
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

function usage(error: Localized): ParseResult {
  return { ok: false, error };
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
      else return usage(M.needsValue(name));
    } else if (!FLAGS.has(name) || eq > 0) {
      return usage(M.unknownOption(arg));
    }
    if (o.command === 'extract' && NOT_FOR_EXTRACT.has(name)) {
      return usage(M.notForExtract(name));
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
        return usage(M.unknownExtractFormat(format));
      }
      o.format = format;
    }
  } else if (format !== undefined) {
    if (format !== 'stylish' && format !== 'json' && format !== 'sarif' && format !== 'html') {
      return usage(M.unknownFormat(format));
    }
    o.format = format;
  }
  if (o.fix && o.fixDryRun) return usage(M.fixWithDryRun());
  if (o.printText && (o.fix || o.fixDryRun)) return usage(M.printTextWithFix());
  if ((o.suppressAll || o.pruneSuppressions) && (o.printText || o.fixDryRun)) {
    return usage(M.suppressWithPrintText());
  }
  if (o.config && o.noConfig) return usage(M.configWithNoConfig());
  if (o.previous !== undefined && !o.crossYear) return usage(M.previousWithNoCrossYear());
  if (o.previous !== undefined && o.inputs.length !== 1) {
    return usage(M.previousNeedsOneFile());
  }
  if (o.inputs.length === 0 && !o.help && !o.version && !o.printConfigSchema) {
    return o.command === 'extract' ? usage(M.nothingToExtract()) : usage(M.nothingToCheck());
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
      else return M.unknownLanguage(value);
      return undefined;
    }
    case '--rule': {
      for (const part of value.split(',').filter((p) => p.trim() !== '')) {
        const r = parseRuleOverride(part);
        if ('error' in r) return M.badRuleOption(r.error);
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
      if (n === undefined) return M.badMaxWarnings(value);
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
      if (n === undefined || n < 1) return M.badJobs(value);
      o.jobs = n;
      return undefined;
    }
    case '--max-file-size': {
      const mb = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !(mb > 0)) return M.badMaxFileSize(value);
      o.maxBytes = Math.round(mb * 1024 * 1024);
      return undefined;
    }
    case '--timeout-per-file': {
      const seconds = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(seconds) || seconds > 86_400) {
        return M.badTimeout(value);
      }
      o.timeoutPerFile = seconds;
      return undefined;
    }
  }
  return M.unknownOption(name);
}
