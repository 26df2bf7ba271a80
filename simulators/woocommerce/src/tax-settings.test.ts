import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netOfGrossText, wcGrossGrosze } from './net-prices.ts';
import { startHarness, type Harness } from './test-support.ts';
import { TAX_RATES } from './wc-money.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const setKnob = (body: Record<string, unknown>) =>
  fetch(`${h.base}/__simulator/tax-settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** wc_get_price_including_tax for one rate, 2 price decimals, taxes rounded per line, on the exact decimal string. */
function wcGross(net: string, percent: number): number {
  const [, fraction = ''] = net.split('.');
  return wcGrossGrosze(Number(net.replace('.', '')), percent, fraction.length);
}

describe('tax settings and rates', () => {
  it('GET /settings/tax lists the tax page options with their WooCommerce ids; one option by id', async () => {
    const res = await h.api('/settings/tax');
    expect(res.status).toBe(200);
    const options = (await res.json()) as { id: string; value: string; group_id: string; type: string }[];
    expect(options.map((o) => o.id)).toContain('woocommerce_prices_include_tax');
    expect(options.find((o) => o.id === 'woocommerce_prices_include_tax')).toMatchObject({ value: 'yes', type: 'radio', group_id: 'tax' });
    const one = await (await h.api('/settings/tax/woocommerce_tax_round_at_subtotal')).json();
    expect(one).toMatchObject({ id: 'woocommerce_tax_round_at_subtotal', type: 'checkbox', value: 'no' });
    expect(await (await h.api('/settings/tax/nope')).json()).toMatchObject({ code: 'rest_setting_setting_invalid', data: { status: 404 } });
    expect(await (await h.api('/settings/nope')).json()).toMatchObject({ code: 'rest_setting_setting_group_invalid', data: { status: 404 } });
  });

  it('GET /taxes lists the PL rates with class slugs, filters by class; /taxes/classes', async () => {
    const rates = (await (await h.api('/taxes')).json()) as { rate: string; class: string; country: string }[];
    expect(rates.map((r) => [r.country, r.rate, r.class])).toEqual([
      ['PL', '23.0000', 'standard'],
      ['PL', '8.0000', 'reduced-rate'],
      ['PL', '5.0000', 'super-reduced-rate'],
    ]);
    expect(((await (await h.api('/taxes?class=reduced-rate')).json()) as unknown[]).length).toBe(1);
    const classes = (await (await h.api('/taxes/classes')).json()) as { slug: string }[];
    expect(classes.map((c) => c.slug)).toEqual(['standard', 'reduced-rate', 'super-reduced-rate', 'zero-rate']);
  });

  it('needs manage_woocommerce: 401 without a key, 403 woocommerce_rest_cannot_view for a key whose user lacks it', async () => {
    expect((await h.api('/settings/tax', { auth: 'none' })).status).toBe(401);
    expect((await h.api('/settings/tax', { auth: 'ro' })).status).toBe(200);
    await setKnob({ settingsReadableBy: 'read_write' });
    try {
      const refused = await h.api('/settings/tax', { auth: 'ro' });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        code: 'woocommerce_rest_cannot_view',
        message: 'Sorry, you cannot list resources.',
        data: { status: 403 },
      });
      expect((await h.api('/taxes', { auth: 'ro' })).status).toBe(403);
      expect((await h.api('/products?per_page=1', { auth: 'ro' })).status).toBe(200);
    } finally {
      await setKnob({ settingsReadableBy: 'all' });
    }
  });
});

describe('prices entered without tax (knob)', () => {
  it('serves 4-decimal net prices whose WooCommerce gross is every dataset gross price exactly', async () => {
    const gross = (await (await h.api('/products?per_page=100&orderby=id')).json()) as {
      id: number;
      price: string;
      regular_price: string;
      sale_price: string;
      tax_class: string;
    }[];
    await setKnob({ pricesIncludeTax: false });
    try {
      expect((await (await h.api('/settings/tax/woocommerce_prices_include_tax')).json()).value).toBe('no');
      const net = (await (await h.api('/products?per_page=100&orderby=id')).json()) as typeof gross;
      let compared = 0;
      for (const [i, g] of gross.entries()) {
        const n = net[i]!;
        const percent = TAX_RATES.find((r) => r.taxClass === g.tax_class)?.percent ?? 0;
        for (const field of ['price', 'regular_price', 'sale_price'] as const) {
          if (g[field] === '') continue;
          expect(n[field]).toMatch(/^\d+\.\d{4}$/);
          expect(wcGross(n[field], percent)).toBe(Math.round(Number(g[field]) * 100));
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(100);
    } finally {
      await setKnob({ pricesIncludeTax: true });
    }
  });

  it('a 4-decimal net exists for every gross price up to 1 000 PLN; with 2 decimals the nearest may be 1 grosz off', () => {
    for (const percent of [23, 8, 5]) {
      let off = 0;
      let worst = 0;
      for (let grosze = 1; grosze <= 100_000; grosze += 1) {
        const gross = `${Math.floor(grosze / 100)}.${String(grosze % 100).padStart(2, '0')}`;
        expect(wcGross(netOfGrossText(gross, percent, 4), percent)).toBe(grosze);
        const back = wcGross(netOfGrossText(gross, percent, 2), percent);
        if (back !== grosze) off += 1;
        worst = Math.max(worst, Math.abs(back - grosze));
      }
      expect(worst).toBeLessThanOrEqual(1);
      if (percent === 23) expect(off).toBeGreaterThan(0);
    }
  });
});
