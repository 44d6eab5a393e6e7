/** Messages about suppressions (the suppressions file, the quick fix, the counts), Chinese first. */
import type { Localized } from '../../types';

export const suppressionMessages = {
  notJson: (detail: string): Localized => ({ zh: `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` }),
  notObject: (): Localized => ({ zh: '应为一个对象', en: 'should be an object' }),
  badVersion: (v: number): Localized => ({ zh: `“version”应为 ${v}`, en: `"version" should be ${v}` }),
  notArray: (): Localized => ({ zh: '“suppressions”应为数组', en: '"suppressions" should be an array' }),
  badEntry: (n: number): Localized => ({
    zh: `第 ${n} 项应有字符串 file、rule、fingerprint 和可选的正整数 count，已忽略`,
    en: `entry ${n} should have string file, rule and fingerprint and an optional positive integer count; ignored`,
  }),
  /** The quick fix that writes an entry. */
  suppressAction: (): Localized => ({ zh: '忽略此问题', en: 'Suppress this problem' }),
  /** Summary line of a run. */
  summary: (suppressed: number, stale: number): Localized => ({
    zh:
      `已忽略 ${suppressed} 个问题（见 .govreport-suppressions.json）；${stale} 条忽略记录已不再匹配` +
      (stale > 0 ? '（可用 --prune-suppressions 清除）' : ''),
    en:
      `${suppressed} problem${suppressed === 1 ? '' : 's'} suppressed (see .govreport-suppressions.json); ` +
      `${stale} suppression entr${stale === 1 ? 'y' : 'ies'} no longer match` +
      (stale > 0 ? ' (remove them with --prune-suppressions)' : ''),
  }),
  written: (file: string, entries: number): Localized => ({
    zh: `已写入 ${file}（${entries} 条忽略记录）`,
    en: `wrote ${file} (${entries} suppression entr${entries === 1 ? 'y' : 'ies'})`,
  }),
  cannotWrite: (file: string, detail: string): Localized => ({
    zh: `无法写入 ${file}：${detail}`,
    en: `cannot write ${file}: ${detail}`,
  }),
  fileProblem: (file: string, problem: Localized): Localized => ({
    zh: `${file}：${problem.zh}`,
    en: `${file}: ${problem.en}`,
  }),
  /** `--fix` on a report whose suppressions file cannot be read as it is. */
  fixRefused: (file: string): Localized => ({
    zh: `未修复：忽略记录文件 ${file} 无法完整读取，不能确定哪些问题已被忽略`,
    en: `not fixed: the suppressions file ${file} cannot be read as it is, so which problems it suppresses is unknown`,
  }),
  cannotRead: (detail: string): Localized => ({ zh: `无法读取：${detail}`, en: `cannot be read: ${detail}` }),
};
