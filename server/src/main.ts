/** The language server's entry: a connection over the transport given on the command line (IPC or stdio). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
