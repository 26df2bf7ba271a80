/**
 * The pricing report does not depend on how the shop enters its prices: with the WooCommerce simulator's shop set to
 * prices excluding tax (products answer 4-decimal net prices, `woocommerce_prices_include_tax` = `no`), the eshop
 * subgraph reads the tax settings and rates once and lists gross prices, so `priceDrift` reports the same figures as
 * the shop entering prices with tax (e2e/price-consistency.test.ts: 13 SKUs drifting in the e-shop, 30 promotions,
 * 11 on Allegro). Without the conversion every taxed e-shop listing would drift by about −19 % or −7 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

let stack: E2eStack;

beforeAll(async () => {
  stack = await startE2eStack({ scale: 1 });
  // before the eshop subgraph reads anything: its settings are read once per process
  stack.simulators.woocommerce.woo.store.taxSettings = { ...stack.simulators.woocommerce.woo.store.taxSettings, pricesIncludeTax: false };
});
afterAll(async () => {
  await stack?.close();
});

const REPORT = /* GraphQL */ `
  query {
    priceDrift(threshold: "0") {
      skusChecked
      driftedPerChannel {
        channel
        skus
      }
      unavailableChannels
      entries {
        sku
        price {
          channel
          status
          regularPrice {
            amount
          }
        }
      }
    }
  }
`;

describe('priceDrift of a shop entering prices excluding tax', () => {
  it('reports the same drifts and promotions as with prices including tax, reading the tax settings once', async () => {
    const simulator = stack.simulators.woocommerce;
    stack.resetCounters();
    const res = await stack.query(REPORT);
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data.priceDrift;
    const eshop = report.entries.filter((e: any) => e.price.channel === 'ESHOP');
    const promotions = new Set(eshop.filter((e: any) => e.price.status === 'PROMOTION').map((e: any) => e.sku)).size;
    expect(report.unavailableChannels).toEqual([]);
    expect(report.driftedPerChannel).toEqual([
      { channel: 'ESHOP', skus: 13 },
      { channel: 'MARKETPLACE', skus: 11 },
    ]);
    expect(promotions).toBe(30);
    expect(report.skusChecked).toBe(422);
    const endpoints = simulator.control.counters().endpoints;
    expect(endpoints['GET /wp-json/wc/v3/settings/:group']).toBe(1);
    // the rates are read only when the shop says its prices are net
    expect(endpoints['GET /wp-json/wc/v3/taxes']).toBe(1);
    // the rest as with prices including tax: ⌈SKUs / 100⌉ listing reads
    expect(stack.upstreamCalls().woocommerce).toBe(7);
  });
});
