/**
 * Saved web pages: the HTML reader over real parse5 (blocks, tables with merged cells, what is left
 * out), the charset (BOM, meta charset, http-equiv, content), and the sample pages through the CLI:
 * no findings, and exactly the figures of numbers.json — also for a page made messier the ways real
 * pages are (cells split over <p>, &nbsp; runs, inline styles, Word comments, a layout table, <br>
 * in cells, <th>, no <tbody>).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { htmlToText } from '../../server/src/io/html';
import { decodeHtml, prescanCharset } from '../../server/src/io/htmlCharset';
import { readInput } from '../../server/src/io/read';
import { runCli, tempDir } from './helpers';
import type { JsonEntry } from './helpers';
import { compareWithNumbers, readNumbers, SAMPLES } from './numbers';
import type { JsonExtractEntry } from '../../server/src/cli/extractRun';

const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

test('html: blocks become lines, <br> breaks a line, inline markup and whitespace collapse as rendered', async () => {
  const html = page(
    '<div><h1 style="text-align:center"><span style="font-size:22px"><b>标题</b></span></h1>' +
      '<p>&nbsp;&nbsp;&nbsp;&nbsp;本报告&nbsp;&nbsp;&nbsp;根据<span>条例</span>编制。</p>' +
      '<p>第一行<br>第二行<br/>第三行</p>' +
      // Word wraps its HTML source mid-sentence: a line break between CJK characters is not a space.
      '<p>本年新收政府\n信息公开申请 45 件,\n and more</p>' +
      '<ul><li>甲</li><li>乙</li></ul>文字<div>块</div>尾</div>',
  );
  assert.equal(
    await htmlToText(html),
    [
      '标题',
      '本报告 根据条例编制。',
      '第一行',
      '第二行',
      '第三行',
      '本年新收政府信息公开申请 45 件, and more',
      '甲',
      '乙',
      '文字',
      '块',
      '尾',
    ].join('\n'),
  );
});

test('html: entities are decoded (named, decimal, hexadecimal)', async () => {
  assert.equal(
    await htmlToText(page('<p>&#20316;&#x4E1A; &lt;b&gt; &amp; &quot;x&quot; &copy; &ldquo;三安全一稳定&rdquo;</p>')),
    '作业 <b> & "x" © “三安全一稳定”',
  );
});

test('html: scripts, styles, templates, comments, form controls, hidden elements and navigation chrome are left out', async () => {
  const html =
    '<!DOCTYPE html><html><head><title>页面标题</title><style>p{color:red}</style><script>var a="一、总体情况";</script></head><body>' +
    '<header><div class="logo">某某县人民政府</div></header>' +
    '<nav><a href="/">首页</a><a href="/zwgk">政务公开</a></nav>' +
    '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 年报</div>' +
    '<ul id="mainMenu"><li><a>机构</a></li></ul>' +
    '<div role="navigation">导航</div>' +
    '<!-- 注释：一、总体情况 -->' +
    '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->' +
    '<template><p>模板</p></template><noscript>请启用脚本</noscript>' +
    '<form><input value="搜索"><button>搜索</button><select><option>友情链接</option></select><label>正文在此</label></form>' +
    '<p style="display:none">隐藏</p><p hidden>也隐藏</p>' +
    '<article><header><h1>报告标题</h1></header><p>正文</p><footer>（文章页脚）</footer></article>' +
    '<script>document.write("x")</script>' +
    '<footer>主办单位：某某县人民政府办公室</footer><div class="footer">备案号</div></body></html>';
  assert.equal(await htmlToText(html), ['正文在此', '报告标题', '正文', '（文章页脚）'].join('\n'));
});

test('html: chrome named by class is kept when it holds a table or much text (never the report)', async () => {
  const long = '正文'.repeat(200);
  const html = page(
    `<div class="nav-content"><p>${long}</p></div><div class="menu"><table><tr><td>规章</td><td>0</td></tr></table></div>`,
  );
  assert.equal(await htmlToText(html), [long, '规章\t0'].join('\n'));
  // Inside a data table nothing is taken for chrome: a cell left out would move the cells after it.
  const cells = page(
    '<table><tr><td class="nav">规章</td><td><span class="menu">0</span></td><td id="footer">1</td></tr></table>',
  );
  assert.equal(await htmlToText(cells), '规章\t0\t1');
});

test('html: Word list numbers between conditional comments are kept, the comments are not', async () => {
  const html = page(
    '<p class="MsoListParagraph" style="margin-left:21pt;text-indent:-21pt;mso-list:l0 level1 lfo1">' +
      '<!--[if !supportLists]--><span style="mso-fareast-font-family:宋体">（一）<span style="font:7.0pt \'Times New Roman\'">&nbsp;&nbsp; </span></span><!--[endif]-->' +
      '<span style="font-family:宋体">主动公开</span><o:p></o:p></p>' +
      '<![if !supportLists]><span>1.</span><![endif]><span>属于国家秘密</span>',
  );
  assert.equal(await htmlToText(html), ['（一） 主动公开', '1.属于国家秘密'].join('\n'));
});

test('html: table rows are tab-separated cells; rowspan and colspan are expanded into the grid', async () => {
  const html = page(
    '<table border="1"><tbody>' +
      '<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：…）</td><td colspan="3">申请人情况</td></tr>' +
      '<tr><td rowspan="2">自然人</td><td colspan="1">法人</td><td rowspan="2">总计</td></tr>' +
      '<tr><td>商业企业</td></tr>' +
      '<tr><td colspan="3">一、本年新收</td><td>41</td><td>3</td><td>44</td></tr>' +
      '<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td></td><td>1</td></tr>' +
      '<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>&nbsp;</td><td>0</td><td>0</td></tr>' +
      '<tr><td></td><td>&nbsp;</td></tr>' +
      '<tr><td>行政许可</td><td colspan="5">126</td></tr>' +
      '</tbody></table>',
  );
  assert.deepEqual((await htmlToText(html)).split('\n'), [
    '（本列数据的勾稽关系为：…）\t\t\t申请人情况',
    '\t\t\t自然人\t法人\t总计',
    '\t\t\t\t商业企业',
    '一、本年新收\t\t\t41\t3\t44',
    // An empty cell is an empty field; a row-spanning label leaves an empty field before the next row's label.
    '三、本年度办理结果\t（一）予以公开\t\t1\t\t1',
    '\t（三）不予公开\t1.属于国家秘密\t\t0\t0',
    // A row with no text at all is dropped; positions covered at the end of a row are left out.
    '行政许可\t126',
  ]);
});

test('html: a cell split over several <p> or <br> stays on one line; <th> and tables without <tbody> are read', async () => {
  const html = page(
    '<table><tr><th>信息内容</th><th><p>社会</p><p>公益</p><p>组织</p></th><th>法律<br>服务<br/>机构</th><th><p>1</p><p>2</p></th><th>结果<br>A</th></tr>' +
      '<tr><td style="border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt">' +
      '<p class="MsoNormal" align="center" style="text-align:center"><span lang="EN-US" style="font-size:10.5pt;font-family:宋体">规章</span></p></td>' +
      '<td><p><span style="font-size:10.5pt">0</span><o:p></o:p></p></td><td>&nbsp;&nbsp;5&nbsp;</td></tr></table>',
  );
  // Digits split over two paragraphs are not joined into one number: "1 2" is not a number the reader will take.
  assert.deepEqual((await htmlToText(html)).split('\n'), [
    '信息内容\t社会公益组织\t法律服务机构\t1 2\t结果 A',
    '规章\t0\t5',
  ]);
});

test('html: a table nested in a layout table — the layout cells are blocks, the inner table gives the rows', async () => {
  const html = page(
    '<table width="1000"><tr><td width="200"><a href="/">栏目一</a></td><td>' +
      '<p>二、主动公开政府信息情况</p>' +
      '<table><tr><td>第二十条第（一）项</td></tr><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>' +
      '<table><tr><td><table><tr><td>行政许可</td><td>126</td></tr></table></td></tr></table>' +
      '<p>三、收到和处理政府信息公开申请情况</p></td></tr></table>',
  );
  assert.deepEqual((await htmlToText(html)).split('\n'), [
    '栏目一',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '规章\t0\t0\t0',
    '行政许可\t126',
    '三、收到和处理政府信息公开申请情况',
  ]);
});

test('html: deeply nested markup is read without exhausting the stack', async () => {
  const depth = 10000;
  const html = page(`${'<div><span>'.repeat(depth)}深${'</span></div>'.repeat(depth)}`);
  assert.equal(await htmlToText(html), '深');
});

test('charset: BOM first, then the prescan (meta charset, http-equiv), then the content', () => {
  const text = '<p>某某县住房和城乡建设局</p>';
  const gb = (s: string) => iconv.encode(s, 'gb18030');
  // http-equiv only (older government sites), attributes in any order, after a comment that mentions another charset.
  const httpEquiv = gb(
    `<html><head><!-- <meta charset="utf-8"> --><META CONTENT="text/html; charset=gb2312" HTTP-EQUIV="Content-Type"></head><body>${text}</body></html>`,
  );
  assert.equal(prescanCharset(httpEquiv), 'gb18030');
  assert.deepEqual(
    decodeHtml(httpEquiv) && [
      decodeHtml(httpEquiv)!.encoding,
      decodeHtml(httpEquiv)!.source,
      decodeHtml(httpEquiv)!.text.includes(text),
    ],
    ['GB18030', 'meta', true],
  );
  // content= without http-equiv is not a declaration (the prescan needs the pragma).
  assert.equal(prescanCharset(Buffer.from('<meta content="text/html; charset=gbk"><p>x</p>')), undefined);
  assert.equal(
    prescanCharset(Buffer.from("<meta http-equiv='content-type' content='text/html;charset=\"GBK\"'>")),
    'gb18030',
  );
  assert.equal(prescanCharset(Buffer.from('<meta charset=utf-8>')), 'utf-8');
  assert.equal(prescanCharset(Buffer.from('<meta charset="GB18030"/>')), 'gb18030');
  assert.equal(prescanCharset(Buffer.from('<meta name="x" charset="no-such-charset"><meta charset="gbk">')), 'gb18030');
  // Beyond the first 1024 bytes the prescan does not look; the content decides.
  const late = gb(
    `<html><head><title>${'x'.repeat(1100)}</title><meta charset="gbk"></head><body>${text}</body></html>`,
  );
  assert.equal(prescanCharset(late), undefined);
  assert.deepEqual([decodeHtml(late)!.encoding, decodeHtml(late)!.source], ['GB18030', 'content']);
  // A BOM wins over a declaration.
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<meta charset="gb2312">${text}`)]);
  assert.deepEqual(
    [decodeHtml(bom)!.encoding, decodeHtml(bom)!.source, decodeHtml(bom)!.text.startsWith('<meta')],
    ['UTF-8', 'bom', true],
  );
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<meta charset="gbk">${text}`, 'utf16le')]);
  assert.deepEqual([decodeHtml(utf16)!.encoding, decodeHtml(utf16)!.text.includes(text)], ['UTF-16LE', true]);
  // No declaration: valid UTF-8 is UTF-8.
  assert.deepEqual(
    [decodeHtml(Buffer.from(text))!.encoding, decodeHtml(Buffer.from(text))!.source],
    ['UTF-8', 'content'],
  );
  // Declared UTF-8 but the bytes are GBK: the bytes decide.
  const wrong = gb(`<meta charset="utf-8">${text}`);
  assert.deepEqual([decodeHtml(wrong)!.encoding, decodeHtml(wrong)!.text.includes(text)], ['GB18030', true]);
  // Bytes no encoding decodes cleanly.
  assert.equal(decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0x81, 0x20, 0xff, 0x81, 0x30])), undefined);
});

test('readInput: .html/.htm are web pages, decoded by their charset, not writable', async () => {
  const dir = tempDir('htmlread');
  fs.writeFileSync(
    path.join(dir, 'a.htm'),
    iconv.encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>&#20316;品&nbsp;&nbsp;一</p></body></html>',
      'gb18030',
    ),
  );
  const a = await readInput(path.join(dir, 'a.htm'));
  assert.deepEqual([a.kind, a.text, a.writable, a.pageEncoding], ['html', '作品 一', false, 'GB18030 (meta)']);
  fs.writeFileSync(
    path.join(dir, 'b.HTML'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>带 BOM 的页面</p>')]),
  );
  const b = await readInput(path.join(dir, 'b.HTML'));
  assert.deepEqual([b.kind, b.text, b.pageEncoding], ['html', '带 BOM 的页面', 'UTF-8 (BOM)']);
});

function samplePage(name: string): string {
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}

/** page.html made messier, the ways real pages are. */
function messyPage(): string {
  let html = samplePage('page.html');
  const cell = (label: string) => `<span style="font-family:宋体;font-size:10.5pt">${label}</span>`;
  // A header cell split over several paragraphs, another over <br>.
  html = html.replace(
    cell('社会公益组织'),
    `${cell('社会')}</p><p style="text-align:center">${cell('公益')}</p><p>${cell('组织')}`,
  );
  html = html.replace(cell('法律服务机构'), `${cell('法律')}<br>${cell('服务')}<br/>${cell('机构')}`);
  // No <tbody>; the first row of table 四 as <th>; runs of &nbsp; and inline styles in the value cells.
  html = html.replace(/<\/?tbody>/g, '');
  html = html.replace(
    '<tr><td colspan="5" valign="center">',
    '<tr><th colspan="5" style="mso-border-alt:solid windowtext .5pt">',
  );
  html = html.replace(
    />(\d+)<\/span>/g,
    (_m, d: string) =>
      `>&nbsp;&nbsp;<span style="mso-bidi-font-size:10.5pt;color:black">${d}</span>&nbsp;&nbsp;&nbsp;</span>`,
  );
  // Word's comments, and the whole report inside a layout table with a column of links.
  html = html.replace(
    '<div class="TRS_Editor">',
    '<table width="100%"><tr><td width="180"><p><a href="/list1">通知公告</a></p><p><a href="/list2">政策解读</a></p></td><td><div class="TRS_Editor"><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]-->',
  );
  html = html.replace('</div><div class="footer">', '</div></td></tr></table><div class="footer">');
  html = html.replace(
    '<strong><span style="font-family:黑体">一、总体情况</span></strong>',
    '<!--[if !supportLists]--><strong><span style="font-family:黑体">一、</span></strong><!--[endif]--><strong><span style="font-family:黑体">总体情况</span></strong>',
  );
  return html;
}

test('the sample pages (UTF-8, and GB2312 declared in http-equiv) give the text of tab.txt and no findings', () => {
  const tab = fs.readFileSync(path.join(SAMPLES, 'tab.txt'), 'utf8');
  const dir = tempDir('pages');
  fs.writeFileSync(path.join(dir, 'messy.html'), messyPage());
  for (const [dirName, name] of [
    [SAMPLES, 'page.html'],
    [SAMPLES, 'page-gb2312.html'],
    [dir, 'messy.html'],
  ]) {
    const printed = runCli(['--print-text', name], { cwd: dirName });
    assert.equal(printed.code, 0, printed.stderr);
    const lines = printed.stdout.replace(/\n$/, '').split('\n');
    // Every heading, prose line and data row of the reference is there, whole and in order.
    const expected = tab
      .split('\n')
      .filter((l) => /[一二三四五六七]、|^（[一二三四五六七]）|\d/.test(l) && !l.startsWith('第二十条'));
    let at = 0;
    for (const l of expected) {
      const i = lines.indexOf(l, at);
      assert.ok(i >= 0, `${name}: missing or out of order: ${l}`);
      at = i + 1;
    }
    // Nothing of the page around the report: no breadcrumb, footer, script or style.
    assert.ok(!/当前位置|主办单位|_hmt|font-size|首页/.test(printed.stdout), `${name}: page chrome in the text`);

    const r = runCli(['-f', 'json', name], { cwd: dirName });
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual((JSON.parse(r.stdout) as JsonEntry[])[0].diagnostics, [], name);
  }
});

test('the sample pages: extract gives exactly the figures of numbers.json', () => {
  const numbers = readNumbers();
  const dir = tempDir('pagesx');
  fs.writeFileSync(path.join(dir, 'messy.html'), messyPage());
  for (const file of [
    path.join(SAMPLES, 'page.html'),
    path.join(SAMPLES, 'page-gb2312.html'),
    path.join(dir, 'messy.html'),
  ]) {
    const r = runCli(['extract', '--format', 'json', file]);
    assert.equal(r.code, 0, r.stderr);
    const [entry] = JSON.parse(r.stdout) as JsonExtractEntry[];
    assert.deepEqual(compareWithNumbers(entry, numbers), [], file);
  }
});

test('a broken web page: the finding points at the line and column of the extracted text', () => {
  const dir = tempDir('pagebroken');
  // Row 一 of table 三: 总计 45 → 46.
  const html = samplePage('page.html').replace(/(一、本年新收政府信息公开申请数量(?:(?!<\/tr>).)*)>45</s, '$1>46<');
  assert.notEqual(html, samplePage('page.html'));
  fs.writeFileSync(path.join(dir, 'broken.htm'), html);
  const lines = runCli(['--print-text', 'broken.htm'], { cwd: dir }).stdout.split('\n');
  const row = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  assert.equal(lines[row], '一、本年新收政府信息公开申请数量\t\t\t41\t3\t0\t0\t1\t0\t46');
  const r = runCli(['-f', 'json', 'broken.htm'], { cwd: dir });
  assert.equal(r.code, 1);
  const hits = (JSON.parse(r.stdout) as JsonEntry[])[0].diagnostics.filter((d) => d.rule === 'sum-row-total');
  assert.equal(hits.length, 1, r.stdout);
  assert.deepEqual([hits[0].line, hits[0].column], [row + 1, lines[row].lastIndexOf('46') + 1]);
});

test('folders: .html and .htm files are found; --verbose names the page encoding', () => {
  const dir = tempDir('pagefolder');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.copyFileSync(path.join(SAMPLES, 'page.html'), path.join(dir, 'a.html'));
  fs.copyFileSync(path.join(SAMPLES, 'page-gb2312.html'), path.join(dir, 'sub', 'b.htm'));
  fs.writeFileSync(path.join(dir, 'c.css'), 'p{}');
  const r = runCli(['-f', 'json', '--verbose', '.'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    (JSON.parse(r.stdout) as JsonEntry[]).map((e) => e.file),
    ['a.html', path.join('sub', 'b.htm')],
  );
  assert.match(r.stderr, /a\.html: html，编码 UTF-8 \(meta\)，0 个问题/);
  assert.match(r.stderr, /b\.htm: html，编码 GB18030 \(meta\)，0 个问题/);
});
