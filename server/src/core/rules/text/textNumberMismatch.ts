/**
 * text-number-mismatch: a figure in the prose that disagrees with the tables — 新收/收到申请 N 件,
 * 上年结转 N, 办结 N, 结转下年度 N, 行政复议 N 件, 行政诉讼 N 件 — or a prose statement of none
 * ("未收到…申请") where the table counts some.
 *
 * Conservative by design: only fixed phrasings, within one phrase (no comma between the keyword and
 * the number), never in a phrase that compares (同比, 较上年 …), plans (计划, 预计 …) or speaks of
 * another year than the title's. The finding sits exactly on the number; related information points
 * at the table cell(s).
 *
 * Fix policy: the table is the statistical record the format prescribes and it checks itself (its
 * sums); the prose has no such check. So when the table is sound — every row present with all its
 * cells, every cell an integer, every sum relation holding — it is clearly the source of truth and
 * the preferred fix writes the table's value into the prose. When the table itself is broken, no fix
 * is offered: either side may be wrong. A statement without a number ("未收到…申请") gets no fix.
 */
import type { Fix, RelatedInfo, ReportModel, Span, TableNode } from '../../types';
import { defineRule } from '../define';
import { formatLike } from '../../text/numbers';
import { textMessages as M, type ProseMetric } from '../../i18n/messages/text';
import { T3_COLUMNS_WITH_SUBTOTAL, rowDisplay } from '../../template/template';
import { equationsOf, evaluate, holds, relationsOf } from '../arithmetic/equations';
import { columnDisplay, columnsOfRow } from '../../template/cells';
import { readInteger, yearsIn } from './numbers';
import { asciiCommaAt, paragraphsOf, peek, phraseAround, spanIn, type Paragraph } from './paragraphs';
import { ruleDescriptions as D } from '../../i18n/messages/rules';

// ------------------------------------------------------------------ patterns

/** Words allowed between a keyword and its number. */
/** Unambiguous alternatives (no word is a concatenation of others), so matching never backtracks exponentially. */
const FILL = '(?:的|政府信息公开申请|信息公开申请|依申请公开|申请|数量|总数|件数|数|共计|合计|总计|共|为|是|有|:|\\s)*';
const CASE_FILL = '(?:案件|案|申请|的|数量|件数|总数|数|共计|合计|总计|共|为|是|有|:|\\s)*';
/** What an application is called. */
const APP = '(?:政府信息公开申请|信息公开申请|依申请公开申请|依申请公开|公开申请|申请)';
/** Generic text inside a phrase (no digits, no phrase separators). */
const TEXT = '[^\\d,;:。、()!?\\n]';

interface Pattern {
  metrics: ProseMetric[];
  re: RegExp;
  /**
   * Characters every match contains (the first is checked on each clause, all of them on the
   * paragraph), and whether it contains a digit: a clause without them is not tried.
   */
  needs: string;
  digit: boolean;
  /** A statement of none: the figure is 0 and there is no number. */
  negation?: boolean;
  /** Extra check on the match. */
  accept?: (m: RegExpExecArray) => boolean;
}

const METRIC_WORDS = /结转|转结|办结|复议|诉讼|上年|去年|上一年/;
const OUTCOME_WORDS = /纠错|纠正|维持|败诉|胜诉|撤销|审结|结果|驳回|确认违法|后/;

const PATTERNS: Pattern[] = [
  {
    metrics: ['new'],
    needs: '收申',
    digit: true,
    re: new RegExp(
      `(?<key>新收到?|共收到|收到|接收到?|共接收)(?<pre>${TEXT}{0,12}?)(?<app>${APP})(?<post>${FILL})(?<num>\\d)`,
      'g',
    ),
    accept: (m) => {
      const pre = m.groups!.pre;
      if (METRIC_WORDS.test(pre)) return false;
      // A bare "申请" after other words may name a kind of application (信访举报投诉类申请): not the total.
      if (m.groups!.app === '申请' && !/^(?:群众|公民|公众|社会公众|各类|提交|提出|的)*$/.test(pre)) return false;
      return true;
    },
  },
  {
    metrics: ['carried'],
    needs: '转上年结',
    digit: true,
    re: new RegExp(
      `(?<key>上一?年度?(?:结转|转结)(?:到本年度?|至本年度?|到今年|至今年)?)(?<post>${FILL})(?<num>\\d)`,
      'g',
    ),
  },
  { metrics: ['done'], needs: '办结', digit: true, re: new RegExp(`(?<key>办结)(?<post>${FILL})(?<num>\\d)`, 'g') },
  {
    metrics: ['next'],
    needs: '转下',
    digit: true,
    re: new RegExp(`(?<key>(?:结转|转)(?:至|到|入)?下一?年度?(?:继续)?(?:办理)?)(?<post>${FILL})(?<num>\\d)`, 'g'),
  },
  {
    metrics: ['review'],
    needs: '议',
    digit: true,
    re: new RegExp(`(?<key>行政复议)(?<post>${CASE_FILL})(?<num>\\d)`, 'g'),
  },
  {
    metrics: ['litigation'],
    needs: '讼',
    digit: true,
    re: new RegExp(`(?<key>行政诉讼)(?<post>${CASE_FILL})(?<num>\\d)`, 'g'),
  },
  {
    metrics: ['review', 'litigation'],
    needs: '讼议',
    digit: true,
    re: /(?<key>行政复议(?:、|和|及|与|或)行政诉讼)(?:案件|的|情况)?(?<post>均为|均是|都为|都是|各为|各|均)\s*(?<num>\d)/g,
  },
  // Statements of none.
  {
    metrics: ['new'],
    negation: true,
    needs: '申公',
    digit: false,
    re: new RegExp(
      `(?<key>(?:未|没有)(?:收到|接到|接收到?))(?<pre>${TEXT}{0,14}?)(?<app>政府信息公开申请|信息公开申请|依申请公开|公开申请)`,
      'g',
    ),
    accept: (m) => !METRIC_WORDS.test(m.groups!.pre),
  },
  {
    metrics: ['carried'],
    negation: true,
    needs: '转上年结',
    digit: false,
    re: /(?<key>(?:无|没有|未收到|未有)上一?年度?(?:结转|转结))/g,
  },
  {
    metrics: ['review', 'litigation'],
    negation: true,
    needs: '行政',
    digit: false,
    re: new RegExp(
      `(?<key>未发生|没有发生|未出现|没有出现|未收到|没有收到|未被提起|未被申请|未有|无)(?<pre>[^\\d,;:。!?\\n]{0,16}?)` +
        `(?<list>(?:行政复议|行政诉讼)(?:(?:、|和|及|与|或)(?:被申请|提起|被提起)?(?:行政复议|行政诉讼))?)` +
        `(?:案件|案|申请|的|情况|事项|现象|发生|\\s)*(?=[,;:。!?\\n、]|$)`,
      'g',
    ),
    accept: (m) => {
      const g = m.groups!;
      if (g.key === '无' && g.pre !== '') return false;
      return !OUTCOME_WORDS.test(g.pre) && !/结转|办结/.test(g.pre);
    },
  },
];

/** The characters some pattern needs; bit k stands for NEEDED[k]. */
const NEEDED = [...new Set(PATTERNS.flatMap((p) => [...p.needs]))];
/** Each pattern's needed characters as indices into NEEDED, in the order of its `needs`. */
const NEED_INDICES = PATTERNS.map((p) => [...p.needs].map((c) => NEEDED.indexOf(c)));

/**
 * The patterns that can match in a paragraph: those whose characters all occur in it (each
 * character looked up at most once, a pattern dropped at its first missing one).
 */
function patternsFor(para: Paragraph): Pattern[] {
  const out: Pattern[] = [];
  let known = 0;
  let present = 0;
  for (let k = 0; k < PATTERNS.length; k++) {
    if (PATTERNS[k].digit && !para.hasDigit) continue;
    let all = true;
    for (const n of NEED_INDICES[k]) {
      const bit = 1 << n;
      if (!(known & bit)) {
        known |= bit;
        if (para.text.indexOf(NEEDED[n]) >= 0) present |= bit;
      }
      if (!(present & bit)) {
        all = false;
        break;
      }
    }
    if (all) out.push(PATTERNS[k]);
  }
  return out;
}

/** A phrase that compares, plans, or accumulates over other periods: its figures are not this year's totals. */
const NOT_THIS_YEAR =
  /同比|较|比上|比去|上一?年(?!度?(?:结转|转结))|去年|增加|减少|增长|下降|累计|截至|截止|计划|预计|拟|力争|平均/;

/** A phrase about a part of the applications (其中…, by channel or by applicant): not the total. */
const SUBSET = /其中|通过|网上|网络|信函|当面|邮寄|传真|电子邮件|现场|自然人|法人|企业|机构/;

/** Units a count may carry. */
const UNIT = /^\s*(?:件|个|宗|起|例|份)(?!工作日|月|小时|日|百分点)/;

// ------------------------------------------------------------------ the tables

interface CellRef {
  value: number;
  span: Span;
  /** Column name for the message. */
  column: string;
}

interface Expected {
  cells: CellRef[];
  table: TableNode;
  where: ReturnType<typeof M.t3Cell>;
}

function rowCells(table: TableNode, rowId: string) {
  const row = table.rows.find((r) => r.rowId === rowId);
  if (!row || row.malformed || row.cells.length !== table.columnIds.length) return undefined;
  return row.cells;
}

function t3Expected(model: ReportModel, rowId: string): Expected | undefined {
  const t3 = model.tables.t3;
  if (!t3) return undefined;
  const cells = rowCells(t3, rowId);
  const cell = cells?.[t3.columnIds.indexOf('total')];
  if (!cell || cell.kind !== 'integer' || cell.value === undefined) return undefined;
  const row = rowDisplay(t3.edition, rowId);
  const column = columnDisplay(
    t3,
    T3_COLUMNS_WITH_SUBTOTAL.find((c) => c.id === 'total')!,
  );
  return { cells: [{ value: cell.value, span: cell.span, column }], table: t3, where: M.t3Cell(row, column) };
}

function t4Expected(model: ReportModel, columnIds: string[]): Expected | undefined {
  const t4 = model.tables.t4;
  if (!t4 || t4.rows.length === 0) return undefined;
  const cells = rowCells(t4, t4.rows[0].rowId);
  if (!cells) return undefined;
  const refs: CellRef[] = [];
  const cols = columnsOfRow(t4, t4.rows[0]);
  for (const id of columnIds) {
    const cell = cells[t4.columnIds.indexOf(id)];
    if (!cell || cell.kind !== 'integer' || cell.value === undefined) return undefined;
    const col = cols.find((c) => c.id === id);
    refs.push({ value: cell.value, span: cell.span, column: col ? columnDisplay(t4, col) : id });
  }
  return { cells: refs, table: t4, where: M.t4Cells(refs.map((r) => r.column)) };
}

function expectedFor(model: ReportModel, metric: ProseMetric): Expected | undefined {
  switch (metric) {
    case 'new':
      return t3Expected(model, 't3.new');
    case 'carried':
      return t3Expected(model, 't3.carried');
    case 'done':
      return t3Expected(model, 't3.total');
    case 'next':
      return t3Expected(model, 't3.next');
    case 'review':
      return t4Expected(model, ['review.total']);
    case 'litigation':
      return t4Expected(model, ['direct.total', 'after.total']);
  }
}

/**
 * Whether a table is clearly right: no template row missing, every row with all its cells, every
 * cell a whole number, and every sum relation of the template holding.
 */
export function tableIsSound(model: ReportModel, table: TableNode): boolean {
  if (table.missingRowIds.length > 0 || table.strayLines.length > 0) return false;
  for (const row of table.rows) {
    if (row.malformed || row.cells.length !== table.columnIds.length) return false;
    if (row.cells.some((c) => c.kind !== 'integer' || c.value === undefined || c.value < 0)) return false;
  }
  for (const relation of relationsOf(model, table)) {
    for (const eq of equationsOf(table, relation)) {
      const r = evaluate(eq);
      if (!r || !holds(r)) return false;
    }
  }
  return true;
}

// ------------------------------------------------------------------ the rule

export const textNumberMismatch = defineRule(
  {
    id: 'text-number-mismatch',
    category: 'text',
    description: D.textNumberMismatch,
    defaultSeverity: 'error',
    fixable: true,
  },
  ({ model, report }) => {
    const titleYear = model.title?.year;
    const sound = new Map<TableNode, boolean>();
    const expectedCache = new Map<ProseMetric, Expected | undefined>();
    const expectedOf = (metric: ProseMetric) => {
      if (!expectedCache.has(metric)) expectedCache.set(metric, expectedFor(model, metric));
      return expectedCache.get(metric);
    };
    const isSound = (t: TableNode) => {
      let s = sound.get(t);
      if (s === undefined) sound.set(t, (s = tableIsSound(model, t)));
      return s;
    };
    for (const para of paragraphsOf(model)) {
      const tried = patternsFor(para);
      if (tried.length === 0) continue;
      const claimed = new Set<string>();
      for (const clause of para.clauses) {
        for (const pat of tried) {
          if ((pat.digit && !clause.hasDigit) || clause.text.indexOf(pat.needs[0]) < 0) continue;
          pat.re.lastIndex = 0;
          for (let m = pat.re.exec(clause.text); m; m = pat.re.exec(clause.text)) {
            const claim = readClaim(model, para, clause.start, clause.text, pat, m, titleYear);
            if (!claim) continue;
            const expected = pat.metrics.map((metric) => ({ metric, exp: expectedOf(metric) }));
            for (const { metric, exp } of expected) {
              if (!exp) continue;
              const key = `${metric}@${claim.start}`;
              if (claimed.has(key)) continue;
              claimed.add(key);
              const total = exp.cells.reduce((a, c) => a + c.value, 0);
              if (total === claim.value) continue;
              const span = spanIn(model, para, claim.start, claim.end);
              const formula = exp.cells.length > 1 ? exp.cells.map((c) => c.value).join(' + ') : undefined;
              const related: RelatedInfo[] = exp.cells.map((c) => ({ span: c.span, message: M.tableValue(c.value) }));
              let fixes: Fix[] | undefined;
              if (!pat.negation && pat.metrics.length === 1 && isSound(exp.table)) {
                const written = model.text.slice(span.start, span.end);
                fixes = [
                  {
                    title: M.useTableValue(total),
                    edits: [{ start: span.start, end: span.end, newText: formatLike(written, total) }],
                    preferred: true,
                  },
                ];
              }
              report({
                message: M.numberMismatch(metric, claim.value, total, exp.where, claim.written, formula),
                span,
                related,
                fixes,
                data: { metric, expected: total, actual: claim.value },
              });
            }
          }
        }
      }
    }
  },
);

interface Claim {
  value: number;
  /** Paragraph offsets of the number (or of the statement of none). */
  start: number;
  end: number;
  /** The statement of none as written (normalized). */
  written?: string;
}

function readClaim(
  model: ReportModel,
  para: Paragraph,
  base: number,
  clause: string,
  pat: Pattern,
  m: RegExpExecArray,
  titleYear: number | undefined,
): Claim | undefined {
  if (pat.accept && !pat.accept(m)) return undefined;
  // Every pattern starts with its keyword; the number, when there is one, is the match's last character.
  const g = m.groups!;
  const keyStart = m.index;
  const before = clause.slice(Math.max(0, keyStart - 2), keyStart);
  let claim: Claim;
  if (pat.negation) {
    // Trailing words are matched only to check them; the statement ends with its list, its
    // application phrase or its keyword.
    const endOf =
      g.list !== undefined
        ? m.index + g.key.length + (g.pre ?? '').length + g.list.length
        : m.index + g.key.length + (g.pre ?? '').length + (g.app ?? '').length;
    claim = { value: 0, start: base + m.index, end: base + endOf, written: clause.slice(m.index, endOf) };
  } else {
    // "未办结2件", "尚未收到…": not a count of this kind.
    if (/未|没有|不/.test(before.slice(-1)) || before.endsWith('没有')) return undefined;
    const numAt = m.index + m[0].length - 1;
    const n = readInteger(para.text, base + numAt, (k) => asciiCommaAt(model, para, k));
    if (!n) return undefined;
    const after = peek(para.text, n.end);
    const post = (g.post ?? '').trim();
    if (!UNIT.test(after)) {
      // Without a unit the number must close a "…为 N" / "…是 N" statement.
      if (!/(?:为|是|有|:|均|各)$/.test(post)) return undefined;
      if (!/^\s*(?:$|[,;。、!?\n])/.test(after)) return undefined;
    }
    claim = { value: n.value, start: n.start, end: n.end };
  }
  const local = claim.start - base;
  const phrase = phraseAround(clause, m.index, Math.max(local + (claim.end - claim.start), m.index + m[0].length));
  if (NOT_THIS_YEAR.test(phrase) || SUBSET.test(phrase)) return undefined;
  if (
    /(?:行政复议|行政诉讼)/.test(m.groups!.key ?? '') &&
    !pat.negation &&
    OUTCOME_WORDS.test(phrase.replace(/行政诉讼|行政复议/g, ''))
  ) {
    return undefined;
  }
  if (titleYear !== undefined && yearsIn(phrase).some((y) => y.year !== titleYear)) return undefined;
  return claim;
}
