import { describe, expect, it, vi } from 'vitest';
import { createMemoryCache } from '@omnigraph/shared/cache';
import type { MarketplaceBuyerModel, MarketplaceClient, MarketplaceOrderModel } from '../upstream/marketplace-client.ts';
import { createBuyerDirectory, createBuyerDirectoryRefresher, MAX_BUYERS_PER_PHONE, refreshBuyerDirectory } from './buyer-directory.ts';

function form(number: string, placedAt: string, buyer: Partial<MarketplaceBuyerModel>): MarketplaceOrderModel {
  const money = { amount: '1.00', currency: 'PLN' };
  const login = buyer.login ?? 'marek_lew77';
  return {
    id: `marketplace:${number}`,
    channel: 'MARKETPLACE',
    number,
    placedAt,
    status: 'PROCESSING',
    channelStatus: 'READY_FOR_PROCESSING/NEW',
    totals: { total: money, shipping: money, discount: money, tax: null, fees: money },
    lines: [],
    couponCodes: [],
    delivery: { method: 'COURIER', name: 'Kurier', cost: money, parcelLocker: null, store: null, address: null },
    paymentStatus: 'PAID',
    buyerLogin: login,
    buyer: { id: '1', login, firstName: null, lastName: null, phone: null, postalCode: null, companyName: null, nip: null, guest: false, ...buyer },
    paymentId: null,
    completedAt: null,
    invoice: null,
    formEvents: [],
  };
}

describe('createBuyerDirectory', () => {
  it('finds a buyer by the national number of any spelling, merged over their forms, since the first', async () => {
    const directory = createBuyerDirectory({ cache: createMemoryCache(), ttlSeconds: 60 });
    await directory.record([
      form('b', '2026-03-01T00:00:00.000Z', { phone: '+48789012345', firstName: 'Marek', postalCode: null }),
      form('a', '2026-01-01T00:00:00.000Z', { phone: '789 012 345', postalCode: '51-112', lastName: 'Lewandowski' }),
    ]);
    expect(await directory.findByPhone('789012345')).toEqual([
      {
        id: '1',
        login: 'marek_lew77',
        firstName: 'Marek',
        lastName: 'Lewandowski',
        phone: '789012345',
        postalCode: '51-112',
        companyName: null,
        nip: null,
        since: '2026-01-01T00:00:00.000Z',
        lastSeen: '2026-03-01T00:00:00.000Z',
      },
    ]);
    expect(await directory.findByPhone('600100200')).toEqual([]);
  });

  it('skips guests, forms without a Polish phone, keeps the newest buyers of one phone, and stores nothing at TTL 0', async () => {
    const cache = createMemoryCache();
    const directory = createBuyerDirectory({ cache, ttlSeconds: 60 });
    await directory.record([
      form('g', '2026-01-01T00:00:00.000Z', { login: 'Client:1', guest: true, phone: '600100200' }),
      form('x', '2026-01-01T00:00:00.000Z', { phone: '+44 20 7946 0958' }),
    ]);
    expect(await directory.findByPhone('600100200')).toEqual([]);
    const many = Array.from({ length: MAX_BUYERS_PER_PHONE + 2 }, (_, i) =>
      form(`f${i}`, `2026-01-${String(i + 10)}T00:00:00.000Z`, { login: `b${i}`, phone: '500500500' }),
    );
    await directory.record(many);
    expect((await directory.findByPhone('500500500')).map((b) => b.login)).toEqual(['b6', 'b5', 'b4', 'b3', 'b2']);

    const off = createBuyerDirectory({ cache, ttlSeconds: 0 });
    await off.record([form('z', '2026-01-01T00:00:00.000Z', { login: 'z', phone: '511511511' })]);
    expect(await directory.findByPhone('511511511')).toEqual([]);
  });
});

describe('refreshBuyerDirectory', () => {
  it('reads at most the given pages, newest first, and stops at the last one', async () => {
    const listRecentOrders = vi.fn<MarketplaceClient['listRecentOrders']>(async ({ offset }) => ({
      orders:
        offset === 0
          ? Array.from({ length: 100 }, (_, i) => form(`p${i}`, '2026-01-01T00:00:00.000Z', { login: `l${i}`, phone: '600100200' }))
          : [form('last', '2026-01-01T00:00:00.000Z', { phone: '789012345' })],
      totalCount: 101,
    }));
    const directory = createBuyerDirectory({ cache: createMemoryCache(), ttlSeconds: 60 });
    expect(await refreshBuyerDirectory({ client: { listRecentOrders }, directory, pages: 10 })).toBe(101);
    expect(listRecentOrders.mock.calls.map(([args]) => args)).toEqual([
      { offset: 0, limit: 100 },
      { offset: 100, limit: 100 },
    ]);
    expect(await directory.findByPhone('789012345')).toHaveLength(1);
  });

  it('folds a burst of order events into at most two refreshes', async () => {
    let release: () => void = () => undefined;
    const listRecentOrders = vi.fn<MarketplaceClient['listRecentOrders']>(
      () => new Promise((resolve) => (release = () => resolve({ orders: [], totalCount: 0 }))),
    );
    const refresher = createBuyerDirectoryRefresher({
      client: { listRecentOrders },
      directory: createBuyerDirectory({ cache: createMemoryCache(), ttlSeconds: 60 }),
    });
    for (let i = 0; i < 10; i += 1) refresher.onOrderEvent();
    release();
    await vi.waitFor(() => expect(listRecentOrders).toHaveBeenCalledTimes(2));
    release();
    await refresher.idle();
    expect(listRecentOrders).toHaveBeenCalledTimes(2);
  });
});

describe('the start-up backfill', () => {
  function pausedList() {
    let release: () => void = () => undefined;
    const listRecentOrders = vi.fn<MarketplaceClient['listRecentOrders']>(
      () =>
        new Promise(
          (resolve) => (release = () => resolve({ orders: [form('m', '2026-01-01T00:00:00.000Z', { phone: '789012345' })], totalCount: 1 })),
        ),
    );
    return { listRecentOrders, release: () => release() };
  }

  it('does not hold the caller, and a phone lookup during it waits for the buyers it brings', async () => {
    const { listRecentOrders, release } = pausedList();
    const directory = createBuyerDirectory({ cache: createMemoryCache(), ttlSeconds: 60 });
    const refresher = createBuyerDirectoryRefresher({ client: { listRecentOrders }, directory });
    void refresher.backfill(10, 5_000);
    await vi.waitFor(() => expect(listRecentOrders).toHaveBeenCalledTimes(1));
    const lookup = directory.findByPhone('789012345');
    release();
    expect(await lookup).toHaveLength(1);
  });

  it('keeps a lookup waiting at most the given time when the fill hangs', async () => {
    const { listRecentOrders } = pausedList();
    const directory = createBuyerDirectory({ cache: createMemoryCache(), ttlSeconds: 60 });
    void createBuyerDirectoryRefresher({ client: { listRecentOrders }, directory }).backfill(10, 50);
    const started = Date.now();
    expect(await directory.findByPhone('789012345')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
