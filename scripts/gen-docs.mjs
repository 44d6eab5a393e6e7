// Regenerates the README's rule table and docs/rules.md from the rules' metadata.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const dir = mkdtempSync(join(tmpdir(), 'govreport-docs-'));
const out = join(dir, 'rulesDoc.js');
await esbuild.build({ entryPoints: ['server/src/docs/rulesDoc.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const doc = createRequire(import.meta.url)(out);
rmSync(dir, { recursive: true, force: true });
writeFileSync('README.md', doc.withRulesTable(readFileSync('README.md', 'utf8')));
writeFileSync('docs/rules.md', doc.rulesDoc());
console.log('README.md and docs/rules.md updated');
