// Bundles the extension client, the language server and the CLI.
// The core is also bundled once for the browser: an import of `vscode`, of an
// LSP connection or of a Node built-in there fails this build.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  legalComments: 'none',
};

const builds = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    platform: 'node',
    format: 'cjs',
    // The server reads files with the CLI's reader: pdfjs-dist is loaded at run time, as for the CLI.
    external: ['pdfjs-dist'],
  },
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    // pdfjs-dist is ESM that locates its worker and data files (cmaps) relative to itself:
    // it is loaded from node_modules at run time (it is a dependency), not bundled.
    external: ['pdfjs-dist'],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // Purity check: the core must bundle for a browser with nothing external.
    ...common,
    sourcemap: false,
    entryPoints: ['server/src/core/index.ts'],
    outfile: 'dist/core.browser.js',
    platform: 'browser',
    format: 'esm',
    external: [],
  },
];

const fs = await import('node:fs');
const present = builds.filter((b) => b.entryPoints.every((p) => fs.existsSync(p)));

if (watch) {
  for (const b of present) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
