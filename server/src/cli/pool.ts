/**
 * Checking files on worker threads. This module is also the worker's script: loaded in a worker
 * started by `checkInWorkers`, it serves check requests until told to stop.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { FileChecker } from './process';
import type { CheckSettings, FileResult } from './process';

const WORKER_TAG = 'govreport-lint-worker';

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
  const checker = new FileChecker((workerData as { settings: CheckSettings }).settings);
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
          result: {
            path: req.file,
            display: req.file,
            status: 'error',
            error: { code: 'unreadable', message: { zh: `内部错误：${String(e)}`, en: `internal error: ${String(e)}` } },
            diagnostics: [],
            configNotes: [],
            ruleErrors: [],
          },
        } satisfies Response),
    );
  });
}

if (isCheckWorker()) serve();

/**
 * Checks `files` on `jobs` worker threads; results come back in input order. `script` is the file
 * the workers run (the bundle, or this module when run unbundled).
 */
export function checkInWorkers(
  files: readonly string[],
  settings: CheckSettings,
  jobs: number,
  script: string,
  onProgress?: (done: number) => void,
): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const results: FileResult[] = new Array(files.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const workers: Worker[] = [];
    const feed = (w: Worker) => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, file: files[index] } satisfies Request);
      } else w.postMessage(null);
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) {
      const w = new Worker(script, { workerData: { tag: WORKER_TAG, settings } });
      workers.push(w);
      w.on('message', (res: Response) => {
        results[res.index] = res.result;
        done++;
        onProgress?.(done);
        if (done === files.length) {
          for (const x of workers) x.postMessage(null);
          resolve(results);
        } else feed(w);
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        for (const x of workers) void x.terminate();
        reject(e);
      });
      feed(w);
    }
    if (files.length === 0) resolve(results);
  });
}
