// Regenerates, from the rules' metadata: the README's rule table, docs/rules.md and the .govreportrc.json schema.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const dir = mkdtempSync(join(tmpdir(), 'govreport-docs-'));
const out = join(dir, 'rulesDoc.js');
await esbuild.build({
  entryPoints: ['server/src/docs/rulesDoc.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  logLevel: 'warning',
});
const doc = createRequire(import.meta.url)(out);
rmSync(dir, { recursive: true, force: true });
writeFileSync('README.md', doc.withRulesTable(readFileSync('README.md', 'utf8')));
writeFileSync('docs/rules.md', doc.rulesDoc());
writeFileSync('schemas/govreportrc.schema.json', JSON.stringify(doc.buildConfigSchema(doc.RULES), null, 2) + '\n');
console.log('README.md, docs/rules.md and schemas/govreportrc.schema.json updated');
