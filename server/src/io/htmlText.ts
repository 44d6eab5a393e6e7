/**
 * Plain text from the HTML that mammoth writes for a Word document, laid out as a copy-paste from
 * Word looks: one line per paragraph, one line per table row with cells separated by tabs. A cell
 * covered by a row-spanning cell above it is an empty cell, so columns stay where they were.
 */

interface Cell {
  parts: string[];
  colspan: number;
  rowspan: number;
}

interface TableState {
  rows: Cell[][];
  row?: Cell[];
  cell?: Cell;
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'div']);

/** Converts mammoth's HTML to lines of text. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  const tables: TableState[] = [];
  let paragraph: string[] = [];

  const flushParagraph = () => {
    const text = paragraph.join('');
    paragraph = [];
    const table = tables[tables.length - 1];
    if (table?.cell) {
      if (text.trim() !== '') table.cell.parts.push(text);
      return;
    }
    for (const line of text.split('\n')) if (line.trim() !== '') lines.push(line);
  };

  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(html))) {
    if (m[4] !== undefined) {
      paragraph.push(decodeEntities(m[4]));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (tag === 'br') {
      paragraph.push('\n');
    } else if (BLOCK_TAGS.has(tag)) {
      flushParagraph();
    } else if (tag === 'table') {
      flushParagraph();
      if (!closing) tables.push({ rows: [] });
      else {
        const table = tables.pop();
        if (table) {
          const rowsText = tableToLines(table.rows);
          const outer = tables[tables.length - 1];
          // A table inside a cell: its rows become text of that cell.
          if (outer?.cell) outer.cell.parts.push(rowsText.join(' '));
          else lines.push(...rowsText);
        }
      }
    } else if (tag === 'tr') {
      flushParagraph();
      const table = tables[tables.length - 1];
      if (!table) continue;
      if (!closing) table.row = [];
      else if (table.row) {
        table.rows.push(table.row);
        table.row = undefined;
      }
    } else if (tag === 'td' || tag === 'th') {
      flushParagraph();
      const table = tables[tables.length - 1];
      if (!table) continue;
      if (!closing) {
        table.cell = { parts: [], colspan: intAttr(attrs, 'colspan'), rowspan: intAttr(attrs, 'rowspan') };
      } else if (table.cell) {
        (table.row ??= []).push(table.cell);
        table.cell = undefined;
      }
    }
  }
  flushParagraph();
  return lines.join('\n');
}

function intAttr(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*"?(\\d+)`, 'i').exec(attrs);
  const n = m ? parseInt(m[1], 10) : 1;
  return n >= 1 ? n : 1;
}

/** Joins the paragraphs of a cell: no space between two CJK characters, a space otherwise. */
function cellText(cell: Cell): string {
  let out = '';
  for (const raw of cell.parts) {
    const part = raw.replace(/[\t\n]+/g, ' ').trim();
    if (part === '') continue;
    if (out !== '' && !(isCjk(out[out.length - 1]) && isCjk(part[0]))) out += ' ';
    out += part;
  }
  return out;
}

function isCjk(ch: string): boolean {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch);
}

function tableToLines(rows: Cell[][]): string[] {
  // Columns still covered by a row-spanning cell from a row above: column index → rows left.
  const covered = new Map<number, number>();
  const lines: string[] = [];
  for (const row of rows) {
    const out: string[] = [];
    let col = 0;
    const take = () => {
      while ((covered.get(col) ?? 0) > 0) {
        out.push('');
        covered.set(col, covered.get(col)! - 1);
        col++;
      }
    };
    for (const cell of row) {
      take();
      out.push(cellText(cell));
      for (let c = 0; c < cell.colspan; c++) {
        if (cell.rowspan > 1) covered.set(col + c, cell.rowspan - 1);
      }
      col += cell.colspan;
    }
    // Columns covered from above after the last cell of this row.
    const last = Math.max(-1, ...[...covered].filter(([, left]) => left > 0).map(([c]) => c));
    while (col <= last) {
      const left = covered.get(col) ?? 0;
      if (left > 0) covered.set(col, left - 1);
      out.push('');
      col++;
    }
    lines.push(out.join('\t'));
  }
  return lines;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
