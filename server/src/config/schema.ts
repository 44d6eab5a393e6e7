/**
 * The JSON schema of `.govreportrc.json`, built from the rule catalogue so that rule ids, their
 * descriptions and default severities never drift. `schemas/govreportrc.schema.json` is this
 * object written out (`govreport-lint --print-config-schema`); a test keeps the two equal.
 */
import type { Rule } from '../core/types';

const SEVERITY = {
  type: 'string',
  enum: ['error', 'warning', 'warn', 'info', 'off'],
  markdownEnumDescriptions: [
    '错误 / error',
    '警告 / warning',
    '警告（同 warning）/ warning',
    '提示 / information',
    '关闭 / off',
  ],
};

export function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const r of rules) {
    ruleProperties[r.meta.id] = {
      ...SEVERITY,
      description: `${r.meta.description.zh}（默认：${r.meta.defaultSeverity}）\n${r.meta.description.en} (default: ${r.meta.defaultSeverity})`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'govreport-lint configuration (.govreportrc.json)',
    description:
      '政府信息公开工作年度报告检查工具的配置：规则级别与识别选项。\nConfiguration of govreport-lint: rule severities and detection options.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: {
        type: 'boolean',
        default: false,
        description:
          '为 true 时不再向上级文件夹查找配置文件。\nWhen true, folders above this one are not searched for configuration files.',
      },
      rules: {
        type: 'object',
        description:
          '按规则 id 设置级别（error、warning、info、off）。\nSeverity per rule id (error, warning, info, off).',
        properties: ruleProperties,
        additionalProperties: { $ref: '#/definitions/severity' },
      },
      detection: {
        type: 'object',
        additionalProperties: false,
        description: '识别选项。\nDetection options.',
        properties: {
          force: {
            type: 'boolean',
            default: false,
            description:
              '即使文本看起来不是年度报告也进行检查。\nLint every text, even one that does not look like an annual report.',
          },
        },
      },
    },
    definitions: { severity: SEVERITY },
  };
}
