/**
 * What each rule checks, as shown in the rule table of the README, docs/rules.md, the configuration schema and
 * the editor (Chinese first, English too). Keyed by the rule's module name; the rule's metadata reads its entry.
 */
import type { Localized } from '../../types';

export const ruleDescriptions = {
  titleMissing: {
    zh: '缺少标题行（机关名称 + 统计年度 + “政府信息公开工作年度报告”）',
    en: 'No title line naming the body and the statistics year',
  },
  sectionMissing: { zh: '缺少规定的六个章节之一', en: 'One of the six required sections is missing' },
  sectionOrder: { zh: '章节顺序与规定不一致', en: 'Sections are not in the official order' },
  sectionDuplicate: { zh: '同一章节出现多次', en: 'A section appears more than once' },
  sectionTitle: {
    zh: '章节标题不是规范表述（措辞变体、错别字或序号有误）',
    en: 'A section title is not the standard wording (variant, typo or wrong number)',
  },
  sectionEmpty: { zh: '章节没有内容', en: 'A section has no content' },
  layoutOneLine: {
    zh: '报告全文在一行中（换行已丢失，如从网页复制）；可重新排版为标准格式',
    en: 'The whole report is on one line (its line breaks lost, as when copied from a web page); it can be reformatted into the standard layout',
  },
  tableMissing: { zh: '缺少规定的统计表', en: 'A required table is missing' },
  tableRowMissing: { zh: '统计表缺少规定的行', en: 'A table lacks a required row' },
  tableLabel: {
    zh: '行标签或列标题与官方表述不一致（错别字、截断、漏字）',
    en: 'A row label or column header differs from the official wording',
  },
  tableCellCount: {
    zh: '表格行的数值个数与规定列数不符（多列、少列或数字连在一起）',
    en: 'A table row has too many or too few values, or values run together',
  },
  tableCellInvalid: {
    zh: '单元格不是规定的数值（空白、“—”“/”“无”、负数，或件数写成小数）',
    en: 'A cell is not a valid value (blank, "—", "/", "无", negative, or a decimal where a count belongs)',
  },
  tableOldFormat: {
    zh: '2021 年及以后的年度报告仍使用 2019 年试行格式的表格',
    en: 'A report for 2021 or later uses the 2019 trial-format tables',
  },
  tableValuesInferred: {
    zh: '一行文本中数值连在一起的表格行，按合计关系拆分读取（请核对拆分结果）',
    en: 'In one-line text, a table row whose values ran together was split by its sums (check the split)',
  },
  sumRowTotal: {
    zh: '申请情况表每行的“总计”应等于自然人与五类法人或其他组织之和',
    en: "In the applications table, each row's 总计 equals the natural persons plus the five kinds of organisations",
  },
  sumColumnTotal: {
    zh: '“（七）总计”每列应等于（一）至（六）各项办理结果之和',
    en: 'Each column of （七）总计 equals the sum of the outcomes （一）–（六）',
  },
  sumBalance: {
    zh: '每列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度）',
    en: 'Per column: new (一) + carried over (二) = handled total (三（七）) + carried forward (四)',
  },
  sumReviewTotal: {
    zh: '行政复议“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和',
    en: 'Administrative review 总计 equals upheld + corrected + other + pending',
  },
  sumLitigationTotal: {
    zh: '行政诉讼（未经复议直接起诉、复议后起诉）的“总计”应等于四项结果之和',
    en: "Each litigation group's 总计 equals upheld + corrected + other + pending",
  },
  sumSubtotal: {
    zh: '八列表中“法人或其他组织”小计应等于其下五类之和',
    en: 'In the eight-column variant, the 法人或其他组织 subtotal equals its five kinds',
  },
  textCompatChar: {
    zh: 'PDF 兼容字符（康熙部首、CJK 部首补充、CJK 兼容汉字）代替了标准汉字',
    en: 'PDF compatibility characters (Kangxi radicals, CJK radicals supplement, CJK compatibility ideographs) stand in for standard ideographs',
  },
  textNumberMismatch: {
    zh: '正文中的数字（新收、上年结转、办结、结转下年度申请数，行政复议、行政诉讼数）与表格不一致；表格自身勾稽关系全部成立时，可按表格数值修正正文',
    en: "A figure in the prose (new, carried-over, concluded and carried-forward applications, reviews, lawsuits) disagrees with the tables; when the table's own sums all hold, the fix writes the table's value into the prose",
  },
  textYearMismatch: {
    zh: '正文报告本年度数据所用的年份与标题中的统计年度不一致',
    en: "The year the prose reports this year's figures for differs from the title's statistics year",
  },
  textListTotal: {
    zh: '正文中列举的各项数字之和与写明的总计不一致（如“…发布2条…1条…总计6条”）',
    en: 'An enumeration in the prose does not add up to the total it states ("…发布2条…1条…总计6条")',
  },
  crossYearCarryOver: {
    zh: '本年报告的“二、上年结转政府信息公开申请数量”每列应等于上年报告的“四、结转下年度继续办理”',
    en: "Each column of this year's 二、上年结转 (carried over) equals last year's 四、结转下年度继续办理 (carried forward)",
  },
  crossYearValidDocuments: {
    zh: '第二十条第（一）项规章、行政规范性文件：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
    en: "Article 20 (1), 规章 and 行政规范性文件: this year's 现行有效件数 = last year's + this year's 制发 − this year's 废止",
  },
} satisfies Record<string, Localized>;

/** Longer documentation for docs/rules.md, for the rules whose description is not enough. */
export const ruleDetails = {
  crossYearCarryOver: {
    zh: '需要同一机关相邻两年的报告：命令行检查文件夹或多个文件时自动按标题中的机关名称与统计年度配对，或用 `--previous <文件>` 指定上年报告；`--no-cross-year` 关闭。两年的表格可以是不同格式（2019 年试行格式与 2021 年格式的表三行列相同）。问题标在本年的单元格上，并链接上年报告中对应的单元格。不提供自动修复：哪一年的数字有误无法确定。',
    en: "Needs two reports of one body for consecutive years: the command line pairs the files of a folder or list by the body and statistics year of their titles, or takes last year's report from `--previous <file>`; `--no-cross-year` turns it off. The two reports may follow different editions (table 三 has the same rows and columns in the 2019 trial format and the 2021 format). The problem sits on this year's cell and links last year's. No automatic fix: which year's figure is wrong cannot be known.",
  },
  crossYearValidDocuments: {
    zh: '实际数据经常不满足这一关系（文件清理、修订、失效而非废止、统计口径变化），因此默认只是提示（info），不应视为错误。仅在两年的表格都采用 2021 年格式时核对：2019 年试行格式的“本年新制作数量、本年新公开数量、对外公开总数量”没有可靠的对应列——“对外公开总数量”累计所有公开过的文件（含已废止的），且没有废止件数——因此 2020 年（试行格式）与 2021 年的报告之间跳过此项。',
    en: "Real data often break this identity (documents reviewed, revised, expired rather than repealed, changes of counting), so it is only a hint by default. Checked only when both reports use the 2021 columns: the 2019 trial format's 本年新制作数量, 本年新公开数量 and 对外公开总数量 have no sound counterpart — 对外公开总数量 counts every document ever published, repealed ones included, and there is no repeal count — so a 2020 report in the trial format is not compared with a 2021 report here.",
  },
} satisfies Record<string, Localized>;
