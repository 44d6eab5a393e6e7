/** What every handler shares: documents, settings, the lint cache, and the client's capabilities. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale, SeveritySetting } from '../core';
import { Analyzer, localeFor, type Analysis } from './analysis';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type GovreportSettings } from './protocol';
import { normalizeSettings } from './settings';

export interface ClientCapabilitiesSummary {
  /** The client pulls settings per document (workspace/configuration). */
  configuration: boolean;
  /** The client applies versioned document edits (refused when the version moved on). */
  documentChanges: boolean;
  /** The client resolves code actions lazily (their edit filled on demand). */
  codeActionResolve: boolean;
}

export class ServerContext {
  readonly analyzer = new Analyzer();
  /** Settings pushed by a client that does not support pulling them. */
  private pushed: GovreportSettings = DEFAULT_SETTINGS;
  private readonly perUri = new Map<string, Promise<GovreportSettings>>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly caps: ClientCapabilitiesSummary,
    /** VS Code's display language, for `messageLanguage: auto`. */
    readonly displayLocale: Locale,
  ) {}

  settingsFor(uri: string): Promise<GovreportSettings> {
    if (!this.caps.configuration) return Promise.resolve(this.pushed);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** A settings change: drop what was cached; `pushedSettings` is the payload of a push-style client. */
  settingsChanged(pushedSettings: unknown): void {
    this.perUri.clear();
    if (!this.caps.configuration) {
      const section = pushedSettings && typeof pushedSettings === 'object'
        ? (pushedSettings as Record<string, unknown>)[SETTINGS_SECTION]
        : undefined;
      this.pushed = normalizeSettings(section);
    }
    this.analyzer.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
    this.analyzer.forget(uri);
  }

  /**
   * Rule severities in force for a document.
   * TODO(.govreportrc.json): merge the rc file found for `uri` under `settings.rules` once the
   * loader in server/src/config/ exists (settings win).
   */
  rulesFor(_uri: string, settings: GovreportSettings): Record<string, SeveritySetting> {
    return settings.rules;
  }

  locale(settings: GovreportSettings): Locale {
    return localeFor(settings.messageLanguage, this.displayLocale);
  }

  /** Settings and analysis of the document as it is now, or undefined when it is not open. */
  async current(uri: string): Promise<{ doc: TextDocument; settings: GovreportSettings; analysis: Analysis; locale: Locale } | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settingsFor(uri);
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const analysis = this.analyzer.analyze(doc, settings, this.rulesFor(uri, settings));
    return { doc, settings, analysis, locale: this.locale(settings) };
  }
}
