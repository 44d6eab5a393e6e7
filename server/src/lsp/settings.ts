/** Reading the `govreport.*` settings: defaults for anything missing or malformed. */
import { SEVERITY_SETTINGS } from '../config/config';
import {
  DEFAULT_SETTINGS,
  type GovreportSettings,
  type MessageLanguage,
  type RunScope,
  type SeveritySetting,
} from './protocol';

const LANGUAGES: readonly MessageLanguage[] = ['zh-cn', 'en', 'auto'];
const RUN_SCOPES: readonly RunScope[] = ['openDocuments', 'workspace'];
/** Exclude globs kept: a few hundred, each of a sane length (a setting is not a place for data). */
const MAX_EXCLUDES = 256;
const MAX_GLOB_LENGTH = 1_000;

/** Accepts whatever the client sends (possibly null or partial) and returns complete settings. */
export function normalizeSettings(raw: unknown): GovreportSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      const sev = typeof v === 'string' ? (v.toLowerCase() as SeveritySetting) : undefined;
      if (sev && SEVERITY_SETTINGS.includes(sev)) rules[id] = sev;
    }
  }
  const debounce =
    typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) ? r.debounceMs : DEFAULT_SETTINGS.debounceMs;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    detectReports: typeof r.detectReports === 'boolean' ? r.detectReports : DEFAULT_SETTINGS.detectReports,
    debounceMs: Math.min(5000, Math.max(0, Math.round(debounce))),
    messageLanguage: LANGUAGES.includes(r.messageLanguage as MessageLanguage)
      ? (r.messageLanguage as MessageLanguage)
      : DEFAULT_SETTINGS.messageLanguage,
    maxDocumentChars:
      typeof r.maxDocumentChars === 'number' && Number.isFinite(r.maxDocumentChars) && r.maxDocumentChars >= 0
        ? Math.round(r.maxDocumentChars)
        : DEFAULT_SETTINGS.maxDocumentChars,
    run: RUN_SCOPES.includes(r.run as RunScope) ? (r.run as RunScope) : DEFAULT_SETTINGS.run,
    exclude: Array.isArray(r.exclude)
      ? r.exclude
          .filter((g): g is string => typeof g === 'string' && g.length > 0 && g.length <= MAX_GLOB_LENGTH)
          .slice(0, MAX_EXCLUDES)
      : DEFAULT_SETTINGS.exclude,
  };
}

/** A key that changes whenever the settings that affect lint results change. */
export function settingsKey(s: GovreportSettings, rules: Record<string, SeveritySetting>): string {
  return JSON.stringify([s.enable, s.detectReports, s.maxDocumentChars, Object.entries(rules).sort()]);
}
