/**
 * One SKU's price consistency and the catalogue-wide drift report, over the channel reads. The report is computed for
 * every channel at once and kept briefly (PRICING_REPORT_TTL_SECONDS) in this process, shared by every caller with
 * `pricing:read` (the data is the same for all of them): a dashboard refreshing every few seconds reads the catalogue
 * once per TTL, and concurrent refreshes share one computation.
 */
import type { Cache, SingleFlight } from '@omnigraph/shared/cache';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createLogger, oncePerKey } from '@omnigraph/shared/logging';
import type { MoneyModel } from '@omnigraph/shared/models';
import { createChannelReads, listActiveSkus, SKUS_PER_SUBGRAPH_CALL, type ChannelReads, type PricingSubgraphClient } from './channel-reads.ts';
import {
  buildDriftReport,
  compareListings,
  productStatus,
  type ChannelPriceModel,
  type ComparedSku,
  type PriceDriftEntryModel,
  type PriceStatus,
  type SalesChannel,
  type SkippedListing,
} from './price-rules.ts';

export const SALES_CHANNELS: readonly SalesChannel[] = ['ESHOP', 'MARKETPLACE'];

export interface PriceConsistencyModel {
  sku: string;
  erpPrice: MoneyModel;
  status: PriceStatus;
  channels: ChannelPriceModel[];
  unavailableChannels: SalesChannel[];
  checkedAt: string;
}

export interface PriceDriftReportModel {
  threshold: string;
  skusChecked: number;
  driftedPerChannel: Array<{ channel: SalesChannel; skus: number }>;
  entries: PriceDriftEntryModel[];
  unavailableChannels: SalesChannel[];
  checkedAt: string;
}

/** The catalogue compared, as cached: threshold and channel are applied per request. */
interface CataloguePrices {
  skus: ComparedSku[];
  unavailableChannels: SalesChannel[];
  checkedAt: string;
}

const REPORT_KEY = 'pricing:catalogue:v1';

const logSkipped = oncePerKey((key) => {
  const [channel, listingId, currency] = key.split('|');
  createLogger({ name: 'pricing' }).warn(
    { channel, listingId, currency },
    'listing priced in another currency than the ERP: left out of the comparison',
  );
});

function reportSkipped(skipped: readonly SkippedListing[]): void {
  for (const s of skipped) logSkipped(`${s.channel}|${s.listingId}|${s.currency}`);
}

export interface PricingServiceOptions {
  client: PricingSubgraphClient;
  /** one per process: the report's short-lived copy */
  cache: Cache;
  singleFlight: SingleFlight;
  /** PRICING_REPORT_TTL_SECONDS (0: every report reads the catalogue) */
  reportTtlSeconds: number;
  now?: () => number;
}

export interface PricingService {
  /** a request's channel loaders (one per request: the DataLoader memo must not outlive it) */
  readsFor(identity: RequestIdentity): ChannelReads;
  /** null when the ERP has no such SKU; rejects when the ERP could not be asked */
  priceConsistency(sku: string, reads: ChannelReads): Promise<PriceConsistencyModel | null>;
  driftReport(
    threshold: { text: string; basisPoints: number },
    channel: SalesChannel | null,
    identity: RequestIdentity,
  ): Promise<PriceDriftReportModel>;
}

type Settled<T> = { ok: true; value: T } | { ok: false };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch {
    return { ok: false };
  }
}

export function createPricingService(options: PricingServiceOptions): PricingService {
  const now = options.now ?? Date.now;

  function compare(
    sku: string,
    erpPrice: MoneyModel,
    eshop: Settled<unknown>,
    offers: Settled<unknown>,
  ): ComparedSku & { unavailable: SalesChannel[] } {
    const compared = compareListings(
      erpPrice,
      eshop.ok ? (eshop.value as Parameters<typeof compareListings>[1]) : null,
      offers.ok ? (offers.value as Parameters<typeof compareListings>[2]) : [],
      now(),
    );
    reportSkipped(compared.skipped);
    const unavailable: SalesChannel[] = [...(eshop.ok ? [] : ['ESHOP' as const]), ...(offers.ok ? [] : ['MARKETPLACE' as const])];
    return { sku, erpPrice, channels: compared.channels, unavailable };
  }

  /** Every active SKU compared, in chunks: per chunk one call per subgraph, the three in parallel. */
  async function readCatalogue(identity: RequestIdentity): Promise<CataloguePrices> {
    const skus = await listActiveSkus(options.client, identity);
    const compared: ComparedSku[] = [];
    const unavailable = new Set<SalesChannel>();
    for (let start = 0; start < skus.length; start += SKUS_PER_SUBGRAPH_CALL) {
      // fresh loaders per chunk: the memo of a whole catalogue would only hold memory
      const reads = createChannelReads(options.client, identity);
      const chunk = skus.slice(start, start + SKUS_PER_SUBGRAPH_CALL);
      const [erp, eshop, offers] = await Promise.all([
        reads.erpPrice.loadMany(chunk),
        reads.eshopListing.loadMany(chunk),
        reads.marketplaceOffers.loadMany(chunk),
      ]);
      chunk.forEach((sku, i) => {
        const price = erp[i];
        // the report needs its reference: an ERP failure fails the report (the client sees the error)
        if (price instanceof Error) throw price;
        if (price === null || price === undefined) return;
        const e = eshop[i];
        const o = offers[i];
        const one = compare(
          sku,
          price.gross,
          e instanceof Error ? { ok: false } : { ok: true, value: e },
          o instanceof Error ? { ok: false } : { ok: true, value: o },
        );
        for (const channel of one.unavailable) unavailable.add(channel);
        compared.push({ sku: one.sku, erpPrice: one.erpPrice, channels: one.channels });
      });
    }
    return { skus: compared, unavailableChannels: SALES_CHANNELS.filter((c) => unavailable.has(c)), checkedAt: new Date(now()).toISOString() };
  }

  async function cataloguePrices(identity: RequestIdentity): Promise<CataloguePrices> {
    const cached = await options.cache.get<CataloguePrices>(REPORT_KEY);
    if (cached !== undefined) return cached;
    const flying = options.singleFlight.joinable(REPORT_KEY);
    if (flying !== undefined) return (await flying) as CataloguePrices;
    const reading = readCatalogue(identity);
    const withdraw = options.singleFlight.publish(REPORT_KEY, reading);
    try {
      const prices = await reading;
      // a report missing a channel is not kept: the next refresh asks the channel again
      if (prices.unavailableChannels.length === 0) await options.cache.set(REPORT_KEY, prices, options.reportTtlSeconds);
      return prices;
    } finally {
      withdraw();
    }
  }

  return {
    readsFor: (identity) => createChannelReads(options.client, identity),

    async priceConsistency(sku, reads) {
      const erp = await reads.erpPrice.load(sku);
      if (erp === null) return null;
      const [eshop, offers] = await Promise.all([settle(reads.eshopListing.load(sku)), settle(reads.marketplaceOffers.load(sku))]);
      const compared = compare(sku, erp.gross, eshop, offers);
      return {
        sku,
        erpPrice: erp.gross,
        status: productStatus(compared.channels),
        channels: compared.channels,
        unavailableChannels: compared.unavailable,
        checkedAt: new Date(now()).toISOString(),
      };
    },

    async driftReport(threshold, channel, identity) {
      const prices = await cataloguePrices(identity);
      const channels = channel === null ? SALES_CHANNELS : [channel];
      const report = buildDriftReport(prices.skus, threshold.basisPoints, channels);
      return {
        threshold: threshold.text,
        ...report,
        unavailableChannels: prices.unavailableChannels.filter((c) => channels.includes(c)),
        checkedAt: prices.checkedAt,
      };
    },
  };
}
