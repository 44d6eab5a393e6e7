// `npm run test:quick`: every compiled test but the slow suites, for the inner loop. `npm test` (and CI) run all.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The slow suites: bursts and large documents, interrupted --fix, no network, linear time. */
const SLOW = [
  'test/faults/bursts.test.js',
  'test/faults/staleFixes.test.js',
  'test/faults/cliFix.test.js',
  'test/faults/noNetwork.test.js',
  'test/fuzz/linear.test.js',
];

const out = join(process.cwd(), 'out');
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.test.js') ? [join(dir, e.name)] : [],
  );
const all = files(join(out, 'test')).sort();
const missing = SLOW.filter((s) => !all.some((f) => relative(out, f) === s));
if (missing.length > 0) {
  console.error(`test:quick: the slow suites moved or were renamed: ${missing.join(', ')}`);
  process.exit(2);
}
const quick = all.filter((f) => !SLOW.includes(relative(out, f).split('\\').join('/')));
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...quick], { stdio: 'inherit' });
process.exit(run.status ?? 1);
