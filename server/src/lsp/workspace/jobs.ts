/**
 * The messages between the server's main thread and its workspace worker, declared once. Everything
 * here is plain data (structured clone): identities, localized messages and LSP diagnostics, never a
 * report's model.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Locale, Localized, ReportIdentity, SeveritySetting, SuppressionEntry } from '../../core';

/** A report file of the workspace: its path on disk and the URI its diagnostics are published on. */
export interface FileRef {
  path: string;
  /** `file:` for text and Markdown, the extracted URI for Word, PDF and web pages. */
  uri: string;
  /** Shown in messages (the path relative to its workspace folder). */
  name: string;
}

/** Who the file is: read, extracted and parsed in the worker. */
export interface IdentifyJob {
  op: 'identify';
  file: FileRef;
}

/** A file's text, for last year's report of an open document (parsed on the main thread once). */
export interface ReadJob {
  op: 'read';
  file: FileRef;
}

/** Every check on a workspace file, with the cross-year checks when last year's report is known. */
export interface CheckJob {
  op: 'check';
  file: FileRef;
  previous?: FileRef;
  rules: Record<string, SeveritySetting>;
  suppressions: SuppressionEntry[];
  locale: Locale;
}

export type Job = IdentifyJob | ReadJob | CheckJob;

/** What the file was when it was read (a later change on disk makes the result stale). */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export interface IdentifyResult {
  ok: true;
  stamp: FileStamp;
  identity?: ReportIdentity;
}

export interface ReadResult {
  ok: true;
  stamp: FileStamp;
  text: string;
}

export interface CheckResult {
  ok: true;
  stamp: FileStamp;
  identity?: ReportIdentity;
  /** Whether the file is a report (a README beside the reports gets no diagnostics). */
  isReport: boolean;
  diagnostics: Diagnostic[];
  suppressed: number;
  /** Rules that threw (logged by the main thread). */
  ruleErrors: string[];
}

export interface JobFailure {
  ok: false;
  message: Localized;
}

export type JobResult<J extends Job> =
  (J extends IdentifyJob ? IdentifyResult : J extends ReadJob ? ReadResult : CheckResult) | JobFailure;

export interface JobRequest {
  id: number;
  job: Job;
}

export interface JobResponse {
  id: number;
  result: IdentifyResult | ReadResult | CheckResult | JobFailure;
}

/** Marks the worker thread in `workerData`. */
export const WORKSPACE_WORKER_TAG = 'govreport-workspace-worker';
