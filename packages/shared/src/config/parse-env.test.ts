import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from './parse-env.ts';

const ErpConfigSchema = z.object({
  PORT: z.coerce.number().int().default(4001),
  ERP_PROVIDER: z.enum(['odoo']),
  ERP_BASE_URL: z.url(),
  ERP_API_KEY: z.string().min(32),
  ERP_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseEnv', () => {
  it('returns the typed config with defaults applied', () => {
    const config = parseEnv('erp', ErpConfigSchema, {
      ERP_PROVIDER: 'odoo',
      ERP_BASE_URL: 'http://127.0.0.1:8069',
      ERP_API_KEY: 'k'.repeat(32),
      UNRELATED: 'ignored',
    });
    expect(config).toEqual({
      PORT: 4001,
      ERP_PROVIDER: 'odoo',
      ERP_BASE_URL: 'http://127.0.0.1:8069',
      ERP_API_KEY: 'k'.repeat(32),
      ERP_TIMEOUT_MS: 5_000,
    });
  });

  it('throws a ConfigError listing every issue with its path, without echoing values', () => {
    const error = thrown(() =>
      parseEnv('erp', ErpConfigSchema, { PORT: 'eighty', ERP_PROVIDER: 'sap', ERP_API_KEY: 'short-secret-value', ERP_TIMEOUT_MS: '-1' }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.service).toBe('erp');
    expect(configError.issues.map((i) => i.path)).toEqual(['PORT', 'ERP_PROVIDER', 'ERP_BASE_URL', 'ERP_API_KEY', 'ERP_TIMEOUT_MS']);
    expect(configError.issues.every((i) => i.message.length > 0)).toBe(true);
    expect(configError.message).toMatch(/^Invalid configuration for erp:\n {2}- PORT: /);
    expect(configError.message).not.toContain('short-secret-value');
  });

  it('names nested paths with dots and a whole-object failure as (root)', () => {
    const nested = z.object({ limits: z.object({ max: z.number() }) });
    const nestedError = thrown(() => parseEnv('gateway', nested, { limits: {} } as never)) as ConfigError;
    expect(nestedError.issues.map((i) => i.path)).toEqual(['limits.max']);
    const rootError = thrown(() => parseEnv('gateway', z.string(), {})) as ConfigError;
    expect(rootError.issues.map((i) => i.path)).toEqual(['(root)']);
  });
});
