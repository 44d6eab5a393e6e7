/**
 * Suppressions in a run: each checked report's findings are matched against the entries of the
 * nearest `.govreport-suppressions.json`; `--suppress-all` adds entries for what is left,
 * `--prune-suppressions` drops (or lowers the count of) entries that matched nothing.
 * Only the entries of the reports checked in this run are counted, pruned or added.
 */
import * as path from 'node:path';
import {
  canonicalEntries,
  matchSuppressions,
  pruneEntries,
  staleCount,
  SUPPRESSIONS_FILE_NAME,
  suppressionMessages as M,
} from '../core';
import type { Localized, SuppressionEntry } from '../core';
import {
  entriesOf,
  loadSuppressionsFile,
  suppressionKeyOf,
  SuppressionsResolver,
  writeSuppressionsFile,
} from '../config/suppressions';
import type { LoadedSuppressions } from '../config/suppressions';
import { detailOf } from '../io/errors';
import type { FileResult } from './process';

export interface SuppressionOptions {
  cwd: string;
  suppressAll: boolean;
  prune: boolean;
}

export interface SuppressionOutcome {
  /** Findings not shown. */
  suppressed: number;
  /** Entries of the checked reports that matched nothing now (after a prune: 0). */
  stale: number;
  /** Messages for stderr (problems of a suppressions file, files written). */
  notes: { message: Localized; error: boolean }[];
}

export async function applySuppressionFiles(results: FileResult[], o: SuppressionOptions): Promise<SuppressionOutcome> {
  const out: SuppressionOutcome = { suppressed: 0, stale: 0, notes: [] };
  const loaded = new Map<string, LoadedSuppressions>();
  const changed = new Set<string>();
  const fallback = path.join(o.cwd, SUPPRESSIONS_FILE_NAME);
  // Looked up once per folder (no suppressions file is written before all are looked up).
  const nearest = new SuppressionsResolver();
  for (const r of results) {
    if (r.status !== 'checked') continue;
    const file = nearest.fileFor(r.path) ?? (o.suppressAll ? fallback : undefined);
    if (!file) continue;
    let l = loaded.get(file);
    if (!l) {
      l = loadSuppressionsFile(file);
      loaded.set(file, l);
      for (const p of l.problems) out.notes.push({ message: M.fileProblem(file, p), error: true });
    }
    const entries = entriesOf(l, r.path);
    const m = matchSuppressions(r.diagnostics, (d) => ({ rule: d.rule, fingerprint: d.fingerprint }), entries);
    r.diagnostics = m.kept;
    r.suppressed = m.suppressed;
    let mine: SuppressionEntry[] = entries;
    let stale = staleCount(entries, m.used);
    // A file that could not be read as it is is never rewritten: its entries would be lost.
    const writable = l.problems.length === 0;
    if (writable && o.prune && stale > 0) {
      mine = pruneEntries(entries, m.used);
      stale = 0;
    }
    if (writable && o.suppressAll && m.kept.length > 0) {
      const key = suppressionKeyOf(file, r.path);
      mine = [...mine, ...m.kept.map((d) => ({ file: key, rule: d.rule, fingerprint: d.fingerprint }))];
      r.suppressed = [...m.suppressed, ...m.kept];
      r.diagnostics = [];
    }
    if (mine !== entries) {
      const own = new Set(entries);
      l.data = {
        ...l.data,
        suppressions: canonicalEntries([...l.data.suppressions.filter((e) => !own.has(e)), ...mine]),
      };
      changed.add(file);
    }
    if (stale > 0) r.staleSuppressions = stale;
    out.suppressed += r.suppressed.length;
    out.stale += stale;
  }
  for (const file of changed) {
    const l = loaded.get(file)!;
    try {
      await writeSuppressionsFile(file, l.data);
      out.notes.push({
        message: M.written(path.relative(o.cwd, file) || file, l.data.suppressions.length),
        error: false,
      });
    } catch (e) {
      out.notes.push({ message: M.cannotWrite(file, detailOf(e)), error: true });
    }
  }
  return out;
}
