/**
 * Plain text of an HTML document — a saved web page, or the HTML mammoth writes for a Word
 * document — laid out as a copy from a browser or from Word looks:
 *
 * - one line per block (paragraph, heading, list item, div …); `<br>` breaks a line;
 * - one line per table row, cells separated by tabs. Merged cells are expanded into the table's
 *   grid: a cell's text stands in its first grid position and every position it covers is an empty
 *   field, so columns stay where they are (positions covered at the very end of a row carry nothing
 *   and are left out). A cell written empty is an empty field. A row with no text at all is dropped;
 * - the text of one cell stays on one line: its paragraphs and `<br>` lines are joined, with no
 *   space between two CJK characters (`社会`/`公益`/`组织` → 社会公益组织) and one space otherwise;
 * - a table holding another table is a layout table: its cells are blocks, and the tables inside
 *   give the rows;
 * - whitespace collapses as a browser collapses it (a line break between two CJK characters
 *   disappears, as CSS Text prescribes for Chinese); runs of no-break spaces become one space;
 * - `<head>`, scripts, styles, templates, comments (Word's conditional comments too), form controls,
 *   hidden elements and navigation chrome (`<nav>`, page-level `<header>`/`<footer>`, breadcrumbs and
 *   menus named as such) are left out.
 *
 * The HTML is parsed by parse5, the WHATWG-conformant parser (implied `<tbody>`, unclosed `<p>` and
 * `<td>`, stray tags and entities handled as a browser handles them).
 */
import type { DefaultTreeAdapterMap } from 'parse5' with { 'resolution-mode': 'import' };

type Parse5 = typeof import('parse5', { with: { 'resolution-mode': 'import' } });
type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let loading: Promise<Parse5> | undefined;

/** parse5 is an ES module: loaded once, on first use. */
function loadParse5(): Promise<Parse5> {
  loading ??= import('parse5');
  return loading;
}

/** Converts an HTML document (or fragment) to lines of text. */
export async function htmlToText(html: string): Promise<string> {
  const parse5 = await loadParse5();
  return documentToText(parse5.parse(html));
}

// ---------------------------------------------------------------- what is left out

/** Elements whose content is never text of the page. */
const SKIPPED = new Set([
  'head',
  'title',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'option',
  'datalist',
  'textarea',
  'input',
  'button',
  'canvas',
  'audio',
  'video',
  'map',
  'nav',
]);

/** Elements that end a line before and after them. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'xmp',
  'caption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);

/** Class or id words that name navigation chrome (breadcrumbs, menus, site footers). */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'footer',
  'sitemap',
]);
const CHROME_ROLES = new Set(['navigation', 'menu', 'menubar', 'search']);
const PAGE_ROLES = new Set(['banner', 'contentinfo']);
/** Elements inside which `<header>`/`<footer>` belong to the content, not to the page. */
const SECTIONING = new Set(['article', 'main', 'section', 'aside', 'td', 'th']);
/** Chrome found by its class or id is left out only when it is short and holds no table: never the report. */
const CHROME_MAX_CHARS = 300;

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function childrenOf(n: Node): readonly Node[] {
  return 'childNodes' in n ? n.childNodes : [];
}

function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  const style = attr(el, 'style');
  return style !== undefined && /(^|;)\s*display\s*:\s*none\b/i.test(style);
}

/** Per element: whether it holds a table, and how many characters of text it holds. Computed once, bottom-up. */
interface Extent {
  table: boolean;
  chars: number;
}

function extents(root: Node): Map<Element, Extent> {
  const out = new Map<Element, Extent>();
  // Iterative post-order: pages can nest deeper than the call stack.
  const stack: { node: Node; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (!top.done) {
      stack.push({ node: top.node, done: true });
      for (const c of childrenOf(top.node)) stack.push({ node: c, done: false });
      continue;
    }
    if (!isElement(top.node)) continue;
    const e: Extent = { table: false, chars: 0 };
    for (const c of top.node.childNodes) {
      if (c.nodeName === '#text') e.chars += (c as DefaultTreeAdapterMap['textNode']).value.length;
      else if (isElement(c)) {
        const x = out.get(c)!;
        e.table ||= x.table || c.tagName === 'table';
        e.chars += x.chars;
      }
    }
    out.set(top.node, e);
  }
  return out;
}

function isChrome(el: Element, extent: Extent, inSection: boolean): boolean {
  if (el.tagName === 'html' || el.tagName === 'body') return false;
  const role = attr(el, 'role')?.trim().toLowerCase();
  if (role && CHROME_ROLES.has(role)) return true;
  if (extent.table) return false;
  if (
    !inSection &&
    (el.tagName === 'header' || el.tagName === 'footer' || (role !== undefined && PAGE_ROLES.has(role)))
  )
    return true;
  if (extent.chars > CHROME_MAX_CHARS) return false;
  // Words of the class and id: "main-nav", "main_nav", "mainNav" → main, nav.
  const names = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return names.some((w) => CHROME_WORDS.has(w));
}

// ---------------------------------------------------------------- text

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/;

function isCjkAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  // A low surrogate: look at the pair it ends.
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return CJK.test(s.slice(i - 1, i + 1));
  if (c >= 0xd800 && c <= 0xdbff) return CJK.test(s.slice(i, i + 2));
  return CJK.test(s[i]);
}

/**
 * Collapses HTML whitespace as a browser renders it: a run becomes one space, or nothing when it
 * holds a line break between two CJK characters. No-break spaces count as spaces. Trimmed.
 */
export function collapseWhitespace(s: string): string {
  return s
    .replace(/[\t\n\f\r \u00a0]+/g, (ws: string, at: number) =>
      /[\n\r]/.test(ws) && isCjkAt(s, at - 1) && isCjkAt(s, at + ws.length) ? '' : ' ',
    )
    .trim();
}

/** Joins the lines of one cell: no space between two CJK characters, one space otherwise. */
export function joinCellLines(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    if (out !== '' && !(isCjkAt(out, out.length - 1) && isCjkAt(part, 0))) out += ' ';
    out += part;
  }
  return out;
}

// ---------------------------------------------------------------- tables

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

/** The HTML table model's limits on spans. */
export const MAX_COLSPAN = 1000;
export const MAX_ROWSPAN = 65534;

function span(el: Element, name: string, max: number, zero: number): number {
  return spanValue(attr(el, name), max, zero);
}

/** A `colspan`/`rowspan` attribute's value as the HTML table model reads it (1 when absent or not a number). */
export function spanValue(v: string | undefined, max: number, zero: number): number {
  const m = v === undefined ? null : /^\s*(\d+)/.exec(v);
  if (!m) return 1;
  const n = parseInt(m[1], 10);
  if (n === 0) return zero;
  return Math.min(n, max);
}

/** Rows of cells → tab-separated lines, with merged cells expanded into the grid. */
export function tableLines(rows: readonly (readonly Cell[])[]): string[] {
  // grid[r][c]: the text of a cell's first position, null for a covered position, undefined for none.
  const grid: (string | null | undefined)[][] = rows.map(() => []);
  for (let r = 0; r < rows.length; r++) {
    let col = 0;
    for (const cell of rows[r]) {
      while (grid[r][col] !== undefined) col++;
      const lastRow = Math.min(rows.length, r + cell.rowspan) - 1;
      for (let rr = r; rr <= lastRow; rr++) {
        for (let c = col; c < col + cell.colspan; c++) grid[rr][c] = rr === r && c === col ? cell.text : null;
      }
      col += cell.colspan;
    }
  }
  const lines: string[] = [];
  for (const row of grid) {
    let end = row.length;
    while (end > 0 && typeof row[end - 1] !== 'string') end--;
    const fields: string[] = [];
    let any = false;
    for (let c = 0; c < end; c++) {
      const v = row[c];
      if (typeof v === 'string' && v !== '') any = true;
      fields.push(typeof v === 'string' ? v : '');
    }
    if (any) lines.push(fields.join('\t'));
  }
  return lines;
}

// ---------------------------------------------------------------- the walk

interface DataTable {
  rows: Cell[][];
  row?: Cell[];
  /** The cell being read: its lines. */
  cell?: { el: Element; lines: string[] };
}

/** Converts a parsed document to lines of text. */
export function documentToText(root: Node): string {
  const ext = extents(root);
  const lines: string[] = [];
  let inline: string[] = [];
  let table: DataTable | undefined;

  /** Ends the current line: its text goes to the cell being read, or to the document. */
  const endLine = () => {
    const text = collapseWhitespace(inline.join(''));
    inline = [];
    if (text === '') return;
    if (table?.cell) table.cell.lines.push(text);
    else lines.push(text);
  };

  // Iterative walk (enter, then exit): pages can nest deeper than the call stack.
  const stack: { node: Node; exit: boolean; inSection: boolean }[] = [{ node: root, exit: false, inSection: false }];
  while (stack.length > 0) {
    const { node, exit, inSection } = stack.pop()!;
    if (node.nodeName === '#text') {
      if (!exit) inline.push((node as DefaultTreeAdapterMap['textNode']).value);
      continue;
    }
    if (!isElement(node)) {
      // The document or a fragment (comments and doctypes have no children and are left out).
      if (!exit)
        for (let i = childrenOf(node).length - 1; i >= 0; i--)
          stack.push({ node: childrenOf(node)[i], exit: false, inSection });
      continue;
    }
    const tag = node.tagName;
    if (!exit) {
      if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml' || SKIPPED.has(tag) || isHidden(node)) continue;
      const extent = ext.get(node)!;
      // Never inside a data table: leaving out part of a row would move its cells.
      if (!table && isChrome(node, extent, inSection)) continue;
      if (tag === 'br') {
        endLine();
        continue;
      }
      if (BLOCKS.has(tag)) endLine();
      if (tag === 'table' && !extent.table && !table) table = { rows: [] };
      else if (table && tag === 'tr') table.row = [];
      else if (table && (tag === 'td' || tag === 'th')) table.cell = { el: node, lines: [] };
      stack.push({ node, exit: true, inSection });
      const inner = inSection || SECTIONING.has(tag);
      for (let i = node.childNodes.length - 1; i >= 0; i--)
        stack.push({ node: node.childNodes[i], exit: false, inSection: inner });
      continue;
    }
    if (BLOCKS.has(tag)) endLine();
    if (!table) continue;
    if ((tag === 'td' || tag === 'th') && table.cell?.el === node) {
      const el = table.cell.el;
      (table.row ??= []).push({
        text: joinCellLines(table.cell.lines),
        colspan: span(el, 'colspan', MAX_COLSPAN, 1),
        rowspan: span(el, 'rowspan', MAX_ROWSPAN, MAX_ROWSPAN),
      });
      table.cell = undefined;
    } else if (tag === 'tr' && table.row) {
      table.rows.push(table.row);
      table.row = undefined;
    } else if (tag === 'table') {
      // (A loop, not push(...): a table may have more rows than a call takes arguments.)
      for (const l of tableLines(table.rows)) lines.push(l);
      table = undefined;
    }
  }
  endLine();
  return lines.join('\n');
}
