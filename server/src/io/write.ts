/**
 * Writing a fixed file without damaging it.
 *
 * `snapshotFile` reads the file as it is (through symbolic links, to the file they name); `replaceFile`
 * writes new contents to a temporary file in the same folder, flushed to disk, gives it the original's
 * owner, group and mode, checks that the original is still exactly what was read, and renames it over
 * the original (the link stays a link). It refuses, with a reason, rather than:
 * - write a file the user may not write (as `access(W_OK)` says), or one with no write permission at
 *   all (mode 444 and the like: read-only by intent, even for root);
 * - write a file with more than one hard link: a rename would split the links, and writing in place
 *   is not atomic (a crash or a full disk midway leaves a torn file under every name);
 * - change the owner or group (when the user may not give the new file the original's);
 * - overwrite an edit made after the file was read (size, modification time and SHA-256 compared
 *   just before the rename).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Localized } from '../core/types';
import { inputMessages } from '../core/i18n/messages/input';

export interface FileSnapshot {
  /** The path as given. */
  file: string;
  /** The file written: `file` with every symbolic link resolved. */
  real: string;
  bytes: Buffer;
  stat: fs.Stats;
  sha256: string;
}

export type WriteRefusalCode = 'not-regular' | 'read-only' | 'hard-links' | 'owner' | 'changed';

/** Why a file was not written: a reason for the user; the file is as it was. */
export class WriteRefusal extends Error {
  constructor(
    readonly code: WriteRefusalCode,
    readonly localized: Localized,
  ) {
    super(localized.en);
    this.name = 'WriteRefusal';
  }
}

/** The file is no longer what was read: the user's edit wins. */
export const CHANGED_SINCE_READ: Localized = inputMessages.changedSinceRead();

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads the file that `file` names (through links), with what is needed to replace it safely. */
export async function snapshotFile(file: string): Promise<FileSnapshot> {
  const real = await fs.promises.realpath(file);
  // Non-blocking: a FIFO put in the file's place is refused below instead of hanging the run.
  const handle = await fs.promises.open(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new WriteRefusal('not-regular', inputMessages.writeNotRegular());
    const bytes = await handle.readFile();
    return { file, real, bytes, stat, sha256: sha256(bytes) };
  } finally {
    await handle.close();
  }
}

/** The file system's limit on one name (bytes), for the temporary file's name. */
const NAME_MAX = 255;

/** `.<name>.<pid>.<random>.tmp` within NAME_MAX bytes: the original name is shortened (at a character boundary) when needed. */
export function tempNameFor(base: string): string {
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  let name = base;
  while (Buffer.byteLength(name) > room) name = [...name].slice(0, -1).join('');
  return `.${name}${suffix}`;
}

function modeText(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(3, '0');
}

/** Checks that the file may be replaced by this user; throws WriteRefusal. */
async function checkWritable(snap: FileSnapshot): Promise<void> {
  const { stat, real } = snap;
  const mode = modeText(stat.mode);
  try {
    await fs.promises.access(real, fs.constants.W_OK);
  } catch {
    throw new WriteRefusal('read-only', inputMessages.writeNoPermission(mode));
  }
  if ((stat.mode & 0o222) === 0) {
    throw new WriteRefusal('read-only', inputMessages.writeReadOnly(mode));
  }
  if (stat.nlink > 1) {
    throw new WriteRefusal('hard-links', inputMessages.writeHardLinks(stat.nlink));
  }
}

/** Whether the file at `snap.real` is still the one read, with the same contents. */
async function unchanged(snap: FileSnapshot): Promise<boolean> {
  let now: fs.Stats;
  try {
    now = await fs.promises.stat(snap.real);
  } catch {
    return false;
  }
  const s = snap.stat;
  if (now.dev !== s.dev || now.ino !== s.ino || now.size !== s.size || now.mtimeMs !== s.mtimeMs) return false;
  try {
    return sha256(await fs.promises.readFile(snap.real)) === snap.sha256;
  } catch {
    return false;
  }
}

/**
 * Replaces the contents of the file read into `snap` by `data`. Throws WriteRefusal when it must not
 * (see above), or the error of a failed write; in both cases the file is as it was.
 */
export async function replaceFile(
  snap: FileSnapshot,
  data: Uint8Array,
  hooks: { beforeRename?: () => Promise<void> } = {},
): Promise<void> {
  await checkWritable(snap);
  const dir = path.dirname(snap.real);
  const tmp = path.join(dir, tempNameFor(path.basename(snap.real)));
  const { uid, gid, mode } = snap.stat;
  const handle = await fs.promises.open(tmp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      const mine = await handle.stat();
      if (mine.uid !== uid || mine.gid !== gid) {
        try {
          await handle.chown(uid, gid);
        } catch {
          throw new WriteRefusal('owner', inputMessages.writeOwner(`${uid}:${gid}`));
        }
      }
      // After chown, which clears set-id bits.
      await handle.chmod(mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.beforeRename?.();
    if (!(await unchanged(snap))) {
      throw new WriteRefusal('changed', CHANGED_SINCE_READ);
    }
    await fs.promises.rename(tmp, snap.real);
    renamed = true;
  } finally {
    if (!renamed) await fs.promises.rm(tmp, { force: true });
  }
  // Make the rename itself durable; not every platform can open a folder for that.
  try {
    const d = await fs.promises.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* best effort */
  }
}

/**
 * Atomic replacement of a file by `data` (for callers that hold no snapshot): snapshot, then replace. A file
 * that does not exist yet is created whole or not at all, and never over a file that appeared meanwhile.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  let snap: FileSnapshot;
  try {
    snap = await snapshotFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await createFileAtomic(file, data);
    return;
  }
  await replaceFile(snap, data);
}

/** Writes a temporary file beside `file`, flushed, then links it to `file` (which fails if `file` exists). */
async function createFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), tempNameFor(path.basename(file)));
  const handle = await fs.promises.open(tmp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.link(tmp, file);
  } finally {
    await fs.promises.unlink(tmp).catch(() => undefined);
  }
}
