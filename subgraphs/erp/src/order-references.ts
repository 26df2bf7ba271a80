/**
 * Order references the ERP owns, and how an ERP sale order names the channel order it came from.
 *
 * Two reference classes: the sale order's own name (Odoo's default sequence `S00042`; a database may use another
 * prefix or padding, hence ERP_SALE_ORDER_NAME_PATTERN) and a delivery's parcel number (`stock.picking`
 * `carrier_tracking_ref`). Channel connectors differ in where they keep the channel's order id (the OCA WooCommerce
 * connector writes the Woo number into `name`, many connectors into `client_order_ref`, some into `origin`), so the
 * convention is configuration: ERP_CHANNEL_ORDER_REFS.
 */

export type ErpReferenceClass = 'ERP_SALE_ORDER_NAME' | 'TRACKING_NUMBER';

/** The sale-order fields a channel reference may sit in. */
export const SALE_ORDER_REF_FIELDS = ['client_order_ref', 'origin', 'name'] as const;
export type SaleOrderRefField = (typeof SALE_ORDER_REF_FIELDS)[number];

export type OrderChannel = 'eshop' | 'marketplace';

/** One rule of the convention: the channel's order id is the first capture group of `pattern` on `field`. */
export interface ChannelOrderRule {
  channel: OrderChannel;
  field: SaleOrderRefField;
  pattern: RegExp;
}

export const DEFAULT_SALE_ORDER_NAME_PATTERN = '^S\\d{5,}$';

/**
 * `client_order_ref` = `WC-<WooCommerce order id>` for the e-shop, the checkout-form UUID for Allegro (see
 * simulators/dataset/README.md "Channel orders in the ERP").
 */
export const DEFAULT_CHANNEL_ORDER_REFS =
  'eshop=client_order_ref:^WC-(\\d{1,18})$;marketplace=client_order_ref:^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$';

/** Longest reference any class may have (the CRM already refuses more than 64 characters). */
const MAX_REFERENCE_LENGTH = 64;

/**
 * A parcel number as carriers print them: 8–40 letters and digits, at least 8 of them digits (InPost's 24 digits,
 * DPD's 13 digits + `U`, Poczta Polska's 20 digits or S10 `RR123456785PL`, GLS, DHL…). Spaces people copy from a
 * label are dropped; anything else (hyphens, dots) means it is not one.
 */
const TRACKING_SHAPE = /^[A-Z0-9]{8,40}$/;
const MIN_TRACKING_DIGITS = 8;

/** Parses ERP_CHANNEL_ORDER_REFS: `<channel>=<field>:<regex with one capture group>` rules separated by `;`. */
export function parseChannelOrderRules(spec: string): ChannelOrderRule[] | { error: string } {
  const rules: ChannelOrderRule[] = [];
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^(eshop|marketplace)=([a-z_]+):(.+)$/.exec(part);
    if (!m) return { error: `"${part}" is not <eshop|marketplace>=<field>:<regex>` };
    const field = m[2] as SaleOrderRefField;
    if (!SALE_ORDER_REF_FIELDS.includes(field)) return { error: `"${m[2]}" is not one of ${SALE_ORDER_REF_FIELDS.join(', ')}` };
    let pattern: RegExp;
    try {
      pattern = new RegExp(m[3] as string);
    } catch {
      return { error: `"${m[3]}" is not a regular expression` };
    }
    if (new RegExp(`${pattern.source}|`).exec('')!.length !== 2) return { error: `"${m[3]}" must have exactly one capture group` };
    rules.push({ channel: m[1] as OrderChannel, field, pattern });
  }
  return rules.length === 0 ? { error: 'no rule given' } : rules;
}

export interface ClassifiedReference {
  /** the sale-order name to look up, upper-cased as Odoo's sequence writes it; null when not that shape */
  saleOrderName: string | null;
  /** the parcel number to look up, without spaces, upper-case; null when not that shape */
  trackingRef: string | null;
}

/** Which ERP reference classes `reference` has the shape of; null when none (then no upstream call is made). */
export function classifyReference(reference: string, saleOrderName: RegExp): ClassifiedReference | null {
  const text = reference.trim();
  if (text === '' || text.length > MAX_REFERENCE_LENGTH) return null;
  const upper = text.toUpperCase();
  const name = saleOrderName.test(upper) ? upper : null;
  const compact = upper.replace(/ /g, '');
  const digits = compact.replace(/\D/g, '').length;
  const tracking = name === null && TRACKING_SHAPE.test(compact) && digits >= MIN_TRACKING_DIGITS ? compact : null;
  return name === null && tracking === null ? null : { saleOrderName: name, trackingRef: tracking };
}

export interface SaleOrderRefs {
  name: string;
  client_order_ref: string | null;
  origin: string | null;
}

export interface ChannelOrderRef {
  typename: 'EshopOrder' | 'MarketplaceOrder';
  id: string;
}

/**
 * The channel order a sale order came from, by the first matching rule; null for an order typed in the ERP (or
 * imported by a connector the convention does not describe): such an order is not an order of the graph.
 */
export function channelOrderOf(order: SaleOrderRefs, rules: readonly ChannelOrderRule[]): ChannelOrderRef | null {
  for (const rule of rules) {
    const value = order[rule.field];
    if (typeof value !== 'string') continue;
    const m = rule.pattern.exec(value.trim());
    const id = m?.[1];
    if (id === undefined || id === '') continue;
    return rule.channel === 'eshop'
      ? { typename: 'EshopOrder', id: `eshop:${id}` }
      : { typename: 'MarketplaceOrder', id: `marketplace:${id.toLowerCase()}` };
  }
  return null;
}

/** The id in a channel order's graph id (`eshop:15228`, `marketplace:<uuid>`); null for another shape. */
export function parseChannelOrderId(id: string): { channel: OrderChannel; id: string } | null {
  const m = /^(eshop|marketplace):(.+)$/.exec(id);
  if (!m || m[2] === undefined || m[2].trim() === '' || m[2].length > MAX_REFERENCE_LENGTH) return null;
  return { channel: m[1] as OrderChannel, id: m[2] };
}

/** A regular-expression literal part (`WC-`, `\#`) as the text it matches; null when it holds an operator. */
function literalOf(source: string): string | null {
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1];
      // an escaped punctuation character is itself; \d, \w, \s… are classes
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
      out += next;
      i += 1;
    } else if ('^$.|?*+()[]{}'.includes(c)) return null;
    else out += c;
  }
  return out;
}

/**
 * The value `rule.field` holds for channel order `id`, rebuilt from the rule's pattern (`^WC-(\d{1,18})$` and id
 * 15228 → `WC-15228`), so the ERP can be searched with `in`; null when the id does not fit the group (no sale order
 * can hold it); undefined when the pattern is not `^literal(group)literal$` (then the caller searches the field for
 * the id and filters).
 */
export function channelRefValueOf(rule: ChannelOrderRule, id: string): string | null | undefined {
  const m = /^\^(.*?)\(([^()]*)\)(.*)\$$/.exec(rule.pattern.source);
  if (!m) return undefined;
  const prefix = literalOf(m[1] as string);
  const suffix = literalOf(m[3] as string);
  if (prefix === null || suffix === null) return undefined;
  const value = `${prefix}${id}${suffix}`;
  const captured = rule.pattern.exec(value)?.[1];
  return captured !== undefined && captured.toLowerCase() === id.toLowerCase() ? value : null;
}
