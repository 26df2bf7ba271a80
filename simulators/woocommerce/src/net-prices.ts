/**
 * A shop entering prices without tax (`woocommerce_prices_include_tax` = `no`) keeps net `_regular_price`,
 * `_sale_price` and `_price`, and the REST API answers them as stored. The dataset's prices are gross, so the net one
 * is entered as a merchant does it: with 4 decimals, chosen so that the gross WooCommerce shows comes back to the
 * dataset's gross exactly. WooCommerce's gross (wc_get_price_including_tax, taxes rounded per line) is
 * round(net + round(net × r, 2), 2) = round(net, 2) + round(net × r, 2); the nearest 4-decimal net to gross ÷ (1 + r)
 * misses by a grosz in rare cases (1.15 at 23 %: 0.9350 → 0.94 + 0.22 = 1.16), its neighbour 0.9349 does not
 * (0.93 + 0.22 = 1.15). An exhaustive check (tax-settings.test.ts) shows a 4-decimal net exists for every gross price
 * up to 1 000 PLN at 23, 8 and 5 %, at most 0.0001 from the nearest. With 2 decimals that is not always possible (a
 * step of 0.01 net is 0.0123 gross at 23 %): the nearest net then reads back 1 grosz off, as it would in the shop.
 */
import { TAX_RATES } from './wc-money.ts';

interface Priced {
  price: string;
  regular_price: string;
  sale_price: string;
  tax_status?: string;
  tax_class: string;
}

const half = (n: number, d: number): number => Math.floor((2 * n + d) / (2 * d));

/** WooCommerce's gross in grosze of a net of `units` × 10^-decimals at `percent` (one rate, taxes rounded per line). */
export function wcGrossGrosze(units: number, percent: number, decimals: number): number {
  return half(units, 10 ** (decimals - 2)) + half(units * percent, 10 ** decimals);
}

/** The net, with `decimals` decimals (≥ 2), of a gross decimal string at `percent`: one WooCommerce shows as that gross. */
export function netOfGrossText(gross: string, percent: number, decimals = 4): string {
  if (gross === '') return '';
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(gross);
  if (!m) return gross;
  const grosze = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  const unit = 10 ** decimals;
  // grosze × 10^decimals / 100 / (1 + p/100) = grosze × 10^decimals / (100 + p), half up on integers
  const nearest = half(grosze * unit, 100 + percent);
  const candidates = [0, 1, -1, 2, -2, 3, -3].map((d) => nearest + d).filter((u) => u >= 0);
  const net = candidates.find((u) => wcGrossGrosze(u, percent, decimals) === grosze) ?? nearest;
  return `${Math.floor(net / unit)}.${String(net % unit).padStart(decimals, '0')}`;
}

/** The record as the shop serves it: net prices when prices are entered without tax and the product is taxable. */
export function asServedPrices<T extends Priced>(record: T, pricesIncludeTax: boolean, decimals = 4): T {
  if (pricesIncludeTax || (record.tax_status ?? 'taxable') !== 'taxable') return record;
  // a class without a rate (zero-rate) carries no tax: its net is its gross
  const percent = TAX_RATES.find((r) => r.taxClass === record.tax_class)?.percent ?? 0;
  return {
    ...record,
    price: netOfGrossText(record.price, percent, decimals),
    regular_price: netOfGrossText(record.regular_price, percent, decimals),
    sale_price: netOfGrossText(record.sale_price, percent, decimals),
  };
}
