/**
 * `.govreportrc.json`: parsing, validation and merging. Pure — no file system — so the language
 * server, the CLI and the tests share it. Finding the files on disk is in `find.ts`.
 */
import type { Localized, LintOptions, SeveritySetting } from '../core/types';

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

export interface ParsedConfig {
  config: GovreportConfig;
  problems: ConfigProblem[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Accepts "error", "warning", "warn", "info", "off" (any case); anything else is undefined. */
export function toSeveritySetting(value: unknown): SeveritySetting | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'warn') return 'warning';
  return (SEVERITY_SETTINGS as readonly string[]).includes(v) ? (v as SeveritySetting) : undefined;
}

/**
 * Parses and validates the text of a configuration file. Never throws: invalid parts are left out
 * and described in `problems`. `knownRuleIds`, when given, turns unknown rule ids into warnings.
 */
export function parseConfig(text: string, knownRuleIds?: readonly string[]): ParsedConfig {
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    problems.push({
      severity: 'error',
      path: '',
      message: { zh: `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` },
    });
    return { config: {}, problems };
  }
  if (!isObject(raw)) {
    problems.push({ severity: 'error', path: '', message: { zh: '顶层必须是 JSON 对象', en: 'the top level must be a JSON object' } });
    return { config: {}, problems };
  }
  const config: GovreportConfig = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (key === 'root') {
      if (typeof value === 'boolean') config.root = value;
      else problems.push(typeProblem('root', '布尔值', 'a boolean'));
    } else if (key === 'rules') {
      config.rules = parseRules(value, knownRuleIds, problems);
    } else if (key === 'detection') {
      config.detection = parseDetection(value, problems);
    } else {
      problems.push({ severity: 'warning', path: key, message: { zh: `未知的设置项“${key}”，已忽略`, en: `unknown setting "${key}" ignored` } });
    }
  }
  return { config, problems };
}

function typeProblem(path: string, zhType: string, enType: string): ConfigProblem {
  return { severity: 'error', path, message: { zh: `“${path}”必须是${zhType}`, en: `"${path}" must be ${enType}` } };
}

function parseRules(value: unknown, known: readonly string[] | undefined, problems: ConfigProblem[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (!isObject(value)) {
    problems.push(typeProblem('rules', '对象（规则 id → 级别）', 'an object (rule id → severity)'));
    return rules;
  }
  for (const [id, setting] of Object.entries(value)) {
    const path = `rules.${id}`;
    const severity = toSeveritySetting(setting);
    if (!severity) {
      problems.push({
        severity: 'error',
        path,
        message: {
          zh: `规则“${id}”的级别无效：${JSON.stringify(setting)}（可用：error、warning、info、off）`,
          en: `invalid severity for rule "${id}": ${JSON.stringify(setting)} (use error, warning, info or off)`,
        },
      });
      continue;
    }
    if (known && !known.includes(id)) {
      problems.push({ severity: 'warning', path, message: { zh: `未知的规则“${id}”`, en: `unknown rule "${id}"` } });
    }
    rules[id] = severity;
  }
  return rules;
}

function parseDetection(value: unknown, problems: ConfigProblem[]): DetectionOptions {
  const detection: DetectionOptions = {};
  if (!isObject(value)) {
    problems.push(typeProblem('detection', '对象', 'an object'));
    return detection;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'force') {
      if (typeof v === 'boolean') detection.force = v;
      else problems.push(typeProblem('detection.force', '布尔值', 'a boolean'));
    } else {
      problems.push({
        severity: 'warning',
        path: `detection.${key}`,
        message: { zh: `未知的设置项“detection.${key}”，已忽略`, en: `unknown setting "detection.${key}" ignored` },
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
export function toLintOptions(config: GovreportConfig, overrides: Record<string, SeveritySetting> = {}, force?: boolean): LintOptions {
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
    return { error: { zh: `“${text}”不是“规则=级别”的形式`, en: `"${text}" is not of the form rule=severity` } };
  }
  const severity = toSeveritySetting(m[2]);
  if (!severity) {
    return {
      error: {
        zh: `“${m[2]}”不是有效的级别（可用：error、warning、info、off）`,
        en: `"${m[2]}" is not a valid severity (use error, warning, info or off)`,
      },
    };
  }
  return { ruleId: m[1], severity };
}
