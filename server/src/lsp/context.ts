/** What every handler shares: documents, settings, the lint cache, and the client's capabilities. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { RULES, type Locale, type SeveritySetting } from '../core';
import * as path from 'node:path';
import { ConfigResolver, findConfigFiles, findSuppressionsFile } from '../config/find';
import type { ConfigFileProblem } from '../config/config';
import { entriesOf, loadSuppressionsFile, type LoadedSuppressions } from '../config/suppressions';
import { SUPPRESSIONS_FILE_NAME, type SuppressionEntry } from '../core';
import { Analyzer, localeFor, type Analysis } from './analysis';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type GovreportSettings } from './protocol';
import { normalizeSettings } from './settings';
import type { Workspace } from './workspace/workspace';

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
  /** The workspace folders' report files (for last year's report of an open document); set once started. */
  workspace: Workspace | undefined;
  /** Settings pushed by a client that does not support pulling them. */
  private pushed: GovreportSettings = DEFAULT_SETTINGS;
  private readonly perUri = new Map<string, Promise<GovreportSettings>>();
  /** `.govreportrc.json` files, read once per folder until one changes. */
  private readonly rc = new ConfigResolver(RULES.map((r) => r.meta.id));
  private readonly reportedRcProblems = new Set<string>();
  /** `.govreport-suppressions.json` files, read once until one changes. */
  private readonly suppressionFiles = new Map<string, LoadedSuppressions>();
  /** Folder → its suppressions file (or none), looked up once until a file changes. */
  private readonly suppressionFileOfDir = new Map<string, string | undefined>();

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
      const section =
        pushedSettings && typeof pushedSettings === 'object'
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
   * Rule severities in force for a document: the `.govreportrc.json` files above it (file URIs only),
   * with the editor's `govreport.rules` over them (settings win).
   */
  rulesFor(
    uri: string,
    settings: GovreportSettings,
  ): { rules: Record<string, SeveritySetting>; configErrors: ConfigFileProblem[] } {
    if (!uri.startsWith('file:')) return { rules: settings.rules, configErrors: [] };
    let filePath: string;
    try {
      filePath = fileURLToPath(uri);
    } catch {
      return { rules: settings.rules, configErrors: [] };
    }
    const resolved = this.rc.forFile(filePath);
    const configErrors: ConfigFileProblem[] = [];
    for (const f of resolved.files) {
      for (const p of f.problems) {
        if (p.severity === 'error') configErrors.push({ ...p, file: f.file });
        const key = `${f.file}|${p.path}|${p.message.en}`;
        if (this.reportedRcProblems.has(key)) continue;
        this.reportedRcProblems.add(key);
        const line = `${f.file}: ${p.path ? `${p.path}: ` : ''}${p.message.zh} (${p.message.en})`;
        if (p.severity === 'error') this.connection.console.error(line);
        else this.connection.console.warn(line);
      }
    }
    return { rules: { ...resolved.config.rules, ...settings.rules }, configErrors };
  }

  /** The file path of a `file:` URI, or undefined. */
  private pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  /**
   * The suppressions file for a document: the nearest existing one; else (`create`) where a new one
   * goes: beside the nearest `.govreportrc.json`, or in the document's folder.
   */
  suppressionsFileFor(uri: string, create = false): LoadedSuppressions | undefined {
    const filePath = this.pathOf(uri);
    if (!filePath) return undefined;
    const dir = path.dirname(filePath);
    if (!this.suppressionFileOfDir.has(dir)) this.suppressionFileOfDir.set(dir, findSuppressionsFile(dir));
    let file = this.suppressionFileOfDir.get(dir);
    if (!file) {
      if (!create) return undefined;
      const rc = findConfigFiles(dir)[0];
      file = path.join(rc ? path.dirname(rc) : dir, SUPPRESSIONS_FILE_NAME);
    }
    let loaded = this.suppressionFiles.get(file);
    if (!loaded) {
      loaded = loadSuppressionsFile(file);
      this.suppressionFiles.set(file, loaded);
      for (const p of loaded.problems) this.connection.console.warn(`${file}: ${p.zh} (${p.en})`);
    }
    return loaded;
  }

  /** This document's suppression entries. */
  suppressionsFor(uri: string): SuppressionEntry[] {
    const loaded = this.suppressionsFileFor(uri);
    const filePath = this.pathOf(uri);
    return loaded && filePath ? entriesOf(loaded, filePath) : [];
  }

  /** A `.govreportrc.json` or `.govreport-suppressions.json` was created, changed or deleted. */
  configFilesChanged(): void {
    this.suppressionFiles.clear();
    this.suppressionFileOfDir.clear();
    this.rc.clear();
    this.reportedRcProblems.clear();
    this.analyzer.clear();
  }

  locale(settings: GovreportSettings): Locale {
    return localeFor(settings.messageLanguage, this.displayLocale);
  }

  /** Settings and analysis of the document as it is now, or undefined when it is not open. */
  async current(
    uri: string,
  ): Promise<{ doc: TextDocument; settings: GovreportSettings; analysis: Analysis; locale: Locale } | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settingsFor(uri);
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const { rules, configErrors } = this.rulesFor(uri, settings);
    const analysis = this.analyzer.analyze(
      doc,
      settings,
      rules,
      configErrors,
      this.suppressionsFor(uri),
      this.workspace?.crossYearFor(uri),
    );
    return { doc, settings, analysis, locale: this.locale(settings) };
  }
}
