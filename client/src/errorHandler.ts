/**
 * When the server process dies, restart it and say so in the output channel — in the display
 * language — up to a limit within a time window, after which the user restarts it by command.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient/node';

const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are survivable; a stream of them means the connection is gone.
    if (count !== undefined && count <= 3) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown, handled: false };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      const message = vscode.l10n.t(
        'The report checker stopped {0} times in 3 minutes and will not be restarted. Run "Restart Language Server" to start it again.',
        MAX_RESTARTS + 1,
      );
      this.output.error(message);
      return { action: CloseAction.DoNotRestart, message, handled: false };
    }
    this.restarts.push(now);
    const message = vscode.l10n.t(
      'The report checker stopped unexpectedly and is being restarted ({0} of {1}).',
      this.restarts.length,
      MAX_RESTARTS,
    );
    this.output.warn(message);
    return { action: CloseAction.Restart, message, handled: true };
  }
}
