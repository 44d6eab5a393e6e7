/* The straightforward implementation the optimized one in server/src/core must agree with (property-tested). */
/**
 * A finding's fingerprint as first defined: its fields joined by NUL into one string, hashed with 32-bit FNV-1a
 * under two seeds, one pass each. Fingerprints are stored in suppression files, so this value is a format.
 */
import { fingerprintFields } from '../../../server/src/core/suppressions';
import type { Finding } from '../../../server/src/core';

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function fingerprint(text: string, f: Finding): string {
  const s = fingerprintFields(text, f).join('\u0000');
  const a = fnv1a(s, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(s, 0x01234567 ^ 0x811c9dc5)
    .toString(16)
    .padStart(8, '0');
  return `fp1:${a}${b}`;
}
