/**
 * `--fix` never damages a file: bytes outside the fixed spans stay as they were in every encoding
 * (also bytes that do not decode to text that encodes back the same), links stay links, a file the
 * user may not write is not written, owner, group and mode are kept, long names work, and a file
 * that changed after it was read is left with the change.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/core/text/edits';
import { decodeText, encodeText, spliceEdits } from '../../server/src/io/encoding';
import type { TextEncoding } from '../../server/src/io/encoding';
import { replaceFile, snapshotFile, tempNameFor, WriteRefusal } from '../../server/src/io/write';
import { writeFixes } from '../../server/src/cli/fixFile';
import { brokenSeed, CLI, runCli, tempDir } from './helpers';

const { broken: BROKEN } = brokenSeed();
const FIXED = (() => {
  const dir = tempDir('fixed-ref');
  const f = path.join(dir, 'r.txt');
  fs.writeFileSync(f, BROKEN);
  const r = runCli(['--fix', f]);
  assert.notEqual(r.code, 2, r.stderr);
  const fixed = fs.readFileSync(f, 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  assert.notEqual(fixed, BROKEN, 'the seed has something to fix');
  return fixed;
})();

/** Splits the seed at a prose line between its tables, for bytes placed among the fixes. */
function middle(text: string): number {
  const at = text.indexOf('\n', text.indexOf('二、'));
  assert.ok(at > 0);
  return at + 1;
}

describe('--fix keeps the bytes outside the fixed spans', () => {
  interface Case {
    name: string;
    /** The file: the broken seed, encoded, with bytes that do not round-trip. */
    bytes(text: string): Buffer;
  }
  const gb = (t: string) => iconv.encode(t, 'gb18030');
  const cases: Case[] = [
    {
      name: 'GBK 0x80 at the end',
      bytes: (t) => Buffer.concat([gb(t.replace(/\n$/, '')), Buffer.from(' x\x80\n', 'latin1')]),
    },
    {
      name: 'GB18030 four-byte code outside the mapping at the end',
      bytes: (t) => Buffer.concat([gb(t.replace(/\n$/, '')), Buffer.from([0x20, 0x78, 0x84, 0x31, 0xa5, 0x30, 0x0a])]),
    },
    {
      name: 'GBK 0x80 and an unmapped code between the fixed tables',
      bytes: (t) =>
        Buffer.concat([
          gb(t.slice(0, middle(t))),
          Buffer.from([0x80, 0xfe, 0x39, 0xfe, 0x39, 0x0a]),
          gb(t.slice(middle(t))),
        ]),
    },
    {
      name: 'UTF-16LE with an odd trailing byte',
      bytes: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le'), Buffer.from([0x41])]),
    },
    {
      name: 'UTF-16BE with an odd trailing byte',
      bytes: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be'), Buffer.from([0x41])]),
    },
    {
      name: 'UTF-8 with BOM and CRLF',
      bytes: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8')]),
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const dir = tempDir('fix-bytes');
      const file = path.join(dir, 'r.txt');
      const before = c.bytes(BROKEN);
      fs.writeFileSync(file, before);
      const r = runCli(['--fix', '--lang', 'en', file]);
      assert.doesNotMatch(r.stderr, /not written|write failed/, r.stderr);
      const after = fs.readFileSync(file);
      // The expected file: the same construction from the fixed text.
      const expected = c.bytes(FIXED);
      assert.ok(
        after.equals(expected),
        `bytes differ: first difference at ${firstDifference(after, expected)} of ${after.length}/${expected.length}`,
      );
      assert.ok(!after.equals(before), 'the fix was written');
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }

  test('spliceEdits, every encoding: the edited text, and identical bytes around the spans (property)', () => {
    const encodings: { encoding: TextEncoding; bom: boolean }[] = [
      { encoding: 'utf-8', bom: false },
      { encoding: 'utf-8', bom: true },
      { encoding: 'utf-16le', bom: true },
      { encoding: 'utf-16be', bom: true },
      { encoding: 'gb18030', bom: false },
    ];
    const char = fc.constantFrom('a', '1', '\t', '\n', '\r', '年', '报', '表', '€', '·', '𠀀', '😀');
    const text = fc.array(char, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(char, { maxLength: 4 })), { maxLength: 5 }),
        fc.constantFrom(...encodings),
        (t, raw, how) => {
          // Edits at character boundaries, sorted, not overlapping.
          const chars = [...t];
          const bounds = [0];
          for (const ch of chars) bounds.push(bounds[bounds.length - 1] + ch.length);
          const picks = raw.map(([a, len, ins]) => {
            const i = a % bounds.length;
            const j = Math.min(bounds.length - 1, i + len);
            return { start: bounds[i], end: bounds[j], newText: ins.join('') };
          });
          picks.sort((x, y) => x.start - y.start || x.end - y.end);
          const edits: typeof picks = [];
          for (const e of picks) if (edits.length === 0 || e.start >= edits[edits.length - 1].end) edits.push(e);
          const bytes = encodeText(t, how);
          const decoded = decodeText(bytes);
          if (!decoded || decoded.text !== t || decoded.encoding !== how.encoding) return; // a text another encoding reads first
          const out = spliceEdits(bytes, how, edits);
          assert.ok(out);
          assert.equal(decodeText(out)!.text, applyEdits(t, edits));
          // Every byte outside the spans is where it was: the untouched pieces, encoded, around the new texts.
          const enc = (x: string) => encodeText(x, { encoding: how.encoding, bom: false });
          const pieces: Buffer[] = [bytes.subarray(0, bytes.length - enc(t).length)];
          let at = 0;
          for (const e of edits) {
            pieces.push(enc(t.slice(at, e.start)), enc(e.newText));
            at = e.end;
          }
          pieces.push(enc(t.slice(at)));
          assert.ok(out.equals(Buffer.concat(pieces)));
        },
      ),
      { numRuns: 400 },
    );
  });
});

function firstDifference(a: Buffer, b: Buffer): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const canSwitchUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

/** Runs the CLI as user and group 65534 (nobody), when this process is root. */
function runCliAsNobody(args: string[], cwd: string): { code: number | null; stderr: string } {
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { code: r.status, stderr: r.stderr };
}

describe('--fix and the file system', () => {
  test('a symbolic link: the file it names is fixed, the link stays a link', () => {
    const dir = tempDir('fix-link');
    fs.writeFileSync(path.join(dir, 'target.txt'), BROKEN);
    fs.symlinkSync('target.txt', path.join(dir, 'link.txt'));
    const r = runCli(['--fix', 'link.txt'], { cwd: dir });
    assert.doesNotMatch(r.stderr, /write failed|not written|写入失败|未写入/, r.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink());
    assert.equal(fs.readlinkSync(path.join(dir, 'link.txt')), 'target.txt');
    assert.equal(fs.readFileSync(path.join(dir, 'target.txt'), 'utf8'), FIXED);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['link.txt', 'target.txt']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a file with two hard links is not written, and the CLI says why', () => {
    const dir = tempDir('fix-hardlink');
    fs.writeFileSync(path.join(dir, 'a.txt'), BROKEN);
    fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const r = runCli(['--fix', '--lang', 'en', 'a.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a\.txt: the file has 2 hard links, which writing would split; not written/);
    assert.equal(fs.statSync(path.join(dir, 'a.txt')).ino, fs.statSync(path.join(dir, 'b.txt')).ino);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), BROKEN);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.txt']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a read-only file (mode 444) is not written, even by root', () => {
    const dir = tempDir('fix-ro');
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, BROKEN);
    fs.chmodSync(file, 0o444);
    const r = runCli(['--fix', '--lang', 'en', 'r.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /r\.txt: (the file is read-only|not writable by this user) \(mode 444\); not written/);
    assert.equal(fs.readFileSync(file, 'utf8'), BROKEN);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('another user: a file they may not write is not written, even in a folder they may write', () => {
    if (!canSwitchUser) {
      // Not root: this process is the other user; a file without write permission for it.
      const dir = tempDir('fix-user');
      const file = path.join(dir, 'r.txt');
      fs.writeFileSync(file, BROKEN);
      fs.chmodSync(file, 0o400);
      const r = runCli(['--fix', '--lang', 'en', 'r.txt'], { cwd: dir });
      assert.match(r.stderr, /not writable by this user \(mode 400\); not written/);
      assert.equal(fs.readFileSync(file, 'utf8'), BROKEN);
      return;
    }
    const dir = tempDir('fix-user');
    fs.chmodSync(dir, 0o777);
    const mine = path.join(dir, 'root.txt');
    fs.writeFileSync(mine, BROKEN);
    fs.chmodSync(mine, 0o644);
    const theirs = path.join(dir, 'nobody.txt');
    fs.writeFileSync(theirs, BROKEN);
    fs.chownSync(theirs, 65534, 65534);
    fs.chmodSync(theirs, 0o444);
    for (const f of ['root.txt', 'nobody.txt']) {
      const r = runCliAsNobody(['--fix', '--lang', 'en', f], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `${f.replace('.', '\\.')}: (not writable by this user|the file is read-only) \\(mode (644|444)\\); not written`,
        ),
      );
      assert.equal(fs.readFileSync(path.join(dir, f), 'utf8'), BROKEN);
    }
    // What they may write, they fix; owner and mode stay.
    const ok = path.join(dir, 'ok.txt');
    fs.writeFileSync(ok, BROKEN);
    fs.chownSync(ok, 65534, 65534);
    fs.chmodSync(ok, 0o640);
    const r = runCliAsNobody(['--fix', 'ok.txt'], dir);
    assert.notEqual(r.code, 2, r.stderr);
    assert.equal(fs.readFileSync(ok, 'utf8'), FIXED);
    const st = fs.statSync(ok);
    assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [65534, 65534, 0o640]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('owner, group and mode are kept', () => {
    const dir = tempDir('fix-owner');
    const file = path.join(dir, 'o.txt');
    fs.writeFileSync(file, BROKEN);
    const uid = canSwitchUser ? 65534 : process.getuid!();
    const gid = canSwitchUser ? 65534 : process.getgid!();
    fs.chownSync(file, uid, gid);
    fs.chmodSync(file, 0o600);
    const r = runCli(['--fix', 'o.txt'], { cwd: dir });
    assert.notEqual(r.code, 2, r.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    const st = fs.statSync(file);
    assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [uid, gid, 0o600]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a 244-byte name is fixed; the temporary name stays within 255 bytes', () => {
    const dir = tempDir('fix-long');
    const name = '某'.repeat(78) + '年报.txt';
    assert.equal(Buffer.byteLength(name), 244);
    fs.writeFileSync(path.join(dir, name), BROKEN);
    const r = runCli(['--fix', '--lang', 'en', name], { cwd: dir });
    assert.doesNotMatch(r.stderr, /ENAMETOOLONG|write failed/, r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), FIXED);
    assert.deepEqual(fs.readdirSync(dir), [name]);
    for (const n of [name, '某'.repeat(85), 'a'.repeat(255)]) {
      const t = tempNameFor(n);
      assert.ok(Buffer.byteLength(t) <= 255, `${Buffer.byteLength(t)} bytes`);
      assert.ok(t.startsWith('.某') || t.startsWith('.a'));
      assert.ok(!t.includes('\uFFFD'));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('--fix and a file that changes after it was read', () => {
  test('changed just before the rename (appended, or only touched): not written, the change is kept', async () => {
    const dir = tempDir('fix-race-unit');
    const file = path.join(dir, 'r.txt');
    for (const change of [
      (f: string) => fs.appendFileSync(f, 'USER-EDIT\n'),
      (f: string) => fs.utimesSync(f, new Date(), new Date(Date.now() + 5000)),
    ]) {
      fs.writeFileSync(file, 'old\n');
      const snap = await snapshotFile(file);
      await assert.rejects(
        replaceFile(snap, Buffer.from('new\n'), { beforeRename: async () => change(file) }),
        (e: unknown) => e instanceof WriteRefusal && e.code === 'changed',
      );
      assert.match(fs.readFileSync(file, 'utf8'), /^old\n/);
      assert.deepEqual(fs.readdirSync(dir), ['r.txt'], 'no temporary file left');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('changed between the check and the fix: writeFixes refuses with the message the CLI shows', async () => {
    const dir = tempDir('fix-race-unit2');
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, BROKEN + 'USER-EDIT\n');
    const r = await writeFixes(file, BROKEN, [{ start: 0, end: 0, newText: 'x' }]);
    assert.ok('error' in r);
    assert.match(r.error.en, /changed while it was being checked; not written \(the change is kept\)/);
    assert.equal(fs.readFileSync(file, 'utf8'), BROKEN + 'USER-EDIT\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
