/**
 * Suppressions (as ESLint's bulk suppressions and SARIF baselines): findings accepted on purpose,
 * listed in a `.govreport-suppressions.json` beside the reports. Pure: the callers read and write
 * the file; this module parses it, fingerprints findings, applies the entries and prunes them.
 *
 * An entry is keyed by file (relative to the suppressions file, `/`-separated), rule id and a
 * fingerprint of the finding. The fingerprint does not contain line numbers or offsets, so an entry
 * survives edits elsewhere in the report. It is `fp1:` + 16 hex digits of two FNV-1a 32-bit hashes
 * of these fields, joined by U+0000:
 *   1. the rule id;
 *   2. the text of the finding's span, whitespace runs collapsed to one space and trimmed;
 *   3. the finding's identity ids from `finding.data` (section, table, block, row, column,
 *      relation, along, metric — whichever it has), as `key=value` pairs in that order;
 *   4. the context: up to 20 characters of the line before the span and up to 20 after it
 *      (the span's first and last lines), whitespace collapsed the same way — only for findings
 *      that their ids do not place in a table. A finding on a cell (ids `row` and `column`, or
 *      `relation` and `along`) is placed by its ids; the text beside it is its neighbours' figures,
 *      and a fix of a neighbour must not make the entry stale.
 * Identical findings of one file share a fingerprint; an entry then carries a `count`.
 */
import type { Finding, Localized } from './types';
import { suppressionMessages as M } from './i18n/messages/suppressions';

export const SUPPRESSIONS_FILE_NAME = '.govreport-suppressions.json';
export const SUPPRESSIONS_VERSION = 1;
const CONTEXT_CHARS = 20;
const IDENTITY_KEYS = ['section', 'table', 'block', 'row', 'column', 'relation', 'along', 'metric'] as const;

export interface SuppressionEntry {
  /** Path of the report, relative to the suppressions file's folder, with `/` separators. */
  file: string;
  rule: string;
  fingerprint: string;
  /** How many findings with this fingerprint are suppressed (default 1). */
  count?: number;
}

export interface SuppressionsData {
  version: number;
  suppressions: SuppressionEntry[];
}

export interface SuppressionsParseResult {
  data: SuppressionsData;
  /** Entries or parts that were not understood (they are ignored, never guessed at). */
  problems: Localized[];
}

/** The collapsed, trimmed form of a piece of text. */
function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** Whether a finding's ids name its table cell (row and column, or a sum relation and the line it runs along). */
function placedByIds(data: Finding['data']): boolean {
  const has = (k: string) => data?.[k] !== undefined;
  return (has('row') && has('column')) || (has('relation') && has('along'));
}

/** The fields a fingerprint hashes (exposed so that documentation and tests can show them). */
export function fingerprintFields(text: string, f: Finding): string[] {
  const start = Math.max(0, Math.min(f.span.start, text.length));
  const end = Math.max(start, Math.min(f.span.end, text.length));
  const ids: string[] = [];
  for (const k of IDENTITY_KEYS) {
    const v = f.data?.[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') ids.push(`${k}=${String(v)}`);
  }
  if (placedByIds(f.data)) return [f.ruleId, normalize(text.slice(start, end)), ids.join(';'), '', ''];
  const before = text.slice(Math.max(lineStartAt(text, start), start - CONTEXT_CHARS), start);
  const after = text.slice(end, Math.min(lineEndAt(text, end), end + CONTEXT_CHARS));
  return [f.ruleId, normalize(text.slice(start, end)), ids.join(';'), normalize(before), normalize(after)];
}

const FNV_PRIME = 0x01000193;
const FNV_SEED_A = 0x811c9dc5;
const FNV_SEED_B = 0x01234567 ^ 0x811c9dc5;

/**
 * The fields joined by NUL, hashed twice with 32-bit FNV-1a under two seeds: one pass over each field, both hashes
 * at once, no joined string built (the CLI fingerprints every finding it prints). Stored in suppression files, so
 * the value never changes for the same fields (test/unit/fastpaths.test.ts holds it to the plain form).
 */
export function fingerprint(text: string, f: Finding): string {
  const fields = fingerprintFields(text, f);
  let a = FNV_SEED_A;
  let b = FNV_SEED_B;
  for (let k = 0; k < fields.length; k++) {
    if (k > 0) {
      // The NUL between two fields: xor with 0 leaves the hash as it is, only the multiplication remains.
      a = Math.imul(a, FNV_PRIME);
      b = Math.imul(b, FNV_PRIME);
    }
    const s = fields[k];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, FNV_PRIME);
    }
  }
  return `fp1:${hex8(a)}${hex8(b)}`;
}

function hex8(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Parses the file's text. Never throws: what is not understood becomes a problem. */
export function parseSuppressions(json: string): SuppressionsParseResult {
  const problems: Localized[] = [];
  const data: SuppressionsData = { version: SUPPRESSIONS_VERSION, suppressions: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    problems.push(M.notJson(detail));
    return { data, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(M.notObject());
    return { data, problems };
  }
  const obj = raw as Record<string, unknown>;
  if (obj.version !== SUPPRESSIONS_VERSION) {
    problems.push(M.badVersion(SUPPRESSIONS_VERSION));
    if (obj.version !== undefined) return { data, problems };
  }
  const list = obj.suppressions;
  if (!Array.isArray(list)) {
    if (list !== undefined) problems.push(M.notArray());
    return { data, problems };
  }
  list.forEach((e, i) => {
    const ok =
      typeof e === 'object' &&
      e !== null &&
      typeof (e as SuppressionEntry).file === 'string' &&
      typeof (e as SuppressionEntry).rule === 'string' &&
      typeof (e as SuppressionEntry).fingerprint === 'string' &&
      ((e as SuppressionEntry).count === undefined ||
        (Number.isInteger((e as SuppressionEntry).count) && (e as SuppressionEntry).count! >= 1));
    if (!ok) {
      problems.push(M.badEntry(i + 1));
      return;
    }
    const { file, rule, fingerprint: fp, count } = e as SuppressionEntry;
    data.suppressions.push({ file, rule, fingerprint: fp, ...(count !== undefined && count !== 1 ? { count } : {}) });
  });
  return { data, problems };
}

/** The entries merged by key (counts added) and sorted by file, rule and fingerprint. */
export function canonicalEntries(entries: readonly SuppressionEntry[]): SuppressionEntry[] {
  const merged = new Map<string, { file: string; rule: string; fingerprint: string; count: number }>();
  for (const e of entries) {
    const key = entryKey(e.file, e.rule, e.fingerprint);
    const had = merged.get(key);
    if (had) had.count += e.count ?? 1;
    else merged.set(key, { file: e.file, rule: e.rule, fingerprint: e.fingerprint, count: e.count ?? 1 });
  }
  return [...merged.values()]
    .map((e) => (e.count === 1 ? { file: e.file, rule: e.rule, fingerprint: e.fingerprint } : e))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.rule, b.rule) || cmp(a.fingerprint, b.fingerprint));
}

/** The file's text: canonical entries, two-space JSON, a final newline. */
export function serializeSuppressions(data: SuppressionsData): string {
  return (
    JSON.stringify({ version: SUPPRESSIONS_VERSION, suppressions: canonicalEntries(data.suppressions) }, null, 2) + '\n'
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entryKey(file: string, rule: string, fp: string): string {
  return `${file}\u0000${rule}\u0000${fp}`;
}

export interface AppliedSuppressions<T> {
  /** The items that are not suppressed, in their order. */
  kept: T[];
  /** The items that are suppressed, in their order. */
  suppressed: T[];
  /** For each entry given (same order): how many items it suppressed. */
  used: number[];
}

/** What an entry is matched on. */
export interface SuppressionKey {
  rule: string;
  fingerprint: string;
}

/**
 * Applies the entries of one file (already filtered by `file`) to its items: each entry suppresses
 * up to `count` items with its rule and fingerprint, in the items' order.
 */
export function matchSuppressions<T>(
  items: readonly T[],
  keyOf: (t: T) => SuppressionKey,
  entries: readonly SuppressionEntry[],
): AppliedSuppressions<T> {
  const used = entries.map(() => 0);
  if (entries.length === 0) return { kept: [...items], suppressed: [], used };
  const byKey = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const k = `${e.rule}\u0000${e.fingerprint}`;
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const kept: T[] = [];
  const suppressed: T[] = [];
  for (const t of items) {
    const key = keyOf(t);
    const candidates = byKey.get(`${key.rule}\u0000${key.fingerprint}`);
    const i = candidates?.find((j) => used[j] < (entries[j].count ?? 1));
    if (i === undefined) kept.push(t);
    else {
      used[i]++;
      suppressed.push(t);
    }
  }
  return { kept, suppressed, used };
}

/** `matchSuppressions` over the findings of a text. */
export function applySuppressions<F extends Finding>(
  text: string,
  findings: readonly F[],
  entries: readonly SuppressionEntry[],
): AppliedSuppressions<F> {
  return matchSuppressions(findings, (f) => ({ rule: f.ruleId, fingerprint: fingerprint(text, f) }), entries);
}

/** Entries that suppress every current finding of one file. */
export function entriesFor(file: string, text: string, findings: readonly Finding[]): SuppressionEntry[] {
  return findings.map((f) => ({ file, rule: f.ruleId, fingerprint: fingerprint(text, f) }));
}

/** How many of the entries are stale: they matched fewer findings than their count. */
export function staleCount(entries: readonly SuppressionEntry[], used: readonly number[]): number {
  let n = 0;
  entries.forEach((e, i) => {
    if ((used[i] ?? 0) < (e.count ?? 1)) n++;
  });
  return n;
}

/** The entries with their counts lowered to what matched; entries that matched nothing are dropped. */
export function pruneEntries(entries: readonly SuppressionEntry[], used: readonly number[]): SuppressionEntry[] {
  const out: SuppressionEntry[] = [];
  entries.forEach((e, i) => {
    const n = Math.min(used[i] ?? 0, e.count ?? 1);
    if (n > 0) out.push({ file: e.file, rule: e.rule, fingerprint: e.fingerprint, ...(n !== 1 ? { count: n } : {}) });
  });
  return out;
}
