/**
 * The workspace worker: a thread of the server that reads report files through the CLI's reader
 * (`io/read.ts readInput`: text, Word, PDF and web pages alike), parses and checks them, and answers
 * with small data. Reading a PDF takes a tenth of a second or more; here it never holds up a keystroke.
 */
import * as fs from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applySuppressions, identityOf, lint, lintPair, parse, type Finding } from '../../core';
import { readInput } from '../../io/read';
import { InputError } from '../../io/errors';
import { inputMessages } from '../../core/i18n/messages/input';
import { toDiagnostic } from '../convert';
import {
  WORKSPACE_WORKER_TAG,
  type CheckJob,
  type CheckResult,
  type FileRef,
  type FileStamp,
  type Job,
  type JobFailure,
  type JobRequest,
  type JobResponse,
} from './jobs';

/** Whether this thread is the workspace worker (then the language server must not start here). */
export function isWorkspaceWorker(): boolean {
  return !isMainThread && (workerData as { tag?: string } | undefined)?.tag === WORKSPACE_WORKER_TAG;
}

/** Texts read lately, so that a file identified and then checked is extracted once. Bounded in characters. */
const CACHE_CHARS = 8_000_000;
const texts = new Map<string, { stamp: FileStamp; text: string }>();
let cachedChars = 0;

function stampOf(file: string): FileStamp | undefined {
  try {
    const s = fs.statSync(file);
    return { mtimeMs: s.mtimeMs, size: s.size };
  } catch {
    return undefined;
  }
}

async function textOf(file: string): Promise<{ stamp: FileStamp; text: string }> {
  const stamp = stampOf(file);
  const hit = texts.get(file);
  if (hit && stamp && hit.stamp.mtimeMs === stamp.mtimeMs && hit.stamp.size === stamp.size) {
    texts.delete(file);
    texts.set(file, hit); // most recent last
    return hit;
  }
  const input = await readInput(file);
  const entry = { stamp: stamp ?? { mtimeMs: 0, size: 0 }, text: input.text };
  if (hit) {
    texts.delete(file);
    cachedChars -= hit.text.length;
  }
  if (entry.text.length <= CACHE_CHARS / 4) {
    texts.set(file, entry);
    cachedChars += entry.text.length;
    for (const [k, v] of texts) {
      if (cachedChars <= CACHE_CHARS) break;
      texts.delete(k);
      cachedChars -= v.text.length;
    }
  }
  return entry;
}

function failure(e: unknown): JobFailure {
  if (e instanceof InputError) return { ok: false, message: e.localized };
  const detail = e instanceof Error ? e.message : String(e);
  return { ok: false, message: inputMessages.internalError(detail) };
}

async function check(job: CheckJob): Promise<CheckResult> {
  const { stamp, text } = await textOf(job.file.path);
  const result = lint(text, { rules: job.rules });
  const identity = identityOf(result.model);
  const ruleErrors = result.errors.map((e) => `${e.ruleId}: ${e.message}`);
  if (!result.model.isReport)
    return { ok: true, stamp, identity, isReport: false, diagnostics: [], suppressed: 0, ruleErrors };
  let findings: Finding[] = result.findings;
  let previousDoc: TextDocument | undefined;
  if (job.previous) {
    try {
      const prev = await textOf(job.previous.path);
      previousDoc = TextDocument.create(job.previous.uri, 'govreport', 0, prev.text);
      const pair = lintPair(
        { model: result.model, name: job.file.name, uri: job.file.uri },
        { model: parse(prev.text), name: job.previous.name, uri: job.previous.uri },
        { rules: job.rules },
      );
      ruleErrors.push(...pair.errors.map((e) => `${e.ruleId}: ${e.message}`));
      findings = [...findings, ...pair.findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    } catch {
      // Last year's file went away or became unreadable: this year's checks stand alone.
    }
  }
  let suppressed = 0;
  if (job.suppressions.length > 0) {
    const applied = applySuppressions(text, findings, job.suppressions);
    findings = applied.kept;
    suppressed = applied.suppressed.length;
  }
  const doc = TextDocument.create(job.file.uri, 'govreport', 0, text);
  const other = (uri: string) => (uri === previousDoc?.uri ? previousDoc : undefined);
  return {
    ok: true,
    stamp,
    identity,
    isReport: true,
    diagnostics: findings.map((f) => toDiagnostic(doc, f, job.locale, other)),
    suppressed,
    ruleErrors,
  };
}

async function run(job: Job): Promise<JobResponse['result']> {
  try {
    if (job.op === 'check') return await check(job);
    const { stamp, text } = await textOf(job.file.path);
    if (job.op === 'read') return { ok: true, stamp, text };
    return { ok: true, stamp, identity: identityOf(parse(text)) };
  } catch (e) {
    return failure(e);
  }
}

/** Serves jobs one at a time until the main thread ends the worker. */
export function serveWorkspaceWorker(): void {
  const port = parentPort!;
  port.on('message', (req: JobRequest) => {
    void run(req.job).then((result) => port.postMessage({ id: req.id, result } satisfies JobResponse));
  });
}

export type { FileRef };
