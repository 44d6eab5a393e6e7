/** Messages about `.govreportrc.json` files: reading, validating and command-line overrides (Chinese first, English too). */
import type { Localized } from '../../types';

/** The type a setting must have, as named in `mustBe`. */
export const CONFIG_TYPES = {
  boolean: { zh: '布尔值', en: 'a boolean' },
  object: { zh: '对象', en: 'an object' },
  rules: { zh: '对象（规则 id → 级别）', en: 'an object (rule id → severity)' },
} satisfies Record<string, Localized>;

export const configMessages = {
  notRegularFile: (): Localized => ({ zh: '不是普通文件，已忽略', en: 'not a regular file; ignored' }),
  cannotRead: (detail: string): Localized => ({
    zh: `无法读取配置：${detail}`,
    en: `the configuration cannot be read: ${detail}`,
  }),
  tooLarge: (kb: number, limitKb: number): Localized => ({
    zh: `配置文件过大（${kb} KB，上限 ${limitKb} KB），已忽略`,
    en: `the configuration file is too large (${kb} KB, limit ${limitKb} KB); ignored`,
  }),
  tooDeep: (maxDepth: number, line: number, column: number): Localized => ({
    zh: `嵌套过深（超过 ${maxDepth} 层，第 ${line} 行第 ${column} 列），已忽略`,
    en: `nested too deeply (more than ${maxDepth} levels, at line ${line}, column ${column}); ignored`,
  }),
  notJson: (detail: string): Localized => ({ zh: `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` }),
  topLevelNotObject: (): Localized => ({ zh: '顶层必须是 JSON 对象', en: 'the top level must be a JSON object' }),
  /** `path`: the setting's JSON path, e.g. "detection.force". */
  unknownSetting: (path: string): Localized => ({
    zh: `未知的设置项“${path}”，已忽略`,
    en: `unknown setting "${path}" ignored`,
  }),
  mustBe: (path: string, type: Localized): Localized => ({
    zh: `“${path}”必须是${type.zh}`,
    en: `"${path}" must be ${type.en}`,
  }),
  badSeverity: (ruleId: string, shown: string): Localized => ({
    zh: `规则“${ruleId}”的级别无效：${shown}（可用：error、warning、info、off）`,
    en: `invalid severity for rule "${ruleId}": ${shown} (use error, warning, info or off)`,
  }),
  unknownRule: (ruleId: string): Localized => ({ zh: `未知的规则“${ruleId}”`, en: `unknown rule "${ruleId}"` }),
  notOverride: (text: string): Localized => ({
    zh: `“${text}”不是“规则=级别”的形式`,
    en: `"${text}" is not of the form rule=severity`,
  }),
  notSeverity: (text: string): Localized => ({
    zh: `“${text}”不是有效的级别（可用：error、warning、info、off）`,
    en: `"${text}" is not a valid severity (use error, warning, info or off)`,
  }),
};
