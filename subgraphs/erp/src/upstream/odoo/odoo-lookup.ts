import { z } from 'zod';
import type { ErpClient, ErpPartnerModel, ErpPartnerQuery, ErpSaleOrderModel } from '../erp-client.ts';
import { OdooDatetime, OdooFalse, OdooOptionalMany2one, OdooOptionalString } from './odoo-dtos.ts';
import { mapOdooDatetimeToIso } from './odoo-mappers.ts';

/**
 * Reference and identity look-ups over Odoo 19 JSON-2: `sale.order`, `stock.picking` (sale_stock's `sale_id`,
 * stock_delivery's `carrier_tracking_ref`) and `res.partner` `search_read` / `read`.
 * Models: https://www.odoo.com/documentation/19.0/developer/reference/external_api.html (ORM methods);
 * fields as `fields_get` reports them in 19.0.
 */

/** `sale.order` row with the fields references need. */
export const OdooSaleOrderRefDto = z.object({
  id: z.number().int(),
  name: z.string(),
  client_order_ref: OdooOptionalString,
  origin: OdooOptionalString,
  date_order: z.union([OdooDatetime, OdooFalse]),
});
export const OdooSaleOrderRefListDto = z.array(OdooSaleOrderRefDto);

/** `stock.picking` row: the parcel number and the sale order it delivers. */
export const OdooPickingRefDto = z.object({
  id: z.number().int(),
  carrier_tracking_ref: OdooOptionalString,
  /** sale_stock; `false` for a transfer created by hand */
  sale_id: OdooOptionalMany2one,
  origin: OdooOptionalString,
});
export const OdooPickingRefListDto = z.array(OdooPickingRefDto);

/** `res.partner` row; the configured phone fields come on top (`phone`, `phone_sanitized`, `mobile` ≤ 18.1). */
export const OdooPartnerIdentityDto = z
  .object({
    id: z.number().int(),
    // a contact without a name is legal in Odoo (an address child): false
    name: OdooOptionalString,
    is_company: z.boolean(),
    email: OdooOptionalString,
    vat: OdooOptionalString,
    zip: OdooOptionalString,
    create_date: z.union([OdooDatetime, OdooFalse]),
    commercial_partner_id: OdooOptionalMany2one,
  })
  .catchall(z.unknown());
export const OdooPartnerIdentityListDto = z.array(OdooPartnerIdentityDto);

export const OdooCommercialPartnerDto = z.object({
  id: z.number().int(),
  name: OdooOptionalString,
  is_company: z.boolean(),
  vat: OdooOptionalString,
});
export const OdooCommercialPartnerListDto = z.array(OdooCommercialPartnerDto);

/** Where Odoo keeps a partner's phone: `phone` (every version), `phone_sanitized` (phone_validation), `mobile` (≤ 18.1). */
export const PARTNER_PHONE_FIELDS = ['phone', 'phone_sanitized', 'mobile'] as const;
export type PartnerPhoneField = (typeof PARTNER_PHONE_FIELDS)[number];

/** Folded letters that stand for a Polish letter too: Odoo's `ilike` (without unaccent) would miss "ś" for "s". */
const POLISH_AMBIGUOUS = /[acelnosz]/g;

/**
 * An `ilike` pattern that matches every spelling of a folded name: each letter that may be a Polish letter becomes
 * `_` (any one character), each run of spaces or punctuation `%`. Odoo does not escape `%` / `_` in `ilike` values, which is what makes
 * this work; the caller filters the superset with foldText.
 */
export function coarseNamePattern(folded: string): string {
  return folded
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(POLISH_AMBIGUOUS, '_')
    .replace(/ +/g, '%');
}

/** `ilike` value matching a national number however it was typed (`600-100-200`, `+48 600 100 200`…). */
export function coarsePhonePattern(national: string): string {
  return national.split('').join('%');
}

type Domain = unknown[];

/**
 * The parcel numbers of one `carrier_tracking_ref`: one, or several separated by commas, semicolons or line breaks
 * (a number itself may hold the spaces it was typed with; the caller compares without them).
 */
export function splitTrackingRefs(value: string): string[] {
  return value
    .split(/[,;\r\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** `['|', a, '|', b, c]`-style prefix OR of sub-domains (each already in prefix form). */
function anyOf(parts: readonly Domain[]): Domain {
  if (parts.length === 0) return [];
  return [...Array.from({ length: parts.length - 1 }, () => '|'), ...parts.flat()];
}

export function partnerDomain(query: ErpPartnerQuery, phoneFields: readonly PartnerPhoneField[]): Domain {
  const parts: Domain[] = [];
  if (query.ids?.length) parts.push([['id', 'in', [...query.ids]]]);
  for (const email of query.emails ?? []) parts.push([['email', '=ilike', email]]);
  if (query.nips?.length) {
    const vats = query.nips.flatMap((nip) => [nip, `PL${nip}`]);
    parts.push([['vat', 'in', vats]]);
    // a contact person of a company: its commercial partner's NIP counts
    parts.push([['commercial_partner_id.vat', 'in', vats]]);
  }
  for (const name of query.companyNames ?? []) {
    const pattern = coarseNamePattern(name);
    // an empty pattern would read every company partner; such a name (punctuation only) names nobody
    if (pattern !== '') parts.push(['&', ['is_company', '=', true], ['name', 'ilike', pattern]]);
  }
  for (const field of phoneFields) {
    if (!query.phones?.length) break;
    if (field === 'phone_sanitized') parts.push([[field, 'in', query.phones.map((n) => `+48${n}`)]]);
    else for (const national of query.phones) parts.push([[field, 'ilike', coarsePhonePattern(national)]]);
  }
  return anyOf(parts);
}

type Call = <S extends z.ZodType>(operation: string, request: { model: string; method: string; body: object }, schema: S) => Promise<z.infer<S>>;

const SALE_ORDER_FIELDS = ['name', 'client_order_ref', 'origin', 'date_order'];
const PARTNER_FIELDS = ['name', 'is_company', 'email', 'vat', 'zip', 'create_date', 'commercial_partner_id'];

const text = (value: string | false): string | null => (value === false || value.trim() === '' ? null : value);

export function toSaleOrder(dto: z.infer<typeof OdooSaleOrderRefDto>): ErpSaleOrderModel {
  return {
    id: dto.id,
    name: dto.name,
    clientOrderRef: text(dto.client_order_ref),
    origin: text(dto.origin),
    dateOrder: dto.date_order === false ? null : mapOdooDatetimeToIso(dto.date_order),
  };
}

export function createOdooLookups(call: Call, phoneFields: readonly PartnerPhoneField[]): Pick<ErpClient, 'findSaleOrders' | 'searchPartners'> {
  return {
    async findSaleOrders({ names, trackingRefs }) {
      const pickings =
        trackingRefs.length === 0
          ? []
          : await call(
              'findSaleOrders',
              {
                model: 'stock.picking',
                method: 'search_read',
                // `ilike`, not `in`: a multi-parcel delivery holds its numbers in one field ("6001…,6002…", as the
                // carrier integrations of stock_delivery write them); the exact parcel is picked out below
                body: {
                  domain: anyOf([...new Set(trackingRefs)].map((ref) => [['carrier_tracking_ref', 'ilike', ref]])),
                  fields: ['carrier_tracking_ref', 'sale_id', 'origin'],
                },
              },
              OdooPickingRefListDto,
            );
      const saleIds = [...new Set(pickings.flatMap((p) => (p.sale_id === false ? [] : [p.sale_id[0]])))];
      // a transfer made by hand has no sale_id; its source document may still name the order
      const origins = pickings.flatMap((p) => (p.sale_id === false && p.origin !== false ? [p.origin] : []));
      const wanted = [...new Set([...names, ...origins])];
      const parts: Domain[] = [];
      if (wanted.length > 0) parts.push([['name', 'in', wanted]]);
      if (saleIds.length > 0) parts.push([['id', 'in', saleIds]]);
      const orders =
        parts.length === 0
          ? []
          : (
              await call(
                'findSaleOrders',
                { model: 'sale.order', method: 'search_read', body: { domain: anyOf(parts), fields: SALE_ORDER_FIELDS } },
                OdooSaleOrderRefListDto,
              )
            ).map(toSaleOrder);
      const byId = new Map(orders.map((o) => [o.id, o]));
      const byOrigin = new Map(orders.map((o) => [o.name, o]));
      const nameSet = new Set(names);
      const byTracking = pickings.flatMap((p) => {
        if (p.carrier_tracking_ref === false) return [];
        const order = p.sale_id !== false ? byId.get(p.sale_id[0]) : p.origin !== false ? byOrigin.get(p.origin) : undefined;
        return order ? splitTrackingRefs(p.carrier_tracking_ref).map((trackingRef) => ({ trackingRef, order })) : [];
      });
      return { byName: orders.filter((o) => nameSet.has(o.name)), byTracking };
    },

    async searchPartners({ query }) {
      const domain = partnerDomain(query, phoneFields);
      if (domain.length === 0) return [];
      const rows = await call(
        'searchPartners',
        { model: 'res.partner', method: 'search_read', body: { domain, fields: [...PARTNER_FIELDS, ...phoneFields] } },
        OdooPartnerIdentityListDto,
      );
      const own = new Set(rows.map((r) => r.id));
      const missing = [
        ...new Set(
          rows.flatMap((r) => (r.commercial_partner_id !== false && !own.has(r.commercial_partner_id[0]) ? [r.commercial_partner_id[0]] : [])),
        ),
      ];
      const commercials =
        missing.length === 0
          ? []
          : await call(
              'searchPartners',
              { model: 'res.partner', method: 'read', body: { ids: missing, fields: ['name', 'is_company', 'vat'] } },
              OdooCommercialPartnerListDto,
            );
      const byId = new Map<number, { id: number; name: string | false; is_company: boolean; vat: string | false }>();
      for (const c of commercials) byId.set(c.id, c);
      for (const r of rows) byId.set(r.id, r);
      return rows.map((r): ErpPartnerModel => {
        const commercialId = r.commercial_partner_id === false ? r.id : r.commercial_partner_id[0];
        const c = commercialId === r.id ? undefined : byId.get(commercialId);
        return {
          id: r.id,
          name: text(r.name) ?? '',
          isCompany: r.is_company,
          email: text(r.email),
          phones: phoneFields.flatMap((f) => {
            const v = r[f];
            return typeof v === 'string' && v.trim() !== '' ? [v] : [];
          }),
          vat: text(r.vat),
          zip: text(r.zip),
          createdAt: r.create_date === false ? null : mapOdooDatetimeToIso(r.create_date),
          commercial: c ? { id: c.id, name: text(c.name) ?? '', isCompany: c.is_company, vat: text(c.vat) } : null,
        };
      });
    },
  };
}
