import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv, type ConfigError } from '../config/index.ts';
import { DEVELOPMENT_SUBGRAPH_SECRET, subgraphSecretCheck, subgraphSecretEnvShape } from './index.ts';

const Schema = z.object({ SOME_URL: z.url(), ...subgraphSecretEnvShape }).check(subgraphSecretCheck);
const REAL_SECRET = 'r'.repeat(32);

function issuesOf(env: Record<string, string>): Array<[string, string]> {
  try {
    parseEnv('test', Schema, env);
  } catch (error) {
    return (error as ConfigError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error('expected a ConfigError');
}

describe('OMNIGRAPH_SUBGRAPH_SECRET', () => {
  it('defaults to the development secret outside production, empty counting as unset', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test', OMNIGRAPH_SUBGRAPH_SECRET: '' }]) {
      expect(parseEnv('test', Schema, { SOME_URL: 'http://x.invalid', ...env }).OMNIGRAPH_SUBGRAPH_SECRET).toBe(DEVELOPMENT_SUBGRAPH_SECRET);
    }
  });

  it('takes a set secret of at least 32 characters, in production too', () => {
    const config = parseEnv('test', Schema, { SOME_URL: 'http://x.invalid', NODE_ENV: 'production', OMNIGRAPH_SUBGRAPH_SECRET: REAL_SECRET });
    expect(config.OMNIGRAPH_SUBGRAPH_SECRET).toBe(REAL_SECRET);
  });

  it('refuses a short secret in every environment', () => {
    expect(issuesOf({ SOME_URL: 'http://x.invalid', OMNIGRAPH_SUBGRAPH_SECRET: 'r'.repeat(31) })).toEqual([
      ['OMNIGRAPH_SUBGRAPH_SECRET', 'must be at least 32 characters'],
    ]);
  });

  it('requires a secret other than the published one in production, reported with the other problems', () => {
    for (const secret of [undefined, '', DEVELOPMENT_SUBGRAPH_SECRET]) {
      const env = { NODE_ENV: 'production', ...(secret === undefined ? {} : { OMNIGRAPH_SUBGRAPH_SECRET: secret }) };
      const issues = issuesOf(env);
      expect(issues.map(([path]) => path)).toEqual(['SOME_URL', 'OMNIGRAPH_SUBGRAPH_SECRET']);
      expect(issues[1]![1]).toMatch(/required in production/);
      expect(JSON.stringify(issues)).not.toContain(DEVELOPMENT_SUBGRAPH_SECRET);
    }
  });
});
