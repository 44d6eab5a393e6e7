/**
 * Two reports of one body in consecutive years, consistent with each other: this year's 二、上年结转 is last
 * year's 四、结转下年度继续办理 in every column, and (2021 format) this year's 现行有效件数 is last year's plus
 * this year's 制发 minus 废止. Tests break one figure on purpose.
 */
import { cloneSpec, makeSpec, type Cell, type Edition, type ReportSpec } from './report';

export interface PairOptions {
  body?: string;
  /** This year's statistics year. */
  year?: number;
  previousEdition?: Edition;
  currentEdition?: Edition;
  seed?: number;
  /** Table 三 with the 法人或其他组织 subtotal column, last year and this year. */
  subtotal?: [boolean, boolean];
}

export function consistentPair(o: PairOptions = {}): { previous: ReportSpec; current: ReportSpec } {
  const year = o.year ?? 2023;
  const body = o.body ?? '某某市某某区财政局';
  const previous = makeSpec({
    edition: o.previousEdition ?? '2021',
    year: year - 1,
    seed: o.seed ?? 3,
    subtotal: o.subtotal?.[0],
  });
  const current = makeSpec({
    edition: o.currentEdition ?? '2021',
    year,
    seed: (o.seed ?? 3) + 1,
    subtotal: o.subtotal?.[1],
  });
  previous.body = body;
  current.body = body;
  // This year's 二 = last year's 四; 一 keeps each column balanced: 一 = 三（七） + 四 − 二.
  // Columns by name, so that a 7-column table and an 8-column one line up.
  const prevNext = previous.t3['t3.next'].map(Number);
  const carried =
    current.subtotal === previous.subtotal
      ? prevNext
      : current.subtotal
        ? [prevNext[0], prevNext.slice(1, 6).reduce((a, b) => a + b, 0), ...prevNext.slice(1)]
        : [prevNext[0], ...prevNext.slice(2)];
  const total = current.t3['t3.total'].map(Number);
  const next = current.t3['t3.next'].map(Number);
  current.t3['t3.carried'] = carried;
  current.t3['t3.new'] = total.map((t, i) => t + next[i] - carried[i]);
  if (current.t3['t3.new'].some((v) => Number(v) < 0)) throw new Error('pair: negative new applications');
  if (previous.edition === '2021' && current.edition === '2021') {
    for (const row of ['t2.1.rules', 't2.1.normative']) {
      const [made, repealed] = current.t2[row].map(Number);
      current.t2[row] = [made, repealed, Number(previous.t2[row][2]) + made - repealed];
    }
  }
  return { previous, current };
}

/** A copy of `spec` with one table 三 cell changed (row id, column index in the spec's row). */
export function withT3(spec: ReportSpec, row: string, col: number, value: Cell): ReportSpec {
  const s = cloneSpec(spec);
  s.t3[row][col] = value;
  return s;
}

/** A copy of `spec` with one table 二 cell changed. */
export function withT2(spec: ReportSpec, row: string, col: number, value: Cell): ReportSpec {
  const s = cloneSpec(spec);
  s.t2[row][col] = value;
  return s;
}
