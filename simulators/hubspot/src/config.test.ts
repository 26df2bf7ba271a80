import { ConfigError } from '@omnigraph/simulator-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, loadHubSpotSimulatorConfig } from './config.ts';

describe('loadHubSpotSimulatorConfig', () => {
  it("defaults to HubSpot's real budgets, port 8071 and the fixed private-app token", () => {
    const c = loadHubSpotSimulatorConfig({});
    expect(c.port).toBe(8071);
    expect(c.knobs.rateLimit).toEqual({ limit: 190, windowMs: 10_000 });
    expect(c.searchRateLimit).toEqual({ limit: 5, windowMs: 1_000 });
    expect(c.dailyLimit).toBe(650_000);
    expect(c.credentials).toEqual(DEFAULT_CREDENTIALS);
    expect(c.credentials.token).toMatch(/^pat-eu1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(c.webhooks).toEqual({ targetUrl: null, subscriptions: ['contact.creation', 'contact.propertyChange', 'contact.deletion'] });
  });

  it('reads overrides, including "off" for both budgets', () => {
    const c = loadHubSpotSimulatorConfig({
      HUBSPOT_SIMULATOR_TOKEN: 'pat-na1-custom-token',
      HUBSPOT_SIMULATOR_RATE_LIMIT: 'off',
      HUBSPOT_SIMULATOR_SEARCH_RATE_LIMIT: 'off',
      HUBSPOT_SIMULATOR_WEBHOOK_URL: 'http://127.0.0.1:9999/hooks',
      HUBSPOT_SIMULATOR_APP_SECRET: 's3cret',
      HUBSPOT_SIMULATOR_WEBHOOK_SUBSCRIPTIONS: 'contact.creation, contact.propertyChange:loyalty_points',
    });
    expect(c.credentials.token).toBe('pat-na1-custom-token');
    expect(c.credentials.appSecret).toBe('s3cret');
    expect(c.knobs.rateLimit).toBeNull();
    expect(c.searchRateLimit).toBeNull();
    expect(c.webhooks).toEqual({
      targetUrl: 'http://127.0.0.1:9999/hooks',
      subscriptions: ['contact.creation', 'contact.propertyChange:loyalty_points'],
    });
  });

  it('reports every problem at once, core knobs and HubSpot settings together', () => {
    try {
      loadHubSpotSimulatorConfig({
        HUBSPOT_SIMULATOR_PORT: 'abc',
        HUBSPOT_SIMULATOR_SEARCH_RATE_LIMIT: '-1',
        HUBSPOT_SIMULATOR_WEBHOOK_SUBSCRIPTIONS: 'deal.creation',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues.join('\n');
      expect(issues).toMatch(/HUBSPOT_SIMULATOR_PORT/);
      expect(issues).toMatch(/HUBSPOT_SIMULATOR_SEARCH_RATE_LIMIT/);
      expect(issues).toMatch(/HUBSPOT_SIMULATOR_WEBHOOK_SUBSCRIPTIONS/);
    }
  });
});
