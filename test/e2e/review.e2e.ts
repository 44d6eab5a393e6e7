/**
 * The html review report and the html comparison in a real browser (headless Chromium through playwright-core):
 * the content is there, the page logs no console error, makes no network request (the file is opened from
 * disk; any other request fails the test), the script sorts and filters, the page without script is complete,
 * it prints on A4, and hostile report text stays text. Screenshots go to test-results/; with UPDATE_SCREENSHOTS=1
 * to docs/images/ (shown in the README and docs/review-office.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, RESULTS, ROOT } from './harness';
import { render } from '../helpers/report';
import { consistentPair, withT2, withT3 } from '../helpers/pairs';

const CLI = path.join(ROOT, 'dist', 'cli.js');
/**
 * Where the screenshots go: a scratch folder (test-results/, ignored by git) by default, so that a run leaves the
 * tree clean; docs/images/ only when asked with UPDATE_SCREENSHOTS=1 (docs/e2e.md).
 */
const IMAGES = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'images') : RESULTS;

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A review office's folder: three bodies over two or three years, a few problems of each kind, one hostile title. */
function reviewFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-'));
  const a = consistentPair({ body: '某某市某某区财政局', year: 2023, seed: 5 });
  fs.writeFileSync(path.join(dir, '区财政局2022年报.txt'), render(a.previous, 'tab'));
  const a23 = withT3(a.current, 't3.carried', 0, 5);
  a23.t3['t3.open'][a23.t3['t3.open'].length - 1] = Number(a23.t3['t3.open'][a23.t3['t3.open'].length - 1]) + 2;
  fs.writeFileSync(path.join(dir, '区财政局2023年报.md'), render(a23, 'markdown'));
  const b = consistentPair({ body: '某某市某某区人民政府办公室', year: 2023, seed: 6 });
  fs.writeFileSync(path.join(dir, '区政府办2022年报.txt'), render(b.previous, 'pdf'));
  fs.writeFileSync(path.join(dir, '区政府办2023年报.txt'), render(withT2(b.current, 't2.1.normative', 2, 60), 'tab'));
  const c = consistentPair({
    body: '<img/src="http://example.invalid/x.png"/onerror="console.error(1)">局',
    year: 2023,
    seed: 7,
  });
  const evil = structuredClone(c.current);
  evil.labels['t3.open'] = '予以公开<script>console.error("xss")</script>';
  fs.mkdirSync(path.join(dir, 'hostile'));
  fs.writeFileSync(path.join(dir, 'hostile', '某局2023年报.txt'), render(evil, 'tab'));
  return dir;
}

interface Watched {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

async function open(browser: Browser, file: string, javaScriptEnabled = true): Promise<Watched> {
  const context = await browser.newContext({
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}

test('the html review report in Chromium: content, no console error, no request, sorting, filtering, print, screenshot', async () => {
  assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (scripts/e2e-tools.sh installs it)`);
  const dir = reviewFolder();
  // The json run first: once written, the review report is itself a web page in the folder, and a later run
  // would list it as a file that is not a report.
  const json = JSON.parse(cli(['-f', 'json', '.'], dir).stdout) as {
    file: string;
    diagnostics: { rule: string; severity: string }[];
  }[];
  const r = cli(['-f', 'html', '-o', '审核意见.html', '.'], dir);
  assert.equal(r.code, 1, r.stderr); // the folder has errors
  const total = json.reduce((n, e) => n + e.diagnostics.length, 0);
  assert.ok(json.some((e) => e.diagnostics.some((d) => d.rule === 'cross-year-carry-over')));

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const w = await open(browser, path.join(dir, '审核意见.html'));
    const { page } = w;
    assert.equal(await page.title(), '政府信息公开工作年度报告审核意见');
    assert.equal(await page.locator('#reports tbody tr').count(), json.length);
    assert.equal(await page.locator('svg').count(), 2);
    assert.equal(await page.locator('#findings tbody tr').count(), total);
    // Hostile text is shown as text; no element came out of it.
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 1);
    assert.ok((await page.locator('#reports').innerText()).includes('<img/src="http://example.invalid/x.png"'));
    assert.ok((await page.locator('#findings').innerText()).includes('予以公开<script>console.error("xss")</script>'));
    // The cross-year finding: the line of text with the cell marked, expected and written values, last year's location.
    const carry = page.locator('#findings tbody tr', { hasText: 'cross-year-carry-over' });
    assert.equal(await carry.count(), 1);
    assert.equal(await carry.locator('mark').innerText(), '5');
    assert.match(await carry.innerText(), /上年报告 区财政局2022年报\.txt:\d+:\d+/);

    // The script: the controls appear; filtering by severity and text; sorting by severity.
    assert.equal(await page.locator('#controls').isVisible(), true);
    await page.selectOption('#filter-severity', 'warning');
    const warnings = json.reduce((n, e) => n + e.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    assert.equal(await page.locator('#findings tbody tr:visible').count(), warnings);
    await page.selectOption('#filter-severity', '');
    await page.fill('#filter-text', 'cross-year');
    const crossYear = json.reduce(
      (n, e) => n + e.diagnostics.filter((d) => d.rule.startsWith('cross-year-')).length,
      0,
    );
    assert.equal(await page.locator('#findings tbody tr:visible').count(), crossYear);
    await page.fill('#filter-text', '');
    await page.locator('#findings thead th', { hasText: '级别' }).click();
    const order = await page
      .locator('#findings tbody tr')
      .evaluateAll((rows) => rows.map((x) => x.getAttribute('data-severity')));
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    assert.deepEqual(
      order,
      [...order].sort((x, y) => rank[x!] - rank[y!]),
    );

    // It prints on A4 (a PDF of A4 pages comes out).
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#controls').isVisible(), false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    assert.ok(box, 'the PDF has a page size');
    // A4 is 595.28 × 841.89 points.
    assert.ok(
      Math.abs(Number(box[1]) - 595.28) < 1 && Math.abs(Number(box[2]) - 841.89) < 1,
      `page size ${box[1]} × ${box[2]}`,
    );
    await page.emulateMedia({ media: 'screen' });

    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.requests, []);

    // Without script: the controls stay hidden, every finding is listed.
    const plain = await open(browser, path.join(dir, '审核意见.html'), false);
    assert.equal(await plain.page.locator('#controls').isVisible(), false);
    assert.equal(await plain.page.locator('#findings tbody tr:visible').count(), total);
    assert.deepEqual(plain.requests, []);

    // The screenshot for the documentation: the folder without the hostile report.
    fs.mkdirSync(IMAGES, { recursive: true });
    const clean = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') || f.endsWith('.md'));
    assert.equal(cli(['-f', 'html', '-o', 'shot.html', ...clean], dir).code, 1);
    const shot = await open(browser, path.join(dir, 'shot.html'));
    await shot.page.screenshot({ path: path.join(IMAGES, 'review-report.png'), fullPage: false });
    assert.deepEqual(shot.consoleErrors, []);
    assert.deepEqual(shot.requests, []);

    // English.
    assert.equal(cli(['-f', 'html', '--lang', 'en', '-o', 'review.html', '.'], dir).code, 1);
    const en = await open(browser, path.join(dir, 'review.html'));
    assert.equal(await en.page.title(), 'Review of government information-disclosure annual reports');
    assert.deepEqual(en.consoleErrors, []);
    assert.deepEqual(en.requests, []);

    // The comparison of two years.
    assert.equal(
      cli(['compare', '-f', 'html', '-o', '对比.html', '区财政局2022年报.txt', '区财政局2023年报.md'], dir).code,
      0,
    );
    const cmp = await open(browser, path.join(dir, '对比.html'));
    assert.equal(await cmp.page.locator('table.figures').count(), 3);
    assert.equal(await cmp.page.locator('#identities tr[data-status="broken"]').count(), 1);
    await cmp.page.screenshot({ path: path.join(IMAGES, 'compare-report.png'), fullPage: false });
    assert.deepEqual(cmp.consoleErrors, []);
    assert.deepEqual(cmp.requests, []);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
