/** The language server's entry: a connection over the transport given on the command line (IPC or stdio). */
import { createServerConnection } from './lsp/transport';
import { startServer } from './lsp/server';
import { isWorkspaceWorker, serveWorkspaceWorker } from './lsp/workspace/worker';

// The same bundle runs the server's workspace worker (reading and checking files off the main thread).
if (isWorkspaceWorker()) serveWorkspaceWorker();
else startServer(createServerConnection());
