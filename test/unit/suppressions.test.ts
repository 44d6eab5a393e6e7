/** Suppressions in the engine: fingerprints that survive edits elsewhere, matching with counts, stale entries, pruning, the file's layout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applySuppressions,
  canonicalEntries,
  entriesFor,
  fingerprint,
  fingerprintFields,
  lint,
  parseSuppressions,
  pruneEntries,
  serializeSuppressions,
  staleCount,
  SUPPRESSIONS_FILE_NAME,
} from '../../server/src/core';
import { SUPPRESSIONS_VERSION } from '../../server/src/core/suppressions';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
const seed = fs.readFileSync(
  path.join(
    SEEDS,
    fs.readdirSync(SEEDS).find((f) => f.startsWith('001_'))!,
  ),
  'utf8',
);

/** Seed 001 with the 总计 of table 三 row 一 set to `value` (a broken row total). */
function broken(text: string, value = '3'): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const cells = lines[i].split('\t');
  const k = cells.map((c, j) => (/^\d+$/.test(c) ? j : -1)).filter((j) => j >= 0)[6];
  cells[k] = value;
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

const find = (text: string, rule: string) => lint(text, { force: true }).findings.filter((f) => f.ruleId === rule);

test('a fingerprint has no line numbers: it survives lines added above, and changes when the finding does', () => {
  const text = broken(seed);
  const [f] = find(text, 'sum-row-total');
  assert.ok(f);
  const fp = fingerprint(text, f);
  assert.match(fp, /^fp1:[0-9a-f]{16}$/);
  // The fields are the rule id, the span text, the row and column ids, and the line text around it.
  const fields = fingerprintFields(text, f);
  assert.equal(fields[0], 'sum-row-total');
  assert.equal(fields[1], '3');
  assert.match(fields[2], /relation=/);

  const shifted = '新增的一行说明。\n\n' + text;
  const [g] = find(shifted, 'sum-row-total');
  assert.notEqual(g.span.start, f.span.start);
  assert.equal(fingerprint(shifted, g), fp);

  // Another wrong value is another finding.
  const other = broken(seed, '4');
  const [h] = find(other, 'sum-row-total');
  assert.notEqual(fingerprint(other, h), fp);
});

test('a finding on a table cell is placed by its ids: a fix of a neighbouring cell keeps its fingerprint', () => {
  const text = broken(seed);
  const [f] = find(text, 'sum-row-total');
  assert.deepEqual(fingerprintFields(text, f).slice(3), ['', '']);
  // Change the addend right before the total (the text beside the finding): same finding, same entry.
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const cells = lines[i].split('\t');
  const numeric = cells.map((c, j) => (/^\d+$/.test(c) ? j : -1)).filter((j) => j >= 0);
  const k = numeric[5];
  cells[k] = String(Number(cells[k]) + 1);
  lines[i] = cells.join('\t');
  const edited = lines.join('\n');
  const [g] = find(edited, 'sum-row-total');
  assert.ok(g);
  assert.notEqual(edited.slice(g.span.start - 20, g.span.start), text.slice(f.span.start - 20, f.span.start));
  assert.equal(fingerprint(edited, g), fingerprint(text, f));
  // A finding its ids do not place (a section) keeps the text around it.
  const section = {
    ruleId: 'r',
    severity: 'warning' as const,
    message: { zh: 'x', en: 'x' },
    span: { start: 3, end: 4 },
    data: { section: 's1' },
  };
  assert.notDeepEqual(fingerprintFields('前面的字xy后面的字', section).slice(3), ['', '']);
});

test('applying entries: matching findings are suppressed up to each count, the rest kept, in order', () => {
  const text = broken(seed);
  const findings = lint(text, { force: true }).findings;
  assert.ok(findings.length >= 3);
  const entries = entriesFor('a.txt', text, findings.slice(0, 2));
  const r = applySuppressions(text, findings, entries);
  assert.deepEqual(r.suppressed, findings.slice(0, 2));
  assert.deepEqual(r.kept, findings.slice(2));
  assert.deepEqual(r.used, [1, 1]);
  assert.equal(staleCount(entries, r.used), 0);
  // No entries: nothing changes.
  assert.deepEqual(applySuppressions(text, findings, []).kept, findings);
  // A rule id must match too.
  const wrongRule = entries.map((e) => ({ ...e, rule: 'section-missing' }));
  assert.equal(applySuppressions(text, findings, wrongRule).suppressed.length, 0);
});

test('identical findings share a fingerprint; count says how many are suppressed', () => {
  const text = '（一）人\n（二）人\n';
  const a = { ruleId: 'r', severity: 'warning' as const, message: { zh: 'x', en: 'x' }, span: { start: 3, end: 4 } };
  const b = { ...a, span: { start: 8, end: 9 } };
  // Same rule, same text and the same context (the sub-item numbers differ, so context differs):
  assert.notEqual(fingerprint(text, a), fingerprint(text, b));
  const same = '人\n人\n人\n';
  const fs3 = [0, 2, 4].map((s) => ({ ...a, span: { start: s, end: s + 1 } }));
  const fp = fingerprint(same, fs3[0]);
  assert.ok(fs3.every((f) => fingerprint(same, f) === fp));
  const r = applySuppressions(same, fs3, [{ file: 'a', rule: 'r', fingerprint: fp, count: 2 }]);
  assert.equal(r.suppressed.length, 2);
  assert.deepEqual(r.kept, [fs3[2]]);
  // Three entries for one fingerprint become one entry with count 3.
  const merged = canonicalEntries(entriesFor('a', same, fs3));
  assert.deepEqual(merged, [{ file: 'a', rule: 'r', fingerprint: fp, count: 3 }]);
});

test('stale entries: counted, and pruning lowers counts and drops what matched nothing', () => {
  const text = broken(seed);
  const findings = find(text, 'sum-row-total');
  const fixedText = seed;
  const entries = [
    ...entriesFor('a.txt', text, findings),
    { file: 'a.txt', rule: 'section-missing', fingerprint: 'fp1:0000000000000000' },
    { file: 'a.txt', rule: findings[0].ruleId, fingerprint: fingerprint(text, findings[0]), count: 5 },
  ];
  const r = applySuppressions(text, findings, entries);
  assert.equal(r.suppressed.length, findings.length);
  assert.equal(staleCount(entries, r.used), 2);
  const pruned = pruneEntries(entries, r.used);
  assert.deepEqual(pruned, entriesFor('a.txt', text, findings));
  // Once the report is fixed, every entry is stale.
  const now = applySuppressions(fixedText, lint(fixedText, { force: true }).findings, entries);
  assert.equal(staleCount(entries, now.used), entries.length);
  assert.deepEqual(pruneEntries(entries, now.used), []);
});

test('the file: parsed without throwing, problems for what is not understood, written sorted and stable', () => {
  const good = parseSuppressions(
    '{"version":1,"suppressions":[{"file":"b.txt","rule":"r","fingerprint":"fp1:1"},{"file":"a.txt","rule":"r","fingerprint":"fp1:2","count":2},{"file":3}]}',
  );
  assert.equal(good.data.suppressions.length, 2);
  assert.equal(good.problems.length, 1);
  assert.match(good.problems[0].zh, /第 3 项/);
  assert.match(good.problems[0].en, /entry 3/);
  const text = serializeSuppressions(good.data);
  assert.equal(
    text,
    '{\n  "version": 1,\n  "suppressions": [\n' +
      '    {\n      "file": "a.txt",\n      "rule": "r",\n      "fingerprint": "fp1:2",\n      "count": 2\n    },\n' +
      '    {\n      "file": "b.txt",\n      "rule": "r",\n      "fingerprint": "fp1:1"\n    }\n  ]\n}\n',
  );
  assert.equal(serializeSuppressions(parseSuppressions(text).data), text);
  for (const bad of ['', '{', '[]', 'null', '{"version":2}', '{"version":1,"suppressions":{}}']) {
    const r = parseSuppressions(bad);
    assert.equal(r.data.suppressions.length, 0);
    assert.ok(r.problems.length > 0, bad);
  }
});

test('the JSON schema contributed to the editor accepts what is written and rejects what the parser would not take', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv').default;
  const root = path.resolve(__dirname, '../../..');
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/govreport-suppressions.schema.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.ok(
    pkg.contributes.jsonValidation.some(
      (v: { fileMatch: string; url: string }) =>
        v.fileMatch === SUPPRESSIONS_FILE_NAME && v.url === './schemas/govreport-suppressions.schema.json',
    ),
  );
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.equal(schema.properties.version.const, SUPPRESSIONS_VERSION);
  const text = broken(seed);
  const written = JSON.parse(
    serializeSuppressions({
      version: SUPPRESSIONS_VERSION,
      suppressions: entriesFor('sub/a.txt', text, lint(text, { force: true }).findings),
    }),
  );
  assert.ok(written.suppressions.length > 0);
  assert.equal(validate(written), true, JSON.stringify(validate.errors));
  for (const bad of [
    { version: 2, suppressions: [] },
    { version: 1 },
    { version: 1, suppressions: [{ file: 'a', rule: 'r', fingerprint: 'x' }] },
    { version: 1, suppressions: [{ file: 'a', rule: 'r', fingerprint: 'fp1:0000000000000000', count: 0 }] },
  ]) {
    assert.equal(validate(bad), false, JSON.stringify(bad));
  }
});
