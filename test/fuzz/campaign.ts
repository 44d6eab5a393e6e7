/**
 * The long fuzz campaign behind `npm run fuzz -- --minutes N` (scripts/fuzz.mjs bundles this file and
 * runs it in a worker thread, so a hang can be caught and its input kept).
 *
 * The worker tries inputs from every generator in turn, in batches with fresh random seeds; a failing
 * input is shrunk by fast-check and sent to the parent, which saves it as a fixture under
 * test/fixtures/fuzz/ (then `regressions.test.ts` replays it on every `npm test`).
 *
 * Importing this module has no effect: the worker starts only when loaded as the campaign worker.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { fixAll, lint } from '../../server/src/core';
import { ADVERSARIAL, measureGrowth, type Growth } from './adversarial';
import {
  anyString,
  applyMutations,
  loadSeeds,
  mutatedSeed,
  unicodeString,
  vocabularyString,
  type Mutation,
} from './arbitraries';
import { checkText, type Violation } from './invariants';
import { fixtureSignature, type FuzzFixture } from './fixtures';

export interface CampaignInput {
  text: string;
  force: boolean;
  origin: { generator: string; seed?: string; mutations?: Mutation[] };
}

interface Generator {
  name: string;
  arb: fc.Arbitrary<CampaignInput>;
}

function generators(root: string): Generator[] {
  const seeds = loadSeeds(root);
  const mutated = (name: string, max: number): Generator => ({
    name,
    arb: mutatedSeed(seeds.length, max).map(({ seed, mutations }) => ({
      text: applyMutations(seeds[seed].text, mutations),
      force: false,
      origin: { generator: name, seed: seeds[seed].name, mutations },
    })),
  });
  return [
    {
      name: 'code-units',
      arb: fc
        .tuple(anyString(2000), fc.boolean())
        .map(([text, force]) => ({ text, force, origin: { generator: 'code-units' } })),
    },
    {
      name: 'unicode',
      arb: unicodeString(2000).map((text) => ({ text, force: true, origin: { generator: 'unicode' } })),
    },
    {
      name: 'vocabulary',
      arb: fc
        .tuple(vocabularyString(600), fc.boolean())
        .map(([text, force]) => ({ text, force, origin: { generator: 'vocabulary' } })),
    },
    mutated('seed-mutations', 8),
    mutated('seed-mutations-heavy', 40),
  ];
}

/** Messages from the worker. */
export type WorkerMessage =
  | { type: 'input'; input: CampaignInput }
  | { type: 'progress'; tried: number; generator: string }
  | { type: 'failure'; signature: string; fixture: FuzzFixture }
  | { type: 'growth'; growth: Growth }
  | { type: 'largest'; chars: number; lintMs: number; fixMs: number; findings: number }
  | { type: 'heartbeat' }
  /** The input phase is over: measurements follow, each may take a while. */
  | { type: 'measuring' }
  | { type: 'done'; tried: number; perGenerator: Record<string, number> };

export interface CampaignOptions {
  root: string;
  /** Wall-clock budget for trying inputs. */
  millis: number;
  seed: number;
  /** Signatures of failures this campaign already reported (from an earlier worker of the same run). */
  known: string[];
  /** Also measure the complexity check at 100 KB → 1 MB. */
  growth: boolean;
}

function firstViolations(input: CampaignInput): Violation[] {
  try {
    return checkText(input.text, { force: input.force });
  } catch (e) {
    return [{ property: 'throws', detail: `the check itself threw: ${e instanceof Error ? e.stack : String(e)}` }];
  }
}

export function runCampaign(opts: CampaignOptions, post: (m: WorkerMessage) => void): void {
  const gens = generators(opts.root);
  const known = new Set(opts.known);
  const deadline = Date.now() + opts.millis;
  const perGenerator: Record<string, number> = {};
  let tried = 0;
  let round = 0;
  const rng = fc.sample(fc.integer({ min: 1, max: 0x7fffffff }), { seed: opts.seed, numRuns: 100_000 });

  while (Date.now() < deadline) {
    const gen = gens[round % gens.length];
    const seed = rng[round % rng.length];
    round++;
    const batch = fc.sample(gen.arb, { seed, numRuns: 20 });
    for (const input of batch) {
      if (Date.now() >= deadline) break;
      post({ type: 'input', input });
      tried++;
      perGenerator[gen.name] = (perGenerator[gen.name] ?? 0) + 1;
      const v = firstViolations(input);
      if (v.length === 0) continue;
      const signature = fixtureSignature(v[0]);
      if (known.has(signature)) continue;
      known.add(signature);
      post({ type: 'failure', signature, fixture: shrink(gen, seed, input, v[0], () => post({ type: 'heartbeat' })) });
    }
    post({ type: 'progress', tried, generator: gen.name });
  }
  post({ type: 'progress', tried, generator: '' });
  if (opts.growth) {
    post({ type: 'measuring' });
    for (const a of ADVERSARIAL) post({ type: 'growth', growth: measureGrowth(a, 100_000, 1_000_000) });
    post(largest(opts.root));
  }
  post({ type: 'done', tried, perGenerator });
}

/**
 * The smallest input fast-check finds that fails with the same signature, starting from the batch
 * that produced the failure (same seed, so the same inputs come first).
 */
function shrink(
  gen: Generator,
  seed: number,
  original: CampaignInput,
  violation: Violation,
  beat: () => void,
): FuzzFixture {
  const signature = fixtureSignature(violation);
  let smallest = original;
  let smallestViolation = violation;
  const details = fc.check(
    fc.property(gen.arb, (input) => {
      beat();
      const v = firstViolations(input).find((x) => fixtureSignature(x) === signature);
      if (v && input.text.length <= smallest.text.length) {
        smallest = input;
        smallestViolation = v;
      }
      return v === undefined;
    }),
    { seed, numRuns: 20, interruptAfterTimeLimit: 120_000 },
  );
  void details;
  return {
    property: smallestViolation.property,
    ...(smallestViolation.key !== undefined ? { key: smallestViolation.key } : {}),
    detail: smallestViolation.detail,
    options: { force: smallest.force },
    origin: smallest.origin,
    text: smallest.text,
  };
}

/** The largest document of the campaign: all seed reports repeated to 4 MB, linted and fixed (wall-clock time). */
function largest(root: string): WorkerMessage {
  const all = loadSeeds(root)
    .map((s) => s.text)
    .join('\n');
  const text = all.repeat(Math.ceil(4_000_000 / all.length));
  const t0 = performance.now();
  const r = lint(text);
  const t1 = performance.now();
  fixAll(text);
  const t2 = performance.now();
  return { type: 'largest', chars: text.length, lintMs: t1 - t0, fixMs: t2 - t1, findings: r.findings.length };
}

if (!isMainThread && parentPort && (workerData as { govreportFuzz?: CampaignOptions } | undefined)?.govreportFuzz) {
  const port = parentPort;
  runCampaign((workerData as { govreportFuzz: CampaignOptions }).govreportFuzz, (m) => port.postMessage(m));
}
