/**
 * Adversarial inputs of any size, for the complexity check: text that pushes the parser's
 * scanners, matchers and number readers along one long line or over many similar lines.
 * Time to lint must grow in proportion to the size (no backtracking blow-ups, no quadratic scans).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { lint } from '../../server/src/core';

/**
 * A full garbage collection before each timed run, so that each starts from the same heap: the
 * garbage of earlier runs (a 1 MB input leaves hundreds of megabytes) is otherwise collected, or not,
 * inside whichever run comes next, and at small sizes that decides the ratio.
 */
const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export interface AdversarialInput {
  name: string;
  /** Text of about `size` UTF-16 code units. */
  make(size: number): string;
  /** Many short lines (each line is matched against the template: slower per character than one long line). */
  manyLines: boolean;
}

export const ADVERSARIAL: readonly AdversarialInput[] = [
  { name: 'one line of digits', manyLines: false, make: (n) => repeatTo('7', n) },
  { name: 'one line of tabs', manyLines: false, make: (n) => repeatTo('\t', n) },
  { name: 'one line of （（（（', manyLines: false, make: (n) => repeatTo('（', n) },
  { name: 'one line of digits and blanks', manyLines: false, make: (n) => repeatTo('1 ', n) },
  { name: 'one line of grouped numbers', manyLines: false, make: (n) => repeatTo('3,119,', n) },
  {
    name: 'one line of repeated row labels',
    manyLines: false,
    make: (n) => repeatTo('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', n),
  },
  {
    name: 'lines of repeated row labels',
    manyLines: true,
    make: (n) => repeatTo('一、本年新收政府信息公开申请数量\n', n),
  },
  {
    name: 'alternating label and number lines',
    manyLines: true,
    make: (n) => repeatTo('（一）予以公开\n1 2 3 4 5 6 7\n', n),
  },
  {
    name: 'lines of section headings',
    manyLines: true,
    make: (n) => repeatTo('三、收到和处理政府信息公开申请情况\n', n),
  },
  {
    name: 'a merged label one character per line',
    manyLines: true,
    make: (n) => repeatTo('三\n、\n本\n年\n度\n办\n理\n结\n果\n', n),
  },
  { name: 'lines of compatibility characters', manyLines: true, make: (n) => repeatTo('⼀⼆⼯⼈⾏⽂⺠⻅⻔𠀀\n', n) },
  { name: 'lines of pipes', manyLines: true, make: (n) => repeatTo('| 1 | 2 | 3 |\r\n', n) },
];

/**
 * CPU milliseconds (user + system) to lint `text`, rules forced on so they run on whatever the parser
 * found; the best of `repeat` runs. CPU time, not wall time: on a busy machine the process waits for a
 * core, and that wait says nothing about the algorithm.
 */
export function lintMillis(text: string, repeat = 1): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    collectGarbage();
    const t0 = process.cpuUsage();
    lint(text, { force: true });
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

export interface Growth {
  name: string;
  smallSize: number;
  largeSize: number;
  smallMs: number;
  largeMs: number;
  /** largeMs / smallMs. */
  ratio: number;
}

/**
 * Lint time of one adversarial input at two sizes, measured in alternation (small, large, small,
 * large …) after a warm-up, the best of each counting: interference only ever adds time.
 */
export function measureGrowth(input: AdversarialInput, smallSize: number, largeSize: number, rounds = 3): Growth {
  const small = input.make(smallSize);
  const large = input.make(largeSize);
  lintMillis(small);
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    smallMs = Math.min(smallMs, lintMillis(small));
    if (r === 0 || largeMs < 1500) largeMs = Math.min(largeMs, lintMillis(large));
  }
  smallMs = Math.max(smallMs, 0.5);
  return { name: input.name, smallSize, largeSize, smallMs, largeMs, ratio: largeMs / smallMs };
}
