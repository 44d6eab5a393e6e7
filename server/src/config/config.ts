/**
 * `.govreportrc.json`: parsing, validation and merging. Pure — no file system — so the language
 * server, the CLI and the tests share it. Finding the files on disk is in `find.ts`.
 */
import type { Localized, LintOptions, SeveritySetting } from '../core/types';
import { CONFIG_TYPES, configMessages as M } from '../core/i18n/messages/config';

/** The configuration file's name, looked for in a file's folder and every folder above it. */
export const CONFIG_FILE_NAME = '.govreportrc.json';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

/** Options that decide which texts are linted. */
export interface DetectionOptions {
  /** Lint every text, even one that does not look like an annual report (default false). */
  force?: boolean;
}

/** The content of one `.govreportrc.json`. */
export interface GovreportConfig {
  /** Stop looking in folders above this one. */
  root?: boolean;
  /** Per-rule severity overrides keyed by rule id. */
  rules?: Record<string, SeveritySetting>;
  detection?: DetectionOptions;
}

export interface ConfigProblem {
  /** 'error': the setting is ignored and the run should say so; 'warning': informational (e.g. an unknown rule id). */
  severity: 'error' | 'warning';
  /** JSON path of the offending value, e.g. "rules.sum-row-total". */
  path: string;
  message: Localized;
}

/**
 * Bounds on a configuration file. A real one is a few hundred bytes and three levels deep
 * (`rules` → rule id → severity); anything far beyond is refused before it is parsed, so a hostile
 * file costs neither the stack (deep nesting) nor memory (huge values copied into messages).
 */
export const CONFIG_LIMITS = {
  /** Characters of text (and bytes on disk) read at most. */
  maxChars: 1024 * 1024,
  /** Nesting of arrays and objects. */
  maxDepth: 32,
  /** Characters of a bad value or key quoted in a message. */
  excerptChars: 60,
} as const;

/** A problem of one configuration file, with the file's path. */
export interface ConfigFileProblem extends ConfigProblem {
  file: string;
}

export interface ParsedConfig {
  config: GovreportConfig;
  problems: ConfigProblem[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Accepts "error", "warning", "warn", "info", "off" (any case); anything else is undefined. */
export function toSeveritySetting(value: unknown): SeveritySetting | undefined {
  if (typeof value !== 'string' || value.length > 32) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'warn') return 'warning';
  return (SEVERITY_SETTINGS as readonly string[]).includes(v) ? (v as SeveritySetting) : undefined;
}

/**
 * Parses and validates the text of a configuration file. Never throws: invalid parts are left out
 * and described in `problems`. `knownRuleIds`, when given, turns unknown rule ids into warnings.
 */
export function parseConfig(text: string, knownRuleIds?: readonly string[]): ParsedConfig {
  try {
    return parseBounded(text, knownRuleIds);
  } catch (e) {
    // Not expected (the bounds above keep every step small); still a problem of this file, never of the run.
    const detail = excerpt(e instanceof Error ? e.message : String(e), 200);
    return {
      config: {},
      problems: [
        {
          severity: 'error',
          path: '',
          message: M.cannotRead(detail),
        },
      ],
    };
  }
}

/** The message for a configuration file over `CONFIG_LIMITS.maxChars` (characters or bytes). */
export function tooLargeProblem(size: number): ConfigProblem {
  const kb = (n: number) => Math.ceil(n / 1024);
  return {
    severity: 'error',
    path: '',
    message: M.tooLarge(kb(size), kb(CONFIG_LIMITS.maxChars)),
  };
}

function parseBounded(text: string, knownRuleIds: readonly string[] | undefined): ParsedConfig {
  const problems: ConfigProblem[] = [];
  if (text.length > CONFIG_LIMITS.maxChars) return { config: {}, problems: [tooLargeProblem(text.length)] };
  const body = text.replace(/^\uFEFF/, '');
  const deep = tooDeepAt(body, CONFIG_LIMITS.maxDepth);
  if (deep !== undefined) {
    const { line, column } = lineColumn(body, deep);
    problems.push({
      severity: 'error',
      path: '',
      message: M.tooDeep(CONFIG_LIMITS.maxDepth, line, column),
    });
    return { config: {}, problems };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const detail = excerpt(e instanceof Error ? e.message : String(e), 200);
    problems.push({
      severity: 'error',
      path: '',
      message: M.notJson(detail),
    });
    return { config: {}, problems };
  }
  if (!isObject(raw)) {
    problems.push({
      severity: 'error',
      path: '',
      message: M.topLevelNotObject(),
    });
    return { config: {}, problems };
  }
  const config: GovreportConfig = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (key === 'root') {
      if (typeof value === 'boolean') config.root = value;
      else problems.push(typeProblem('root', CONFIG_TYPES.boolean));
    } else if (key === 'rules') {
      config.rules = parseRules(value, knownRuleIds, problems);
    } else if (key === 'detection') {
      config.detection = parseDetection(value, problems);
    } else {
      const k = excerpt(key);
      problems.push({
        severity: 'warning',
        path: k,
        message: M.unknownSetting(k),
      });
    }
  }
  return { config, problems };
}

/** At most `max` characters of `s`, with "…" when cut (never splitting a surrogate pair). */
export function excerpt(s: string, max: number = CONFIG_LIMITS.excerptChars): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/** A value as JSON for a message, cut to an excerpt; never serializes more than the excerpt needs. */
export function previewValue(value: unknown, max: number = CONFIG_LIMITS.excerptChars): string {
  let out = '';
  const budget = max + 1;
  const put = (s: string): boolean => {
    out += s;
    return out.length < budget;
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return put(JSON.stringify(v.length > budget ? v.slice(0, budget) : v));
    if (v === null || typeof v !== 'object') return put(String(v));
    if (depth >= CONFIG_LIMITS.maxDepth) return put('…');
    const isArray = Array.isArray(v);
    if (!put(isArray ? '[' : '{')) return false;
    let first = true;
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      if (!first && !put(',')) return false;
      first = false;
      if (!isArray && !put(JSON.stringify(key.length > budget ? key.slice(0, budget) : key) + ':')) return false;
      if (!walk((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return put(isArray ? ']' : '}');
  };
  walk(value, 0);
  return excerpt(out, max);
}

/**
 * The offset of the first bracket that opens level `maxDepth + 1` of arrays and objects, or
 * undefined when the text stays within it. One pass; strings (with their escapes) are skipped.
 */
export function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \\ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function typeProblem(path: string, type: Localized): ConfigProblem {
  return { severity: 'error', path, message: M.mustBe(path, type) };
}

function parseRules(
  value: unknown,
  known: readonly string[] | undefined,
  problems: ConfigProblem[],
): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (!isObject(value)) {
    problems.push(typeProblem('rules', CONFIG_TYPES.rules));
    return rules;
  }
  for (const [id, setting] of Object.entries(value)) {
    const shownId = excerpt(id);
    const path = `rules.${shownId}`;
    const severity = toSeveritySetting(setting);
    if (!severity) {
      const shown = previewValue(setting);
      problems.push({
        severity: 'error',
        path,
        message: M.badSeverity(shownId, shown),
      });
      continue;
    }
    if (known && !known.includes(id)) {
      problems.push({
        severity: 'warning',
        path,
        message: M.unknownRule(shownId),
      });
    }
    rules[id] = severity;
  }
  return rules;
}

function parseDetection(value: unknown, problems: ConfigProblem[]): DetectionOptions {
  const detection: DetectionOptions = {};
  if (!isObject(value)) {
    problems.push(typeProblem('detection', CONFIG_TYPES.object));
    return detection;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'force') {
      if (typeof v === 'boolean') detection.force = v;
      else problems.push(typeProblem('detection.force', CONFIG_TYPES.boolean));
    } else {
      const k = excerpt(key);
      problems.push({
        severity: 'warning',
        path: `detection.${k}`,
        message: M.unknownSetting(`detection.${k}`),
      });
    }
  }
  return detection;
}

/**
 * Merges configurations, outermost first: a later (nearer) file overrides an earlier one rule by
 * rule and option by option.
 */
export function mergeConfigs(configs: readonly GovreportConfig[]): GovreportConfig {
  const merged: GovreportConfig = {};
  for (const c of configs) {
    if (c.rules) merged.rules = { ...merged.rules, ...c.rules };
    if (c.detection) merged.detection = { ...merged.detection, ...c.detection };
  }
  return merged;
}

/** The engine's options for a configuration, with command-line (or editor) overrides applied last. */
export function toLintOptions(
  config: GovreportConfig,
  overrides: Record<string, SeveritySetting> = {},
  force?: boolean,
): LintOptions {
  const rules = { ...config.rules, ...overrides };
  const options: LintOptions = {};
  if (Object.keys(rules).length > 0) options.rules = rules;
  const f = force ?? config.detection?.force;
  if (f) options.force = true;
  return options;
}

export interface RuleOverride {
  ruleId: string;
  severity: SeveritySetting;
}

/**
 * Parses a command-line override "id=severity" (also "id:severity"). Returns an error message
 * when the text is malformed or the severity unknown; unknown ids are the caller's concern.
 */
export function parseRuleOverride(text: string): RuleOverride | { error: Localized } {
  const m = /^\s*([^=:\s]+)\s*[=:]\s*(\S+)\s*$/.exec(text);
  if (!m) {
    return { error: M.notOverride(text) };
  }
  const severity = toSeveritySetting(m[2]);
  if (!severity) {
    return { error: M.notSeverity(m[2]) };
  }
  return { ruleId: m[1], severity };
}
