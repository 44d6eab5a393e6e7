/** The language server's entry: a connection over the transport given on the command line (IPC or stdio). */
import { createServerConnection } from './lsp/transport';
import { startServer } from './lsp/server';
import { isExtractWorker } from './lsp/extractedText';
import { isWorkspaceWorker, serveWorkspaceWorker } from './lsp/workspace/worker';

// The same bundle runs the server's worker threads: the one that reads Word, PDF and web files for
// "以年报方式打开" (extractedText.ts serves itself) and the workspace worker (reading and checking files).
if (isWorkspaceWorker()) serveWorkspaceWorker();
else if (!isExtractWorker()) startServer(createServerConnection());
