/**
 * Typing while the workspace is checked: a folder of reports (500 in a full run) opened as the
 * workspace with `govreport.run: "workspace"`, a pull client (`textDocument.diagnostic`, work-done
 * progress) holding a streamed `workspace/diagnostic` open, and the typing benchmark of bench/lsp.ts
 * run on one report at the same time. Reports the typing latency while the background checking runs,
 * how many files were checked meanwhile, and the time to check the whole folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  InitializedNotification,
  InitializeRequest,
  WorkDoneProgress,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { ServerUnderTest, SERVER_JS, typingLatency, type TypingResult } from './lsp';
import { writeReports, type Variant } from './generate';
import { lint } from '../server/src/core';

export interface WorkspaceTypingResult {
  reports: number;
  /** Typing latency while the folder was being checked. */
  typing: TypingResult;
  /** Files whose problems were streamed while the typing ran. */
  checkedWhileTyping: number;
  /** From `initialized` until the progress ended (every file checked). */
  checkAllMs?: number;
  /** Reports whose problems reached the client in all. */
  reported: number;
}

function totalDigit(text: string): number {
  const row = lint(text).model.tables.t3?.rows.find((r) => r.rowId === 't3.total');
  const cell = row?.cells.filter((c) => c.kind === 'integer').at(-1);
  if (!cell) throw new Error('no total in table 三 to type into');
  return cell.span.end - 1;
}

export async function benchWorkspaceTyping(
  pool: readonly Variant[],
  smoke: boolean,
  log: (line: string) => void,
): Promise<WorkspaceTypingResult> {
  const count = smoke ? 20 : 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-ws-'));
  const server = new ServerUnderTest(SERVER_JS, smoke ? 60_000 : 600_000);
  try {
    const files = writeReports(pool, dir, count);
    server.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'govreport' ? { debounceMs: 0, run: 'workspace' } : null)),
    );
    const reported = new Set<string>();
    let typing = false;
    let checkedWhileTyping = 0;
    let progressEnd: number | undefined;
    server.conn.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
      server.conn.onProgress(WorkDoneProgress.type, p.token, (v) => {
        if (v.kind === 'end') progressEnd = performance.now();
      });
      return null;
    });
    const token = 'bench-workspace';
    server.conn.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (r) => {
      for (const i of r.items) {
        if (!reported.has(i.uri) && typing) checkedWhileTyping++;
        reported.add(i.uri);
      }
    });
    await server.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale: 'zh-cn',
      capabilities: {
        workspace: { configuration: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, diagnostic: { dynamicRegistration: false } },
      },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
    });
    const t0 = performance.now();
    await server.conn.sendNotification(InitializedNotification.type, {});
    const held = server.conn.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: [],
      partialResultToken: token,
    });
    void held.catch(() => undefined);
    // The report typed into is one of the folder's: open, it is the editor's (its workspace result is left out).
    const text = fs.readFileSync(files[0], 'utf8');
    typing = true;
    const r = await typingLatency(
      server,
      pathToFileURL(files[0]).href,
      `report while ${count} are checked`,
      text,
      totalDigit(text),
      smoke ? 10 : 200,
      smoke ? 2 : 20,
      smoke ? 10_000 : 120_000,
    );
    typing = false;
    const deadline = performance.now() + (smoke ? 60_000 : 600_000);
    while (progressEnd === undefined && performance.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    const result: WorkspaceTypingResult = {
      reports: count,
      typing: r,
      checkedWhileTyping,
      checkAllMs: progressEnd === undefined ? undefined : progressEnd - t0,
      reported: reported.size,
    };
    log(
      `  typing with ${count} reports being checked: median ${r.medianMs.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms ` +
        `(${checkedWhileTyping} checked meanwhile); all checked in ${result.checkAllMs === undefined ? '–' : (result.checkAllMs / 1000).toFixed(1)} s`,
    );
    return result;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
