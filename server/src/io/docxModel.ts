/**
 * Lines of text from mammoth's document model, walked directly: the same lines the HTML reader
 * (html.ts) gives for the HTML mammoth would write from that model, without writing or parsing it.
 *
 * What mammoth's HTML holds, and so what the walk reproduces (mammoth's default style map):
 * - every paragraph (plain, heading, list item at any level) is a block: it ends a line before and after;
 * - runs and hyperlinks are inline; text is kept, a tab is a tab, a line break ends a line, page and
 *   column breaks, bookmarks, checkboxes, images and comment references give nothing;
 * - a footnote or endnote reference is `[n]`, numbered in reference order;
 * - a table is a data table (rows of cells, spans from gridSpan and vMerge) unless it holds another
 *   table: then it is a layout table, whose rows and cells are blocks.
 * The notes section (mammoth's `<ol>` of the notes referenced) is left to the caller.
 *
 * The walk knows the shapes a well-formed document has. On anything else — a table holding
 * something besides rows, a row holding something besides cells, a row or cell outside its parent,
 * a block inside a paragraph or a run, a NUL character, nesting deeper than MAX_DEPTH, a note
 * reference whose id is not a number — a browser's parser would move things about, so the walk
 * gives up (returns undefined) and the caller converts through HTML, as before.
 */
import { collapseWhitespace, joinCellLines, spanValue, tableLines, MAX_COLSPAN, MAX_ROWSPAN } from './html';

/** The fields of mammoth's document elements that the walk reads (mammoth/lib/documents.js). */
export interface ModelElement {
  type: string;
  children?: ModelElement[];
  /** text */
  value?: string;
  /** break: 'line', 'page' or 'column' */
  breakType?: string;
  /** tableCell */
  colSpan?: number;
  rowSpan?: number;
  /** noteReference */
  noteType?: string;
  noteId?: string;
}

/** Nesting the walk follows; deeper documents go the HTML way (where mammoth's own recursion decides). */
export const MAX_DEPTH = 400;

/** Where an element stands: among blocks, inside a paragraph or run, directly in a table, or in a row. */
type Place = 'block' | 'inline' | 'table' | 'row';

class Irregular extends Error {}

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

interface DataTable {
  rows: Cell[][];
  row?: Cell[];
  cell?: string[];
}

/** The result of a walk: the body's lines, and the note references in the order they were met. */
export interface ModelText {
  text: string;
  noteReferences: ModelElement[];
}

/**
 * Whether a table holds another table (then it is a layout table). In the shapes the walk follows a
 * table stands only among blocks, so a table inside it is a block of one of its cells; a table placed
 * anywhere else makes the walk give up, whatever this says.
 */
function holdsTable(table: ModelElement): boolean {
  for (const row of table.children ?? []) {
    for (const cell of row.children ?? []) {
      for (const block of cell.children ?? []) if (block.type === 'table') return true;
    }
  }
  return false;
}

/** Walks the body of a mammoth document; undefined when its shape is one the walk does not follow. */
export function modelToText(document: ModelElement): ModelText | undefined {
  const lines: string[] = [];
  let inline: string[] = [];
  let table: DataTable | undefined;
  const noteReferences: ModelElement[] = [];

  const endLine = () => {
    if (inline.length === 0) return;
    const text = collapseWhitespace(inline.join(''));
    inline = [];
    if (text === '') return;
    if (table?.cell) table.cell.push(text);
    else lines.push(text);
  };

  const walkAll = (els: readonly ModelElement[] | undefined, place: Place, depth: number) => {
    if (!els) return;
    if (depth > MAX_DEPTH) throw new Irregular();
    for (const el of els) walk(el, place, depth);
  };

  const walk = (el: ModelElement, place: Place, depth: number): void => {
    switch (el.type) {
      case 'paragraph':
        if (place !== 'block') throw new Irregular();
        endLine();
        walkAll(el.children, 'inline', depth + 1);
        endLine();
        return;
      case 'run':
      case 'hyperlink':
        if (place === 'table' || place === 'row') throw new Irregular();
        walkAll(el.children, 'inline', depth + 1);
        return;
      case 'text': {
        if (place === 'table' || place === 'row') throw new Irregular();
        const v = el.value ?? '';
        if (v.includes('\0')) throw new Irregular();
        inline.push(v);
        return;
      }
      case 'tab':
        if (place === 'table' || place === 'row') throw new Irregular();
        inline.push('\t');
        return;
      case 'break':
        if (el.breakType !== 'line') return;
        if (place === 'table' || place === 'row') throw new Irregular();
        endLine();
        return;
      case 'noteReference': {
        if (place === 'table' || place === 'row') throw new Irregular();
        // The reference's anchor carries the id (`footnote-ref-<id>`): only numbers are known to be plain.
        if (typeof el.noteId !== 'string' || !/^-?\d+$/.test(el.noteId)) throw new Irregular();
        noteReferences.push(el);
        inline.push(`[${noteReferences.length}]`);
        return;
      }
      case 'table': {
        if (place !== 'block') throw new Irregular();
        endLine();
        const layout = holdsTable(el);
        if (!layout && !table) {
          table = { rows: [] };
          walkAll(el.children, 'table', depth + 1);
          for (const l of tableLines(table.rows)) lines.push(l);
          table = undefined;
        } else walkAll(el.children, 'table', depth + 1);
        endLine();
        return;
      }
      case 'tableRow':
        if (place !== 'table') throw new Irregular();
        endLine();
        if (table) {
          table.row = [];
          walkAll(el.children, 'row', depth + 1);
          table.rows.push(table.row);
          table.row = undefined;
        } else walkAll(el.children, 'row', depth + 1);
        endLine();
        return;
      case 'tableCell':
        if (place !== 'row') throw new Irregular();
        endLine();
        if (table) {
          table.cell = [];
          walkAll(el.children, 'block', depth + 1);
          endLine();
          (table.row ??= []).push({
            text: joinCellLines(table.cell),
            colspan: spanValue(el.colSpan === 1 ? undefined : String(el.colSpan), MAX_COLSPAN, 1),
            rowspan: spanValue(el.rowSpan === 1 ? undefined : String(el.rowSpan), MAX_ROWSPAN, MAX_ROWSPAN),
          });
          table.cell = undefined;
        } else walkAll(el.children, 'block', depth + 1);
        endLine();
        return;
      case 'bookmarkStart':
      case 'commentReference':
      case 'checkbox':
      case 'image':
        // No text. (A bookmark stands in tables too: an empty anchor, moved out by the parser, unseen.)
        if ((place === 'table' || place === 'row') && el.type !== 'bookmarkStart' && el.type !== 'commentReference')
          throw new Irregular();
        return;
      default:
        // Elements mammoth's converter has no handler for give nothing; the rest are out of place.
        if (el.type === 'document' || el.type === 'note' || el.type === 'comment') throw new Irregular();
        return;
    }
  };

  try {
    walkAll(document.children, 'block', 0);
    endLine();
  } catch (e) {
    if (e instanceof Irregular || e instanceof RangeError) return undefined;
    throw e;
  }
  return { text: lines.join('\n'), noteReferences };
}
