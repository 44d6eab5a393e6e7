/** markdownlint (the npm package), the reference prose linter, through its documented synchronous API. */

type LintSync = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;

let lintSync: LintSync | undefined;

/** Loads markdownlint (an ES module) once; returns its version. */
export async function loadMarkdownlint(): Promise<string> {
  const mod = (await import('markdownlint/sync')) as unknown as { lint: LintSync };
  lintSync = mod.lint;
  const { getVersion } = (await import('markdownlint')) as unknown as { getVersion: () => string };
  return getVersion();
}

/** Lints one document with markdownlint's default rules (all enabled); returns the number of problems. */
export function markdownlint(text: string): number {
  if (!lintSync) throw new Error('markdownlint not loaded');
  const result = lintSync({ strings: { doc: text } });
  return result.doc.length;
}
