import { describe, expect, it } from 'vitest';
import { endpointTemplate } from './endpoint-template.ts';
import { scrubPersonalData, scrubValue } from './scrub-personal-data.ts';

describe('scrubPersonalData', () => {
  it.each([
    ['jan.kowalski@example.pl', '[email]'],
    ['Anna <anna.kowalska.zq7canary@example.pl> wrote', 'Anna <[email]> wrote'],
    ['/crm/v3/objects/contacts/anna.kowalska%40example.pl', '/crm/v3/objects/contacts/[email]'],
    ['ZAŻÓŁĆ.Gęślą@Przykład.PL', '[email]'],
  ])('e-mail %s', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ['+48 601 234 567', '[phone]'],
    ['+48601234567', '[phone]'],
    ['0048 512 345 678', '[phone]'],
    ['600-100-200', '[phone]'],
    ['601234567', '[phone]'],
    ['(22) 123 45 67', '[phone]'],
    ['+48 22 123 45 67', '[phone]'],
    ['tel. 22-123-45-67.', 'tel. [phone].'],
    ['+49 30 12345678', '[phone]'],
  ])('phone %s', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('keeps what is not personal: ids, UUIDs, trace ids, timestamps, amounts, ports', () => {
    const kept = [
      'order 1234',
      'checkout form 29d4b3c0-5a1e-11ef-8c8a-0242ac120002',
      'trace 4bf92f3577b34da6a3ce929d0e0e4736',
      '2026-12-06T05:56:00.000Z',
      'total 1234.56 PLN',
      'http://127.0.0.1:41234/graphql',
      'sku ABC-123456789X',
      'durationMs 12.5',
    ];
    for (const text of kept) expect(scrubPersonalData(text)).toBe(text);
  });

  it('scrubs every string of a plain object, keys included, and leaves other objects to their serializers', () => {
    const error = new Error('kept as is');
    const scrubbed = scrubValue({ a: 'jan@example.com', b: [{ c: '601 234 567' }], 'ewa@example.pl': 1, err: error, n: 601234567 });
    expect(scrubbed).toEqual({ a: '[email]', b: [{ c: '[phone]' }], '[email]': 1, err: error, n: 601234567 });
  });
});

describe('endpointTemplate', () => {
  it.each([
    ['/crm/v3/objects/contacts/anna.kowalska%40example.pl?idProperty=email', '/crm/v3/objects/contacts/{id}'],
    ['/crm/v3/objects/contacts/batch/read', '/crm/v3/objects/contacts/batch/read'],
    ['/json/2/res.partner/search_read', '/json/2/res.partner/search_read'],
    ['/wp-json/wc/v3/orders/4711', '/wp-json/wc/v3/orders/{id}'],
    ['/order/checkout-forms/29d4b3c0-5a1e-11ef-8c8a-0242ac120002', '/order/checkout-forms/{id}'],
    ['/sale/offers?external.id=SKU-1&limit=1000', '/sale/offers'],
    ['https://api.example.com/account-journal/v1/files/abc123?token=x', '/account-journal/v1/files/{id}'],
    [undefined, '/'],
  ])('%s → %s', (input, expected) => {
    expect(endpointTemplate(input)).toBe(expected);
  });
});
