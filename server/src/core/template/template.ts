/**
 * The official report format as data: sections, tables, rows, columns and the sum relations
 * (勾稽关系) of the 2021 format (国办公开办函〔2021〕30号) and the 2019 试行 format
 * (国办公开办函〔2019〕60号). Rules and the parser read these declarations; a new edition
 * or variant is a new entry here, not new branches in rule code.
 */
import type { FormatEdition, SectionId, SumTableKind, TableKind } from '../types';

export interface SectionTemplate {
  id: SectionId;
  /** Enumerator as the template writes it. */
  enumerator: string;
  title: string;
  /** Wordings seen in published reports: accepted as this section, flagged as non-standard. */
  variants: string[];
  /** A short part of the title that every wording holds: a cheap sign that the section is there. */
  keyword: string;
}

/** What every report's title names: a cheap sign that a text is a report. */
export const REPORT_KEYWORD = '政府信息公开';

export const SECTIONS: readonly SectionTemplate[] = [
  { id: 1, enumerator: '一、', title: '总体情况', variants: [], keyword: '总体情况' },
  { id: 2, enumerator: '二、', title: '主动公开政府信息情况', variants: [], keyword: '主动公开' },
  { id: 3, enumerator: '三、', title: '收到和处理政府信息公开申请情况', variants: [], keyword: '收到和处理' },
  {
    id: 4,
    enumerator: '四、',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
    keyword: '行政复议',
  },
  {
    id: 5,
    enumerator: '五、',
    title: '存在的主要问题及改进情况',
    variants: [
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题及改进措施',
      '政府信息公开工作存在的主要问题及改进措施',
    ],
    keyword: '存在的主要问题',
  },
  { id: 6, enumerator: '六、', title: '其他需要报告的事项', variants: [], keyword: '其他需要报告' },
];

/** The numerals of the section enumerators in order (一 … 六), read from the template. */
export const SECTION_NUMERALS: string = SECTIONS.map((s) => s.enumerator.charAt(0)).join('');

/** The tables in report order, and the section each belongs to. */
export const TABLE_KINDS: readonly TableKind[] = ['t2', 't3', 't4'];
export const TABLE_SECTION: Readonly<Record<TableKind, SectionId>> = { t2: 2, t3: 3, t4: 4 };

/** The usual sub-items of section 一, for the outline and the skeleton. */
export const SECTION1_SUBITEMS = [
  '（一）主动公开',
  '（二）依申请公开',
  '（三）政府信息管理',
  '（四）平台建设',
  '（五）监督保障',
];

export interface ColumnTemplate {
  id: string;
  label: string;
  /** Other accepted wordings (not flagged). */
  accepted?: string[];
  /** Values may have decimals (amounts in 万元). */
  decimal?: boolean;
  /** Values may be negative (本年增/减). */
  signed?: boolean;
}

export interface RowTemplate {
  id: string;
  /** Enumerator as the template writes it ("一、", "（一）", "1."); '' for none. */
  enumerator: string;
  label: string;
  /** Group label rows carry no numbers (三、本年度办理结果, （三）不予公开 …). */
  group?: boolean;
  /** Id of the group row this row belongs to. */
  parent?: string;
}

export interface Table2BlockTemplate {
  id: string;
  /** The block's heading as written in the template. */
  heading: string;
  /** The item number: 一, 五, 六, 八, 九. */
  item: string;
  columns: ColumnTemplate[];
  rows: RowTemplate[];
}

/**
 * One equation Σ sign·value = 0 over cells, declared per row or per column.
 * `solveFor` lists the cells a fix may set, preferred first.
 */
export interface SumRelation {
  id: string;
  ruleId: string;
  table: SumTableKind;
  /** 'row': one equation per row in `rows`, over columns; 'column': one per column in `columns`, over rows. */
  each: 'row' | 'column';
  /** For each: 'row' — the rows the equation applies to; for 'column' — the rows in the equation. */
  rows: string[];
  /** For each: 'column' — the columns the equation applies to; for 'row' — the columns in the equation. */
  columns: string[];
  /** The cell the equation defines (a row id for 'column' relations, a column id for 'row' ones). */
  target: string;
  /** Terms added to form the target; subtracted terms in `minus`. */
  plus: string[];
  minus?: string[];
  /** Other cells a fix may solve for (alternatives to the target), in order of preference. */
  alternatives?: string[];
  /** Only when the table has this column (the 8-column variant's subtotal). */
  requiresColumn?: string;
}

export interface TableTemplate {
  kind: SumTableKind;
  columns: ColumnTemplate[];
  rows: RowTemplate[];
}

export interface EditionTemplate {
  edition: FormatEdition;
  table2: Table2BlockTemplate[];
  table3: TableTemplate;
  table4: TableTemplate;
  /** In dependency order: a fix-all applies them in this order and converges in one pass. */
  sums: SumRelation[];
}

// ---------------------------------------------------------------- table 三

export const T3_COLUMNS: ColumnTemplate[] = [
  { id: 'natural', label: '自然人' },
  { id: 'commercial', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'welfare', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'otherOrg', label: '其他' },
  { id: 'total', label: '总计' },
];

/** The rare 8-column variant: a 法人或其他组织 subtotal before 商业企业. */
export const T3_COLUMNS_WITH_SUBTOTAL: ColumnTemplate[] = [
  T3_COLUMNS[0],
  { id: 'legalSubtotal', label: '法人或其他组织小计', accepted: ['小计', '法人或其他组织'] },
  ...T3_COLUMNS.slice(1),
];

const T3_ORG_COLUMNS = ['commercial', 'research', 'welfare', 'legal', 'otherOrg'];

function t3Rows(edition: FormatEdition): RowTemplate[] {
  const rows: RowTemplate[] = [
    { id: 't3.new', enumerator: '一、', label: '本年新收政府信息公开申请数量' },
    { id: 't3.carried', enumerator: '二、', label: '上年结转政府信息公开申请数量' },
    { id: 't3.results', enumerator: '三、', label: '本年度办理结果', group: true },
    { id: 't3.open', enumerator: '（一）', label: '予以公开', parent: 't3.results' },
    {
      id: 't3.partial',
      enumerator: '（二）',
      label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
      parent: 't3.results',
    },
    { id: 't3.refuse', enumerator: '（三）', label: '不予公开', group: true, parent: 't3.results' },
    { id: 't3.refuse.1', enumerator: '1.', label: '属于国家秘密', parent: 't3.refuse' },
    { id: 't3.refuse.2', enumerator: '2.', label: '其他法律行政法规禁止公开', parent: 't3.refuse' },
    { id: 't3.refuse.3', enumerator: '3.', label: '危及“三安全一稳定”', parent: 't3.refuse' },
    { id: 't3.refuse.4', enumerator: '4.', label: '保护第三方合法权益', parent: 't3.refuse' },
    { id: 't3.refuse.5', enumerator: '5.', label: '属于三类内部事务信息', parent: 't3.refuse' },
    { id: 't3.refuse.6', enumerator: '6.', label: '属于四类过程性信息', parent: 't3.refuse' },
    { id: 't3.refuse.7', enumerator: '7.', label: '属于行政执法案卷', parent: 't3.refuse' },
    { id: 't3.refuse.8', enumerator: '8.', label: '属于行政查询事项', parent: 't3.refuse' },
    { id: 't3.unable', enumerator: '（四）', label: '无法提供', group: true, parent: 't3.results' },
    { id: 't3.unable.1', enumerator: '1.', label: '本机关不掌握相关政府信息', parent: 't3.unable' },
    { id: 't3.unable.2', enumerator: '2.', label: '没有现成信息需要另行制作', parent: 't3.unable' },
    { id: 't3.unable.3', enumerator: '3.', label: '补正后申请内容仍不明确', parent: 't3.unable' },
    { id: 't3.noprocess', enumerator: '（五）', label: '不予处理', group: true, parent: 't3.results' },
    { id: 't3.noprocess.1', enumerator: '1.', label: '信访举报投诉类申请', parent: 't3.noprocess' },
    { id: 't3.noprocess.2', enumerator: '2.', label: '重复申请', parent: 't3.noprocess' },
    { id: 't3.noprocess.3', enumerator: '3.', label: '要求提供公开出版物', parent: 't3.noprocess' },
    { id: 't3.noprocess.4', enumerator: '4.', label: '无正当理由大量反复申请', parent: 't3.noprocess' },
    {
      id: 't3.noprocess.5',
      enumerator: '5.',
      label: '要求行政机关确认或重新出具已获取信息',
      parent: 't3.noprocess',
    },
  ];
  if (edition === '2021') {
    rows.push(
      { id: 't3.other', enumerator: '（六）', label: '其他处理', group: true, parent: 't3.results' },
      {
        id: 't3.other.1',
        enumerator: '1.',
        label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        parent: 't3.other',
      },
      {
        id: 't3.other.2',
        enumerator: '2.',
        label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        parent: 't3.other',
      },
      { id: 't3.other.3', enumerator: '3.', label: '其他', parent: 't3.other' },
    );
  } else {
    rows.push({ id: 't3.other', enumerator: '（六）', label: '其他处理', parent: 't3.results' });
  }
  rows.push(
    { id: 't3.total', enumerator: '（七）', label: '总计', parent: 't3.results' },
    { id: 't3.next', enumerator: '四、', label: '结转下年度继续办理' },
  );
  return rows;
}

// ---------------------------------------------------------------- table 四

const T4_OUTCOMES: [string, string][] = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

export const T4_GROUPS: { id: string; label: string }[] = [
  { id: 'review', label: '行政复议' },
  { id: 'direct', label: '未经复议直接起诉' },
  { id: 'after', label: '复议后起诉' },
];

/** Header cells that name a group of columns (header column id `group.<id>`): table 三's, then table 四's. */
export const T3_HEADER_GROUPS: readonly { id: string; label: string }[] = [
  { id: 'applicant', label: '申请人情况' },
  { id: 'legal', label: '法人或其他组织' },
];
export const T4_HEADER_GROUPS: readonly { id: string; label: string }[] = [
  T4_GROUPS[0],
  { id: 'litigation', label: '行政诉讼' },
  ...T4_GROUPS.slice(1),
];

/** The official label of a group header (`applicant`, `legal`, `review`, `litigation`, `direct`, `after`). */
export function headerGroupLabel(groupId: string): string | undefined {
  return [...T3_HEADER_GROUPS, ...T4_HEADER_GROUPS].find((g) => g.id === groupId)?.label;
}

const T4_COLUMNS: ColumnTemplate[] = T4_GROUPS.flatMap((g) =>
  T4_OUTCOMES.map(([id, label]) => ({ id: `${g.id}.${id}`, label })),
);

const TABLE4: TableTemplate = {
  kind: 't4',
  columns: T4_COLUMNS,
  rows: [{ id: 't4.data', enumerator: '', label: '' }],
};

// ---------------------------------------------------------------- table 二

const T2_2021: Table2BlockTemplate[] = [
  {
    id: 't2.1',
    heading: '第二十条第（一）项',
    item: '一',
    columns: [
      { id: 'made', label: '本年制发件数' },
      { id: 'repealed', label: '本年废止件数' },
      { id: 'valid', label: '现行有效件数' },
    ],
    rows: [
      { id: 't2.1.rules', enumerator: '', label: '规章' },
      { id: 't2.1.normative', enumerator: '', label: '行政规范性文件' },
    ],
  },
  {
    id: 't2.5',
    heading: '第二十条第（五）项',
    item: '五',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [{ id: 't2.5.license', enumerator: '', label: '行政许可' }],
  },
  {
    id: 't2.6',
    heading: '第二十条第（六）项',
    item: '六',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [
      { id: 't2.6.penalty', enumerator: '', label: '行政处罚' },
      { id: 't2.6.enforcement', enumerator: '', label: '行政强制' },
    ],
  },
  {
    id: 't2.8',
    heading: '第二十条第（八）项',
    item: '八',
    columns: [
      {
        id: 'fee',
        label: '本年收费金额（单位：万元）',
        accepted: ['本年收费金额（单位：万元，保留4位小数）', '本年收费金额（单位：万元，保留四位小数）'],
        decimal: true,
      },
    ],
    rows: [{ id: 't2.8.fee', enumerator: '', label: '行政事业性收费' }],
  },
];

/** 2019 试行: 第（五）（六）项 count projects of last year, this year's change and the decisions; 第（八）项 the first two. */
const ITEM_COLUMNS_2019: ColumnTemplate[] = [
  { id: 'lastYear', label: '上一年项目数量' },
  { id: 'change', label: '本年增/减', signed: true },
  { id: 'decisions', label: '处理决定数量' },
];

const T2_2019: Table2BlockTemplate[] = [
  {
    id: 't2.1',
    heading: '第二十条第（一）项',
    item: '一',
    columns: [
      { id: 'madeNew', label: '本年新制作数量' },
      { id: 'publishedNew', label: '本年新公开数量' },
      { id: 'publishedTotal', label: '对外公开总数量' },
    ],
    rows: [
      { id: 't2.1.rules', enumerator: '', label: '规章' },
      { id: 't2.1.normative', enumerator: '', label: '规范性文件' },
    ],
  },
  {
    id: 't2.5',
    heading: '第二十条第（五）项',
    item: '五',
    columns: ITEM_COLUMNS_2019,
    rows: [
      { id: 't2.5.license', enumerator: '', label: '行政许可' },
      { id: 't2.5.otherServices', enumerator: '', label: '其他对外管理服务事项' },
    ],
  },
  {
    id: 't2.6',
    heading: '第二十条第（六）项',
    item: '六',
    columns: ITEM_COLUMNS_2019,
    rows: [
      { id: 't2.6.penalty', enumerator: '', label: '行政处罚' },
      { id: 't2.6.enforcement', enumerator: '', label: '行政强制' },
    ],
  },
  {
    id: 't2.8',
    heading: '第二十条第（八）项',
    item: '八',
    columns: ITEM_COLUMNS_2019.slice(0, 2),
    rows: [{ id: 't2.8.fee', enumerator: '', label: '行政事业性收费' }],
  },
  {
    id: 't2.9',
    heading: '第二十条第（九）项',
    item: '九',
    columns: [
      { id: 'purchases', label: '采购项目数量' },
      { id: 'purchaseAmount', label: '采购总金额', decimal: true },
    ],
    rows: [{ id: 't2.9.procurement', enumerator: '', label: '政府集中采购' }],
  },
];

// ---------------------------------------------------------------- sums

function sumsFor(edition: FormatEdition): SumRelation[] {
  const rows3 = t3Rows(edition).filter((r) => !r.group);
  const dataRowIds = rows3.map((r) => r.id);
  const resultRowIds = rows3.filter((r) => r.parent !== undefined && r.id !== 't3.total').map((r) => r.id);
  const allColumns = T3_COLUMNS_WITH_SUBTOTAL.map((c) => c.id);
  return [
    {
      id: 't3.subtotal',
      ruleId: 'sum-subtotal',
      table: 't3',
      each: 'row',
      rows: dataRowIds,
      columns: ['legalSubtotal', ...T3_ORG_COLUMNS],
      target: 'legalSubtotal',
      plus: T3_ORG_COLUMNS,
      requiresColumn: 'legalSubtotal',
    },
    {
      id: 't3.rowTotal',
      ruleId: 'sum-row-total',
      table: 't3',
      each: 'row',
      rows: dataRowIds,
      columns: ['natural', ...T3_ORG_COLUMNS, 'total'],
      target: 'total',
      plus: ['natural', ...T3_ORG_COLUMNS],
    },
    {
      id: 't3.columnTotal',
      ruleId: 'sum-column-total',
      table: 't3',
      each: 'column',
      rows: [...resultRowIds, 't3.total'],
      columns: allColumns,
      target: 't3.total',
      plus: resultRowIds,
    },
    {
      id: 't3.balance',
      ruleId: 'sum-balance',
      table: 't3',
      each: 'column',
      rows: ['t3.new', 't3.carried', 't3.total', 't3.next'],
      columns: allColumns,
      target: 't3.next',
      plus: ['t3.new', 't3.carried'],
      minus: ['t3.total'],
      alternatives: ['t3.new'],
    },
    ...T4_GROUPS.map((g): SumRelation => ({
      id: `t4.${g.id}Total`,
      ruleId: g.id === 'review' ? 'sum-review-total' : 'sum-litigation-total',
      table: 't4',
      each: 'row',
      rows: ['t4.data'],
      columns: T4_OUTCOMES.map(([id]) => `${g.id}.${id}`),
      target: `${g.id}.total`,
      plus: ['upheld', 'corrected', 'other', 'pending'].map((o) => `${g.id}.${o}`),
    })),
  ];
}

function edition(e: FormatEdition): EditionTemplate {
  return {
    edition: e,
    table2: e === '2021' ? T2_2021 : T2_2019,
    table3: { kind: 't3', columns: T3_COLUMNS, rows: t3Rows(e) },
    table4: TABLE4,
    sums: sumsFor(e),
  };
}

export const TEMPLATES: Record<FormatEdition, EditionTemplate> = {
  '2021': edition('2021'),
  '2019': edition('2019'),
};

/** The 2021 format applies to reports for 2021 and later. */
export const FIRST_YEAR_OF_2021_FORMAT = 2021;

/** The corner note of table 三. */
export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const ROWS_BY_ID: Record<FormatEdition, Map<string, RowTemplate>> = {
  '2021': rowIndex('2021'),
  '2019': rowIndex('2019'),
};

function rowIndex(e: FormatEdition): Map<string, RowTemplate> {
  const t = TEMPLATES[e];
  return new Map([...t.table3.rows, ...t.table4.rows, ...t.table2.flatMap((b) => b.rows)].map((r) => [r.id, r]));
}

/** Finds a row template by id in an edition. */
export function findRow(e: FormatEdition, rowId: string): RowTemplate | undefined {
  return ROWS_BY_ID[e].get(rowId);
}

/** Human label of a row for messages: enumerator + label, e.g. "（三）1.属于国家秘密" gives "1.属于国家秘密". */
export function rowDisplay(e: FormatEdition, rowId: string): string {
  const r = findRow(e, rowId);
  if (!r) return rowId;
  const parent = r.parent ? findRow(e, r.parent) : undefined;
  const own = `${r.enumerator}${r.label}`;
  if (parent && parent.group && parent.id !== 't3.results') return `${parent.enumerator}${parent.label} ${own}`;
  return own;
}
