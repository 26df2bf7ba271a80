import { describe, expect, it } from 'vitest';
import { saleOrderRefQuery } from './upstream/erp-lookup-loaders.ts';
import {
  channelOrderOf,
  channelRefValueOf,
  parseChannelOrderId,
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

describe('channel orders → the sale-order values to search (erpDeliveries)', () => {
  const rules = parseChannelOrderRules(
    `${DEFAULT_CHANNEL_ORDER_REFS};eshop=origin:^WooCommerce \\#(\\d+)$;eshop=name:^(\\d+)-WC$;marketplace=origin:^Allegro (\\S+)`,
  );
  if (!Array.isArray(rules)) throw new Error(rules.error);
  const uuid = '0f8e9a52-1c4b-4d7e-9a3f-2b6c8d1e4f70';

  it('rebuilds the exact value of each rule whose pattern is ^literal(group)literal$', () => {
    expect(channelRefValueOf(rules[0]!, '15228')).toBe('WC-15228');
    expect(channelRefValueOf(rules[1]!, uuid)).toBe(uuid);
    expect(channelRefValueOf(rules[2]!, '15228')).toBe('WooCommerce #15228');
    expect(channelRefValueOf(rules[3]!, '15228')).toBe('15228-WC');
    // no end anchor: cannot be rebuilt; an id the group does not take: none
    expect(channelRefValueOf(rules[4]!, uuid)).toBeUndefined();
    expect(channelRefValueOf(rules[0]!, 'abc')).toBeNull();
  });

  it('groups the values by field (Allegro ids in both cases) and searches the rest by containment', () => {
    expect(saleOrderRefQuery(['eshop:15228', `marketplace:${uuid}`, 'eshop:x', 'woo:1'], rules)).toEqual({
      exact: [
        { field: 'client_order_ref', values: ['WC-15228', uuid, uuid.toUpperCase()] },
        { field: 'origin', values: ['WooCommerce #15228'] },
        { field: 'name', values: ['15228-WC'] },
      ],
      contains: [{ field: 'origin', value: uuid }],
    });
    expect(parseChannelOrderId('eshop:15228')).toEqual({ channel: 'eshop', id: '15228' });
    expect(parseChannelOrderId('eshop:')).toBeNull();
  });
});
