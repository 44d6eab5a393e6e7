/**
 * The `extract` command: read each report, and write its figures as JSON or CSV (formats documented
 * in docs/cli.md). Files are read as by the checker (same kinds, encodings and errors).
 */
import { localize, parse } from '../core';
import type { Locale, Localized } from '../core/types';
import { readInput, InputError } from '../io/read';
import { detailOf } from '../io/errors';
import type { CliOptions } from './args';
import { EXIT_OK, EXIT_USAGE_OR_IO, IO_LANES, discoverInputs, outputIsAnInput, stderrSay, writeOutput } from './shared';
import { cliMessages as M } from '../core/i18n/messages/cli';
import { inputMessages } from '../core/i18n/messages/input';
import { displayPath } from './process';
import { extractRecord } from './extract';
import type { Figure, ReportRecord } from './extract';

/** One input's outcome: a record, or why there is none. */
export interface ExtractResult {
  file: string;
  record?: ReportRecord;
  skipped?: 'not-a-report';
  error?: { code: string; message: Localized };
}

export interface ExtractIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

/** Some figure could not be read (docs/cli.md). */
const EXIT_UNREADABLE_FIGURES = 1;

/** Reads one file and extracts its record. Never throws. */
export async function extractFile(
  file: string,
  cwd: string,
  options: { force: boolean; maxBytes?: number },
): Promise<ExtractResult> {
  const out: ExtractResult = { file: displayPath(file, cwd) };
  let text: string;
  try {
    text = (await readInput(file, { maxBytes: options.maxBytes })).text;
  } catch (e) {
    out.error =
      e instanceof InputError
        ? { code: e.code, message: e.localized }
        : { code: 'unreadable', message: inputMessages.unreadable(detailOf(e)) };
    return out;
  }
  const model = parse(text);
  if (!model.isReport && !options.force) out.skipped = 'not-a-report';
  else out.record = extractRecord(model);
  return out;
}

export async function runExtract(o: CliOptions, io: ExtractIo): Promise<number> {
  const lang = o.lang;
  const say = stderrSay(io.stderr, lang);
  const found = discoverInputs(o.inputs, io.cwd, say);
  if (outputIsAnInput(o.outputFile, found.files, io.cwd)) {
    say(M.outputIsInput(o.outputFile!));
    return EXIT_USAGE_OR_IO;
  }
  let ioFailure = found.failed;
  const results: ExtractResult[] = new Array(found.files.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < found.files.length; i = next++) {
      results[i] = await extractFile(found.files[i], io.cwd, { force: o.force, maxBytes: o.maxBytes });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IO_LANES, found.files.length) }, lane));

  let unreadableFigures = 0;
  for (const r of results) {
    if (r.error) {
      ioFailure = true;
      say(M.aboutInput(r.file, r.error.message));
    } else if (r.skipped) {
      say(M.extractSkipped(r.file));
    } else if (r.record) {
      const n = r.record.figures.filter((f) => f.state === 'unreadable').length;
      unreadableFigures += n;
      if (o.verbose) {
        say(M.extractCounts(r.file, countStates(r.record.figures)));
      }
    }
  }

  const output = o.format === 'csv' ? formatExtractCsv(results) : formatExtractJson(results, lang);
  if (!writeOutput(output, o.outputFile, io, say)) ioFailure = true;

  if (ioFailure) return EXIT_USAGE_OR_IO;
  return unreadableFigures > 0 ? EXIT_UNREADABLE_FIGURES : EXIT_OK;
}

function countStates(figures: readonly Figure[]): Record<Figure['state'], number> {
  const c = { read: 0, inferred: 0, blank: 0, unreadable: 0 };
  for (const f of figures) c[f.state]++;
  return c;
}

// ---------------------------------------------------------------- JSON

export interface JsonFigure {
  label: string;
  value: number | null;
  state: Figure['state'];
  reason?: Figure['reason'];
  raw?: string;
  line?: number;
}

export interface JsonExtractEntry {
  file: string;
  title?: string | null;
  body?: string | null;
  year?: number | null;
  edition?: string;
  figures?: Record<string, JsonFigure>;
  skipped?: 'not-a-report';
  error?: { code: string; message: string };
}

export function toExtractJson(results: readonly ExtractResult[], lang: Locale): JsonExtractEntry[] {
  return results.map((r) => {
    const e: JsonExtractEntry = { file: r.file };
    if (r.error) e.error = { code: r.error.code, message: localize(r.error.message, lang) };
    if (r.skipped) e.skipped = r.skipped;
    if (r.record) {
      e.title = r.record.title ?? null;
      e.body = r.record.body ?? null;
      e.year = r.record.year ?? null;
      e.edition = r.record.edition;
      e.figures = {};
      for (const f of r.record.figures) {
        const j: JsonFigure = { label: f.label, value: f.value ?? null, state: f.state };
        if (f.reason) j.reason = f.reason;
        if (f.raw !== undefined) j.raw = f.raw;
        if (f.line !== undefined) j.line = f.line;
        e.figures[f.field] = j;
      }
    }
    return e;
  });
}

export function formatExtractJson(results: readonly ExtractResult[], lang: Locale): string {
  return JSON.stringify(toExtractJson(results, lang), null, 2) + '\n';
}

// ---------------------------------------------------------------- CSV

/** The CSV columns, in order (the header row). */
export const CSV_COLUMNS = [
  'file',
  'body',
  'year',
  'edition',
  'field',
  'label',
  'value',
  'state',
  'reason',
  'line',
] as const;

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. Text that a
 * spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe; numbers
 * are written as numbers.
 */
export function csvField(v: string | number | undefined | null): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Long format: one row per figure of every report, after a header row; UTF-8 with a BOM, CRLF line ends. */
export function formatExtractCsv(results: readonly ExtractResult[]): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const r of results) {
    if (!r.record) continue;
    const { body, year, edition } = r.record;
    for (const f of r.record.figures) {
      lines.push(
        [
          csvField(r.file),
          csvField(body),
          csvField(year),
          csvField(edition),
          csvField(f.field),
          csvField(f.label),
          csvField(f.value),
          csvField(f.state),
          csvField(f.reason),
          csvField(f.line),
        ].join(','),
      );
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
