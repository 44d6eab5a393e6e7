/**
 * Checking files on worker threads, each file under limits. This module is also the worker's script:
 * loaded in a worker started by `checkInWorkers`, it serves check requests until told to stop.
 *
 * A worker checks one file at a time, so whatever happens while it does is that file's: past the
 * time budget the worker is stopped; a worker that runs out of heap (resourceLimits) or crashes ends;
 * when the process's memory passes the cap (buffers outside V8's heap, e.g. a PDF stream that
 * inflates to gigabytes) the worker on the longest-running file is stopped. In each case that file
 * gets an error result, a new worker takes the place of the old one, and the run goes on.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { FileChecker, displayPath } from './process';
import type { CheckSettings, FileResult } from './process';
import { inputMessages } from '../core/i18n/messages/input';
import { READER_WORKER_HEAP_MB } from '../io/read';
import type { Localized } from '../core/types';

const WORKER_TAG = 'govreport-lint-worker';

/** What one file may cost. */
export interface FileLimits {
  /** Wall-clock time for one file (read, extract, lint, fix), in milliseconds; 0 = none. */
  timeoutMs: number;
  /** V8 heap of one worker, in MB. */
  workerHeapMb: number;
  /** Resident memory of the whole process, in bytes, per worker (plus a base for the main thread). */
  rssPerWorkerBytes: number;
}

/** Default time budget per file (`--timeout-per-file`), in seconds. A report takes well under a second. */
export const DEFAULT_TIMEOUT_SECONDS = 20;

export const DEFAULT_FILE_LIMITS: FileLimits = {
  timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
  workerHeapMb: READER_WORKER_HEAP_MB,
  rssPerWorkerBytes: 1280 * 1024 * 1024,
};

const RSS_BASE_BYTES = 256 * 1024 * 1024;
/** How often the process's memory is looked at, in milliseconds. */
const MEMORY_POLL_MS = 25;

interface Request {
  index: number;
  file: string;
}
interface Response {
  index: number;
  result: FileResult;
}

/** Whether this thread is a checking worker (then the CLI must not run). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { tag?: string } | undefined)?.tag === WORKER_TAG;
}

function serve(): void {
  const settings = (workerData as { settings: CheckSettings }).settings;
  const checker = new FileChecker(settings);
  parentPort!.on('message', (req: Request | null) => {
    if (req === null) {
      parentPort!.close();
      return;
    }
    checker.check(req.file).then(
      (result) => parentPort!.postMessage({ index: req.index, result } satisfies Response),
      (e: unknown) =>
        parentPort!.postMessage({
          index: req.index,
          result: failedResult(req.file, settings, 'internal-error', inputMessages.internalError(String(e))),
        } satisfies Response),
    );
  });
}

if (isCheckWorker()) serve();

/** The result of a file whose check did not finish. */
export function failedResult(
  file: string,
  settings: Pick<CheckSettings, 'cwd'>,
  code: string,
  message: Localized,
): FileResult {
  return {
    path: file,
    display: displayPath(file, settings.cwd),
    status: 'error',
    error: { code, message },
    diagnostics: [],
    configNotes: [],
    ruleErrors: [],
  };
}

interface Slot {
  worker: Worker;
  /** The file being checked, and since when. */
  busy?: { index: number; since: number; timer?: NodeJS.Timeout };
  /** Being stopped: its file already has a result. */
  stopping: boolean;
}

/**
 * Checks `files` on `jobs` worker threads; results come back in input order, one for every file
 * whatever happens to a worker. `script` is the file the workers run (the bundle, or this module
 * when run unbundled).
 */
export function checkInWorkers(
  files: readonly string[],
  settings: CheckSettings,
  jobs: number,
  script: string,
  onProgress?: (done: number) => void,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<FileResult[]> {
  return new Promise((resolve) => {
    const results: FileResult[] = new Array(files.length);
    if (files.length === 0) {
      resolve(results);
      return;
    }
    let next = 0;
    let done = 0;
    let finished = false;
    const slots = new Set<Slot>();
    const maxRss = RSS_BASE_BYTES + limits.rssPerWorkerBytes * Math.max(1, jobs);

    const finish = () => {
      finished = true;
      clearInterval(watch);
      for (const s of slots) {
        if (s.busy?.timer) clearTimeout(s.busy.timer);
        if (s.stopping) continue;
        s.worker.postMessage(null);
        s.worker.unref();
      }
      resolve(results);
    };
    const record = (index: number, result: FileResult) => {
      if (results[index] !== undefined) return;
      results[index] = result;
      done++;
      onProgress?.(done);
      if (done === files.length) finish();
    };
    /** Ends the check of the slot's file with `message`, and stops its worker (a new one takes its place). */
    const fail = (slot: Slot, code: string, message: Localized) => {
      const busy = slot.busy;
      if (!busy) return;
      if (busy.timer) clearTimeout(busy.timer);
      slot.busy = undefined;
      slot.stopping = true;
      record(busy.index, failedResult(files[busy.index], settings, code, message));
      void slot.worker.terminate();
    };
    const feed = (slot: Slot) => {
      if (finished || slot.stopping) return;
      if (next >= files.length) {
        slot.worker.postMessage(null);
        return;
      }
      const index = next++;
      const busy: Slot['busy'] = { index, since: Date.now() };
      if (limits.timeoutMs > 0) {
        busy.timer = setTimeout(() => fail(slot, 'timeout', inputMessages.timeout(limits.timeoutMs)), limits.timeoutMs);
      }
      slot.busy = busy;
      slot.worker.postMessage({ index, file: files[index] } satisfies Request);
    };
    const start = () => {
      const worker = new Worker(script, {
        workerData: { tag: WORKER_TAG, settings },
        resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
      });
      const slot: Slot = { worker, stopping: false };
      slots.add(slot);
      worker.on('message', (res: Response) => {
        if (slot.busy?.index !== res.index) return;
        if (slot.busy.timer) clearTimeout(slot.busy.timer);
        slot.busy = undefined;
        record(res.index, res.result);
        feed(slot);
      });
      worker.on('error', (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(slot, 'out-of-memory', inputMessages.outOfMemory());
        else fail(slot, 'internal-error', inputMessages.workerDied(e.message));
      });
      worker.on('exit', (code) => {
        slots.delete(slot);
        fail(slot, 'internal-error', inputMessages.workerDied(`exit code ${code}`));
        // Its place is taken while files are left to check.
        if (!finished && next < files.length) feed(start());
      });
      return slot;
    };
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() <= maxRss) return;
      let oldest: Slot | undefined;
      for (const s of slots) if (s.busy && !s.stopping && (!oldest || s.busy.since < oldest.busy!.since)) oldest = s;
      if (oldest) fail(oldest, 'out-of-memory', inputMessages.outOfMemory());
    }, MEMORY_POLL_MS);
    watch.unref();
    for (let i = 0; i < Math.min(jobs, files.length); i++) feed(start());
  });
}
