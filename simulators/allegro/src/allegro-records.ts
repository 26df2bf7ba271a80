import { z } from 'zod';
import { RecordsError } from '@omnigraph/simulator-core';
import { CHECKOUT_FORM_STATUSES, FULFILLMENT_STATUSES, LINE_ITEMS_SENT, type CheckoutForm, type SaleOffer } from './allegro-types.ts';
import { TIME_UUID } from './allegro-http.ts';
import { MARKETPLACE_ID } from './allegro-mappers.ts';

/**
 * Validation of `POST /__simulator/records` payloads: `{ "checkoutForms": [...], "offers": [...] }` in Allegro's
 * own JSON (a checkout form as `GET /order/checkout-forms/{id}` returns it, an offer as `GET /sale/offers` lists it).
 * Only what the simulator indexes or filters on is required; every other field is kept as given and missing
 * optional ones are filled with the nulls/empty lists the API would show.
 */

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const money = z.looseObject({
  amount: z.string().regex(/^-?\d+(\.\d{1,2})?$/, 'must be a decimal string such as "179.99"'),
  currency: z.string().length(3, 'must be a 3-letter currency code'),
});

const checkoutFormSchema = z.looseObject({
  id: z.string().regex(TIME_UUID, 'must be a time-based (version 1) UUID, as Allegro checkout-form ids are'),
  buyer: z.looseObject({
    id: z.string().min(1, 'must not be empty'),
    login: z.string().min(1, 'must not be empty'),
    email: z.string().includes('@', { message: 'must be an email address' }),
    guest: z.boolean().default(false),
  }),
  status: z.enum(CHECKOUT_FORM_STATUSES),
  fulfillment: z
    .looseObject({
      status: z.enum(FULFILLMENT_STATUSES),
      shipmentSummary: z.looseObject({ lineItemsSent: z.enum(LINE_ITEMS_SENT) }).default({ lineItemsSent: 'NONE' }),
      provider: z.looseObject({ id: z.string() }).default({ id: 'SELLER' }),
    })
    .optional(),
  payment: z
    .looseObject({ id: z.string().min(1, 'must not be empty'), type: z.string() })
    .nullable()
    .optional(),
  delivery: z
    .looseObject({ method: z.looseObject({ id: z.string(), name: z.string() }).optional() })
    .nullable()
    .optional(),
  lineItems: z
    .array(
      z.looseObject({
        id: z.string().min(1, 'must not be empty'),
        offer: z.looseObject({ id: z.string().min(1, 'must not be empty'), name: z.string() }),
        quantity: z.number().int().positive(),
        originalPrice: money.optional(),
        price: money,
        boughtAt: isoDateTime,
      }),
    )
    .min(1, 'must hold at least one line item'),
  summary: z.looseObject({ totalToPay: money }),
  marketplace: z.looseObject({ id: z.string().min(1) }).optional(),
  updatedAt: isoDateTime.optional(),
  revision: z.string().min(1).optional(),
});

const offerSchema = z.looseObject({
  id: z.string().regex(/^\d+$/, 'must be a numeric string'),
  name: z.string().min(1, 'must not be empty').max(75, 'must be at most 75 characters (Allegro title limit)'),
  sellingMode: z.looseObject({ format: z.string().default('BUY_NOW'), price: money }),
  stock: z.looseObject({ available: z.number().int().nonnegative(), sold: z.number().int().nonnegative().default(0) }),
  publication: z.looseObject({ status: z.enum(['INACTIVE', 'ACTIVATING', 'ACTIVE', 'ENDED']) }),
  external: z
    .looseObject({ id: z.string().max(100, 'must be at most 100 characters') })
    .nullable()
    .optional(),
});

const payloadSchema = z.strictObject({
  checkoutForms: z.array(z.unknown()).optional(),
  offers: z.array(z.unknown()).optional(),
});

function issuesText(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${prefix}${path}: ${i.message}`;
  });
}

export type CheckoutFormRecord = Omit<CheckoutForm, 'updatedAt' | 'revision'> & { updatedAt?: string; revision?: string };

/** Parses and normalizes a records payload; throws {@link RecordsError} listing every problem (up to 20). */
export function parseRecords(payload: unknown): { checkoutForms: CheckoutFormRecord[]; offers: SaleOffer[] } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new RecordsError('records must be a JSON object like { "checkoutForms": [...], "offers": [...] }');
  }
  const top = payloadSchema.safeParse(payload);
  if (!top.success) {
    const unknown = Object.keys(payload).filter((k) => k !== 'checkoutForms' && k !== 'offers');
    throw new RecordsError(
      unknown.length > 0
        ? `unknown record kind(s) ${unknown.map((k) => `"${k}"`).join(', ')}; Allegro records are "checkoutForms" and "offers"`
        : issuesText('', top.error).join('; '),
    );
  }
  const problems: string[] = [];
  const checkoutForms: CheckoutFormRecord[] = [];
  const offers: SaleOffer[] = [];
  (top.data.checkoutForms ?? []).forEach((raw, i) => {
    const r = checkoutFormSchema.safeParse(raw);
    if (r.success) checkoutForms.push(normalizeCheckoutForm(r.data));
    else problems.push(...issuesText(`checkoutForms[${i}]`, r.error));
  });
  (top.data.offers ?? []).forEach((raw, i) => {
    const r = offerSchema.safeParse(raw);
    if (r.success) offers.push(normalizeOffer(r.data));
    else problems.push(...issuesText(`offers[${i}]`, r.error));
  });
  const seen = new Set<string>();
  checkoutForms.forEach((f) => {
    if (seen.has(f.id)) problems.push(`checkoutForms: id ${f.id} appears more than once`);
    seen.add(f.id);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
    throw new RecordsError(`invalid Allegro records: ${shown.join('; ')}${more}`);
  }
  if (checkoutForms.length === 0 && offers.length === 0) {
    throw new RecordsError('records hold no "checkoutForms" and no "offers"');
  }
  return { checkoutForms, offers };
}

function normalizeCheckoutForm(r: z.infer<typeof checkoutFormSchema>): CheckoutFormRecord {
  // Defaults in Allegro's field order first, then the record: given fields keep their place and extra ones stay.
  const defaults = {
    id: r.id,
    messageToSeller: null,
    buyer: null,
    payment: null,
    status: r.status,
    fulfillment: null,
    delivery: null,
    invoice: { required: false, address: null, dueDate: null, features: [] },
    lineItems: [],
    surcharges: [],
    note: null,
    marketplace: { id: MARKETPLACE_ID },
    summary: null,
  };
  return {
    ...defaults,
    ...r,
    fulfillment: r.fulfillment ?? { status: 'NEW', shipmentSummary: { lineItemsSent: 'NONE' }, provider: { id: 'SELLER' } },
    lineItems: r.lineItems.map((li) => ({ ...li, originalPrice: li.originalPrice ?? li.price })),
  } as unknown as CheckoutFormRecord;
}

function normalizeOffer(r: z.infer<typeof offerSchema>): SaleOffer {
  const defaults = {
    id: r.id,
    name: r.name,
    category: null,
    primaryImage: null,
    sellingMode: null,
    saleInfo: { currentPrice: null, biddersCount: 0 },
    stock: null,
    stats: { watchersCount: 0, visitsCount: 0 },
    publication: null,
    afterSalesServices: null,
    additionalServices: null,
    external: null,
    delivery: { shippingRates: null },
    b2b: { buyableOnlyByBusiness: false },
    fundraisingCampaign: null,
    isFulfillment: false,
    additionalMarketplaces: {},
  };
  return {
    ...defaults,
    ...r,
    sellingMode: { priceAutomation: null, minimalPrice: null, startingPrice: null, ...r.sellingMode },
    publication: {
      startingAt: null,
      startedAt: null,
      endingAt: null,
      endedAt: null,
      marketplaces: { base: { id: MARKETPLACE_ID }, additional: [] },
      ...r.publication,
    },
  } as unknown as SaleOffer;
}
