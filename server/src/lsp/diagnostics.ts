/**
 * Diagnostics while typing: debounced per document; the latest version wins; a result computed for
 * a version that is no longer current is never published; closing a document clears them.
 */
import type { ServerContext } from './context';
import { toDiagnostic } from './convert';
import { otherDocumentOf } from './analysis';
import { bothLanguages, serverMessages } from '../core/i18n/messages/server';

/** A pending lint: a timer, or an immediate when there is no delay. */
type Pending = { timeout: ReturnType<typeof setTimeout> } | { immediate: ReturnType<typeof setImmediate> };

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, Pending>();
  private lastDebounce = 300;

  constructor(private readonly ctx: ServerContext) {}

  /** Lint soon: after the debounce delay (or `delay` when given). */
  schedule(uri: string, delay?: number): void {
    this.cancel(uri);
    const ms = delay ?? this.lastDebounce;
    const fire = () => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    // No delay means the next turn of the event loop: `setTimeout(f, 0)` would wait at least
    // 1 ms (Node's floor) and wake the process once more, on every keystroke with debounce 0 and
    // on every open.
    this.timers.set(uri, ms > 0 ? { timeout: setTimeout(fire, ms) } : { immediate: setImmediate(fire) });
  }

  /** Re-lints every open document (after a settings change). */
  scheduleAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri, 0);
  }

  /** The document closed: no pending lint, no diagnostics left behind. */
  clear(uri: string): void {
    this.cancel(uri);
    this.tooLarge.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearPending(t);
    this.timers.clear();
  }

  /** Documents reported as too large to check: said once in the output channel, until they are checked again. */
  private readonly tooLarge = new Set<string>();

  private noteSize(uri: string, tooLarge: { chars: number; limit: number } | undefined): void {
    if (!tooLarge) {
      this.tooLarge.delete(uri);
      return;
    }
    if (this.tooLarge.has(uri)) return;
    this.tooLarge.add(uri);
    const { chars, limit } = tooLarge;
    this.ctx.connection.console.warn(`govreport: ${bothLanguages(serverMessages.tooLarge(uri, chars, limit))}`);
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearPending(t);
    this.timers.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    const before = this.ctx.documents.get(uri);
    if (!before) return;
    const version = before.version;
    let cur;
    try {
      cur = await this.ctx.current(uri);
    } catch (e) {
      this.ctx.connection.console.error(
        `govreport: lint failed for ${uri}: ${e instanceof Error ? e.stack : String(e)}`,
      );
      return;
    }
    // Changed or closed while the settings were fetched: that version's own run will publish.
    if (!cur || cur.doc.version !== version) return;
    this.lastDebounce = cur.settings.debounceMs;
    const { doc, analysis, locale } = cur;
    for (const err of analysis.result.errors) {
      this.ctx.connection.console.error(`govreport: rule ${err.ruleId} failed: ${err.message}`);
    }
    this.noteSize(uri, analysis.tooLarge);
    const other = otherDocumentOf(analysis);
    const diagnostics = analysis.linted ? analysis.result.findings.map((f) => toDiagnostic(doc, f, locale, other)) : [];
    await this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}

function clearPending(p: Pending): void {
  if ('timeout' in p) clearTimeout(p.timeout);
  else clearImmediate(p.immediate);
}
