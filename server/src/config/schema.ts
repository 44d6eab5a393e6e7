/**
 * The JSON schema of `.govreportrc.json`, built from the rule catalogue so that rule ids, their
 * descriptions and default severities never drift. `schemas/govreportrc.schema.json` is this
 * object written out (`govreport-lint --print-config-schema`); a test keeps the two equal.
 */
import type { Rule } from '../core/types';
import { configSchemaText as T } from '../core/i18n/messages/docs';

const SEVERITY = {
  type: 'string',
  enum: ['error', 'warning', 'warn', 'info', 'off'],
  markdownEnumDescriptions: T.severities,
};

export function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const r of rules) {
    ruleProperties[r.meta.id] = {
      ...SEVERITY,
      description: T.rule(r.meta.description, r.meta.defaultSeverity),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'govreport-lint configuration (.govreportrc.json)',
    description: T.file,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: {
        type: 'boolean',
        default: false,
        description: T.root,
      },
      rules: {
        type: 'object',
        description: T.rules,
        properties: ruleProperties,
        additionalProperties: { $ref: '#/definitions/severity' },
      },
      detection: {
        type: 'object',
        additionalProperties: false,
        description: T.detection,
        properties: {
          force: {
            type: 'boolean',
            default: false,
            description: T.force,
          },
        },
      },
    },
    definitions: { severity: SEVERITY },
  };
}
