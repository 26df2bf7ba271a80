import { describe, expect, it } from 'vitest';
import { ConfigError, loadSimulatorConfig } from './simulator-config.ts';

describe('loadSimulatorConfig', () => {
  it('uses the documented defaults and the real API budget', () => {
    const c = loadSimulatorConfig('allegro', {}, { limit: 9000, windowMs: 60_000, blockMs: 60_000 });
    expect(c).toMatchObject({ port: 8072, host: '127.0.0.1', seed: 20_261_123, scale: 1, recordsFile: undefined });
    expect(c.knobs).toEqual({
      latency: { fixedMs: 0, jitterMs: 0 },
      rateLimit: { limit: 9000, windowMs: 60_000, blockMs: 60_000 },
      faults: [],
    });
  });

  it('reads knobs from <PRODUCT>_SIMULATOR_* variables', () => {
    const c = loadSimulatorConfig(
      'hubspot',
      {
        HUBSPOT_SIMULATOR_PORT: '0',
        HUBSPOT_SIMULATOR_LATENCY_MS: '20',
        HUBSPOT_SIMULATOR_LATENCY_JITTER_MS: '5',
        HUBSPOT_SIMULATOR_FAULT_RATE: '0.1',
        HUBSPOT_SIMULATOR_FAULT_KIND: 'rate_limit',
        HUBSPOT_SIMULATOR_RATE_LIMIT: '50',
        SIMULATOR_SCALE: '3',
      },
      { limit: 190, windowMs: 10_000 },
    );
    expect(c.port).toBe(0);
    expect(c.scale).toBe(3);
    expect(c.knobs).toEqual({
      latency: { fixedMs: 20, jitterMs: 5 },
      rateLimit: { limit: 50, windowMs: 10_000 },
      faults: [{ kind: 'rate_limit', status: 503, ratio: 0.1 }],
    });
  });

  it('switches the budget off with RATE_LIMIT=off', () => {
    const c = loadSimulatorConfig('hubspot', { HUBSPOT_SIMULATOR_RATE_LIMIT: 'off' }, { limit: 190, windowMs: 10_000 });
    expect(c.knobs.rateLimit).toBeNull();
  });

  it('reads the PII canary, treats an empty one as unset and refuses one that would not survive e-mails and logins', () => {
    expect(loadSimulatorConfig('odoo', {}, null).piiCanary).toBeUndefined();
    expect(loadSimulatorConfig('odoo', { SIMULATOR_PII_CANARY: '' }, null).piiCanary).toBeUndefined();
    expect(loadSimulatorConfig('odoo', { SIMULATOR_PII_CANARY: 'zq7canary' }, null).piiCanary).toBe('zq7canary');
    for (const bad of ['ZQ7', 'has space', 'zq7-canary', 'x'.repeat(17)]) {
      expect(() => loadSimulatorConfig('odoo', { SIMULATOR_PII_CANARY: bad }, null), bad).toThrow(/SIMULATOR_PII_CANARY/);
    }
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      loadSimulatorConfig('odoo', { ODOO_SIMULATOR_PORT: 'eighty', ODOO_SIMULATOR_FAULT_RATE: '2', SIMULATOR_SCALE: '-1' }, null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join('\n');
    expect(issues).toMatch(/ODOO_SIMULATOR_PORT/);
    expect(issues).toMatch(/ODOO_SIMULATOR_FAULT_RATE/);
    expect(issues).toMatch(/SIMULATOR_SCALE/);
  });
});
