/**
 * The main thread's end of the workspace worker: one thread, one job at a time, two queues. A job an
 * open document waits for (last year's text) goes first; background jobs (identifying and checking the
 * workspace's files) wait while the user types, so that they never compete with a keystroke's check.
 * A job past its time budget ends the worker (a new one takes its place) and fails.
 */
import { Worker } from 'node:worker_threads';
import { inputMessages } from '../../core/i18n/messages/input';
import { WORKSPACE_WORKER_TAG, type Job, type JobRequest, type JobResponse, type JobResult } from './jobs';

/** How long background work waits after a keystroke. */
export const TYPING_PAUSE_MS = 400;
/** Time budget of one file (read, extract, check). */
const JOB_TIMEOUT_MS = 20_000;
/** Heap of the worker: a report is tens of kilobytes, a large PDF's extraction far less than this. */
const WORKER_HEAP_MB = 512;

interface Queued {
  job: Job;
  resolve: (r: JobResponse['result']) => void;
}

export class WorkerPool {
  private worker: Worker | undefined;
  private readonly urgent: Queued[] = [];
  private readonly background: Queued[] = [];
  private busy: { id: number; q: Queued; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private pausedUntil = 0;
  private wake: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    /** The script the worker runs: the server's own bundle, which serves jobs when started as the worker. */
    private readonly script: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Runs a job; `urgent` jobs go before background ones and do not wait for typing to pause. */
  run<J extends Job>(job: J, urgent = false): Promise<JobResult<J>> {
    return new Promise((resolve) => {
      if (this.disposed) {
        resolve({ ok: false, message: inputMessages.unreadable('server shutting down') });
        return;
      }
      (urgent ? this.urgent : this.background).push({ job, resolve: resolve as Queued['resolve'] });
      this.pump();
    });
  }

  /** A keystroke: background jobs wait a little. */
  typing(): void {
    this.pausedUntil = Date.now() + TYPING_PAUSE_MS;
  }

  /** Background jobs not started yet are dropped (each resolves as failed). */
  dropBackground(): void {
    for (const q of this.background.splice(0)) q.resolve({ ok: false, message: inputMessages.unreadable('cancelled') });
  }

  get pending(): number {
    return this.background.length + this.urgent.length + (this.busy ? 1 : 0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.wake) clearTimeout(this.wake);
    this.dropBackground();
    for (const q of this.urgent.splice(0)) q.resolve({ ok: false, message: inputMessages.unreadable('cancelled') });
    if (this.busy) clearTimeout(this.busy.timer);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.busy || this.disposed) return;
    let q = this.urgent.shift();
    if (!q && this.background.length > 0) {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) {
        if (!this.wake)
          this.wake = setTimeout(() => {
            this.wake = undefined;
            this.pump();
          }, wait);
        return;
      }
      q = this.background.shift();
    }
    if (!q) return;
    const id = this.nextId++;
    const timer = setTimeout(() => this.timedOut(id), JOB_TIMEOUT_MS);
    this.busy = { id, q, timer };
    this.ensureWorker().postMessage({ id, job: q.job } satisfies JobRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, {
      workerData: { tag: WORKSPACE_WORKER_TAG },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: true,
      stderr: true,
    });
    w.stdout.resume();
    w.stderr.on('data', (d) => this.log(`govreport: workspace worker: ${String(d).trimEnd()}`));
    w.on('message', (m: JobResponse) => this.finish(m.id, m.result));
    w.on('error', (e) => this.lost(w, e.message));
    w.on('exit', (code) => this.lost(w, `exited with code ${code}`));
    w.unref();
    this.worker = w;
    return w;
  }

  private finish(id: number, result: JobResponse['result']): void {
    const b = this.busy;
    if (!b || b.id !== id) return;
    clearTimeout(b.timer);
    this.busy = undefined;
    b.q.resolve(result);
    this.pump();
  }

  private timedOut(id: number): void {
    if (!this.busy || this.busy.id !== id) return;
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    this.finish(id, { ok: false, message: inputMessages.timeout(JOB_TIMEOUT_MS) });
  }

  /** The worker crashed or ran out of memory: its job fails, a new worker serves the rest. */
  private lost(w: Worker, why: string): void {
    if (this.worker !== w) return;
    this.worker = undefined;
    if (!this.disposed) this.log(`govreport: workspace worker stopped (${why}); a new one takes over`);
    if (this.busy) this.finish(this.busy.id, { ok: false, message: inputMessages.unreadable(why) });
  }
}
