/**
 * The Word reader walks mammoth's document model; the reference (test/helpers/reference/docxHtml.ts)
 * goes through mammoth's HTML and the HTML reader, as the reader did before. Both must give the same
 * text, character for character: on every .docx the tests draw (the seeds and samples, and reports
 * drawn as the benchmark draws them), on documents made with the docx package that hold each
 * construct a report may hold, and on hand-written XML of shapes Word does not write (which go the
 * HTML way). The route each took is checked, so that agreement cannot come from the fallback alone.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yazl from 'yazl';
import {
  AlignmentType,
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  VerticalMergeType,
} from 'docx';
import { readDocxParts, readDocxText, zipPartName, type DocxRoute } from '../../server/src/io/docx';
import { referenceDocxPartsToText } from '../helpers/reference/docxHtml';
import { makeDocx, SEEDS } from './helpers';
import { SAMPLES } from './numbers';
import { drawReport, loadSeeds, rng, variantPool } from '../../bench/generate';

type Outcome = { text: string } | { error: string };

async function outcome(f: () => Promise<string>): Promise<Outcome> {
  try {
    return { text: await f() };
  } catch (e) {
    return { error: e instanceof Error ? e.constructor.name : String(e) };
  }
}

/** Compares both readers on one .docx; returns the route the new reader took. */
async function same(buf: Buffer, what: string): Promise<DocxRoute | undefined> {
  const parts = await readDocxParts(buf);
  let route: DocxRoute | undefined;
  const ours = await outcome(async () => {
    const r = await readDocxText(parts);
    route = r.route;
    return r.text;
  });
  const theirs = await outcome(() => referenceDocxPartsToText(parts));
  if ('text' in ours && 'text' in theirs) {
    assert.equal(ours.text, theirs.text, `${what}: text differs`);
  } else {
    assert.ok('error' in ours && 'error' in theirs, `${what}: one reader failed: ${JSON.stringify({ ours, theirs })}`);
  }
  return route;
}

function sourceTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of [SEEDS, SAMPLES]) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (!/\.(txt|md)$/.test(f)) continue;
      out.push({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return out;
}

test('every seed and sample drawn as .docx reads the same through the model as through HTML', async () => {
  const texts = sourceTexts();
  assert.ok(texts.length >= 20, `only ${texts.length} seeds and samples`);
  for (const { name, text } of texts) {
    assert.equal(await same(await makeDocx(text), name), 'model', name);
  }
});

test('reports drawn as the benchmark draws them read the same', async () => {
  const pool = variantPool(loadSeeds(), 3);
  const r = rng(23);
  for (let i = 0; i < 12; i++) {
    assert.equal(await same(await makeDocx(drawReport(pool, r)), `report ${i}`), 'model');
  }
});

// ---------------------------------------------------------------- constructs, one by one

const numbering = {
  config: [
    {
      reference: 'num',
      levels: [0, 1, 2, 3, 4, 5, 6].map((level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
      })),
    },
  ],
};

function p(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

function cell(text: string, more: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({ children: [p(text)], ...more });
}

interface Case {
  name: string;
  children: (Paragraph | Table | Textbox)[];
  footnotes?: Record<string, { children: Paragraph[] }>;
  endnotes?: Record<string, { children: Paragraph[] }>;
  comments?: boolean;
  route?: DocxRoute;
}

const cases: Case[] = [
  {
    name: 'paragraphs, runs, CJK and full-width text, spaces',
    children: [
      p('一、总体情况'),
      new Paragraph({
        children: [new TextRun('本年度'), new TextRun({ text: '主动公开', bold: true }), new TextRun('政府信息')],
      }),
      p('（一）主动公开　全角空格　１２３，４５６。'),
      p('  leading and   inner   spaces  '),
      p('no-break\u00a0\u00a0spaces and ideographic\u3000space'),
      new Paragraph({
        children: [new TextRun({ text: 'H', subScript: true }), new TextRun({ text: '2', superScript: true })],
      }),
      new Paragraph({ children: [new TextRun({ text: 'caps', allCaps: true, strike: true, underline: {} })] }),
    ],
  },
  {
    name: 'empty paragraphs',
    children: [p('前'), new Paragraph({}), new Paragraph({ children: [new TextRun('')] }), p('   '), p('后')],
  },
  {
    name: 'line breaks and tabs',
    children: [
      new Paragraph({
        children: [
          new TextRun('第一行'),
          new TextRun({ text: '第二行', break: 1 }),
          new TextRun({ text: 'x', break: 2 }),
        ],
      }),
      new Paragraph({ children: [new TextRun({ children: ['项目', new Tab(), '数量', new Tab(), new Tab(), '12'] })] }),
      new Paragraph({ children: [new TextRun('中'), new TextRun({ text: '文', break: 1 })] }),
      new Paragraph({ children: [new TextRun('before'), new PageBreak(), new TextRun('after')] }),
    ],
  },
  {
    name: 'headings',
    children: [
      new Paragraph({ text: '标题一', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '标题二', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: '标题', heading: HeadingLevel.TITLE }),
      p('正文'),
    ],
  },
  {
    name: 'lists, nested, bullets and numbers',
    children: [
      new Paragraph({ text: '甲', numbering: { reference: 'num', level: 0 } }),
      new Paragraph({ text: '乙', numbering: { reference: 'num', level: 1 } }),
      new Paragraph({ text: '丙', numbering: { reference: 'num', level: 2 } }),
      new Paragraph({ text: '深', numbering: { reference: 'num', level: 6 } }),
      new Paragraph({ text: '丁', numbering: { reference: 'num', level: 0 } }),
      p('中间'),
      new Paragraph({ text: 'bullet one', bullet: { level: 0 } }),
      new Paragraph({ text: 'bullet two', bullet: { level: 1 } }),
      new Paragraph({ text: 'bullet back', bullet: { level: 0 } }),
    ],
  },
  {
    name: 'hyperlinks and bookmarks',
    children: [
      new Paragraph({
        children: [
          new TextRun('见'),
          new ExternalHyperlink({
            link: 'https://www.gov.cn/',
            children: [new TextRun({ text: '中国政府网', style: 'Hyperlink' })],
          }),
          new TextRun('。'),
        ],
      }),
      new Paragraph({ children: [new Bookmark({ id: 'nav', children: [new TextRun('书签')] })] }),
      new Paragraph({ children: [new InternalHyperlink({ anchor: 'nav', children: [new TextRun('跳转')] })] }),
      new Paragraph({ children: [new Bookmark({ id: 'menu', children: [] }), new TextRun('空书签后')] }),
    ],
  },
  {
    name: 'tables: header row, empty cells, gridSpan, vMerge',
    children: [
      new Table({
        rows: [
          new TableRow({ tableHeader: true, children: [cell('项目'), cell('数量', { columnSpan: 2 })] }),
          new TableRow({ children: [cell('申请', { rowSpan: 2 }), cell('1'), cell('')] }),
          new TableRow({ children: [cell('2'), cell('3')] }),
          new TableRow({ children: [cell(''), cell(''), cell('')] }),
          new TableRow({ children: [cell('x'), cell('y', { columnSpan: 2, rowSpan: 2 })] }),
          new TableRow({ children: [cell('z')] }),
          new TableRow({
            children: [cell('末', { verticalMerge: VerticalMergeType.RESTART }), cell('a'), cell('b')],
          }),
          new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('c'), cell('')] }),
        ],
      }),
      p('表后'),
    ],
  },
  {
    name: 'a cell of several paragraphs, breaks and a list',
    children: [
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [p('社会'), p('公益'), p('组织'), p('and'), p('more')] }),
              new TableCell({
                children: [
                  new Paragraph({
                    children: [
                      new TextRun('一'),
                      new TextRun({ text: '二', break: 1 }),
                      new TextRun({ text: 'three', break: 1 }),
                    ],
                  }),
                ],
              }),
              new TableCell({
                children: [
                  new Paragraph({ text: '项', numbering: { reference: 'num', level: 0 } }),
                  new Paragraph({ text: '目', heading: HeadingLevel.HEADING_3 }),
                  new Paragraph({ children: [new TextRun({ children: ['a', new Tab(), 'b'] })] }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  },
  {
    name: 'nested tables (a layout table)',
    children: [
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({
                children: [
                  p('外层'),
                  new Table({
                    rows: [
                      new TableRow({ children: [cell('内'), cell('1')] }),
                      new TableRow({ children: [cell('层'), cell('2', { rowSpan: 2 })] }),
                      new TableRow({ children: [cell('x')] }),
                    ],
                  }),
                  p('外层后'),
                ],
              }),
              cell('旁'),
            ],
          }),
          new TableRow({ children: [cell('下', { columnSpan: 2 })] }),
        ],
      }),
    ],
  },
  {
    name: 'footnotes and endnotes',
    children: [
      new Paragraph({
        children: [new TextRun('正文'), new FootnoteReferenceRun(1), new TextRun('又'), new FootnoteReferenceRun(2)],
      }),
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({
                children: [new Paragraph({ children: [new TextRun('格'), new FootnoteReferenceRun(1)] })],
              }),
            ],
          }),
        ],
      }),
      new Paragraph({ children: [new TextRun('尾'), new EndnoteReferenceRun(1)] }),
    ],
    footnotes: {
      1: { children: [p('脚注一'), p('第二段')] },
      2: { children: [new Paragraph({ text: '注二', heading: HeadingLevel.HEADING_1 })] },
    },
    endnotes: { 1: { children: [p('尾注'), new Paragraph({})] } },
    route: 'model+notes',
  },
  {
    name: 'comments',
    children: [
      new Paragraph({
        children: [
          new CommentRangeStart(0),
          new TextRun('被批注'),
          new CommentRangeEnd(0),
          new TextRun({ children: [new CommentReference(0)] }),
        ],
      }),
    ],
    comments: true,
  },
  {
    name: 'text boxes',
    children: [
      p('框前'),
      new Textbox({ style: { width: '200pt', height: '50pt' }, children: [p('框内一'), p('框内二')] }),
      p('框后'),
    ],
  },
];

async function build(c: Case): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering,
      footnotes: c.footnotes,
      endnotes: c.endnotes,
      comments: c.comments
        ? { children: [{ id: 0, author: '审核', initials: 'SH', date: new Date(0), children: [p('批注内容')] }] }
        : undefined,
      sections: [{ children: c.children }],
    }),
  );
}

for (const c of cases) {
  test(`construct: ${c.name}`, async () => {
    assert.equal(await same(await build(c), c.name), c.route ?? 'model');
  });
}

test('random compositions of the constructs read the same', async () => {
  const r = rng(5);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const words = ['政府', '信息', '公开', '12', '3,456', '（一）', 'a b', '　', '\u00a0', ' ', '—', '无', ''];
  const text = () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(words)).join(pick(['', ' ', '\n']));
  const para = (): Paragraph => {
    const runs = Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
      pick([
        () => new TextRun(text()),
        () => new TextRun({ text: text(), break: 1 }),
        () => new TextRun({ children: [text(), new Tab(), text()] }),
        () => new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun(text())] }),
      ])(),
    );
    return pick([
      () => new Paragraph({ children: runs }),
      () => new Paragraph({ children: runs, heading: HeadingLevel.HEADING_2 }),
      () => new Paragraph({ children: runs, numbering: { reference: 'num', level: Math.floor(r() * 3) } }),
      () => new Paragraph({}),
    ])();
  };
  const table = (depth: number): Table => {
    const cols = 1 + Math.floor(r() * 4);
    const rows = 1 + Math.floor(r() * 4);
    return new Table({
      rows: Array.from(
        { length: rows },
        () =>
          new TableRow({
            children: Array.from({ length: cols }, () => {
              const children: (Paragraph | Table)[] = [para()];
              if (depth < 2 && r() < 0.15) children.push(table(depth + 1));
              if (r() < 0.3) children.push(para());
              const span = r();
              return new TableCell({
                children,
                rowSpan: span < 0.1 ? 2 : undefined,
                columnSpan: span > 0.9 ? 2 : undefined,
              });
            }),
          }),
      ),
    });
  };
  for (let i = 0; i < 25; i++) {
    const children = Array.from({ length: 2 + Math.floor(r() * 6) }, () => (r() < 0.3 ? table(0) : para()));
    assert.equal(await same(await build({ name: `random ${i}`, children }), `random ${i}`), 'model', `random ${i}`);
  }
});

// ---------------------------------------------------------------- shapes Word does not write

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx of hand-written parts (document.xml body, optional footnotes), zipped as given. */
function rawDocx(
  body: string,
  extra: Record<string, string> = {},
  documentName = 'word/document.xml',
): Promise<Buffer> {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    [documentName]: `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...extra,
  };
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data] of Object.entries(files)) z.addBuffer(Buffer.from(data), name);
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
    z.end();
  });
}

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (t: string) => `<w:p>${run(t)}</w:p>`;
const tc = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${inner}</w:tc>`;
const footnotes = (id: string) =>
  `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:id="${id}">${para('注文')}</w:footnote></w:footnotes>`;

const raw: { name: string; body: string; extra?: Record<string, string>; documentName?: string; route?: DocxRoute }[] =
  [
    {
      name: 'a paragraph directly in a table',
      body: `<w:tbl>${para('游离')}<w:tr>${tc(para('a'))}${tc(para('b'))}</w:tr></w:tbl>`,
      route: 'html',
    },
    {
      name: 'a run directly in a row',
      body: `<w:tbl><w:tr>${run('行内')}${tc(para('a'))}</w:tr></w:tbl>`,
      route: 'html',
    },
    {
      name: 'a cell inside a cell',
      body: `<w:tbl><w:tr>${tc(`${para('a')}${tc(para('b'))}`)}${tc(para('c'))}</w:tr></w:tbl>`,
      route: 'html',
    },
    { name: 'a cell outside a table', body: `${tc(para('孤'))}${para('后')}`, route: 'html' },
    { name: 'a row outside a table', body: `<w:tr>${tc(para('孤'))}</w:tr>`, route: 'html' },
    { name: 'a paragraph in a paragraph', body: `<w:p>${run('外')}${para('内')}${run('尾')}</w:p>`, route: 'html' },
    {
      name: 'a table in a paragraph',
      body: `<w:p>${run('外')}<w:tbl><w:tr>${tc(para('a'))}</w:tr></w:tbl></w:p>`,
      route: 'html',
    },
    {
      name: 'a bookmark between rows (as Word writes it)',
      body: `<w:tbl><w:bookmarkStart w:id="0" w:name="nav"/><w:tr>${tc(para('a'), '<w:vMerge w:val="restart"/>')}${tc(para('b'))}</w:tr><w:tr>${tc(para(''), '<w:vMerge/>')}${tc(para('c'))}</w:tr></w:tbl>`,
      route: 'model',
    },
    {
      name: 'odd gridSpan values',
      body: `<w:tbl><w:tr>${tc(para('零'), '<w:gridSpan w:val="0"/>')}${tc(para('负'), '<w:gridSpan w:val="-2"/>')}${tc(para('字'), '<w:gridSpan w:val="abc"/>')}${tc(para('大'), '<w:gridSpan w:val="5000"/>')}${tc(para('末'))}</w:tr><w:tr>${tc(para('x'))}${tc(para('y'))}</w:tr></w:tbl>`,
      route: 'model',
    },
    {
      name: 'a footnote reference with a named id',
      body: `<w:p>${run('正文')}<w:r><w:footnoteReference w:id="nav"/></w:r></w:p>`,
      extra: { 'word/footnotes.xml': footnotes('nav') },
      route: 'html',
    },
    {
      name: 'a footnote reference to no footnote',
      body: `<w:p>${run('正文')}<w:r><w:footnoteReference w:id="7"/></w:r></w:p>`,
      extra: { 'word/footnotes.xml': footnotes('1') },
    },
    {
      name: 'line breaks, tabs and CR between CJK',
      body: `<w:p>${run('中&#13;文')}<w:r><w:br/><w:tab/><w:t>字</w:t></w:r></w:p>`,
    },
    { name: 'a part name with dot segments', body: para('点'), documentName: 'word/./document.xml', route: 'model' },
    {
      name: 'tables nested deeply',
      body: `${'<w:tbl><w:tr><w:tc>'.repeat(60)}${para('深')}${'</w:tc></w:tr></w:tbl>'.repeat(60)}`,
      route: 'model',
    },
    {
      name: 'paragraphs nested past the walk’s depth',
      body: `${'<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc>'.repeat(150)}${para('深')}${'</w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>'.repeat(150)}`,
      route: 'html',
    },
  ];

for (const c of raw) {
  test(`hand-written XML: ${c.name}`, async () => {
    const route = await same(await rawDocx(c.body, c.extra, c.documentName), c.name);
    if (c.route) assert.equal(route, c.route);
  });
}

test('part names are filed as JSZip files them', () => {
  assert.equal(zipPartName('word/./document.xml'), 'word/document.xml');
  assert.equal(zipPartName('word//document.xml'), 'word/document.xml');
  assert.equal(zipPartName('/x/'), '/x/');
  assert.equal(zipPartName('word/document.xml'), 'word/document.xml');
});
