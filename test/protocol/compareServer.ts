/**
 * The language server with a `findPrevious` hook, for the protocol tests of `govreport/compare`: the hook
 * answers from the JSON map (this year's URI → last year's URI) in $GOVREPORT_TEST_PREVIOUS, as the
 * workspace index answers from the files it found. Everything else is the real server.
 */
import { createServerConnection } from '../../server/src/lsp/transport';
import { startServer } from '../../server/src/lsp/server';

const previous = JSON.parse(process.env.GOVREPORT_TEST_PREVIOUS ?? '{}') as Record<string, string>;

startServer(createServerConnection(), {
  findPrevious: (uri) => {
    // Answers later, as an index still reading files would.
    return new Promise((resolve) => setTimeout(() => resolve(previous[uri]), 10));
  },
});
