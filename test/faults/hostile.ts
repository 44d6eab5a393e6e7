/**
 * Hostile inputs made at test time (never committed): zip bombs, PDFs whose objects multiply, special
 * files; and running the built CLI on them with its time and peak memory measured.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as yazl from 'yazl';
import { CLI, ROOT } from '../cli/helpers';

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx (deflated) whose document body is `body`. */
export function docxWithBody(body: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    z.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
    z.addBuffer(Buffer.from(RELS), '_rels/.rels');
    z.addBuffer(Buffer.from(`<w:document ${W}><w:body>${body}</w:body></w:document>`), 'word/document.xml');
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
    z.end();
  });
}

/**
 * Raw deflate data that inflates to `mb` MiB of `byte`, without deflating that much: one MiB deflated
 * and ended with a full flush (byte-aligned, no reference back) is repeated, then a final empty block.
 */
export function deflateBomb(mb: number, byte = 0): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20, byte), {
    level: 9,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  return Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]);
}

/** A zip with one deflated entry whose data is `data`, declaring `declaredSize` bytes inflated (crc not checked by readers of bombs). */
export function zipWithEntry(
  name: string,
  data: Buffer,
  declaredSize: number,
  others: [string, string][] = [],
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const add = (fileName: string, method: number, payload: Buffer, size: number, crc: number) => {
    const n = Buffer.from(fileName);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, payload);
    centrals.push(central, n);
    offset += 30 + n.length + payload.length;
  };
  for (const [n, text] of others) add(n, 0, Buffer.from(text), Buffer.byteLength(text), crc32(Buffer.from(text)));
  add(name, 8, data, declaredSize, 0);
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(others.length + 1, 8);
  end.writeUInt16LE(others.length + 1, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** The .docx parts besides the body, for a zip built by hand. */
export const DOCX_FRAME: [string, string][] = [
  ['[Content_Types].xml', CONTENT_TYPES],
  ['_rels/.rels', RELS],
];

/** A PDF from its objects (object i is `i + 1 0 obj`), with a correct cross-reference table; the catalog is object 1. */
export function buildPdf(objs: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(length);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(b);
    length += b.length;
  });
  const xref =
    `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object. */
export function pdfStream(data: Buffer | string, extra = ''): Buffer {
  const d = Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1');
  return Buffer.concat([Buffer.from(`<< /Length ${d.length} ${extra}>>\nstream\n`), d, Buffer.from('\nendstream')]);
}

const obj = (s: string) => Buffer.from(s, 'latin1');

/** 40 form XObjects, each drawing the next twice: 2^40 draws in 9 KB. */
export function fanoutPdf(depth = 40): Buffer {
  const objs = [
    obj('<< /Type /Catalog /Pages 2 0 R >>'),
    obj('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    obj(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>',
    ),
    pdfStream('/X Do'),
  ];
  for (let i = 0; i < depth; i++) {
    objs.push(
      pdfStream(
        i < depth - 1 ? '/X Do /X Do' : 'BT /F 9 Tf (a) Tj ET',
        `/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X ${6 + i} 0 R >> /Font << /F ${6 + depth} 0 R >> >> `,
      ),
    );
  }
  objs.push(obj('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
  return buildPdf(objs);
}

/** One page listed `times` times in the page tree. */
export function repeatedPagePdf(times = 100_000): Buffer {
  return buildPdf([
    obj('<< /Type /Catalog /Pages 2 0 R >>'),
    obj(`<< /Type /Pages /Kids [${Array(times).fill('3 0 R').join(' ')}] /Count ${times} >>`),
    obj('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'),
    pdfStream(''),
  ]);
}

/** `pages` distinct pages, each showing its number, sharing one font. */
export function manyPagesPdf(pages: number): Buffer {
  const objs: Buffer[] = [
    obj('<< /Type /Catalog /Pages 2 0 R >>'),
    obj(''),
    obj('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) {
    const page = objs.length + 1;
    kids.push(`${page} 0 R`);
    objs.push(
      obj(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F 3 0 R >> >> /Contents ${page + 1} 0 R >>`,
      ),
    );
    objs.push(pdfStream(`BT /F 12 Tf 50 800 Td (page ${i + 1}) Tj ET`));
  }
  objs[1] = obj(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`);
  return buildPdf(objs);
}

/** A page whose content stream is compressed twice: a few KB that inflate to `mb` MiB of spaces. */
export function doubleDeflatePdf(mb: number): Buffer {
  // zlib wrapper around the raw bomb (pdf.js does not verify the Adler-32 checksum).
  const inner = Buffer.concat([Buffer.from([0x78, 0x01]), deflateBomb(mb, 0x20), Buffer.alloc(4)]);
  const outer = zlib.deflateSync(inner, { level: 9 });
  return buildPdf([
    obj('<< /Type /Catalog /Pages 2 0 R >>'),
    obj('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    obj('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'),
    pdfStream(outer, '/Filter [/FlateDecode /FlateDecode] '),
  ]);
}

/** A page of `ops` text-showing operators, compressed (the same block of operators repeated). */
export function manyOpsPdf(ops: number): Buffer {
  const perBlock = 100_000;
  const block = zlib.deflateRawSync(Buffer.from('(a) Tj '.repeat(perBlock)), {
    level: 9,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const head = zlib.deflateRawSync(Buffer.from('BT /F 9 Tf 10 10 Td '), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const tail = zlib.deflateRawSync(Buffer.from(' ET'));
  const data = Buffer.concat([
    Buffer.from([0x78, 0x01]),
    head,
    ...Array.from({ length: Math.ceil(ops / perBlock) }, () => block),
    tail,
    Buffer.alloc(4),
  ]);
  return buildPdf([
    obj('<< /Type /Catalog /Pages 2 0 R >>'),
    obj('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    obj(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>',
    ),
    pdfStream(data, '/Filter /FlateDecode '),
    obj('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ]);
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time, in seconds. */
  seconds: number;
  /** Peak resident memory of the CLI process (worker threads included), in MB. */
  peakMb: number;
}

/** Runs the built CLI in `cwd`, killing it after `killAfterMs`, and measures its time and peak memory. */
export function runMeasured(
  args: readonly string[],
  cwd: string,
  opts: { env?: NodeJS.ProcessEnv; killAfterMs?: number } = {},
): Promise<MeasuredRun> {
  const rssFile = path.join(cwd, `.peak-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env, GOVREPORT_PEAK_RSS_FILE: rssFile };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test', 'faults', 'peakRss.cjs'), CLI, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const killer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      let peakKb = Number.NaN;
      try {
        peakKb = Number(fs.readFileSync(rssFile, 'utf8'));
        fs.rmSync(rssFile);
      } catch {
        // killed before it could write: no measure
      }
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
}
