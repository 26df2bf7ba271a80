/**
 * A shop entering prices without tax (`woocommerce_prices_include_tax` = `no`) keeps net `_regular_price`,
 * `_sale_price` and `_price`, and the REST API answers them as stored. The dataset's prices are gross, so the net one
 * is gross ÷ (1 + rate of the product's class), kept to 4 decimals as merchants enter them so that WooCommerce's
 * gross (wc_get_price_including_tax: round(net + net × rate, 2)) comes back to the dataset's gross exactly:
 * |net₄ − gross/(1+r)| ≤ 0.00005, so |net₄ × (1+r) − gross| ≤ 0.00005 × 1.23 < 0.005 and the rounding lands on gross.
 * With 2 decimals that is not always possible (a step of 0.01 net is 0.0123 gross at 23 %): some gross prices have
 * no 2-decimal net, the nearest one reads back 1 grosz off, as it would in WooCommerce's own shop front.
 */
import { TAX_RATES } from './wc-money.ts';

interface Priced {
  price: string;
  regular_price: string;
  sale_price: string;
  tax_status?: string;
  tax_class: string;
}

/** Net of a gross decimal string at `percent`, with `decimals` decimals (half up), as a decimal string. */
export function netOfGrossText(gross: string, percent: number, decimals = 4): string {
  if (gross === '') return '';
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(gross);
  if (!m) return gross;
  const grosze = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  const unit = 10 ** decimals;
  // grosze × 10^decimals / 100 / (1 + p/100) = grosze × 10^decimals / (100 + p), half up on integers
  const numerator = grosze * unit;
  const net = Math.floor((2 * numerator + (100 + percent)) / (2 * (100 + percent)));
  const whole = Math.floor(net / unit);
  return decimals === 0 ? String(whole) : `${whole}.${String(net % unit).padStart(decimals, '0')}`;
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
