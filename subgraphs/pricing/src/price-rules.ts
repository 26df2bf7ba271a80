/**
 * The price-consistency rules (docs/pricing.md), pure: what a listing's price is against the ERP's gross list price.
 * Money is compared in grosze (integers), never through floats; a percent is computed on the same integers.
 */
import { divideRoundingHalfAway, formatMinorUnits, parseDecimalToMinorUnits, type MoneyModel } from '@omnigraph/shared/models';

export type SalesChannel = 'ESHOP' | 'MARKETPLACE';
export type PriceStatus = 'OK' | 'DRIFT' | 'PROMOTION';

/** The e-shop listing of a SKU as the eshop subgraph answers it. */
export interface EshopListingRead {
  productId: string;
  regularPrice: MoneyModel;
  salePrice: MoneyModel | null;
  onSale: boolean;
  saleStartsAt: string | null;
  saleEndsAt: string | null;
  status: string;
}

/** An Allegro offer as the marketplace subgraph answers it. */
export interface MarketplaceOfferRead {
  offerId: string;
  price: MoneyModel;
  status: string;
}

export interface PromotionModel {
  price: MoneyModel;
  startsAt: string | null;
  endsAt: string | null;
}

export interface ChannelPriceModel {
  channel: SalesChannel;
  listingId: string;
  active: boolean;
  regularPrice: MoneyModel;
  currentPrice: MoneyModel;
  drift: MoneyModel;
  driftPercent: string;
  status: PriceStatus;
  promotion: PromotionModel | null;
  /**
   * Not in the graph: how far what a buyer pays now is from the ERP price, in hundredths of a percent (the report's
   * threshold applies to it for a promotion, whose drift is 0 by definition).
   */
  deviationBasisPoints: number;
}

/** A listing left out of the comparison, and why (logged; see `channels` in schema/pricing.graphql). */
export interface SkippedListing {
  channel: SalesChannel;
  listingId: string;
  reason: 'CURRENCY_MISMATCH';
  currency: string;
}

export interface ComparedListings {
  channels: ChannelPriceModel[];
  skipped: SkippedListing[];
}

/**
 * "129.99" → 12999. An amount with more than two decimals is rounded half away from zero to the grosz (a shop set to
 * more decimals still charges whole grosze); anything that is not a decimal number throws.
 */
export function toMinorUnits(amount: string): number {
  return parseDecimalToMinorUnits(amount.trim());
}

/** 12999 → "129.99", -5 → "-0.05" */
export { formatMinorUnits };

/**
 * `difference` in hundredths of a percent of `reference` (both grosze), rounded half away from zero. A reference of 0
 * (an unpriced ERP product) makes any difference ±100.00 %: a price against nothing is a full drift, not infinity.
 */
export function percentBasisPoints(difference: number, reference: number): number {
  if (reference <= 0) return difference === 0 ? 0 : Math.sign(difference) * 10_000;
  return Number(divideRoundingHalfAway(BigInt(difference * 10_000), BigInt(reference)));
}

/** hundredths of a percent → "-12.35" */
export function formatPercent(basisPoints: number): string {
  return formatMinorUnits(basisPoints);
}

/** Whether `now` (epoch ms) is within the sale's dates; an absent date does not bound it. */
export function saleDatesCover(startsAt: string | null, endsAt: string | null, now: number): boolean {
  if (startsAt !== null && Date.parse(startsAt) > now) return false;
  if (endsAt !== null && Date.parse(endsAt) < now) return false;
  return true;
}

function money(minor: number, currency: string): MoneyModel {
  return { amount: formatMinorUnits(minor), currency };
}

function channelPrice(
  base: { channel: SalesChannel; listingId: string; active: boolean },
  erp: { minor: number; currency: string },
  regularMinor: number,
  sale: { minor: number; startsAt: string | null; endsAt: string | null } | null,
): ChannelPriceModel {
  const drift = regularMinor - erp.minor;
  const status: PriceStatus = drift !== 0 ? 'DRIFT' : sale !== null ? 'PROMOTION' : 'OK';
  const currentMinor = sale?.minor ?? regularMinor;
  return {
    ...base,
    regularPrice: money(regularMinor, erp.currency),
    currentPrice: money(currentMinor, erp.currency),
    drift: money(drift, erp.currency),
    driftPercent: formatPercent(percentBasisPoints(drift, erp.minor)),
    status,
    promotion:
      status === 'PROMOTION' && sale !== null ? { price: money(sale.minor, erp.currency), startsAt: sale.startsAt, endsAt: sale.endsAt } : null,
    deviationBasisPoints: percentBasisPoints(currentMinor - erp.minor, erp.minor),
  };
}

/**
 * Every listing of one SKU against the ERP's gross list price `erpPrice`, at `now` (epoch ms): the e-shop listing
 * (regular price; a sale counts while WooCommerce says on sale and its dates cover now) and each Allegro offer (one
 * price: any difference is a drift). Listings in another currency than the ERP's are skipped, never compared.
 */
export function compareListings(
  erpPrice: MoneyModel,
  eshop: EshopListingRead | null,
  offers: readonly MarketplaceOfferRead[],
  now: number,
): ComparedListings {
  const erp = { minor: toMinorUnits(erpPrice.amount), currency: erpPrice.currency };
  const channels: ChannelPriceModel[] = [];
  const skipped: SkippedListing[] = [];
  if (eshop !== null) {
    const base = { channel: 'ESHOP' as const, listingId: eshop.productId, active: eshop.status === 'PUBLISHED' };
    if (eshop.regularPrice.currency !== erp.currency) {
      skipped.push({ channel: 'ESHOP', listingId: eshop.productId, reason: 'CURRENCY_MISMATCH', currency: eshop.regularPrice.currency });
    } else {
      const regular = toMinorUnits(eshop.regularPrice.amount);
      const saleMinor = eshop.salePrice === null ? null : toMinorUnits(eshop.salePrice.amount);
      const saleActive = saleMinor !== null && eshop.onSale && saleMinor !== regular && saleDatesCover(eshop.saleStartsAt, eshop.saleEndsAt, now);
      channels.push(
        channelPrice(base, erp, regular, saleActive ? { minor: saleMinor, startsAt: eshop.saleStartsAt, endsAt: eshop.saleEndsAt } : null),
      );
    }
  }
  for (const offer of offers) {
    if (offer.price.currency !== erp.currency) {
      skipped.push({ channel: 'MARKETPLACE', listingId: offer.offerId, reason: 'CURRENCY_MISMATCH', currency: offer.price.currency });
      continue;
    }
    channels.push(
      channelPrice(
        { channel: 'MARKETPLACE', listingId: offer.offerId, active: offer.status === 'ACTIVE' },
        erp,
        toMinorUnits(offer.price.amount),
        null,
      ),
    );
  }
  return { channels, skipped };
}

/**
 * The product's status from its live listings: DRIFT when any drifts, else PROMOTION when any is on promotion, else
 * OK. A draft e-shop listing or an ended Allegro offer keeps its own status in `channels` but sells nothing, so it
 * does not make the product drift.
 */
export function productStatus(channels: readonly ChannelPriceModel[]): PriceStatus {
  const live = channels.filter((c) => c.active);
  if (live.some((c) => c.status === 'DRIFT')) return 'DRIFT';
  if (live.some((c) => c.status === 'PROMOTION')) return 'PROMOTION';
  return 'OK';
}

/**
 * A percent threshold ("5", "2.5", "0.125") in hundredths of a percent, rounded up: |p| ≥ t for a p of two decimals
 * exactly when |p| ≥ ceil(t). Null when it is not a non-negative decimal.
 */
export function thresholdBasisPoints(threshold: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,20}))?$/.exec(threshold.trim());
  if (match === null) return null;
  const [, whole, fraction = ''] = match;
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return /[1-9]/.test(fraction.slice(2)) ? hundredths + 1 : hundredths;
}

/** What a report needs of one SKU's comparison. */
export interface ComparedSku {
  sku: string;
  erpPrice: MoneyModel;
  channels: ChannelPriceModel[];
}

export interface PriceDriftEntryModel {
  sku: string;
  erpPrice: MoneyModel;
  price: ChannelPriceModel;
}

export interface DriftReportModel {
  skusChecked: number;
  driftedPerChannel: Array<{ channel: SalesChannel; skus: number }>;
  entries: PriceDriftEntryModel[];
}

/**
 * The report over compared SKUs: every live listing that is not OK and deviates by at least the threshold (a drift by
 * |driftPercent|; a promotion by how far its price is from the ERP's), the largest |driftPercent| first, then the
 * largest deviation, then by SKU, channel and listing id (a stable order for a stable catalogue).
 */
export function buildDriftReport(skus: readonly ComparedSku[], threshold: number, channels: readonly SalesChannel[]): DriftReportModel {
  const asked = new Set(channels);
  const entries: PriceDriftEntryModel[] = [];
  const drifted = new Map<SalesChannel, Set<string>>(channels.map((c) => [c, new Set<string>()]));
  let skusChecked = 0;
  for (const compared of skus) {
    const listed = compared.channels.filter((c) => asked.has(c.channel));
    if (listed.length === 0) continue;
    skusChecked += 1;
    for (const price of listed) {
      if (!price.active || price.status === 'OK') continue;
      const deviation = price.status === 'DRIFT' ? Math.abs(toMinorUnits(price.driftPercent)) : Math.abs(price.deviationBasisPoints);
      if (deviation < threshold) continue;
      entries.push({ sku: compared.sku, erpPrice: compared.erpPrice, price });
      if (price.status === 'DRIFT') drifted.get(price.channel)!.add(compared.sku);
    }
  }
  entries.sort(
    (a, b) =>
      Math.abs(toMinorUnits(b.price.driftPercent)) - Math.abs(toMinorUnits(a.price.driftPercent)) ||
      Math.abs(b.price.deviationBasisPoints) - Math.abs(a.price.deviationBasisPoints) ||
      compareText(a.sku, b.sku) ||
      compareText(a.price.channel, b.price.channel) ||
      compareText(a.price.listingId, b.price.listingId),
  );
  return { skusChecked, driftedPerChannel: channels.map((channel) => ({ channel, skus: drifted.get(channel)!.size })), entries };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
