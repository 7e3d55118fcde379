import { z } from 'zod';
import { AuditDocument } from '../model/audit.js';
import { kinds } from '../rules/kinds/index.js';
import { RuleHeader } from '../rules/rule-schema.js';
import { BrandProfile } from './brand-schema.js';

/** JSON Schemas for editors, from the same zod schemas that validate at load. */
export function jsonSchemas(): Record<'rules.schema.json' | 'presence.schema.json' | 'audit.schema.json', unknown> {
  const headerKeys = RuleHeader.shape;
  const rule = z.union(
    Object.values(kinds).map((kind) =>
      z.strictObject({ ...headerKeys, ...kind.params.shape, kind: z.literal(kind.kind) }).describe(`a ${kind.kind} rule: ${kind.description}`),
    ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
  );
  const file = z.strictObject({ family: z.string(), description: z.string().optional(), include: z.array(z.string()).optional(), rules: z.array(rule) });
  const options = { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' } as const;
  return {
    'rules.schema.json': { title: 'presence rule file', ...z.toJSONSchema(file, options) },
    'presence.schema.json': { title: 'presence brand profile (presence.yaml)', ...z.toJSONSchema(BrandProfile, options) },
    'audit.schema.json': {
      title: 'presence audit document, version 2 (presence audit --format json)',
      ...z.toJSONSchema(AuditDocument, { ...options, io: 'output' }),
    },
  };
}
