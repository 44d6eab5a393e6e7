/**
 * A report as data (title, the numbers of the three tables, label overrides) and generators that
 * write it the ways real reports are written: tab-separated Word paste, PDF-extracted text,
 * Markdown with pipe tables; with thousands separators or full-width digits; in the 2021 format,
 * the 2019 试行 format and the 8-column table 三 variant.
 *
 * The labels come from the official wording below, written out here (not read from the engine's
 * template) so that a change of the template is caught by the tests.
 */

export type Edition = '2021' | '2019';
/** A cell: a number, or raw text written as is ('' for an empty cell, '—', '713000074' …). */
export type Cell = number | string;

export interface RowDef {
  id: string;
  enumerator: string;
  label: string;
  /** The group label the row sits under in a merged cell: （三）不予公开 … */
  group?: string;
  /** Rows directly under 三、本年度办理结果. */
  underResults?: boolean;
}

const T3_2021_TAIL: RowDef[] = [
  {
    id: 't3.other.1',
    enumerator: '1.',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
  },
  {
    id: 't3.other.2',
    enumerator: '2.',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
  },
  { id: 't3.other.3', enumerator: '3.', label: '其他', group: '（六）其他处理' },
];
const T3_2019_TAIL: RowDef[] = [{ id: 't3.other', enumerator: '（六）', label: '其他处理', underResults: true }];

export function t3Rows(edition: Edition): RowDef[] {
  const g3 = '（三）不予公开';
  const g4 = '（四）无法提供';
  const g5 = '（五）不予处理';
  return [
    { id: 't3.new', enumerator: '一、', label: '本年新收政府信息公开申请数量' },
    { id: 't3.carried', enumerator: '二、', label: '上年结转政府信息公开申请数量' },
    { id: 't3.open', enumerator: '（一）', label: '予以公开', underResults: true },
    {
      id: 't3.partial',
      enumerator: '（二）',
      label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
      underResults: true,
    },
    { id: 't3.refuse.1', enumerator: '1.', label: '属于国家秘密', group: g3 },
    { id: 't3.refuse.2', enumerator: '2.', label: '其他法律行政法规禁止公开', group: g3 },
    { id: 't3.refuse.3', enumerator: '3.', label: '危及“三安全一稳定”', group: g3 },
    { id: 't3.refuse.4', enumerator: '4.', label: '保护第三方合法权益', group: g3 },
    { id: 't3.refuse.5', enumerator: '5.', label: '属于三类内部事务信息', group: g3 },
    { id: 't3.refuse.6', enumerator: '6.', label: '属于四类过程性信息', group: g3 },
    { id: 't3.refuse.7', enumerator: '7.', label: '属于行政执法案卷', group: g3 },
    { id: 't3.refuse.8', enumerator: '8.', label: '属于行政查询事项', group: g3 },
    { id: 't3.unable.1', enumerator: '1.', label: '本机关不掌握相关政府信息', group: g4 },
    { id: 't3.unable.2', enumerator: '2.', label: '没有现成信息需要另行制作', group: g4 },
    { id: 't3.unable.3', enumerator: '3.', label: '补正后申请内容仍不明确', group: g4 },
    { id: 't3.noprocess.1', enumerator: '1.', label: '信访举报投诉类申请', group: g5 },
    { id: 't3.noprocess.2', enumerator: '2.', label: '重复申请', group: g5 },
    { id: 't3.noprocess.3', enumerator: '3.', label: '要求提供公开出版物', group: g5 },
    { id: 't3.noprocess.4', enumerator: '4.', label: '无正当理由大量反复申请', group: g5 },
    { id: 't3.noprocess.5', enumerator: '5.', label: '要求行政机关确认或重新出具已获取信息', group: g5 },
    ...(edition === '2021' ? T3_2021_TAIL : T3_2019_TAIL),
    { id: 't3.total', enumerator: '（七）', label: '总计', underResults: true },
    { id: 't3.next', enumerator: '四、', label: '结转下年度继续办理' },
  ];
}

export interface T2Block {
  id: string;
  item: string;
  columns: string[];
  rows: { id: string; label: string }[];
}

export function t2Blocks(edition: Edition): T2Block[] {
  if (edition === '2021') {
    return [
      {
        id: 't2.1',
        item: '一',
        columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
        rows: [
          { id: 't2.1.rules', label: '规章' },
          { id: 't2.1.normative', label: '行政规范性文件' },
        ],
      },
      { id: 't2.5', item: '五', columns: ['本年处理决定数量'], rows: [{ id: 't2.5.license', label: '行政许可' }] },
      {
        id: 't2.6',
        item: '六',
        columns: ['本年处理决定数量'],
        rows: [
          { id: 't2.6.penalty', label: '行政处罚' },
          { id: 't2.6.enforcement', label: '行政强制' },
        ],
      },
      {
        id: 't2.8',
        item: '八',
        columns: ['本年收费金额（单位：万元）'],
        rows: [{ id: 't2.8.fee', label: '行政事业性收费' }],
      },
    ];
  }
  const three = ['上一年项目数量', '本年增/减', '处理决定数量'];
  return [
    {
      id: 't2.1',
      item: '一',
      columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        { id: 't2.1.rules', label: '规章' },
        { id: 't2.1.normative', label: '规范性文件' },
      ],
    },
    {
      id: 't2.5',
      item: '五',
      columns: three,
      rows: [
        { id: 't2.5.license', label: '行政许可' },
        { id: 't2.5.otherServices', label: '其他对外管理服务事项' },
      ],
    },
    {
      id: 't2.6',
      item: '六',
      columns: three,
      rows: [
        { id: 't2.6.penalty', label: '行政处罚' },
        { id: 't2.6.enforcement', label: '行政强制' },
      ],
    },
    {
      id: 't2.8',
      item: '八',
      columns: ['上一年项目数量', '本年增/减'],
      rows: [{ id: 't2.8.fee', label: '行政事业性收费' }],
    },
    {
      id: 't2.9',
      item: '九',
      columns: ['采购项目数量', '采购总金额'],
      rows: [{ id: 't2.9.procurement', label: '政府集中采购' }],
    },
  ];
}

export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_ORGS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
export const T4_OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export interface ReportSpec {
  body: string;
  year: number;
  edition: Edition;
  /** Table 三 with the 法人或其他组织 subtotal column (8 columns). */
  subtotal: boolean;
  t2: Record<string, Cell[]>;
  /** Per row: 自然人, [小计], 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
  t3: Record<string, Cell[]>;
  t4: Cell[];
  /** Row labels written differently (without the enumerator). */
  labels: Record<string, string>;
  /** Column headers of table 二 written differently: "t2.1:1" → text (block id and column index). */
  headers: Record<string, string>;
}

/** A small deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SpecOptions {
  edition?: Edition;
  subtotal?: boolean;
  year?: number;
  /** Make 一、本年新收 large enough to need thousands separators. */
  big?: boolean;
  seed?: number;
}

/** A consistent report: every sum of the format holds. */
export function makeSpec(opts: SpecOptions = {}): ReportSpec {
  const edition = opts.edition ?? '2021';
  const subtotal = opts.subtotal ?? false;
  const rand = rng(opts.seed ?? 7);
  const small = (p: number, max: number) => (rand() < p ? 1 + Math.floor(rand() * max) : 0);
  const rows = t3Rows(edition);
  const t3: Record<string, Cell[]> = {};
  const withTotals = (natural: number, orgs: number[]): number[] => {
    const org = orgs.reduce((a, b) => a + b, 0);
    return subtotal ? [natural, org, ...orgs, natural + org] : [natural, ...orgs, natural + org];
  };
  const colSum = new Array<number>(6).fill(0);
  for (const r of rows) {
    if (['t3.new', 't3.carried', 't3.total', 't3.next'].includes(r.id)) continue;
    const natural = r.id === 't3.open' && opts.big ? 3088 : small(0.6, 9);
    const orgs = [small(0.3, 4), small(0.2, 2), small(0.15, 2), small(0.15, 3), small(0.2, 3)];
    [natural, ...orgs].forEach((v, i) => (colSum[i] += v));
    t3[r.id] = withTotals(natural, orgs);
  }
  const carried = [2, 1, 0, 0, 1, 0];
  const next = [3, 0, 1, 0, 0, 2];
  const fresh = colSum.map((s, i) => s + next[i] - carried[i]);
  t3['t3.total'] = withTotals(colSum[0], colSum.slice(1));
  t3['t3.carried'] = withTotals(carried[0], carried.slice(1));
  t3['t3.next'] = withTotals(next[0], next.slice(1));
  t3['t3.new'] = withTotals(fresh[0], fresh.slice(1));
  const group = (a: number, b: number, c: number, d: number) => [a, b, c, d, a + b + c + d];
  const t4 = [...group(3, 1, 0, 1), ...group(2, 0, 1, 0), ...group(1, 1, 0, 0)];
  const t2: Record<string, Cell[]> =
    edition === '2021'
      ? {
          't2.1.rules': [1, 0, 3],
          't2.1.normative': [5, 2, 40],
          't2.5.license': [12],
          't2.6.penalty': [7],
          't2.6.enforcement': [0],
          't2.8.fee': [0.35],
        }
      : {
          't2.1.rules': [0, 0, 2],
          't2.1.normative': [4, 4, 31],
          't2.5.license': [20, -2, 18],
          't2.5.otherServices': [3, 0, 3],
          't2.6.penalty': [15, 1, 9],
          't2.6.enforcement': [2, 0, 0],
          't2.8.fee': [1, 0],
          't2.9.procurement': [3, 12.5],
        };
  return {
    body: '某某市某某区财政局',
    year: opts.year ?? (edition === '2019' ? 2020 : 2023),
    edition,
    subtotal,
    t2,
    t3,
    t4,
    labels: {},
    headers: {},
  };
}

export function cloneSpec(s: ReportSpec): ReportSpec {
  return JSON.parse(JSON.stringify(s)) as ReportSpec;
}

/** Index of a table 三 column in the spec's rows: 'natural', 'subtotal', an org index 0–4, or 'total'. */
export function t3Col(spec: ReportSpec, col: 'natural' | 'subtotal' | 'total' | number): number {
  if (col === 'natural') return 0;
  if (col === 'subtotal') return 1;
  const width = spec.subtotal ? 8 : 7;
  if (col === 'total') return width - 1;
  return (spec.subtotal ? 2 : 1) + col;
}

// ---------------------------------------------------------------- rendering

export type Layout = 'tab' | 'pdf' | 'markdown';

export interface RenderOptions {
  /** How numbers are written: plainly, with thousands separators, or in full-width digits. */
  numbers?: 'plain' | 'grouped' | 'fullwidth';
  eol?: '\n' | '\r\n';
  /** A UTF-8 byte order mark before the text. */
  bom?: boolean;
  /** Section headings in bold (`**一、总体情况**`) or with a half-width enumerator (`一. 总体情况`). */
  headings?: 'plain' | 'bold' | 'halfwidth';
  /** Row enumerators written every which way: （一）/(一)/(一) , 1./1．/1、. */
  mixedPunctuation?: boolean;
  /** PDF compatibility characters (Kangxi radicals, radicals supplement) in place of common ideographs. */
  compat?: boolean;
}

/** Ideographs PDF extraction replaces, and what it puts in their place. */
const COMPAT: Record<string, string> = {
  一: '⼀',
  二: '⼆',
  工: '⼯',
  人: '⼈',
  行: '⾏',
  文: '⽂',
  无: '⽆',
  民: '⺠',
  门: '⻔',
  见: '⻅',
  止: '⽌',
  方: '⽅',
  十: '⼗',
  八: '⼋',
  大: '⼤',
  用: '⽤',
};

function fullwidth(s: string): string {
  return s.replace(/[0-9.,-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

function fmt(c: Cell, o: RenderOptions): string {
  if (typeof c === 'string') return c;
  let s = o.numbers === 'grouped' ? c.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(c);
  if (o.numbers === 'fullwidth') s = fullwidth(s);
  return s;
}

function label(spec: ReportSpec, r: { id: string; label: string }): string {
  return spec.labels[r.id] ?? r.label;
}

function prose(spec: ReportSpec): string[][] {
  return [
    [
      `${spec.body}坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》。`,
      '（一）主动公开。通过门户网站及时发布工作动态和通知公告。',
      '（二）依申请公开。严格按照法定时限答复申请人。',
      '（三）政府信息管理。落实信息发布审核制度。',
      '（四）平台建设。优化门户网站栏目设置。',
      '（五）监督保障。将政务公开纳入年度考核。',
    ],
    [],
    [],
    [],
    ['一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，丰富解读形式。'],
    ['按照《政府信息公开信息处理费管理办法》，未收取信息处理费。'],
  ];
}

/** The whole report in a layout. */
export function render(spec: ReportSpec, layout: Layout, o: RenderOptions = {}): string {
  const out: string[] = [];
  const styled = (t: string) =>
    o.headings === 'bold' ? `**${t}**` : o.headings === 'halfwidth' ? t.replace('、', '. ') : t;
  // Markdown reports use every heading level (seed 004: ## to ####).
  const heading = (i: number) =>
    layout === 'markdown' ? `${'#'.repeat(1 + (i % 5))} ${styled(SECTION_TITLES[i])}` : styled(SECTION_TITLES[i]);
  out.push(`${spec.body}${spec.year}年政府信息公开工作年度报告`, '');
  const p = prose(spec);
  for (let i = 0; i < 6; i++) {
    out.push(heading(i), '');
    for (const para of p[i]) out.push(para, '');
    if (i === 1) out.push(...renderT2(spec, layout, o), '');
    if (i === 2) out.push(...renderT3(spec, layout, o), '');
    if (i === 3) out.push(...renderT4(spec, layout, o), '');
  }
  let text = out.join('\n');
  if (o.compat) text = text.replace(/[一二工人行文无民门见止方十八大用]/g, (c) => COMPAT[c]);
  if (o.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
  return o.bom ? `\ufeff${text}` : text;
}

function headerText(spec: ReportSpec, b: T2Block, i: number): string {
  return spec.headers[`${b.id}:${i}`] ?? b.columns[i];
}

function renderT2(spec: ReportSpec, layout: Layout, o: RenderOptions): string[] {
  const out: string[] = [];
  for (const b of t2Blocks(spec.edition)) {
    const cols = b.columns.map((_, i) => headerText(spec, b, i));
    const heading = `第二十条第（${b.item}）项`;
    if (layout === 'tab') {
      out.push(heading + '\t'.repeat(3), ['信息内容', ...cols].join('\t') + '\t'.repeat(3 - cols.length));
      for (const r of b.rows)
        out.push([label(spec, r), ...spec.t2[r.id].map((c) => fmt(c, o))].join('\t') + '\t'.repeat(3 - cols.length));
    } else if (layout === 'pdf') {
      out.push(heading, '', `信息内容 ${cols.join(' ')}`, '');
      for (const r of b.rows) out.push(`${label(spec, r)} ${spec.t2[r.id].map((c) => fmt(c, o)).join(' ')}`, '');
    } else {
      out.push(heading, '', `| 信息内容 | ${cols.join(' | ')} |`, `|${'---|'.repeat(cols.length + 1)}`);
      for (const r of b.rows) out.push(`| ${label(spec, r)} | ${spec.t2[r.id].map((c) => fmt(c, o)).join(' | ')} |`);
      out.push('');
    }
  }
  return out;
}

function t3Header(spec: ReportSpec, layout: Layout): string[] {
  const orgs = spec.subtotal ? ['小计', ...T3_ORGS] : T3_ORGS;
  const n = orgs.length;
  if (layout === 'tab') {
    return [
      `${T3_NOTE.replace('（', '(').replace(/）$/, ')')}\t\t申请人情况${'\t'.repeat(n + 1)}总计\t`,
      `\t\t自然人\t法人或其他组织${'\t'.repeat(n)}`,
      `\t\t\t${orgs.join('\t')}\t\t`,
    ];
  }
  if (layout === 'markdown') {
    const w = n + 4;
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const pad = (cells: string[]) => [...cells, ...new Array<string>(w - cells.length).fill('')];
    return [
      row(pad([T3_NOTE, '', '申请人情况'])),
      `|${'---|'.repeat(w)}`,
      row(pad(['', '', '自然人', '法人或其他组织', ...new Array<string>(n - 1).fill(''), '总计'])),
      row(pad(['', '', '', ...orgs])),
    ];
  }
  // PDF: each header cell on its own line, words split mid-word, blank lines between fragments.
  return [
    T3_NOTE,
    '',
    '申请人情况',
    '',
    '自然人',
    '',
    '法人或其他组织',
    '',
    '总计',
    '',
    ...(spec.subtotal ? ['小计'] : []),
    '商业企 科研机构',
    '业',
    '社会公益',
    '',
    '组织',
    '',
    '法律服务',
    '',
    '机构',
    '其他',
    '',
  ];
}

function renderT3(spec: ReportSpec, layout: Layout, o: RenderOptions): string[] {
  const rows = t3Rows(spec.edition);
  const out = [...t3Header(spec, layout)];
  const cells = (id: string, sep: string) => spec.t3[id].map((c) => fmt(c, o)).join(sep);
  const seenGroup = new Set<string>();
  let firstUnderResults = true;
  const enumerators = ['（一）', '(一)', '(一) '];
  const digits = ['1.', '1．', '1、', '1. '];
  for (const [k, written] of rows.entries()) {
    const e = written.enumerator;
    const enumerator = !o.mixedPunctuation
      ? e
      : /^（/.test(e)
        ? enumerators[k % 3].replace('一', e[1])
        : /^\d/.test(e)
          ? digits[k % 4].replace('1', e[0])
          : e;
    const r: RowDef = { ...written, enumerator };
    const name = `${r.enumerator}${label(spec, r)}`;
    const firstOfGroup = r.group !== undefined && !seenGroup.has(r.group);
    if (r.group) seenGroup.add(r.group);
    if (layout === 'tab') {
      // Word paste: merged cells leave leading tabs that vary from row to row (cf. seeds 001–004).
      const tabName = name.replace(/^（(.)）/, '($1) ');
      const tabGroup = r.group?.replace(/^（(.)）/, '($1) ');
      const nums = cells(r.id, '\t');
      if (r.id === 't3.refuse.6')
        out.push(`${tabName}\t${nums}\t\t`, ''); // lost its leading tabs, blank line after
      else if (r.underResults && firstUnderResults) out.push(`三、本年度办理结果\t${tabName}\t${nums}\t`);
      else if (r.underResults && r.id === 't3.total') out.push(`${tabName}\t\t${nums}\t`);
      else if (r.underResults) out.push(`\t${tabName}\t${nums}\t`);
      else if (firstOfGroup && r.group === '（四）无法提供')
        out.push(`${tabGroup}\t\t${r.enumerator}${label(spec, r)}\t${nums}`);
      else if (firstOfGroup) out.push(`\t${tabGroup}\t${r.enumerator}${label(spec, r)}\t${nums}`);
      else if (r.group) out.push(`\t\t${r.enumerator}${label(spec, r)}\t${nums}`);
      else out.push(`${tabName}\t\t${nums}\t`);
      if (r.underResults) firstUnderResults = false;
    } else if (layout === 'markdown') {
      const first = r.underResults ? (r.id === 't3.open' ? '三、本年度办理结果' : '') : r.group ? '' : name;
      const second = r.underResults ? name : r.group ? (firstOfGroup ? r.group : '') : '';
      const third = r.group ? `${r.enumerator}${label(spec, r)}` : '';
      const lead = r.group ? [first, `${second} ${third}`.trim()] : [first, second];
      out.push(`| ${[...lead, ...spec.t3[r.id].map((c) => fmt(c, o))].join(' | ')} |`);
    } else {
      out.push(...pdfT3Row(spec, r, firstOfGroup, cells(r.id, ' ')));
    }
  }
  return out;
}

/**
 * One row of table 三 as PDF extraction leaves it: blank lines between fragments, the merged
 * 三、本年度办理结果 printed one character per line among the rows it spans, group labels broken
 * over two lines, long labels wrapped with the numbers on a line of their own, a label split
 * around its numbers, a label glued to its first number, page footers between rows.
 */
function pdfT3Row(spec: ReportSpec, r: RowDef, firstOfGroup: boolean, nums: string): string[] {
  const name = `${r.enumerator}${label(spec, r)}`;
  const out: string[] = [];
  if (firstOfGroup && r.group) out.push(r.group.slice(0, 5), '', r.group.slice(5), '');
  switch (r.id) {
    case 't3.open':
      out.push('三', `${name} ${nums}`, '、', '本');
      break;
    case 't3.partial': {
      // "（二）部分公开（区分处理的，只计这一情  形，不  4  0 …" then "计其他情形）".
      const cut = name.indexOf('形，不');
      const tail = name.indexOf('计其他');
      if (cut > 0 && tail > cut) {
        out.push(`${name.slice(0, cut)}  ${name.slice(cut, tail)}  ${nums.replace(/ /g, '  ')}`, `${name.slice(tail)}`);
      } else out.push(`${name} ${nums}`);
      out.push('年', '度', '办', '理', '结', '果', '');
      break;
    }
    case 't3.refuse.3':
      out.push(`${name} ${nums}`, '', '-3-', '');
      break;
    case 't3.noprocess.2':
      out.push(`${name} ${nums}`, '', '— 4 —', '');
      break;
    case 't3.noprocess.5':
      out.push(`${name}${nums}`, '');
      break;
    case 't3.other.1':
    case 't3.other.2': {
      const at = name.indexOf('政府信息') + 4;
      out.push(name.slice(0, at), '', name.slice(at), nums, '');
      break;
    }
    default:
      out.push(`${name} ${nums}`, '');
  }
  if (r.id === 't3.carried') out.push('', '');
  return out;
}

function renderT4(spec: ReportSpec, layout: Layout, o: RenderOptions): string[] {
  const nums = spec.t4.map((c) => fmt(c, o));
  if (layout === 'tab') {
    return [
      `行政复议${'\t'.repeat(5)}行政诉讼${'\t'.repeat(10)}`,
      `${T4_OUTCOMES.join('\t')}\t未经复议直接起诉${'\t'.repeat(5)}复议后起诉${'\t'.repeat(4)}`,
      `${'\t'.repeat(5)}${[...T4_OUTCOMES, ...T4_OUTCOMES].join('\t')}`,
      nums.join('\t'),
    ];
  }
  if (layout === 'markdown') {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [
      row(['行政复议', '', '', '', '', '行政诉讼', ...new Array<string>(9).fill('')]),
      `|${'---|'.repeat(15)}`,
      row(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']),
      row([...T4_OUTCOMES, ...T4_OUTCOMES, ...T4_OUTCOMES]),
      row(nums),
    ];
  }
  // PDF: a shredded header (words broken over lines) and the 15 numbers on a line of their own.
  return [
    '行政复议 行政诉讼',
    '',
    '结果 结果 其他 尚未',
    '总计',
    '维持 纠正 结果 审结',
    '',
    '未经复议直接起诉 复议后起诉',
    '',
    '结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计',
    '维持 纠正 结果 审结 维持 纠正 结果 审结',
    '',
    nums.join(' '),
  ];
}
