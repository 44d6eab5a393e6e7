/**
 * Bugs the fuzz tests found, each as a small readable example (the raw inputs are fixtures under
 * test/fixtures/fuzz/, replayed by regressions.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEdits, fixAll, lint } from '../../server/src/core';
import { loadSeeds } from './arbitraries';
import { checkText, describe, spanProblems, strictApply } from './invariants';

test('diffEdits keeps a surrogate pair whole when two characters share its high half', () => {
  // U+20000 and U+20001 are \uD840\uDC00 and \uD840\uDC01: the common prefix must stop before \uD840.
  const a = '一\u{20000}';
  const b = '一\u{20001}';
  const edits = diffEdits(a, b);
  assert.equal(strictApply(a, edits), b);
  assert.deepEqual(edits, [{ start: 1, end: 3, newText: '\u{20001}' }]);
  // And the same with a shared low half (U+20000 and U+21000 are \uD840\uDC00 and \uD844\uDC00).
  const c = '\u{20000}x';
  const d = '\u{21000}x';
  const e2 = diffEdits(c, d);
  assert.equal(strictApply(c, e2), d);
  for (const e of e2) assert.deepEqual(spanProblems(c, e, 'edit'), []);
});

test('a report without the heading of section 四: fix-all restores the heading and leaves table 四 intact', () => {
  // Without the heading, table 四's header is read as part of table 三 and its "…尚未审结\t总计"
  // as a second （七）总计 row. Its label starts inside the word 尚未审结: fixing it deleted "结\t",
  // and each later pass one more character of the header.
  let checked = 0;
  for (const seed of loadSeeds()) {
    const lines = seed.text.split('\n');
    const kept = lines.filter((l) => !/^[#\s]*四、政府信息公开行政复议/.test(l));
    if (kept.length === lines.length) continue;
    const text = kept.join('\n');
    const headerLines = kept.filter((l) => /审\s*结/.test(l));
    assert.ok(headerLines.length > 0, `${seed.name}: table 四 has a header`);
    const fixed = fixAll(text);
    for (const h of headerLines)
      assert.ok(fixed.text.includes(h), `${seed.name}: header line kept: ${JSON.stringify(h)}`);
    assert.ok(
      lint(fixed.text).model.sections.some((s) => s.id === 4),
      `${seed.name}: the heading of section 四 is restored`,
    );
    const v = checkText(text);
    assert.deepEqual(v, [], `${seed.name}: ${describe(v)}`);
    checked++;
  }
  assert.ok(checked >= 4, 'at least four seeds have a section 四 heading to remove');
});
