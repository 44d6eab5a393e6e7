/**
 * Which files of a workspace folder the index leaves out: `files.exclude` (the editor's own setting, a
 * glob → true map) and `govreport.exclude` (a list of globs), both relative to the folder. A glob that
 * names a folder leaves out everything in it. The glob syntax is the CLI's (cli/glob.ts).
 */
import { globToRegExp } from '../../cli/glob';

export class Excluder {
  private readonly res: RegExp[];

  constructor(globs: readonly string[]) {
    this.res = [];
    for (const g of globs) {
      const p = g.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
      if (p === '') continue;
      try {
        this.res.push(globToRegExp(p));
      } catch {
        // A glob the matcher cannot turn into an expression excludes nothing.
      }
    }
  }

  /** `files.exclude` entries that are on (`true`); conditional entries (`{ when }`) are not applied. */
  static filesExcludeGlobs(raw: unknown): string[] {
    if (!raw || typeof raw !== 'object') return [];
    return Object.entries(raw as Record<string, unknown>)
      .filter(([, v]) => v === true)
      .map(([k]) => k);
  }

  /** Whether `rel` (a path relative to the folder, with forward slashes) or a folder above it is excluded. */
  excludes(rel: string): boolean {
    if (this.res.length === 0) return false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (this.res.some((re) => re.test(prefix))) return true;
    }
    return false;
  }
}
