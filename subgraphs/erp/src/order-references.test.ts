import { describe, expect, it } from 'vitest';
import {
  channelOrderOf,
  classifyReference,
  DEFAULT_CHANNEL_ORDER_REFS,
  DEFAULT_SALE_ORDER_NAME_PATTERN,
  parseChannelOrderRules,
} from './order-references.ts';

const NAME = new RegExp(DEFAULT_SALE_ORDER_NAME_PATTERN);
const RULES = parseChannelOrderRules(DEFAULT_CHANNEL_ORDER_REFS);
if (!Array.isArray(RULES)) throw new Error(RULES.error);
const UUID = '2f0f8c94-d572-11f1-840d-bba79b21e97e';

describe('classifyReference', () => {
  it('recognises sale-order names in any case and parcel numbers of the Polish carriers', () => {
    expect(classifyReference(' s00042 ', NAME)).toEqual({ saleOrderName: 'S00042', trackingRef: null });
    expect(classifyReference('S123456', NAME)).toEqual({ saleOrderName: 'S123456', trackingRef: null });
    expect(classifyReference('602677017812345678901234', NAME)).toEqual({ saleOrderName: null, trackingRef: '602677017812345678901234' });
    expect(classifyReference('1000 51234 5678U', NAME)?.trackingRef).toBe('1000512345678U');
    expect(classifyReference('00659007734210841438', NAME)?.trackingRef).toBe('00659007734210841438');
    expect(classifyReference('rr123456785pl', NAME)?.trackingRef).toBe('RR123456785PL');
    expect(classifyReference('99999999', NAME)?.trackingRef).toBe('99999999');
  });

  it('leaves e-shop numbers, Allegro ids, words and oversized input alone', () => {
    for (const reference of [
      '0',
      '15228',
      '#15228',
      'S0042',
      'WC-15228',
      UUID,
      'ABCDEFGHIJ1',
      'hello',
      '',
      `${'1'.repeat(41)}`,
      'x'.repeat(1_000_000),
      '1234-5678-9012',
    ]) {
      expect(classifyReference(reference, NAME)).toBeNull();
    }
  });

  it('follows a configured name pattern', () => {
    expect(classifyReference('SO/2026/00042', /^SO\/\d{4}\/\d{5}$/)).toEqual({ saleOrderName: 'SO/2026/00042', trackingRef: null });
  });
});

describe('channelOrderOf', () => {
  it('reads the default convention: WC-<id> and the checkout-form UUID in client_order_ref', () => {
    expect(channelOrderOf({ name: 'S1', client_order_ref: 'WC-15228', origin: null }, RULES)).toEqual({ typename: 'EshopOrder', id: 'eshop:15228' });
    expect(channelOrderOf({ name: 'S1', client_order_ref: UUID.toUpperCase(), origin: 'Allegro x' }, RULES)).toEqual({
      typename: 'MarketplaceOrder',
      id: `marketplace:${UUID}`,
    });
  });

  it('gives no channel order for an order typed in the ERP', () => {
    expect(channelOrderOf({ name: 'S1', client_order_ref: 'ZAM/2026/0042', origin: null }, RULES)).toBeNull();
    expect(channelOrderOf({ name: 'S1', client_order_ref: null, origin: null }, RULES)).toBeNull();
  });

  it('follows another connector convention, e.g. the OCA WooCommerce connector writing the Woo number into name', () => {
    const rules = parseChannelOrderRules('eshop=name:^WOO-(\\d+)$;marketplace=origin:^Allegro ([0-9a-f-]{36})$');
    if (!Array.isArray(rules)) throw new Error(rules.error);
    expect(channelOrderOf({ name: 'WOO-77', client_order_ref: null, origin: null }, rules)?.id).toBe('eshop:77');
    expect(channelOrderOf({ name: 'S2', client_order_ref: null, origin: `Allegro ${UUID}` }, rules)?.id).toBe(`marketplace:${UUID}`);
  });

  it('refuses malformed conventions with a reason', () => {
    expect(parseChannelOrderRules('')).toEqual({ error: 'no rule given' });
    expect(parseChannelOrderRules('shop=client_order_ref:^(\\d+)$')).toHaveProperty('error');
    expect(parseChannelOrderRules('eshop=partner_id:^(\\d+)$')).toHaveProperty('error');
    expect(parseChannelOrderRules('eshop=client_order_ref:^\\d+$')).toEqual({ error: '"^\\d+$" must have exactly one capture group' });
    expect(parseChannelOrderRules('eshop=client_order_ref:^(\\d+$')).toHaveProperty('error');
  });
});
