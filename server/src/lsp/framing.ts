/**
 * Strict framing of incoming LSP messages (`Content-Length: n\r\n\r\n` + n bytes of JSON), in front of
 * the JSON-RPC library's own reader, which trusts every header: after one `Content-Length: -5` (or
 * `1.5`, `0x10`, a number of twenty digits, a length past the body) it waits forever and the server
 * stays alive but deaf, and it rescans a header that never ends from its start on every chunk.
 *
 * The guard passes well-formed messages through byte for byte and drops anything else, saying why,
 * then resynchronises on the next valid header. Every byte is scanned a bounded number of times.
 * Why a next header can be trusted: a valid JSON body never contains `Content-Length: <digits>` followed
 * by a raw CR LF — outside strings that is not JSON, inside strings a raw CR is not allowed.
 */
import { Transform, type TransformCallback } from 'node:stream';

export const FRAMING_LIMITS = {
  /** Bytes of one header block (LSP headers are about 40 bytes). */
  maxHeaderBytes: 8 * 1024,
  /** Bytes of one message body. */
  maxContentLength: 256 * 1024 * 1024,
  /** Characters of a bad header quoted in a message. */
  excerptChars: 60,
} as const;

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** A header line that can start a message: what resynchronisation looks for. */
const HEADER_LINE = /content-length[ \t]*:[ \t]*\d+[ \t]*\r\n/gi;
/** Bytes kept when a search must go on in the next chunk (longer than any header line it looks for). */
const OVERLAP = 64;

export interface FrameSink {
  /** A complete, well-framed message: its header block and body, exactly as received. */
  message(frame: Buffer): void;
  /** Something that is not a message was dropped. */
  error(reason: string): void;
}

type Mode =
  | { kind: 'header'; scanned: number }
  | { kind: 'body'; length: number; bodyStart: number; scanned: number }
  | { kind: 'resync'; from: number };

export class FrameParser {
  private buf = Buffer.alloc(0);
  /** Unconsumed bytes are buf[start, end); every index in `mode` is into buf. */
  private start = 0;
  private end = 0;
  private mode: Mode = { kind: 'header', scanned: 0 };

  constructor(private readonly sink: FrameSink) {}

  push(chunk: Buffer): void {
    this.append(chunk);
    this.drain();
  }

  /** Bytes held (for tests: bounded while a header never ends). */
  get buffered(): number {
    return this.end - this.start;
  }

  private append(chunk: Buffer): void {
    if (this.end + chunk.length > this.buf.length) {
      const live = this.end - this.start;
      const next =
        live + chunk.length <= this.buf.length / 2
          ? this.buf
          : Buffer.allocUnsafe(Math.max(64 * 1024, 2 * (live + chunk.length)));
      this.buf.copy(next, 0, this.start, this.end);
      this.shift(this.start);
      this.buf = next;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
  }

  /** Moves every index down by `d` (the live bytes moved to the front). */
  private shift(d: number): void {
    this.start -= d;
    this.end -= d;
    const m = this.mode;
    if (m.kind === 'header') m.scanned = Math.max(0, m.scanned - d);
    else if (m.kind === 'body') {
      m.bodyStart -= d;
      m.scanned = Math.max(0, m.scanned - d);
    } else m.from = Math.max(0, m.from - d);
  }

  private drain(): void {
    for (;;) {
      const m = this.mode;
      if (m.kind === 'header' ? !this.header(m) : m.kind === 'body' ? !this.body(m) : !this.resync(m)) return;
    }
  }

  /** Returns whether progress was made (else: wait for more bytes). */
  private header(m: { kind: 'header'; scanned: number }): boolean {
    const from = Math.max(this.start, m.scanned - (HEADER_END.length - 1));
    const limit = Math.min(this.end, this.start + FRAMING_LIMITS.maxHeaderBytes + HEADER_END.length);
    const at = this.buf.subarray(0, limit).indexOf(HEADER_END, from);
    if (at < 0) {
      if (limit - this.start >= FRAMING_LIMITS.maxHeaderBytes + HEADER_END.length) {
        return this.fail(`a header longer than ${FRAMING_LIMITS.maxHeaderBytes} bytes`, this.start + 1);
      }
      m.scanned = limit;
      return false;
    }
    const text = this.buf.toString('latin1', this.start, at);
    const parsed = parseHeader(text);
    if (typeof parsed === 'string') return this.fail(parsed, this.start + 1);
    const bodyStart = at + HEADER_END.length;
    this.mode = { kind: 'body', length: parsed, bodyStart, scanned: bodyStart };
    return true;
  }

  private body(m: { kind: 'body'; length: number; bodyStart: number; scanned: number }): boolean {
    const bodyEnd = m.bodyStart + m.length;
    if (this.end >= bodyEnd) {
      if (!looksLikeObject(this.buf, m.bodyStart, bodyEnd)) {
        return this.fail(`a body of ${m.length} bytes that is not a JSON object (wrong Content-Length?)`, m.bodyStart);
      }
      const frame = Buffer.from(this.buf.subarray(this.start, bodyEnd));
      this.consume(bodyEnd);
      this.mode = { kind: 'header', scanned: this.start };
      this.sink.message(frame);
      return true;
    }
    // Still waiting: a next header inside the body means the length was wrong.
    const next = findHeaderLine(this.buf, Math.max(m.bodyStart, m.scanned - OVERLAP), this.end);
    if (next >= 0) {
      const got = next - m.bodyStart;
      return this.fail(
        `Content-Length ${m.length} runs past the message (the next header starts after ${got} bytes)`,
        next,
      );
    }
    m.scanned = this.end;
    return false;
  }

  private resync(m: { kind: 'resync'; from: number }): boolean {
    const at = findHeaderLine(this.buf, Math.max(this.start, m.from), this.end);
    if (at < 0) {
      // Nothing to keep but what may be the start of a header line split across chunks.
      this.consume(Math.max(this.start, this.end - OVERLAP));
      m.from = this.start;
      return false;
    }
    this.consume(at);
    this.mode = { kind: 'header', scanned: this.start };
    return true;
  }

  /** Drops the bad message, says why, and looks for the next header from `from`. */
  private fail(reason: string, from: number): boolean {
    this.sink.error(reason);
    this.mode = { kind: 'resync', from };
    return true;
  }

  private consume(to: number): void {
    this.start = to;
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
      const m = this.mode;
      if (m.kind === 'resync') m.from = 0;
    }
  }
}

/** The Content-Length of a header block, or why it is not a valid one. */
export function parseHeader(text: string): number | string {
  let length: number | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `a header line without a name: ${quote(line)}`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name !== 'content-length') continue; // Content-Type and others: nothing to check
    if (length !== undefined) return 'two Content-Length headers';
    if (!/^\d{1,15}$/.test(value)) return `an invalid Content-Length: ${quote(value)}`;
    length = Number(value);
    if (length > FRAMING_LIMITS.maxContentLength)
      return `a Content-Length of ${length} bytes (limit ${FRAMING_LIMITS.maxContentLength})`;
  }
  return length ?? `a header without Content-Length: ${quote(text)}`;
}

function quote(s: string): string {
  const cut = s.length > FRAMING_LIMITS.excerptChars ? s.slice(0, FRAMING_LIMITS.excerptChars) + '…' : s;
  return JSON.stringify(cut);
}

/** Whether bytes [from, to) are, around JSON whitespace, `{ … }`. */
function looksLikeObject(buf: Buffer, from: number, to: number): boolean {
  const ws = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  let a = from;
  let b = to - 1;
  while (a <= b && ws(buf[a])) a++;
  while (b >= a && ws(buf[b])) b--;
  return a < b && buf[a] === 0x7b && buf[b] === 0x7d;
}

/** Index of the first `Content-Length: <digits>\r\n` in buf[from, to), or -1. */
function findHeaderLine(buf: Buffer, from: number, to: number): number {
  if (to - from < 16) return -1;
  const text = buf.toString('latin1', from, to);
  HEADER_LINE.lastIndex = 0;
  const m = HEADER_LINE.exec(text);
  return m ? from + m.index : -1;
}

/** A stream that lets only well-framed messages through (see above); `onError` hears about the rest. */
export class FramingGuard extends Transform {
  private readonly parser: FrameParser;
  onError: (reason: string) => void = () => undefined;

  constructor() {
    super();
    this.parser = new FrameParser({ message: (frame) => this.push(frame), error: (reason) => this.onError(reason) });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.parser.push(chunk);
    callback();
  }
}
