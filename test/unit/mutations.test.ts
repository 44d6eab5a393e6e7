/**
 * Mutation tests on the five seeds: change a number, delete a row, delete a section, drop a cell,
 * swap two sections. The expected rule fires on the expected line, and no other new finding
 * appears (findings the seed already had are matched by rule and text and set aside).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core';
import { seeds } from '../helpers/paths';
import { briefs, show, type Brief } from '../helpers/findings';

const EOL = /\r\n|\r|\n/;

/** Lines as matching sees them: compatibility characters and full-width forms folded. */
function foldedLines(text: string): string[] {
  return text.split(EOL).map((l) => l.normalize('NFKC'));
}

function lineIndex(text: string, re: RegExp): number {
  const i = foldedLines(text).findIndex((l) => re.test(l));
  assert.ok(i >= 0, `a line matching ${re}`);
  return i;
}

function replaceLine(text: string, index: number, f: (line: string) => string): string {
  const eol = text.match(EOL)?.[0] ?? '\n';
  const lines = text.split(EOL);
  lines[index] = f(lines[index]);
  return lines.join(eol);
}

function deleteLines(text: string, from: number, count = 1): string {
  const eol = text.match(EOL)?.[0] ?? '\n';
  const lines = text.split(EOL);
  lines.splice(from, count);
  return lines.join(eol);
}

/** New findings of the mutant: those not already in the seed (by rule and text, in order). */
function newFindings(seedText: string, mutant: string): Brief[] {
  const before = briefs(seedText, lint(seedText).findings);
  const after = briefs(mutant, lint(mutant).findings);
  const pool = before.map((b) => `${b.rule} ${b.text}`);
  return after.filter((b) => {
    const k = pool.indexOf(`${b.rule} ${b.text}`);
    if (k < 0) return true;
    pool.splice(k, 1);
    return false;
  });
}

const ROW_OPEN = /^(?:三、本年度办理结果)?\s*\(一\)\s*予以公开/;
const ROW_SECRET = /^\s*(?:\(三\)\s*不予公开\s*)?1\.\s*属于国家秘密/;
const ROW_STABLE = /^\s*3\.\s*危及“三安全一稳定”/;
const ROW_RIGHTS = /^\s*4\.\s*保护第三方合法权益/;
const ROW_TOTAL = /^\s*\(七\)\s*总计/;
const HEAD_5 = /^[#\s]*五、存在的主要问题及改进情况\s*$/;
const HEAD_6 = /^[#\s]*六、其他需要报告的事项\s*$/;

for (const { id, text } of seeds()) {
  test(`seed ${id}: a changed number breaks its row total and its column total`, () => {
    const li = lineIndex(text, ROW_OPEN);
    // The first 0 cell of （一）予以公开 (自然人) becomes 3.
    const mutant = replaceLine(text, li, (l) => l.replace(/([\t ])0(?=[\t ]|$)/, '$13'));
    assert.notEqual(mutant, text);
    const totalLine = lineIndex(mutant, ROW_TOTAL);
    assert.deepEqual(newFindings(text, mutant).map(show), [
      show({ rule: 'sum-row-total', line: li + 1, text: '0' }),
      show({ rule: 'sum-column-total', line: totalLine + 1, text: '0' }),
    ]);
    const f = lint(mutant).findings.find((x) => x.ruleId === 'sum-row-total')!;
    assert.ok(f.message.zh.includes('= 3，实填 0'), f.message.zh);
  });

  test(`seed ${id}: a deleted row is reported where it belongs`, () => {
    const li = lineIndex(text, ROW_STABLE);
    const mutant = deleteLines(text, li);
    const next = lineIndex(mutant, ROW_RIGHTS);
    const found = newFindings(text, mutant);
    assert.deepEqual(
      found.map((b) => [b.rule, b.line]),
      [['table-row-missing', next + 1]],
    );
    const f = lint(mutant).findings.find((x) => x.ruleId === 'table-row-missing')!;
    assert.ok(f.message.zh.includes('3.危及“三安全一稳定”'), f.message.zh);
  });

  test(`seed ${id}: a deleted section heading is reported, with a fix that restores it`, () => {
    const li = lineIndex(text, HEAD_5);
    const mutant = deleteLines(text, li);
    const six = lineIndex(mutant, HEAD_6);
    const found = newFindings(text, mutant);
    assert.deepEqual(
      found.map((b) => [b.rule, b.line]),
      [['section-missing', six + 1]],
    );
    const f = lint(mutant).findings.find((x) => x.ruleId === 'section-missing')!;
    assert.ok(f.message.zh.includes('五、存在的主要问题及改进情况'));
    assert.equal(f.data?.section, 5);
    assert.ok(f.fixes?.[0].edits[0].newText.includes('五、存在的主要问题及改进情况'));
  });

  test(`seed ${id}: a dropped cell is counted`, () => {
    const li = lineIndex(text, ROW_RIGHTS);
    const mutant = replaceLine(text, li, (l) => l.replace(/[\t ]0(?=[\t ]*$)/, ''));
    assert.notEqual(mutant, text);
    const found = newFindings(text, mutant);
    assert.deepEqual(
      found.map((b) => [b.rule, b.line]),
      [['table-cell-count', li + 1]],
    );
    const f = lint(mutant).findings.find((x) => x.ruleId === 'table-cell-count')!;
    assert.ok(f.message.zh.includes('应有 7 个数值，实有 6 个'), f.message.zh);
  });

  test(`seed ${id}: two swapped sections are out of order`, () => {
    const lines = text.split(EOL);
    const eol = text.match(EOL)?.[0] ?? '\n';
    const five = lineIndex(text, HEAD_5);
    const six = lineIndex(text, HEAD_6);
    const swapped = [...lines.slice(0, five), ...lines.slice(six), '', ...lines.slice(five, six)];
    const mutant = swapped.join(eol);
    const moved = lineIndex(mutant, HEAD_5);
    const found = newFindings(text, mutant);
    assert.deepEqual(
      found.map((b) => [b.rule, b.line]),
      [['section-order', moved + 1]],
    );
  });

  test(`seed ${id}: a label that loses a word is reported on its line, other rows unaffected`, () => {
    const li = lineIndex(text, ROW_SECRET);
    const mutant = replaceLine(text, li, (l) => l.replace('国家秘密', '秘密'));
    const found = newFindings(text, mutant);
    assert.deepEqual(
      found.map((b) => [b.rule, b.line]),
      [['table-label', li + 1]],
    );
    assert.match(found[0].text, /1\.\s*属于秘密$/);
    // The row keeps its numbers and its id.
    const row = lint(mutant).model.tables.t3!.rows.find((r) => r.rowId === 't3.refuse.1')!;
    assert.equal(row.cells.length, 7);
  });
}
