// `npm run test:rule -- <rule-id>`: checks one rule's fixtures in a few seconds.
// The fixture harness is bundled with esbuild (no type check: `npx tsc -p .` or `npm test` does that)
// and run with GOVREPORT_RULE set, so only that rule's fixtures (test/fixtures/rules/<rule-id>/) run.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const id = process.argv[2];
const known = readdirSync(join(root, 'test', 'fixtures', 'rules'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
if (!id || !known.includes(id)) {
  console.error(id ? `no fixtures for a rule "${id}"` : 'usage: npm run test:rule -- <rule-id>');
  console.error(`rules: ${known.join(', ')}`);
  process.exit(2);
}

const outfile = join(root, 'out', 'test-rule', 'rules-fixtures.js');
await esbuild.build({
  entryPoints: [join(root, 'test', 'unit', 'rules-fixtures.test.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
if (!existsSync(outfile)) process.exit(1);
const run = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', outfile], {
  stdio: 'inherit',
  env: { ...process.env, GOVREPORT_RULE: id },
});
process.exit(run.status ?? 1);
