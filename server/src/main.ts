/** The language server's entry: a connection over the transport given on the command line (IPC or stdio). */
import { createServerConnection } from './lsp/transport';
import { startServer } from './lsp/server';

startServer(createServerConnection());
