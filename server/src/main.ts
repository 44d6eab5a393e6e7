/** The language server's entry: a connection over the transport given on the command line (IPC or stdio). */
import { createServerConnection } from './lsp/transport';
import { startServer } from './lsp/server';
import { isExtractWorker } from './lsp/extractedText';

// The same bundle is the worker that reads Word, PDF and web files (extractedText.ts): that thread serves reads only.
if (!isExtractWorker()) startServer(createServerConnection());
