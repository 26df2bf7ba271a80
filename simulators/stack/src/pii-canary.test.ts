import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VND_MEDIA_TYPE } from '@omnigraph/simulator-allegro';
import { DEFAULT_CREDENTIALS as HUBSPOT_CREDENTIALS } from '@omnigraph/simulator-hubspot';
import { startSimulatorStack, type SimulatorStack } from './start-simulator-stack.ts';

/**
 * The PII canary as a client sees it: with `piiCanary`, every simulator's person-bearing endpoint returns the marker;
 * without it, none does. The gateway's scope-matrix test relies on both halves.
 */
const MARKER = 'zq7canary';
const SCALE = 0.05;
const NO_LIMITS = { hubspot: { rateLimit: null }, allegro: { rateLimit: null } };

let marked: SimulatorStack;
let plain: SimulatorStack;

beforeAll(async () => {
  [marked, plain] = await Promise.all([
    startSimulatorStack({ scale: SCALE, piiCanary: MARKER, knobs: NO_LIMITS }),
    startSimulatorStack({ scale: SCALE, knobs: NO_LIMITS }),
  ]);
});
afterAll(() => Promise.all([marked?.close(), plain?.close()]));

async function text(res: Response): Promise<string> {
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.url} → ${res.status} ${body}`);
  return body;
}

/** One page of each person-bearing endpoint, as raw response text. */
const ENDPOINTS: Record<string, (stack: SimulatorStack) => Promise<string>> = {
  'Odoo res.partner (customers)': (stack) =>
    fetch(`${stack.urls.odoo}/json/2/res.partner/search_read`, {
      method: 'POST',
      headers: { authorization: `bearer ${stack.odoo.odoo.credentials.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ domain: [['id', '>=', 100]], fields: ['name', 'email', 'street'], limit: 20 }),
    }).then(text),
  'WooCommerce customers': (stack) => fetch(`${stack.urls.woocommerce}/wp-json/wc/v3/customers?per_page=20`, { headers: woo(stack) }).then(text),
  'WooCommerce orders': (stack) => fetch(`${stack.urls.woocommerce}/wp-json/wc/v3/orders?per_page=20`, { headers: woo(stack) }).then(text),
  'HubSpot contacts': (stack) =>
    fetch(`${stack.urls.hubspot}/crm/v3/objects/contacts?limit=20&properties=firstname,lastname,email,address`, { headers: hubspot() }).then(text),
  'HubSpot notes': (stack) => fetch(`${stack.urls.hubspot}/crm/v3/objects/notes?limit=20&properties=hs_note_body`, { headers: hubspot() }).then(text),
  'Allegro checkout forms': (stack) =>
    fetch(`${stack.urls.allegro}/order/checkout-forms?limit=20`, {
      headers: { authorization: `Bearer ${stack.allegro.allegro.auth.sellerAccessToken()}`, accept: VND_MEDIA_TYPE },
    }).then(text),
};

function woo(stack: SimulatorStack): Record<string, string> {
  const { consumerKey, consumerSecret } = stack.woocommerce.woo.credentials;
  return { authorization: `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}` };
}

function hubspot(): Record<string, string> {
  return { authorization: `Bearer ${HUBSPOT_CREDENTIALS.token}` };
}

describe('PII canaries over the wire', () => {
  it.each(Object.keys(ENDPOINTS))('%s returns the marker with the option and never without it', async (name) => {
    const get = ENDPOINTS[name]!;
    const [withCanary, without] = await Promise.all([get(marked), get(plain)]);
    expect(withCanary).toContain(MARKER);
    expect(without).not.toContain(MARKER);
    // Same records either way: the marker is the only difference, besides each stack's port in links and the
    // Gravatar URL, which WooCommerce derives from an MD5 of the (marked) e-mail.
    const normalize = (body: string) => body.replace(/127\.0\.0\.1:\d+/g, 'HOST').replace(/avatar\\?\/[0-9a-f]{32}/g, 'avatar/HASH');
    expect(normalize(withCanary.replace(new RegExp(`[ ._]?${MARKER}`, 'g'), ''))).toBe(normalize(without));
  });

  it('marks each record, not only some: every WooCommerce customer and every Allegro buyer login', async () => {
    const customers = JSON.parse(await ENDPOINTS['WooCommerce customers']!(marked)) as { first_name: string; last_name: string; email: string }[];
    expect(customers.length).toBeGreaterThan(0);
    for (const c of customers) for (const value of [c.first_name, c.last_name, c.email]) expect(value).toContain(MARKER);
    type Forms = { checkoutForms: { buyer: { login: string; guest: boolean } }[] };
    const { checkoutForms } = JSON.parse(await ENDPOINTS['Allegro checkout forms']!(marked)) as Forms;
    expect(checkoutForms.length).toBeGreaterThan(0);
    for (const { buyer } of checkoutForms) if (!buyer.guest) expect(buyer.login).toContain(MARKER);
  });
});
