/**
 * One place that knows the parcel carriers Polish shops ship with: how a source's carrier id or free-text name is
 * recognised (Allegro carrier ids, WooCommerce tracking providers, Odoo delivery.carrier names) and where the
 * carrier's public tracking page is. A carrier not recognised is OTHER and keeps the name the source wrote.
 */
import type { CarrierModel } from './order-model.ts';

/** Matched against a folded (lower-case, letters and digits only) id or name; the first pattern that matches wins. */
const PATTERNS: readonly (readonly [RegExp, CarrierModel])[] = [
  [/inpost|paczkomat/, 'INPOST'],
  [/pocztapolska|pocztex|envelo|^pp$|poczta/, 'POCZTA_POLSKA'],
  [/orlen|ruch/, 'ORLEN_PACZKA'],
  [/allegroone|onekurier|onebox|allegrokurier|^allegro$/, 'ALLEGRO_ONE'],
  [/dpd/, 'DPD'],
  [/dhl/, 'DHL'],
  [/gls/, 'GLS'],
  [/ups/, 'UPS'],
  [/fedex/, 'FEDEX'],
];

export function recogniseCarrier(idOrName: string | null | undefined): CarrierModel {
  if (!idOrName) return 'OTHER';
  const folded = idOrName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  for (const [pattern, carrier] of PATTERNS) if (pattern.test(folded)) return carrier;
  return 'OTHER';
}

const TRACKING_PAGES: Partial<Record<CarrierModel, (n: string) => string>> = {
  INPOST: (n) => `https://inpost.pl/sledzenie-przesylek?number=${n}`,
  POCZTA_POLSKA: (n) => `https://emonitoring.poczta-polska.pl/?numer=${n}`,
  DPD: (n) => `https://tracktrace.dpd.com.pl/parcelDetails?typ=1&p1=${n}`,
  DHL: (n) => `https://www.dhl.com/pl-pl/home/sledzenie-przesylek.html?tracking-id=${n}`,
  GLS: (n) => `https://gls-group.com/PL/pl/sledzenie-paczek?match=${n}`,
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  FEDEX: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  ORLEN_PACZKA: (n) => `https://www.orlenpaczka.pl/sledz-paczke/?numer=${n}`,
};

/**
 * The carrier's public tracking page for the number; null for carriers without a known page (OTHER, ALLEGRO_ONE,
 * whose parcels are tracked inside Allegro) and when the source gives its own link (`sourceLink` wins when it is an
 * https URL).
 */
export function trackingUrl(carrier: CarrierModel, trackingNumber: string | null, sourceLink?: string | null): string | null {
  if (sourceLink && /^https:\/\/[^\s]+$/i.test(sourceLink)) return sourceLink;
  if (!trackingNumber) return null;
  const page = TRACKING_PAGES[carrier];
  return page ? page(encodeURIComponent(trackingNumber.trim())) : null;
}
