/** Reading the `govreport.*` settings: defaults for anything missing or malformed. */
import { SEVERITY_SETTINGS } from '../config/config';
import { DEFAULT_SETTINGS, type GovreportSettings, type MessageLanguage, type SeveritySetting } from './protocol';

const LANGUAGES: readonly MessageLanguage[] = ['zh-cn', 'en', 'auto'];

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
  };
}

/** A key that changes whenever the settings that affect lint results change. */
export function settingsKey(s: GovreportSettings, rules: Record<string, SeveritySetting>): string {
  return JSON.stringify([s.enable, s.detectReports, s.maxDocumentChars, Object.entries(rules).sort()]);
}
