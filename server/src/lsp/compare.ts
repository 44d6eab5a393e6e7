/**
 * `govreport/compare` ("与上年报告对比"): this year's report against last year's, rendered by the same code
 * as `govreport-lint compare --format html` (core `features/compareView.ts`), with the range of every
 * figure in both documents so that the editor's panel links back to the cells.
 *
 * Each side is the open document when it is open, else the file read from disk by the CLI's reader (a
 * `govreport-extracted:` URI reads its Word, PDF or web file). Without `previousUri` the server asks the
 * `findPrevious` hook (the workspace index sets it); without an answer it replies `needPrevious` and the
 * client asks the user.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compareReports, identityOf, localize, parse, type Figure, type Locale, type Localized } from '../core';
import { compareHtmlBody, compareNotice, isChanged } from '../core/features/compareView';
import { reviewMessages as R } from '../core/i18n/messages/review';
import { inputMessages } from '../core/i18n/messages/input';
import { InputError, readInput, REPORT_EXTENSIONS } from '../io/read';
import { detailOf } from '../io/errors';
import { extractedUriOf, isExtractedKind, isExtractedUri, sourceUriOf } from './extracted';
import type { CompareParams, CompareResult, Range } from './protocol';

/**
 * Last year's report of the body whose report `uri` is (a document or file URI), or undefined when it is
 * not known. May answer later (a promise), e.g. while an index is being built.
 */
export type FindPrevious = (uri: string) => string | undefined | PromiseLike<string | undefined>;

/** What other parts of the server plug into the request. */
export interface CompareHooks {
  findPrevious?: FindPrevious;
}

export interface CompareEnv {
  documents: TextDocuments<TextDocument>;
  /** The message language for a document. */
  localeOf(uri: string): Promise<Locale>;
  hooks: CompareHooks;
  /** For problems of a hook (never shown to the user as an answer). */
  log(message: string): void;
  /**
   * Reads a file that is not open with the command-line reader: its text, or why it cannot be read. The server
   * reads on its extraction worker (a PDF must not stall typing); by default here, on this thread.
   */
  readText?(file: string): Promise<{ text: string } | { error: Localized }>;
}

/** The command-line reader on this thread, its failures as data. */
async function readHere(file: string): Promise<{ text: string } | { error: Localized }> {
  try {
    return { text: (await readInput(file)).text };
  } catch (e) {
    return { error: e instanceof InputError ? e.localized : inputMessages.unreadable(detailOf(e)) };
  }
}

/** One report as compared: its text as a document whose URI is the one a link opens. */
interface Side {
  doc: TextDocument;
  name: string;
}

/** The file name a URI shows ("2023年报.docx"), for the panel. */
function nameOf(uri: string): string {
  const fileUri = sourceUriOf(uri) ?? uri;
  if (fileUri.startsWith('file:')) {
    try {
      return path.basename(fileURLToPath(fileUri));
    } catch {
      // fall through: a malformed file URI is named by its last segment
    }
  }
  const last =
    fileUri
      .split(/[?#]/, 1)[0]
      .replace(/^[a-z][a-z0-9+.-]*:/i, '')
      .split('/')
      .pop() ?? fileUri;
  try {
    return decodeURIComponent(last) || fileUri;
  } catch {
    return last || fileUri;
  }
}

async function readSide(env: CompareEnv, uri: string): Promise<Side | { error: Localized }> {
  const { documents } = env;
  const name = nameOf(uri);
  const extracted = uri.startsWith('file:') && isExtractedKind(uri) ? extractedUriOf(uri) : undefined;
  const open = documents.get(uri) ?? (extracted ? documents.get(extracted) : undefined);
  if (open) return { doc: open, name };
  const fileUri = isExtractedUri(uri) ? sourceUriOf(uri) : uri.startsWith('file:') ? uri : undefined;
  let file: string | undefined;
  try {
    if (fileUri) file = fileURLToPath(fileUri);
  } catch {
    file = undefined;
  }
  if (!fileUri || !file) return { error: R.fileUnreadable(name, R.notOnDisk) };
  const read = await (env.readText ?? readHere)(file);
  if ('error' in read) return { error: R.fileUnreadable(name, read.error) };
  const { text } = read;
  // A Word, PDF or web file opens as its extracted text: the positions count in that text.
  const linkUri = isExtractedKind(fileUri) ? (extractedUriOf(fileUri) ?? fileUri) : fileUri;
  return { doc: TextDocument.create(linkUri, 'govreport', 0, text), name };
}

async function askHook(env: CompareEnv, uri: string): Promise<string | undefined> {
  const find = env.hooks.findPrevious;
  if (!find) return undefined;
  try {
    const found = await find(uri);
    return typeof found === 'string' && found !== '' ? found : undefined;
  } catch (e) {
    env.log(`govreport: looking up last year's report of ${uri} failed: ${detailOf(e)}`);
    return undefined;
  }
}

function rangeOf(doc: TextDocument, f: Figure | undefined): Range | undefined {
  return f ? { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) } : undefined;
}

export async function compareRequest(env: CompareEnv, p: CompareParams): Promise<CompareResult> {
  const lang = await env.localeOf(p.uri);
  const current = await readSide(env, p.uri);
  if ('error' in current) return { kind: 'unreadable', uri: p.uri, message: localize(current.error, lang) };
  const curModel = parse(current.doc.getText());
  const previousUri = p.previousUri ?? (await askHook(env, p.uri));
  if (!previousUri) {
    const id = identityOf(curModel);
    return {
      kind: 'needPrevious',
      extensions: Object.keys(REPORT_EXTENSIONS),
      ...(id ? { year: id.year, body: id.body } : {}),
    };
  }
  const previous = await readSide(env, previousUri);
  if ('error' in previous) return { kind: 'unreadable', uri: previousUri, message: localize(previous.error, lang) };
  const comparison = compareReports(parse(previous.doc.getText()), curModel);
  const names = { previousName: previous.name, currentName: current.name };
  const notice = compareNotice(comparison, names.previousName, names.currentName);
  return {
    kind: 'comparison',
    uri: current.doc.uri,
    previousUri: previous.doc.uri,
    title: `${localize(R.compareTitle, lang)} — ${current.name}`,
    html: compareHtmlBody({ comparison, ...names }, lang, { links: true }),
    figures: comparison.figures.map((f) => {
      const links: { previous?: Range; current?: Range } = {};
      const a = rangeOf(previous.doc, f.previous);
      const b = rangeOf(current.doc, f.current);
      if (a) links.previous = a;
      if (b) links.current = b;
      return links;
    }),
    changed: comparison.figures.filter(isChanged).length,
    ...(notice ? { notice: localize(notice, lang) } : {}),
    language: lang,
  };
}
