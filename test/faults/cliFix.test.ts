/**
 * The CLI's --fix never leaves a half-written file. The built CLI fixes a large report (a few MB,
 * so writing it takes a while) and is killed while it writes: the moment its temporary file
 * appears in the folder, and a few milliseconds later. Whatever the moment, the report on disk is
 * byte for byte either the old file or the fixed one — never a mixture, never truncated — and the
 * fixed one keeps the encoding, the BOM and the line endings of the original.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { fixAll } from '../../server/src/core';
import { ROOT } from './rawServer';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', '001_60561711a3d75cb4.txt'), 'utf8');
/** Padding that makes the file large but costs little to lint: one long line of blanks in section 六. */
const PAD = 3_000_000;

function brokenSeed(): string {
  const m = /\n[^\n]*申请数量[^\n]*\t(\d+)\t?\n/.exec(SEED);
  assert.ok(m);
  const at = m.index + m[0].lastIndexOf(m[1]);
  return SEED.slice(0, at) + String(Number(m[1]) + 5) + SEED.slice(at + m[1].length);
}

interface Variant {
  name: string;
  encode(text: string): Buffer;
  decode(bytes: Buffer): string;
  eol: '\n' | '\r\n';
}

const VARIANTS: Variant[] = [
  { name: 'UTF-8, LF', eol: '\n', encode: (t) => Buffer.from(t, 'utf8'), decode: (b) => b.toString('utf8') },
  {
    name: 'UTF-8 with BOM, CRLF',
    eol: '\r\n',
    encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
    decode: (b) => {
      assert.deepEqual([...b.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
      return b.subarray(3).toString('utf8');
    },
  },
  {
    name: 'GB18030, CRLF',
    eol: '\r\n',
    encode: (t) => iconv.encode(t, 'gb18030'),
    decode: (b) => iconv.decode(b, 'gb18030'),
  },
];

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fix-'));
}

/** Sizes of the files in `dir` other than the report itself (the CLI's temporary file, if any). */
function otherFiles(dir: string): number[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f !== 'report.txt')
    .map((f) => {
      try {
        return fs.statSync(path.join(dir, f)).size;
      } catch {
        return -1;
      }
    });
}

/**
 * Runs `--fix` on dir/report.txt and sends `signal` `delay` ms after the first change in the folder
 * (the write has begun: a temporary file appeared, or the report itself changed); resolves once the
 * process has ended, with the sizes of the files seen when the signal was sent.
 */
function fixAndInterrupt(
  dir: string,
  signal: NodeJS.Signals,
  delay: number,
): Promise<{ interrupted: boolean; sizes: { report: number; others: number[] } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--fix', '--no-config', '--jobs', '1', 'report.txt'], {
      cwd: dir,
      stdio: 'ignore',
    });
    let interrupted = false;
    let sizes = { report: -1, others: [] as number[] };
    const watcher = fs.watch(dir, () => {
      if (interrupted) return;
      interrupted = true;
      const fire = () => {
        sizes = { report: fs.statSync(path.join(dir, 'report.txt')).size, others: otherFiles(dir) };
        child.kill(signal);
      };
      if (delay === 0) fire();
      else setTimeout(fire, delay);
    });
    child.on('error', reject);
    child.on('exit', () => {
      watcher.close();
      resolve({ interrupted, sizes });
    });
  });
}

describe('--fix interrupted while it writes', () => {
  for (const variant of VARIANTS) {
    test(`${variant.name}: the report is the old file or the fixed one, never partial`, async () => {
      const text = brokenSeed().replace(/\r?\n/g, variant.eol) + variant.eol + ' '.repeat(PAD) + variant.eol;
      const oldBytes = variant.encode(text);

      // The fixed file, written without interruption.
      const ref = tempDir();
      fs.writeFileSync(path.join(ref, 'report.txt'), oldBytes);
      const done = spawnSync(process.execPath, [CLI, '--fix', '--no-config', 'report.txt'], {
        cwd: ref,
        encoding: 'utf8',
      });
      assert.equal(done.error, undefined);
      const newBytes = fs.readFileSync(path.join(ref, 'report.txt'));
      assert.notDeepEqual(newBytes, oldBytes, `--fix changed the report\n${done.stdout}${done.stderr}`);
      const newText = variant.decode(newBytes);
      assert.equal(newText, fixAll(text).text, 'the fixed file is the engine fix of the text');
      assert.ok(!/(?<!\r)\n/.test(newText) || variant.eol === '\n', 'line endings are kept');
      assert.deepEqual(fs.readdirSync(ref), ['report.txt'], 'an uninterrupted fix leaves no temporary file');
      fs.rmSync(ref, { recursive: true, force: true });

      let caughtWriting = 0;
      for (const [signal, delay] of [
        ['SIGKILL', 0],
        ['SIGKILL', 3],
        ['SIGKILL', 15],
        ['SIGINT', 0],
        ['SIGTERM', 2],
      ] as const) {
        const dir = tempDir();
        try {
          fs.writeFileSync(path.join(dir, 'report.txt'), oldBytes);
          const r = await fixAndInterrupt(dir, signal, delay);
          assert.ok(r.interrupted, `${signal}: the CLI began to write`);
          const after = fs.readFileSync(path.join(dir, 'report.txt'));
          const isOld = after.equals(oldBytes);
          const isNew = after.equals(newBytes);
          assert.ok(
            isOld || isNew,
            `${signal} +${delay} ms: the report is intact (${after.length} bytes; old ${oldBytes.length}, new ${newBytes.length})`,
          );
          const partial = (n: number) => n >= 0 && n < newBytes.length && n !== oldBytes.length;
          if (partial(r.sizes.report) || r.sizes.others.some(partial)) caughtWriting++;
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }
      assert.ok(caughtWriting > 0, 'at least one interruption landed while the new content was partly written');
    });
  }
});
