/**
 * `--fix` on one text file: the edits to write (each as small as the fix, in the file's line endings),
 * and writing them so that every byte outside the fixed spans stays as it was (see io/encoding.ts
 * and io/write.ts for how, and for when the file is not written).
 */
import { diffChars, diffLines } from 'diff';
import { applyEdits } from '../core/text/edits';
import type { FixAllResult } from '../core/fixes/fixAll';
import type { Localized, TextEdit } from '../core/types';
import { decodeText, lineEndingOf, spliceEdits, toLineEnding } from '../io/encoding';
import { CHANGED_SINCE_READ, replaceFile, snapshotFile, WriteRefusal } from '../io/write';
import { detailOf } from '../io/errors';
import { cliMessages as M } from '../core/i18n/messages/cli';

/**
 * The edits of a fix against the original text, in its line endings. After one pass these are the
 * engine's own; after several, the differences of the texts, found line by line and then character
 * by character within each changed block (so an edit covers only characters that change).
 */
export function fileEdits(original: string, fixed: FixAllResult): TextEdit[] {
  const kind = lineEndingOf(original);
  const raw = fixed.passes <= 1 ? fixed.edits : differences(original, fixed.text);
  return raw.map((e) => ({ start: e.start, end: e.end, newText: toLineEnding(kind, e.newText) }));
}

function differences(a: string, b: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let pos = 0;
  const parts = diffLines(a, b);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) {
      pos += p.value.length;
      continue;
    }
    // A changed block: what was removed and what was added in its place.
    let removed = '';
    let added = '';
    for (; i < parts.length && (parts[i].added || parts[i].removed); i++) {
      if (parts[i].removed) removed += parts[i].value;
      else added += parts[i].value;
    }
    i--;
    let at = pos;
    let pending: TextEdit | undefined;
    for (const c of diffChars(removed, added)) {
      if (!c.added && !c.removed) {
        if (pending) edits.push(pending);
        pending = undefined;
        at += c.value.length;
        continue;
      }
      pending ??= { start: at, end: at, newText: '' };
      if (c.removed) {
        pending.end += c.value.length;
        at += c.value.length;
      } else pending.newText += c.value;
    }
    if (pending) edits.push(pending);
    pos += removed.length;
  }
  return edits;
}

/**
 * Writes `edits` (against `original`, the text that was checked) into `file`. Returns the written
 * text, or why nothing was written (the file is then as it was).
 */
export async function writeFixes(
  file: string,
  original: string,
  edits: readonly TextEdit[],
): Promise<{ text: string } | { error: Localized }> {
  let snap;
  try {
    snap = await snapshotFile(file);
  } catch (e) {
    if (e instanceof WriteRefusal) return { error: e.localized };
    return { error: M.writeFailed(detailOf(e)) };
  }
  const decoded = decodeText(snap.bytes);
  if (!decoded || decoded.text !== original) return { error: CHANGED_SINCE_READ };
  const text = applyEdits(original, edits);
  const bytes = spliceEdits(snap.bytes, decoded, edits);
  const back = bytes && decodeText(bytes);
  if (!bytes || !back || back.encoding !== decoded.encoding || back.bom !== decoded.bom || back.text !== text) {
    return { error: M.fixNotEncodable() };
  }
  try {
    await replaceFile(snap, bytes);
  } catch (e) {
    if (e instanceof WriteRefusal) return { error: e.localized };
    return { error: M.writeFailed(detailOf(e)) };
  }
  return { text };
}
