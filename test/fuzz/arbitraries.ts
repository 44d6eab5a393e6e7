/**
 * Input generators: arbitrary strings (any UTF-16 code unit, lone surrogates included), strings
 * built from report vocabulary, and mutations of the seed reports — random insertion, deletion and
 * replacement of characters, lines, tabs, numbers, compatibility characters, surrogate pairs and
 * line endings. Mutations are data (`Mutation`), applied by `applyMutations`, so a failing input
 * shrinks to a short list of edits and can be described.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/** The repository root (this file runs from out/test/fuzz/ or from a bundle under scripts' temp folder). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'test', 'fixtures'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export interface Seed {
  name: string;
  text: string;
}

export function loadSeeds(root = repoRoot()): Seed[] {
  const dir = path.join(root, 'test', 'fixtures', 'seeds');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** Pieces of report text that steer the parser into its interesting paths. */
export const VOCABULARY: readonly string[] = [
  // structure
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '某某市人民政府2022年政府信息公开工作年度报告',
  '2021年度',
  '# ',
  '## ',
  '**',
  // table labels and headers
  '第二十条第（一）项',
  '第二十条第（五）项',
  '第二十条第（八）项',
  '信息内容',
  '本年制发件数',
  '现行有效件数',
  '规章',
  '行政规范性文件',
  '行政许可',
  '行政事业性收费',
  '自然人',
  '商业企业',
  '法律服务机构',
  '总计',
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果',
  '（一）予以公开',
  '（二）部分公开',
  '（三）不予公开',
  '1.属于国家秘密',
  '（七）总计',
  '四、结转下年度继续办理',
  '行政复议',
  '行政诉讼',
  '结果维持',
  '尚未审结',
  // numbers and separators
  '0',
  '1',
  '7',
  '12',
  '3,119',
  '０',
  '９',
  '-',
  '—',
  '/',
  '无',
  '1.5',
  '-3-',
  '— 3 —',
  '713000074',
  '\t',
  '\t\t',
  ' ',
  '  ',
  '|',
  ' | ',
  '\n',
  '\r\n',
  '\r',
  '\u3000',
  '\uFEFF',
  // punctuation variants
  '（',
  '）',
  '(',
  ')',
  '、',
  '．',
  '.',
  '：',
  ':',
  '，',
  // compatibility characters (Kangxi radicals, CJK radicals supplement)
  '⼀',
  '⼆',
  '⼯',
  '⼈',
  '⾏',
  '⽂',
  '⺠',
  '⻅',
  '⻔',
  // prose with numbers
  '新收申请3件',
  '上年结转2件',
  '办结5件',
  '行政复议1件',
  '未收取',
  // surrogate pairs, lone halves
  '𠀀',
  '𪚥',
  '\uD840',
  '\uDC00',
];

/** One UTF-16 code unit, any value (lone surrogates included). */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Strings of arbitrary code units. */
export const anyString = (maxLength = 400) => fc.string({ unit: codeUnit, maxLength });

/** Strings of full Unicode characters (well-formed). */
export const unicodeString = (maxLength = 400) => fc.string({ unit: 'grapheme', maxLength });

/** Strings assembled from report vocabulary and single characters. */
export const vocabularyString = (maxLength = 120) =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) }, { weight: 1, arbitrary: codeUnit }), {
      maxLength,
    })
    .map((parts) => parts.join(''));

/** A mutation of a text. Positions are taken modulo the text's length when applied. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'lineEndings'; style: 'crlf' | 'cr' | 'lf' | 'mixed' }
  | { kind: 'number'; nth: number; text: string }
  | { kind: 'tabs'; nth: number; text: string }
  | { kind: 'compat'; nth: number }
  | { kind: 'width'; toFull: boolean };

/** Replacement numbers: ordinary, large, negative, decimal, grouped, full-width, not numbers. */
const numberText = fc.oneof(
  fc.nat(200).map(String),
  fc.constantFrom(
    '0',
    '00',
    '-1',
    '1.5',
    '3,119',
    '1,2',
    '１２',
    '99999999999999999999',
    '1e5',
    '—',
    '/',
    '无',
    '',
    ' ',
    '7 7',
    '713000074',
  ),
);

const insertText = fc.oneof(fc.constantFrom(...VOCABULARY), codeUnit, vocabularyString(6));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertText }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
    text: insertText,
  }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('lineEndings' as const),
    style: fc.constantFrom('crlf' as const, 'cr' as const, 'lf' as const, 'mixed' as const),
  }),
  fc.record({ kind: fc.constant('number' as const), nth: fc.nat(), text: numberText }),
  fc.record({
    kind: fc.constant('tabs' as const),
    nth: fc.nat(),
    text: fc.constantFrom('', ' ', '  ', '\t\t', '\t', ' | ', '\u3000'),
  }),
  fc.record({ kind: fc.constant('compat' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('width' as const), toFull: fc.boolean() }),
);

/** Ordinary ideographs and the compatibility characters PDF text puts in their place. */
const COMPAT: Readonly<Record<string, string>> = {
  一: '⼀',
  二: '⼆',
  工: '⼯',
  人: '⼈',
  行: '⾏',
  文: '⽂',
  民: '⺠',
  见: '⻅',
  门: '⻔',
};
const HALF_TO_FULL: Readonly<Record<string, string>> = {
  '(': '（',
  ')': '）',
  ':': '：',
  ',': '，',
  '.': '．',
  '1': '１',
  '0': '０',
};
const FULL_TO_HALF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(HALF_TO_FULL).map(([h, f]) => [f, h]),
);

function splitLines(text: string): { body: string; eol: string }[] {
  const out: { body: string; eol: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ body: text.slice(pos, m.index), eol: m[0] });
    pos = m.index + m[0].length;
  }
  out.push({ body: text.slice(pos), eol: '' });
  return out;
}

function joinLines(lines: { body: string; eol: string }[]): string {
  return lines.map((l) => l.body + l.eol).join('');
}

/** The nth match of `re` (global), cycling; undefined when there is none. */
function nthMatch(text: string, re: RegExp, nth: number): RegExpExecArray | undefined {
  const all = [...text.matchAll(re)];
  return all.length === 0 ? undefined : (all[nth % all.length] as RegExpExecArray);
}

export function applyMutation(text: string, m: Mutation): string {
  const len = text.length;
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (len + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      if (len === 0) return text;
      const at = m.at % len;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'replace': {
      const at = m.at % (len + 1);
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    }
    case 'deleteLine': {
      const lines = splitLines(text);
      lines.splice(m.line % lines.length, 1);
      return joinLines(lines);
    }
    case 'duplicateLine': {
      const lines = splitLines(text);
      const i = m.line % lines.length;
      lines.splice(i, 0, { body: lines[i].body, eol: lines[i].eol || '\n' });
      return joinLines(lines);
    }
    case 'swapLines': {
      const lines = splitLines(text);
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a].body, lines[b].body] = [lines[b].body, lines[a].body];
      return joinLines(lines);
    }
    case 'lineEndings': {
      const eols = { crlf: ['\r\n'], cr: ['\r'], lf: ['\n'], mixed: ['\n', '\r\n', '\r\n', '\r'] }[m.style];
      let i = 0;
      return text.replace(/\r\n|\r|\n/g, () => eols[i++ % eols.length]);
    }
    case 'number': {
      const hit = nthMatch(text, /[0-9０-９]+/g, m.nth);
      return hit ? text.slice(0, hit.index) + m.text + text.slice(hit.index + hit[0].length) : text;
    }
    case 'tabs': {
      const hit = nthMatch(text, /\t+/g, m.nth);
      return hit ? text.slice(0, hit.index) + m.text + text.slice(hit.index + hit[0].length) : text;
    }
    case 'compat': {
      const hit = nthMatch(text, /[一二工人行文民见门]/g, m.nth);
      return hit ? text.slice(0, hit.index) + COMPAT[hit[0]] + text.slice(hit.index + 1) : text;
    }
    case 'width': {
      const map = m.toFull ? HALF_TO_FULL : FULL_TO_HALF;
      return text.replace(/[():,.10（）：，．１０]/g, (c) => map[c] ?? c);
    }
  }
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** A seed (by index) and the mutations applied to it. */
export interface MutatedSeed {
  seed: number;
  mutations: Mutation[];
}

export const mutatedSeed = (seedCount: number, maxMutations = 8): fc.Arbitrary<MutatedSeed> =>
  fc.record({ seed: fc.nat(seedCount - 1), mutations: fc.array(mutation, { minLength: 1, maxLength: maxMutations }) });
