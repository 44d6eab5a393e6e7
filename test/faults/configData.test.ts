/**
 * Configuration is data only. A folder holds a report, a `.govreportrc.json` that names code in
 * every way other tools load it (extends, plugins, require, parser, a remote $schema), the code
 * itself (evil.js), and configuration files in executable forms (.govreportrc.js, .cjs, .mjs,
 * govreport.config.js) — each of which would leave a marker file if it ever ran. The built CLI and
 * the built language server read the JSON (its rule setting takes effect, its unknown keys are
 * reported), run nothing, and are not fooled by prototype keys. The extension's manifest declares
 * support for untrusted and virtual workspaces; that is honest only because no setting or
 * configuration can name anything to execute — checked here on the manifest itself.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RawServer, ROOT } from './rawServer';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', '001_60561711a3d75cb4.txt'), 'utf8');

function brokenSeed(): string {
  const m = /\n[^\n]*申请数量[^\n]*\t(\d+)\t?\n/.exec(SEED);
  assert.ok(m);
  const at = m.index + m[0].lastIndexOf(m[1]);
  return SEED.slice(0, at) + String(Number(m[1]) + 5) + SEED.slice(at + m[1].length);
}

/** Code that leaves `marker` behind if anything ever loads it. */
function payload(marker: string): string {
  return `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'loaded ' + __filename);\nmodule.exports = { rules: { 'sum-row-total': 'off' } };\n`;
}

function folder(config: unknown): { dir: string; marker: string; report: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-config-'));
  const marker = path.join(dir, 'MARKER');
  const report = path.join(dir, 'report.txt');
  fs.writeFileSync(report, brokenSeed());
  for (const f of ['evil.js', '.govreportrc.js', '.govreportrc.cjs', 'govreport.config.js', '.govreportrc'])
    fs.writeFileSync(path.join(dir, f), payload(marker));
  fs.writeFileSync(
    path.join(dir, '.govreportrc.mjs'),
    `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'mjs'); export default {};\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ govreport: { extends: './evil.js' }, scripts: { postinstall: 'node evil.js' } }),
  );
  fs.writeFileSync(path.join(dir, '.govreportrc.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return { dir, marker, report };
}

interface JsonResult {
  diagnostics: { rule: string }[];
  /** What the CLI said about the configuration (on stderr). */
  stderr: string;
}

function lintJson(dir: string): JsonResult {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'report.txt'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.error, undefined);
  const files = JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }[];
  assert.equal(files.length, 1, r.stdout.slice(0, 500));
  return { diagnostics: files[0].diagnostics, stderr: r.stderr };
}

const CODE_NAMING = {
  $schema: 'https://example.com/govreportrc.schema.json',
  root: true,
  extends: './evil.js',
  plugins: ['./evil.js'],
  require: ['./evil.js'],
  parser: './evil.js',
  rules: { 'sum-balance': 'off' },
};

describe('configuration is data only', () => {
  test('the CLI reads the JSON, reports what it does not know, and loads no code', () => {
    const { dir, marker } = folder(CODE_NAMING);
    try {
      const r = lintJson(dir);
      const rules = new Set(r.diagnostics.map((d) => d.rule));
      assert.ok(rules.has('sum-row-total'), 'no loaded code turned sum-row-total off');
      assert.ok(!rules.has('sum-balance'), 'the JSON setting took effect');
      for (const key of ['extends', 'plugins', 'require', 'parser']) {
        assert.ok(
          r.stderr.includes(`.govreportrc.json (${key})`) && r.stderr.includes(`“${key}”`),
          `"${key}" is reported as an unknown setting: ${r.stderr}`,
        );
      }
      assert.equal(fs.existsSync(marker), false, fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('prototype keys in the JSON change nothing', () => {
    const polluting =
      '{"root": true, "__proto__": {"rules": {"sum-row-total": "off"}, "force": true}, "constructor": {"prototype": {"rules": {"sum-row-total": "off"}}}, "rules": {"__proto__": "off", "constructor": "off", "toString": "off"}}';
    const { dir, marker } = folder(polluting);
    try {
      const r = lintJson(dir);
      assert.ok(
        r.diagnostics.some((d) => d.rule === 'sum-row-total'),
        'sum-row-total still reports',
      );
      assert.ok(
        r.diagnostics.some((d) => d.rule === 'sum-balance'),
        'and so do the other rules',
      );
      assert.equal(fs.existsSync(marker), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the language server reads the JSON above a file and loads no code', async () => {
    const { dir, marker, report } = folder(CODE_NAMING);
    const s = await RawServer.start();
    try {
      const uri = pathToFileURL(report).href;
      s.open(uri, 'govreport', fs.readFileSync(report, 'utf8'));
      const pub = await s.diagnosticsFor(uri, 1);
      const codes = new Set(pub.diagnostics.map((d) => String(d.code)));
      assert.ok(codes.has('sum-row-total'), 'no loaded code turned sum-row-total off');
      assert.ok(!codes.has('sum-balance'), 'the JSON setting took effect');
      // Also from a virtual workspace: no file is read, nothing is loaded, the report is still checked.
      const virtual = 'vscode-vfs://github/example/reports/report.txt';
      s.open(virtual, 'govreport', fs.readFileSync(report, 'utf8'));
      const vpub = await s.diagnosticsFor(virtual, 1);
      assert.ok(
        vpub.diagnostics.some((d) => d.code === 'sum-balance'),
        'a virtual document gets no configuration from disk',
      );
      assert.equal(fs.existsSync(marker), false);
    } finally {
      await s.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('workspace trust and virtual workspaces', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities?: {
      untrustedWorkspaces?: { supported: boolean | string; restrictedConfigurations?: string[] };
      virtualWorkspaces?: { supported: boolean | string } | boolean;
    };
    contributes: {
      configuration: {
        properties: Record<string, { type: string; enum?: unknown[]; additionalProperties?: { enum?: unknown[] } }>;
      };
    };
  };

  test('the manifest declares untrusted and virtual workspace support', () => {
    assert.notEqual(manifest.capabilities?.untrustedWorkspaces?.supported, false);
    assert.ok(manifest.capabilities?.untrustedWorkspaces?.supported !== undefined, 'untrustedWorkspaces is declared');
    const v = manifest.capabilities?.virtualWorkspaces;
    assert.ok(
      v !== undefined && v !== false && (typeof v !== 'object' || v.supported !== false),
      'virtualWorkspaces is declared',
    );
  });

  test('no setting can name a path, a command or code: every one is a boolean, a number or a choice from a list', () => {
    const props = manifest.contributes.configuration.properties;
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    assert.ok(Object.keys(props).length > 0);
    for (const [name, p] of Object.entries(props)) {
      if (p.type === 'boolean' || p.type === 'number' || p.type === 'integer') continue;
      if (p.type === 'string') {
        assert.ok(Array.isArray(p.enum) && p.enum.length > 0, `${name}: a free string could name a path or a command`);
        continue;
      }
      if (p.type === 'object') {
        assert.ok(Array.isArray(p.additionalProperties?.enum), `${name}: an object of choices from a list`);
        continue;
      }
      // Globs that only leave files out (govreport.exclude): an untrusted workspace's own value is not used.
      if (p.type === 'array' && restricted.includes(name)) continue;
      assert.fail(`${name}: type ${p.type}`);
    }
  });
});
