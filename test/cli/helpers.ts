/**
 * Helpers for the CLI tests: running the built command, temporary folders, a seed with a broken
 * total, and the recipes for the .docx and .pdf fixtures (made at test time, never committed).
 */
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

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

export function runCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
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
          rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
        }),
      );
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The report as an HTML page (tables with borders, labels kept on one line), for printing to PDF. */
export function reportHtml(text: string): string {
  const body = toBlocks(text)
    .map((b) =>
      b.kind === 'p'
        ? `<p>${escapeHtml(b.text)}</p>`
        : `<table>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: 520mm 300mm; margin: 12mm; }
body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 8pt; }
table { border-collapse: collapse; margin: 6pt 0; }
td { border: 0.5pt solid #000; padding: 1pt 5pt; white-space: nowrap; }
</style></head><body>
${body}
</body></html>`;
}

export function findChromium(): string {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      /* next */
    }
  }
  throw new Error('chromium is required to print the PDF fixtures (.ci/run installs it)');
}

/** Prints HTML to PDF with headless chromium. */
export function printPdf(html: string, outFile: string): void {
  const dir = tempDir('html');
  const htmlFile = path.join(dir, 'report.html');
  fs.writeFileSync(htmlFile, html);
  const r = spawnSync(
    findChromium(),
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${outFile}`, htmlFile],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (!fs.existsSync(outFile)) throw new Error(`chromium did not print a PDF: ${r.stderr}`);
}

/**
 * A PDF whose standard security handler demands a password: the /U entry is random, so the empty
 * user password does not open it.
 */
export function encryptedPdf(): Buffer {
  const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
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
