/**
 * An edit made while `--fix` runs is never lost. The built CLI fixes a large report (so writing it
 * takes a while); the moment its temporary file appears, a line is appended to the report, as an
 * editor saving would. The user's edit wins: the report keeps it, the fix is not written, and the CLI
 * says so. The same with the append made early, while the CLI is still checking the file.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './rawServer';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', '001_60561711a3d75cb4.txt'), 'utf8');
const EDIT = 'USER-EDIT\n';

function brokenSeed(): string {
  const m = /\n[^\n]*申请数量[^\n]*\t(\d+)\t?\n/.exec(SEED);
  assert.ok(m);
  const at = m.index + m[0].lastIndexOf(m[1]);
  return SEED.slice(0, at) + String(Number(m[1]) + 5) + SEED.slice(at + m[1].length);
}

/** Runs `--fix` on dir/report.txt, appending EDIT when `when` says; resolves with the CLI's stderr once it ended. */
function fixWhileEditing(
  dir: string,
  when: 'temporary-file' | 'prose-lines',
): Promise<{ stderr: string; edited: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--fix', '--no-config', '--lang', 'en', 'report.txt'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    let edited = false;
    const edit = () => {
      if (edited) return;
      edited = true;
      fs.appendFileSync(path.join(dir, 'report.txt'), EDIT);
    };
    const watcher = fs.watch(dir, (_event, name) => {
      if (when === 'temporary-file' && name && name !== 'report.txt') edit();
    });
    if (when === 'prose-lines') setTimeout(edit, 300);
    child.on('error', reject);
    child.on('exit', () => {
      watcher.close();
      resolve({ stderr, edited });
    });
  });
}

describe('--fix and an edit made while it runs', () => {
  test('large files, appended when the temporary file appears and while checking: the edit is kept, the CLI says so', async () => {
    const cases: { when: 'temporary-file' | 'prose-lines'; text: string }[] = [
      // Padding that makes the file large but cheap to lint: writing takes a while.
      { when: 'temporary-file', text: brokenSeed() + '\n' + ' '.repeat(3_000_000) + '\n' },
      // Many prose lines: checking takes a while (the edit lands before the fix is written).
      {
        when: 'prose-lines',
        text:
          brokenSeed() +
          Array.from({ length: 150_000 }, (_, i) => `本年度继续加强政府信息公开工作第${i}条。\n`).join(''),
      },
    ];
    for (const c of cases) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-race-'));
      try {
        fs.writeFileSync(path.join(dir, 'report.txt'), c.text);
        const r = await fixWhileEditing(dir, c.when);
        assert.ok(r.edited, `${c.when}: the edit was made`);
        const after = fs.readFileSync(path.join(dir, 'report.txt'), 'utf8');
        assert.ok(after.includes(EDIT), `${c.when}: the edit is kept`);
        const refused =
          /report\.txt: the file changed while it was being checked; not written \(the change is kept\); run again/.test(
            r.stderr,
          );
        // The append lands after the CLI read the file (when the temporary file appears, always): the fix is refused.
        // Had it landed before the read (a slow start), the CLI fixed the edited file: the edit is in it all the same.
        if (c.when === 'temporary-file') assert.ok(refused, r.stderr);
        if (refused) assert.equal(after, c.text + EDIT, `${c.when}: the fix was not written over the edit`);
        assert.deepEqual(fs.readdirSync(dir), ['report.txt'], 'no temporary file left');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
