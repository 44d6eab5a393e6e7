/**
 * The text of a Word, PDF or web file for its read-only `govreport-extracted:` document: read by the
 * command-line tool's reader (`readInput`), so the editor shows and checks exactly the text that
 * `govreport-lint` checks and `govreport-lint extract` reads.
 *
 * Reading runs on a worker thread: a PDF takes 0.1–0.3 s to extract (a damaged or crafted one far
 * longer), and the server's main loop must go on answering the documents being typed in. One worker
 * reads one file at a time; past the time budget it is stopped (and the read fails with a message),
 * one that runs out of heap or crashes ends, and the next read starts a new one. An idle worker is
 * stopped after a while, so the memory pdf.js holds is given back.
 *
 * This module is also the worker's script: the server's bundle, started as a worker with
 * EXTRACT_WORKER_TAG, serves reads here instead of starting a server (see main.ts).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { localize, type Locale, type Localized } from '../core';
import { extractedMessages } from '../core/i18n/messages/extracted';
import { inputMessages } from '../core/i18n/messages/input';
import { InputError, READER_WORKER_HEAP_MB, readInput, type InputKind } from '../io/read';
import { isExtractedKind, isExtractedUri, sourceUriOf } from './extracted';
import type { ExtractedTextResult } from './protocol';

const EXTRACT_WORKER_TAG = 'govreport-extract-worker';

/** What one read may cost. A report's file takes well under a second. */
export const EXTRACT_LIMITS = {
  /** Wall-clock time of one read, in milliseconds. */
  timeoutMs: 20_000,
  /** V8 heap of the worker, in MB. */
  workerHeapMb: READER_WORKER_HEAP_MB,
  /** An idle worker is stopped after this many milliseconds. */
  idleMs: 30_000,
};

interface ReadRequest {
  id: number;
  file: string;
}

type ReadResponse =
  { id: number; text: string; kind: InputKind } | { id: number; error: { code: string; message: Localized } };

/** Whether this thread is the reading worker (then the server must not start). */
export function isExtractWorker(): boolean {
  return !isMainThread && (workerData as { tag?: string } | undefined)?.tag === EXTRACT_WORKER_TAG;
}

/** One read, answered as data (never thrown). */
async function readOne(req: ReadRequest): Promise<ReadResponse> {
  try {
    const input = await readInput(req.file);
    return { id: req.id, text: input.text, kind: input.kind };
  } catch (e) {
    if (e instanceof InputError) return { id: req.id, error: { code: e.code, message: e.localized } };
    return {
      id: req.id,
      error: {
        code: 'internal-error',
        message: inputMessages.internalError(e instanceof Error ? e.message : String(e)),
      },
    };
  }
}

function serve(): void {
  parentPort!.on('message', (req: ReadRequest | null) => {
    if (req === null) {
      parentPort!.close();
      return;
    }
    void readOne(req).then((res) => parentPort!.postMessage(res));
  });
}

if (isExtractWorker()) serve();

interface Pending {
  req: ReadRequest;
  resolve: (res: ReadResponse) => void;
}

/** Reads files on one worker thread, one at a time, in the order asked. */
export class ExtractionReader {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timer: NodeJS.Timeout } | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private disposed = false;

  /** `script`: the file the worker runs (the server's bundle, which holds this module). */
  constructor(
    private readonly script: string = __filename,
    private readonly limits = EXTRACT_LIMITS,
  ) {}

  read(file: string): Promise<ReadResponse> {
    const req: ReadRequest = { id: this.nextId++, file };
    if (this.disposed)
      return Promise.resolve(readFailure(req, 'internal-error', inputMessages.internalError('stopped')));
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.stopWorker();
    const failed = [...(this.current ? [this.current.pending] : []), ...this.queue.splice(0)];
    if (this.current) clearTimeout(this.current.timer);
    this.current = undefined;
    for (const p of failed) p.resolve(readFailure(p.req, 'internal-error', inputMessages.internalError('stopped')));
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const pending = this.queue.shift()!;
    let worker: Worker;
    try {
      worker = this.worker ?? this.startWorker();
    } catch (e) {
      // No worker could be started: read here (correct, only not off the main loop).
      void readOne(pending.req).then((res) => {
        pending.resolve(res);
        this.pump();
      });
      return;
    }
    const timer = setTimeout(() => {
      this.finish(readFailure(pending.req, 'timeout', extractedMessages.timeout(this.limits.timeoutMs)));
      this.stopWorker();
    }, this.limits.timeoutMs);
    this.current = { pending, timer };
    worker.postMessage(pending.req);
  }

  /** Ends the current read with `res` and goes on with the next. */
  private finish(res: ReadResponse): void {
    const cur = this.current;
    if (!cur || cur.pending.req.id !== res.id) return;
    clearTimeout(cur.timer);
    this.current = undefined;
    cur.pending.resolve(res);
    if (this.queue.length > 0) this.pump();
    else if (!this.disposed) {
      this.idleTimer = setTimeout(() => this.stopWorker(), this.limits.idleMs);
      this.idleTimer.unref();
    }
  }

  private startWorker(): Worker {
    const worker = new Worker(this.script, {
      workerData: { tag: EXTRACT_WORKER_TAG },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb },
      stdout: true,
      stderr: true,
    });
    // The worker's console output must not reach the server's stdout (the protocol, over stdio).
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref();
    worker.on('message', (res: ReadResponse) => this.finish(res));
    worker.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const cur = this.current;
      if (!cur) return;
      this.finish(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? readFailure(cur.pending.req, 'out-of-memory', extractedMessages.outOfMemory())
          : readFailure(cur.pending.req, 'internal-error', extractedMessages.workerDied(e.message)),
      );
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const cur = this.current;
      if (cur)
        this.finish(readFailure(cur.pending.req, 'internal-error', extractedMessages.workerDied(`exit code ${code}`)));
    });
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }
}

function readFailure(req: ReadRequest, code: string, message: Localized): ReadResponse {
  return { id: req.id, error: { code, message } };
}

/**
 * The `govreport/extractedText` request: the text of the file an extracted URI names, or why it
 * cannot be given, in `locale`.
 */
export async function extractedText(
  reader: ExtractionReader,
  uri: string,
  locale: Locale,
): Promise<ExtractedTextResult> {
  const source = isExtractedUri(uri) && isExtractedKind(uri) ? sourceUriOf(uri) : undefined;
  let file: string | undefined;
  try {
    file = source ? fileURLToPath(source) : undefined;
  } catch {
    file = undefined;
  }
  if (!file) return { error: { code: 'not-extracted', message: localize(extractedMessages.notExtracted(), locale) } };
  const res = await reader.read(file);
  if ('error' in res) return { error: { code: res.error.code, message: localize(res.error.message, locale) } };
  return { text: res.text, kind: res.kind };
}
