#!/usr/bin/env node
// Long fuzz campaigns over the engine: `npm run fuzz -- --minutes N [--seed S] [--no-growth]`.
//
// Bundles test/fuzz/campaign.ts and runs it in a worker thread for N minutes (default 1). Every
// failing input (shrunk) is saved under test/fixtures/fuzz/ as a fixture, which `npm test` then
// replays as a regression test; an input that hangs the engine (no answer for 30 s) is saved too.
// At the end the complexity check runs at 100 KB → 1 MB and the largest document is timed.
// Exit code 1 when the campaign found a new failure.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HANG_MS = 30_000;
/** The measurements at the end lint up to 4 MB at a time; on a busy machine that takes minutes. */
const MEASURE_MS = 15 * 60_000;

function parseArgs(argv) {
  const opts = {
    minutes: 1,
    seed: Math.floor(Math.random() * 0x7fffffff) + 1,
    growth: true,
    out: path.join(root, 'test', 'fixtures', 'fuzz'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--minutes') opts.minutes = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--out') opts.out = path.resolve(value());
    else if (a === '--no-growth') opts.growth = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run fuzz -- [--minutes N] [--seed S] [--out DIR] [--no-growth]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!(opts.minutes > 0)) throw new Error('--minutes must be a positive number');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  return opts;
}

function save(dir, fixture) {
  fs.mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256').update(fixture.text).digest('hex').slice(0, 12);
  const file = path.join(dir, `${fixture.property}-${hash}.json`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(fixture, null, 2) + '\n');
  return path.relative(root, file);
}

async function bundle() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fuzz-'));
  const outfile = path.join(dir, 'campaign.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'fuzz', 'campaign.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    logLevel: 'warning',
  });
  return { dir, outfile };
}

/** Runs the worker until it reports `done`; a silent worker is a hang: its last input is saved and a new worker continues. */
function runWorker(file, options, onMessage) {
  return new Promise((resolve) => {
    const worker = new Worker(file, { workerData: { govreportFuzz: options } });
    let last;
    let timer;
    let limit = HANG_MS;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        resolve({ hung: last, measuring: limit === MEASURE_MS });
      }, limit);
    };
    arm();
    worker.on('message', (m) => {
      if (m.type === 'input') last = m.input;
      if (m.type === 'measuring') {
        last = undefined;
        limit = MEASURE_MS;
      }
      arm();
      onMessage(m);
      if (m.type === 'done') {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ done: m });
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      resolve({ crashed: e, input: last });
    });
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { dir, outfile } = await bundle();
  const started = Date.now();
  const deadline = started + opts.minutes * 60_000;
  const known = fs.existsSync(opts.out) ? fs.readdirSync(opts.out).filter((f) => f.endsWith('.json')).length : 0;
  const saved = [];
  const signatures = new Set();
  const growth = [];
  const perGenerator = {};
  let tried = 0;
  let largestDoc;
  let attempt = 0;
  console.log(
    `== fuzz: ${opts.minutes} min, seed ${opts.seed}, ${known} known fixture(s) in ${path.relative(root, opts.out)}`,
  );

  for (;;) {
    const remaining = deadline - Date.now();
    const options = {
      root,
      known: [...signatures],
      millis: Math.max(remaining, 0),
      seed: opts.seed + attempt,
      growth: opts.growth,
    };
    attempt++;
    let sinceReport = Date.now();
    let triedNow = 0;
    const result = await runWorker(outfile, options, (m) => {
      if (m.type === 'failure') {
        signatures.add(m.signature);
        const file = save(opts.out, m.fixture);
        saved.push(file);
        console.log(`!! ${m.fixture.property}: ${m.fixture.detail.split('\n')[0].slice(0, 200)}\n   saved ${file}`);
      } else if (m.type === 'progress') {
        triedNow = m.tried;
        if (Date.now() - sinceReport > 15_000) {
          sinceReport = Date.now();
          console.log(`   ${tried + m.tried} inputs tried (${Math.round((Date.now() - started) / 1000)} s)`);
        }
      } else if (m.type === 'largest') {
        largestDoc = m;
        console.log(
          `   largest document: ${(m.chars / 1e6).toFixed(1)} M characters, ${m.findings} findings: lint ${(m.lintMs / 1000).toFixed(1)} s, fix-all ${(m.fixMs / 1000).toFixed(1)} s`,
        );
      } else if (m.type === 'growth') {
        const g = m.growth;
        growth.push(g);
        console.log(
          `   linear time: ${g.name.padEnd(40)} 100 KB ${g.smallMs.toFixed(1).padStart(7)} ms, 1 MB ${g.largeMs.toFixed(1).padStart(8)} ms, ratio ${g.ratio.toFixed(1)}`,
        );
      }
    });
    if (result.done) {
      tried += result.done.tried;
      triedNow = 0;
      for (const [k, v] of Object.entries(result.done.perGenerator)) perGenerator[k] = (perGenerator[k] ?? 0) + v;
      break;
    }
    tried += triedNow;
    if (result.measuring) {
      console.log(`!! a measurement took longer than ${MEASURE_MS / 60_000} min; stopped`);
      saved.push('measurement-timeout');
      break;
    }
    const input = result.hung ?? result.input;
    const property = result.hung ? 'hang' : 'crash';
    const detail = result.hung
      ? `no answer within ${HANG_MS / 1000} s`
      : String(result.crashed?.stack ?? result.crashed);
    if (input) {
      const file = save(opts.out, {
        property,
        detail,
        options: { force: input.force },
        origin: input.origin,
        text: input.text,
      });
      saved.push(file);
      console.log(`!! ${property}: ${detail.split('\n')[0]}\n   saved ${file}`);
    } else {
      console.log(`!! ${property} before any input: ${detail}`);
      saved.push(property);
    }
    if (Date.now() >= deadline) break;
  }
  fs.rmSync(dir, { recursive: true, force: true });

  const seconds = (Date.now() - started) / 1000;
  const worst = growth.reduce((w, g) => (g.ratio > (w?.ratio ?? 0) ? g : w), undefined);
  const largest = growth.reduce((w, g) => (g.largeMs > (w?.largeMs ?? 0) ? g : w), undefined);
  console.log(
    `== fuzz: ${tried} inputs in ${seconds.toFixed(0)} s (${Object.entries(perGenerator)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
  );
  if (worst)
    console.log(
      `== linear time: worst ratio ${worst.ratio.toFixed(1)}× for 10× the input (${worst.name}); slowest 1 MB input ${largest.largeMs.toFixed(0)} ms CPU (${largest.name})`,
    );
  if (largestDoc)
    console.log(
      `== largest document ${(largestDoc.chars / 1e6).toFixed(1)} M characters: lint ${(largestDoc.lintMs / 1000).toFixed(1)} s, fix-all ${(largestDoc.fixMs / 1000).toFixed(1)} s`,
    );
  console.log(`== ${saved.length} new failure(s)${saved.length ? `: ${saved.join(', ')}` : ''}`);
  const slowGrowth = growth.filter((g) => g.ratio >= 25);
  for (const g of slowGrowth) console.log(`!! ${g.name}: time grew ${g.ratio.toFixed(1)}× for 10× the input`);
  process.exit(saved.length > 0 || slowGrowth.length > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
