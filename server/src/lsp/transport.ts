/**
 * The connection to the client, over the transport given on the command line (`--node-ipc`,
 * `--stdio`, `--socket`, `--pipe`), as `createConnection` chooses it.
 *
 * Over stdio each message leaves in one write. The JSON-RPC library writes the header, waits for
 * that write to complete, then writes the body: the client wakes up for a header it cannot use yet
 * and again for the body, and on a busy machine the server can be preempted between the two.
 *
 * Over stdio the input goes through a framing guard first (see framing.ts): a bad header is dropped
 * with a line in the client's log, and the server reads on from the next valid header.
 */
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { FramingGuard } from './framing';
import { bothLanguages, serverMessages } from '../core/i18n/messages/server';

/** Framing errors written to the client's log; after these, only a count at the end of each burst. */
const MAX_LOGGED_FRAMING_ERRORS = 20;

export function createServerConnection(argv: readonly string[] = process.argv): Connection {
  // The library takes the first transport argument; only when that is `--stdio` is the output ours.
  const transport = argv.slice(2).find((a) => /^--(node-ipc|stdio|socket|pipe)(=|$)/.test(a));
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all);
  const guard = new FramingGuard();
  process.stdin.pipe(guard);
  const connection = createConnection(ProposedFeatures.all, guard, new OneWritePerMessage(process.stdout));
  let framingErrors = 0;
  guard.onError = (reason) => {
    framingErrors++;
    if (framingErrors <= MAX_LOGGED_FRAMING_ERRORS) {
      connection.console.error(`govreport: ${bothLanguages(serverMessages.invalidMessage(reason))}`);
      if (framingErrors === MAX_LOGGED_FRAMING_ERRORS)
        connection.console.error(`govreport: ${bothLanguages(serverMessages.invalidMessagesMuted())}`);
    }
  };
  // stdout carries the protocol: console output goes to the client's log, as the library does for `--stdio`.
  redirectConsole(connection);
  return connection;
}

/** Holds back each message's header until its body follows, and writes the two at once. */
export class OneWritePerMessage extends Writable {
  private header: Buffer | undefined;

  constructor(private readonly out: NodeJS.WritableStream) {
    super({ decodeStrings: true });
    out.on('error', (e: Error) => this.destroy(e));
    out.on('close', () => this.destroy());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.header === undefined && isHeader(chunk)) {
      this.header = chunk;
      callback();
      return;
    }
    const data = this.header === undefined ? chunk : Buffer.concat([this.header, chunk]);
    this.header = undefined;
    this.out.write(data, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const header = this.header;
    this.header = undefined;
    if (header) this.out.write(header, callback);
    else callback();
  }
}

const HEADER_START = Buffer.from('Content-Length:', 'ascii');
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** A chunk that is a message header and nothing else. */
function isHeader(chunk: Buffer): boolean {
  return (
    chunk.length <= 1024 &&
    chunk.subarray(0, HEADER_START.length).equals(HEADER_START) &&
    chunk.indexOf(HEADER_END) === chunk.length - HEADER_END.length
  );
}

/** `console.*` to the client's log (Node's other console methods go through these). */
function redirectConsole(connection: Connection): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.dir = (item: unknown, options?: object) => connection.console.log(inspect(item, options));
}
