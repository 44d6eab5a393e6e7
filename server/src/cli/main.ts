/** Entry of the `govreport-lint` command (bundled to dist/cli.js). In a worker thread it serves file checks instead. */
import { isCheckWorker } from './pool';
import { run } from './run';
import { bilingualCliMessages } from '../core/i18n/messages/cli';

if (!isCheckWorker()) {
  // A closed pipe (`govreport-lint … | head`) ends the output quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `${bilingualCliMessages.internalError(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`,
      );
      process.exitCode = 2;
    },
  );
}
