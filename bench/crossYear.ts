/**
 * The review office's batch: a folder of 1,000 reports (500 bodies × 2 years, the three layouts), checked by
 * the CLI with and without cross-year checks, and with the html review report. Wall time and peak memory
 * (maximum resident set size, from GNU time) of the whole CLI process, best of `--rounds` runs.
 *
 *   npm run build && npx tsc -p . && node out/bench/crossYear.js [--bodies 500] [--rounds 3]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { render, type Layout } from '../test/helpers/report';
import { consistentPair, withT3 } from '../test/helpers/pairs';
import { rng } from './generate';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

/** A body name per index: letters only, so that no digit can run into the year of the title. */
function bodyName(i: number): string {
  let code = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) code = String.fromCharCode(65 + ((n - 1) % 26)) + code;
  return `某市${code}区${['财政局', '教育局', '人民政府办公室', '卫生健康委员会', '生态环境局'][i % 5]}`;
}

function makeFolder(bodies: number): { dir: string; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-crossyear-'));
  const r = rng(14);
  const layouts: Layout[] = ['tab', 'pdf', 'markdown'];
  let bytes = 0;
  for (let i = 0; i < bodies; i++) {
    const p = consistentPair({ body: bodyName(i), year: 2023, seed: 100 + i });
    // One body in five wrote a carry-over figure that does not follow on from last year.
    const current =
      r() < 0.2 ? withT3(p.current, 't3.carried', Math.floor(r() * 6), 40 + Math.floor(r() * 9)) : p.current;
    for (const [spec, year] of [
      [p.previous, 2022],
      [current, 2023],
    ] as const) {
      const layout = layouts[Math.floor(r() * layouts.length)];
      const text = render(spec, layout);
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(
        path.join(dir, `${String(i).padStart(3, '0')}-${year}.${layout === 'markdown' ? 'md' : 'txt'}`),
        text,
      );
    }
  }
  return { dir, bytes };
}

interface Measured {
  seconds: number;
  maxRssMB: number;
  code: number | null;
}

function measure(args: string[], cwd: string): Measured {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [s, kb] = last.split(' ').map(Number);
  return { seconds: s, maxRssMB: Math.round(kb / 1024), code: r.status };
}

function main(): void {
  const bodies = arg('--bodies', 500);
  const rounds = arg('--rounds', 3);
  const { dir, bytes } = makeFolder(bodies);
  console.log(
    `${bodies * 2} reports (${bodies} bodies × 2 years), ${(bytes / 1e6).toFixed(1)} MB of text, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
  );
  const cases: [string, string[]][] = [
    ['json, --no-cross-year', ['-f', 'json', '-o', 'a.json', '--no-cross-year', '.']],
    ['json, cross-year', ['-f', 'json', '-o', 'b.json', '.']],
    ['html review report, cross-year', ['-f', 'html', '-o', '审核意见.html', '.']],
  ];
  for (const [name, args] of cases) {
    const runs = Array.from({ length: rounds }, () => measure(args, dir));
    const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const out = args[args.indexOf('-o') + 1];
    const size = fs.statSync(path.join(dir, out)).size;
    console.log(
      `${name.padEnd(32)} best ${best.seconds.toFixed(2)} s (runs ${runs.map((x) => x.seconds.toFixed(2)).join(', ')}), ` +
        `peak RSS ${Math.max(...runs.map((x) => x.maxRssMB))} MB, exit ${best.code}, output ${(size / 1e6).toFixed(2)} MB`,
    );
  }
  const pairs = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')) as {
    crossYear?: { previous?: string };
    diagnostics: { rule: string }[];
  }[];
  console.log(
    `pairs checked: ${pairs.filter((e) => e.crossYear?.previous).length}; cross-year findings: ${pairs.reduce((n, e) => n + e.diagnostics.filter((d) => d.rule.startsWith('cross-year-')).length, 0)}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
