/**
 * Helpers for the CLI tests: running the built command, temporary folders, a seed with a broken
 * total, and the recipes for the .docx and .pdf fixtures (made at test time from the seeds with npm
 * libraries — docx, pdfkit and a CJK font package — never committed, and needing no browser).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

export function seedText(prefix: string): string {
  const name = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return fs.readFileSync(path.join(SEEDS, name), 'utf8');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): CliRun {
  const env = { ...process.env, ...opts.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, opts.env);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `govreport-cli-${name}-`));
}

/** 1-based line and UTF-16 column of `offset` in `text` (LF, CRLF and CR all end a line). */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - (lastBreak + 1) + 1 };
}

export interface BrokenSeed {
  /** The seed as committed. */
  original: string;
  /** The seed with the 总计 of table 三 row 一 changed from 0 to 3. */
  broken: string;
  /** The row's line as it reads in the broken text (tab-separated). */
  rowLine: string;
  /** Where the broken cell is (1-based line, UTF-16 column). */
  line: number;
  column: number;
}

/**
 * Seed 001 with one wrong cell: row 一 of table 三 has seven zero cells; its 总计 (the seventh) is
 * set to 3, so the row does not add up.
 */
export function brokenSeed(): BrokenSeed {
  const original = seedText('001_');
  const lines = original.split('\n');
  const i = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const cells = lines[i].split('\t');
  const numeric = cells.map((c, k) => (/^\d+$/.test(c) ? k : -1)).filter((k) => k >= 0);
  if (numeric.length !== 7 || cells[numeric[6]] !== '0') throw new Error('seed 001 changed: row 一 is not seven zeros');
  cells[numeric[6]] = '3';
  lines[i] = cells.join('\t');
  const broken = lines.join('\n');
  const rowStart = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  const cellOffset = rowStart + cells.slice(0, numeric[6]).reduce((n, c) => n + c.length + 1, 0);
  const pos = lineCol(broken, cellOffset);
  return { original, broken, rowLine: lines[i], line: pos.line, column: pos.column };
}

/** Lines of a report: paragraphs, and runs of tab-separated lines as tables. */
export type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };

export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      const last = blocks[blocks.length - 1];
      const row = line.split('\t');
      if (last?.kind === 'table') last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
    } else if (line.trim() !== '') blocks.push({ kind: 'p', text: line });
  }
  return blocks;
}

/** A Word document of the report: one paragraph per line, tab-separated lines as table rows. */
export async function makeDocx(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of toBlocks(text)) {
    if (b.kind === 'p') children.push(new Paragraph({ children: [new TextRun(b.text)] }));
    else {
      children.push(
        new Table({
          rows: b.rows.map(
            (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
          ),
        }),
      );
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * The CJK font the .pdf fixtures are set in: Noto Sans Hans (GB2312 coverage), shipped by an npm
 * package, so making a PDF needs no system font and no browser.
 */
export const CJK_FONT = path.join(
  path.dirname(require.resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);

const MM = 72 / 25.4;

/**
 * The report as a PDF laid out like a printed page, made with pdfkit: paragraphs wrapped to the page
 * width, runs of tab-separated lines as bordered tables (cells on one line, columns as wide as their
 * widest cell), new pages as the text runs down. Text is drawn with an embedded subset of the CJK font
 * (CID-keyed, with a ToUnicode map), so the reader sees positioned glyph runs as in a real report.
 */
export function makePdf(text: string, options: { pageHeightMm?: number } = {}): Promise<Buffer> {
  const fontSize = 8;
  const padX = 5;
  const padY = 1;
  const margin = 12 * MM;
  const doc = new PDFDocument({
    size: [520 * MM, (options.pageHeightMm ?? 300) * MM],
    margin,
    info: { Title: 'report', CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(CJK_FONT).fontSize(fontSize).lineWidth(0.5);
  const width = doc.page.width - 2 * margin;
  const bottom = () => doc.page.height - margin;
  const rowHeight = doc.currentLineHeight() + 2 * padY;
  let y = margin;
  for (const b of toBlocks(text)) {
    if (b.kind === 'p') {
      doc.text(b.text, margin, y, { width });
      y = doc.y + fontSize * 0.5;
      continue;
    }
    const columns: number[] = [];
    for (const row of b.rows)
      row.forEach((c, j) => (columns[j] = Math.max(columns[j] ?? 0, doc.widthOfString(c) + 2 * padX)));
    if (columns.reduce((a, w) => a + w, 0) > width) throw new Error('makePdf: a table is wider than the page');
    y += fontSize * 0.5;
    for (const row of b.rows) {
      if (y + rowHeight > bottom()) {
        doc.addPage();
        y = margin;
      }
      let x = margin;
      row.forEach((c, j) => {
        doc.rect(x, y, columns[j], rowHeight).stroke();
        if (c !== '') doc.text(c, x + padX, y + padY, { lineBreak: false });
        x += columns[j];
      });
      y += rowHeight;
    }
    y += fontSize * 0.5;
  }
  doc.end();
  return done;
}

/**
 * A PDF whose standard security handler demands a password: the /U entry is random, so the empty
 * user password does not open it.
 */
export function encryptedPdf(): Buffer {
  const hex = (n: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32).split('').reverse().join('')}> /P -4 >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16)}> <${hex(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export interface JsonEntry {
  file: string;
  diagnostics: {
    rule: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fixable: boolean;
  }[];
  skipped?: string;
  error?: { code: string; message: string };
  diff?: string;
}
