/**
 * Values derived from a model object, computed once and kept on that object.
 *
 * Not in a module-level WeakMap: V8's minor GC keeps a WeakMap's values alive while it runs, so
 * every model linted since the last collection (its tables, rows, cells and equations) was copied
 * and promoted instead of dropped. With the sum rules' equations in a WeakMap, minor GCs took 5–6 ms
 * instead of 0.5 ms, and they set the editor's slowest keystrokes. A non-enumerable symbol property
 * dies with its object and is invisible to JSON and to deep comparisons.
 */
export function memoOn<O extends object, V>(obj: O, key: symbol, compute: (obj: O) => V): V {
  const holder = obj as unknown as Record<symbol, V>;
  const known = holder[key];
  if (known !== undefined || Object.prototype.hasOwnProperty.call(holder, key)) return known;
  const value = compute(obj);
  Object.defineProperty(holder, key, { value, enumerable: false, configurable: true, writable: false });
  return value;
}
