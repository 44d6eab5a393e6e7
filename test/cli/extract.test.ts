/**
 * `govreport-lint extract`: the figures of each report with their states, as JSON and as CSV, the
 * figure names from the template, exit codes and usage errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core';
import { extractRecord, fieldName, fieldsOf } from '../../server/src/cli/extract';
import type { JsonExtractEntry } from '../../server/src/cli/extractRun';
import { CSV_COLUMNS, csvField } from '../../server/src/cli/extractRun';
import { parseArgs } from '../../server/src/cli/args';
import { runCli, seedText, tempDir } from './helpers';
import { compareWithNumbers, expectedFigures, readNumbers, SAMPLES, type CompareOptions } from './numbers';

const TAB = path.join(SAMPLES, 'tab.txt');

function tabText(): string {
  return fs.readFileSync(TAB, 'utf8');
}

/** Parses CSV (RFC 4180) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

test('figure names: one per template row and column, unique, stable (t3.new.natural …)', () => {
  for (const edition of ['2021', '2019'] as const) {
    const names = fieldsOf(edition).map((d) => fieldName(d.rowId, d.column.id));
    assert.equal(new Set(names).size, names.length, edition);
  }
  const names2021 = fieldsOf('2021').map((d) => fieldName(d.rowId, d.column.id));
  assert.equal(names2021.length, 10 + 25 * 7 + 15);
  for (const n of [
    't2.1.rules.made',
    't2.8.fee.fee',
    't3.new.natural',
    't3.refuse.1.total',
    't3.other.3.otherOrg',
    't3.next.total',
    't4.data.review.upheld',
    't4.data.after.total',
  ]) {
    assert.ok(names2021.includes(n), n);
  }
  // numbers.json names exactly the 2021 figures.
  assert.deepEqual([...expectedFigures(readNumbers()).keys()].sort(), [...names2021].sort());
});

test('extract on tab.txt gives exactly numbers.json (JSON), and the CSV holds the same figures', () => {
  const numbers = readNumbers();
  const r = runCli(['extract', '--format', 'json', TAB]);
  assert.equal(r.code, 0, r.stderr);
  const entries = JSON.parse(r.stdout) as JsonExtractEntry[];
  assert.equal(entries.length, 1);
  assert.equal(entries[0].edition, '2021');
  assert.deepEqual(compareWithNumbers(entries[0], numbers), []);
  assert.deepEqual(entries[0].figures!['t3.new.total'], {
    label: '一、本年新收政府信息公开申请数量·总计',
    value: 45,
    state: 'read',
    line: 41,
  });
  assert.equal(tabText().split('\n')[40].split('\t').pop(), '45');

  const csv = runCli(['extract', TAB]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith('\uFEFF'), 'UTF-8 with a BOM, for Excel');
  const rows = parseCsv(csv.stdout.slice(1));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  const at = (name: string) => rows[0].indexOf(name);
  const expected = expectedFigures(numbers);
  assert.equal(rows.length - 1, expected.size);
  for (const row of rows.slice(1)) {
    assert.deepEqual(
      [row[at('body')], row[at('year')], row[at('edition')], row[at('state')]],
      [numbers.body, '2023', '2021', 'read'],
    );
    assert.equal(row[at('value')], expected.get(row[at('field')]), row[at('field')]);
    assert.equal(row[at('label')], entries[0].figures![row[at('field')]].label);
  }
});

test('extract: each state — blank, unreadable (not a number, run together, wrong count, missing row), and exit 1', () => {
  const text = tabText()
    .replace('一、本年新收政府信息公开申请数量\t\t\t41\t3\t0', '一、本年新收政府信息公开申请数量\t\t\t41\t3\t')
    .replace('四、结转下年度继续办理\t\t\t3\t0\t0', '四、结转下年度继续办理\t\t\t3\t—\t0')
    .replace(
      '二、上年结转政府信息公开申请数量\t\t\t2\t1\t0\t0\t0\t0\t3',
      '二、上年结转政府信息公开申请数量\t\t\t2100003',
    )
    .replace('\t\t2.重复申请\t1\t0\t0\t0\t0\t0\t1\n', '')
    .replace('行政强制\t3', '行政强制\t3\t4');
  const dir = tempDir('states');
  fs.writeFileSync(path.join(dir, 'r.txt'), text);
  const r = runCli(['extract', '-f', 'json', 'r.txt'], { cwd: dir });
  assert.equal(r.code, 1, 'a figure that could not be read makes the exit code 1');
  const f = (JSON.parse(r.stdout) as JsonExtractEntry[])[0].figures!;
  assert.deepEqual(f['t3.new.research'], {
    label: '一、本年新收政府信息公开申请数量·科研机构',
    value: null,
    state: 'blank',
    line: 41,
  });
  assert.deepEqual(f['t3.next.commercial'], {
    label: '四、结转下年度继续办理·商业企业',
    value: null,
    state: 'unreadable',
    reason: 'invalid-cell',
    raw: '—',
    line: 64,
  });
  assert.equal(f['t3.next.natural'].value, 3);
  for (const c of ['natural', 'total']) {
    assert.equal(f[`t3.carried.${c}`].state, 'unreadable');
    assert.equal(f[`t3.carried.${c}`].value, null);
  }
  assert.equal(f['t3.noprocess.2.natural'].reason, 'missing-row');
  assert.deepEqual(
    [f['t2.6.enforcement.decisions'].state, f['t2.6.enforcement.decisions'].reason],
    ['unreadable', 'cell-count'],
  );
  const unread = Object.entries(f)
    .filter(([, v]) => v.state !== 'read')
    .map(([k]) => k);
  assert.equal(unread.length, 1 + 1 + 7 + 7 + 1);

  // The comparison with numbers.json names each difference; a blank cell matches 0 only when asked, and only 0.
  const entry = (JSON.parse(r.stdout) as JsonExtractEntry[])[0];
  const diffs = compareWithNumbers(entry, readNumbers());
  assert.equal(diffs.length, 17, diffs.join('\n'));
  assert.ok(diffs.includes('t3.new.research: blank, expected 0'), diffs.join('\n'));
  assert.ok(diffs.includes('t3.next.commercial: unreadable (invalid-cell), expected 0'), diffs.join('\n'));
  assert.equal(compareWithNumbers(entry, readNumbers(), { blankAsZero: true }).length, 16);
  const n = readNumbers();
  n.t3.rows['一、本年新收政府信息公开申请数量'][2] = 5;
  assert.ok(compareWithNumbers(entry, n, { blankAsZero: true }).includes('t3.new.research: blank, expected 5'));
});

test('extractRecord: rows of one-line text split by arithmetic give inferred figures; a missing table, unreadable ones', () => {
  const model = parse(fs.readFileSync(path.join(SAMPLES, 'flattened.txt'), 'utf8'));
  const inferred = model.tables.t3!.rows.filter((r) => r.inferred);
  assert.ok(inferred.length > 0, 'the sample has rows split by their sums');
  delete model.tables.t4;
  const rec = extractRecord(model);
  const byName = new Map(rec.figures.map((x) => [x.field, x]));
  for (const row of inferred) {
    const f = byName.get(`${row.rowId}.natural`)!;
    assert.equal(f.state, 'inferred', row.rowId);
    assert.equal(f.value, row.cells[0].value);
  }
  assert.equal(byName.get('t3.carried.natural')!.state, 'read');
  const t4 = rec.figures.filter((x) => x.table === 't4');
  assert.equal(t4.length, 15);
  assert.ok(t4.every((x) => x.state === 'unreadable' && x.reason === 'missing-table' && x.value === undefined));
  assert.equal(t4[0].label, '行政复议·结果维持');
  assert.deepEqual(
    [rec.body, rec.year, rec.edition, rec.title],
    ['某某县住房和城乡建设局', 2023, '2021', '某某县住房和城乡建设局2023年政府信息公开工作年度报告'],
  );
});

test('extract on every sample shape gives exactly the figures of numbers.json', () => {
  const numbers = readNumbers();
  // Each shape the same report arrives in; blank cells stand for zeros, one-line rows may be split by their sums.
  const cases: [string, CompareOptions][] = [
    ['tab.txt', {}],
    ['title-two-lines.txt', { title: false }],
    ['title-year-first.txt', { title: false }],
    ['blank-cells.txt', { blankAsZero: true }],
    ['flattened.txt', { inferred: true }],
    ['page.html', {}],
    ['page-gb2312.html', {}],
  ];
  const r = runCli(['extract', '--format', 'json', ...cases.map(([f]) => path.join(SAMPLES, f))]);
  assert.equal(r.code, 0, r.stderr);
  const entries = JSON.parse(r.stdout) as JsonExtractEntry[];
  assert.equal(entries.length, cases.length);
  cases.forEach(([file, options], i) => {
    assert.ok(entries[i].file.endsWith(file), entries[i].file);
    let diffs = compareWithNumbers(entries[i], numbers, options);
    if (file === 'blank-cells.txt') {
      // That sample leaves the 总计 column of 三 empty: those figures are blank, not read (the fix computes them;
      // test/unit/layouts.test.ts checks it writes exactly these values). Everything else matches.
      const totals = diffs.filter((d) => /^t3\.[\w.]+\.total: blank, expected \d+$/.test(d));
      assert.ok(totals.length >= 10, `the empty 总计 column: ${totals.length}`);
      diffs = diffs.filter((d) => !totals.includes(d));
    }
    assert.deepEqual(diffs, [], file);
  });
  // Only the blank-cells sample has blank figures, and only the one-line sample inferred ones.
  const states = (i: number) => new Set(Object.values(entries[i].figures ?? {}).map((f) => f.state));
  assert.deepEqual([...states(0)], ['read']);
  assert.ok(states(3).has('blank'));
  assert.ok(states(4).has('inferred'));
});

test('extract: several files and folders, a file that is not a report, an unreadable file; -o writes the output', () => {
  const dir = tempDir('extractmany');
  fs.mkdirSync(path.join(dir, 'reports'));
  fs.copyFileSync(TAB, path.join(dir, 'reports', 'a.txt'));
  fs.writeFileSync(path.join(dir, 'reports', 'b.md'), seedText('002_'));
  fs.writeFileSync(path.join(dir, 'reports', 'notes.txt'), '会议纪要\n\n今天讨论了网站改版。\n');
  const r = runCli(['extract', '-f', 'json', 'reports', 'missing.txt'], { cwd: dir });
  assert.equal(r.code, 2, 'an unreadable file makes the exit code 2');
  const out = JSON.parse(r.stdout) as JsonExtractEntry[];
  assert.deepEqual(
    out.map((e) => e.file),
    [path.join('reports', 'a.txt'), path.join('reports', 'b.md'), path.join('reports', 'notes.txt'), 'missing.txt'],
  );
  assert.equal(out[1].figures!['t3.new.natural'].state, 'read');
  assert.deepEqual([out[2].skipped, out[2].figures], ['not-a-report', undefined]);
  assert.equal(out[3].error!.code, 'not-found');
  assert.match(r.stderr, /notes\.txt：未识别为政府信息公开工作年度报告，已跳过/);
  assert.match(r.stderr, /missing\.txt：文件不存在/);

  // --force extracts it anyway (every figure unreadable: no tables).
  const forced = runCli(['extract', '-f', 'json', '--force', path.join('reports', 'notes.txt')], { cwd: dir });
  assert.equal(forced.code, 1);
  const figs = Object.values((JSON.parse(forced.stdout) as JsonExtractEntry[])[0].figures!);
  assert.ok(figs.length > 0 && figs.every((x) => x.state === 'unreadable' && x.reason === 'missing-table'));

  const o = runCli(['extract', '-o', 'out.csv', '--lang', 'en', 'reports'], { cwd: dir });
  assert.equal(o.code, 0, o.stderr);
  assert.equal(o.stdout, '');
  assert.match(o.stderr, /notes\.txt: not recognised as an annual report; skipped/);
  const csv = fs.readFileSync(path.join(dir, 'out.csv'), 'utf8');
  const rows = parseCsv(csv.slice(1));
  assert.equal(rows.length, 1 + 2 * 200);
  assert.deepEqual(
    [...new Set(rows.slice(1).map((x) => x[0]))],
    [path.join('reports', 'a.txt'), path.join('reports', 'b.md')],
  );
});

test('extract: usage errors — options of the check, unknown formats, no inputs (exit 2)', () => {
  for (const args of [
    ['extract', '--fix', 'a.txt'],
    ['extract', '-f', 'sarif', 'a.txt'],
    ['extract', '--format=stylish', 'a.txt'],
    ['extract'],
    ['extract', '--print-text', 'a.txt'],
    ['-f', 'csv', 'a.txt'],
  ]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /用法错误/, args.join(' '));
  }
  const ok = parseArgs(['extract', '--format', 'json', '-o', 'x.json', '--force', 'a', 'b']);
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.ok && [ok.options.command, ok.options.format, ok.options.outputFile, ok.options.force, ok.options.inputs],
    ['extract', 'json', 'x.json', true, ['a', 'b']],
  );
  const def = parseArgs(['extract', 'a']);
  assert.deepEqual(def.ok && [def.options.command, def.options.format], ['extract', 'csv']);
  // "extract" elsewhere is a file name; the check is unchanged.
  const check = parseArgs(['a', 'extract']);
  assert.deepEqual(check.ok && [check.options.command, check.options.format, check.options.inputs], [
    'check',
    'stylish',
    ['a', 'extract'],
  ]);
});

test('csvField: RFC 4180 quoting; text a spreadsheet would run as a formula is defused; numbers stay numbers', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "x"'), '"say ""x"""');
  assert.equal(csvField('两行\n文字'), '"两行\n文字"');
  assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
  assert.equal(csvField('@x'), "'@x");
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField(12.5), '12.5');
  assert.equal(csvField(undefined), '');
});
