/**
 * Which reports pair up: the body (机关名称) and the statistics year, read from the title.
 *
 * The body key folds only what does not change the name: blanks of every kind, zero-width characters,
 * full-width forms and PDF compatibility characters (Kangxi radicals, the CJK radicals supplement, CJK
 * compatibility ideographs). Nothing else is merged: 某某市人民政府办公室 and 某某市人民政府办公厅 are two bodies,
 * and so are 某某区财政局 and 某某县财政局. Pure: the CLI and the editor's workspace index both use it.
 */
import type { ReportModel } from '../types';
import { compatReplacement } from '../text/normalize';

export interface ReportIdentity {
  /** The body as the title writes it (normalized by the parser). */
  body: string;
  /** The body's comparison key (see the module comment). */
  key: string;
  /** The statistics year of the title. */
  year: number;
}

/** Blanks and invisible characters: none of them is part of a name. */
const INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/** The comparison key of a body's name. */
export function bodyKey(body: string): string {
  let out = '';
  for (const ch of body) {
    const cp = ch.codePointAt(0)!;
    out += compatReplacement(cp) ?? ch;
  }
  return out.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** The body and year of a report, or undefined when its title does not name both. */
export function identityOf(model: ReportModel): ReportIdentity | undefined {
  const t = model.title;
  if (!t || !Number.isInteger(t.year)) return undefined;
  const key = bodyKey(t.body);
  if (key === '') return undefined;
  return { body: t.body, key, year: t.year };
}

/** Why a report was not paired with last year's. */
export type UnpairedReason =
  /** The title does not name the body and the year (or there is no title). */
  | 'no-identity'
  /** No report of the same body for the year before is among the reports given. */
  | 'no-previous'
  /** Several reports of the same body for the year before: which one is meant is not certain. */
  | 'several-previous';

export type PairStatus<T> =
  | { paired: true; previous: T; identity: ReportIdentity }
  | { paired: false; reason: UnpairedReason; identity?: ReportIdentity; candidates?: T[] };

export interface PairCandidate<T> {
  item: T;
  identity?: ReportIdentity;
}

/**
 * Pairs each report with last year's report of the same body. A report is paired only when exactly one
 * report of its body for the year before is given (two files of one report — a .docx and its .pdf — both
 * pair with that one). Returns one status per candidate, in order. Linear in the number of candidates.
 */
export function pairReports<T>(candidates: readonly PairCandidate<T>[]): PairStatus<T>[] {
  const byKeyYear = new Map<string, T[]>();
  const slot = (key: string, year: number) => `${year}\u0000${key}`;
  for (const c of candidates) {
    if (!c.identity) continue;
    const k = slot(c.identity.key, c.identity.year);
    const list = byKeyYear.get(k);
    if (list) list.push(c.item);
    else byKeyYear.set(k, [c.item]);
  }
  return candidates.map((c): PairStatus<T> => {
    const id = c.identity;
    if (!id) return { paired: false, reason: 'no-identity' };
    const previous = byKeyYear.get(slot(id.key, id.year - 1)) ?? [];
    if (previous.length === 0) return { paired: false, reason: 'no-previous', identity: id };
    if (previous.length > 1) return { paired: false, reason: 'several-previous', identity: id, candidates: previous };
    return { paired: true, previous: previous[0], identity: id };
  });
}
