import { DEFAULT_ALLEGRO_CREDENTIALS, VND_MEDIA_TYPE } from '@omnigraph/simulator-allegro';
import { getDataset } from '@omnigraph/simulator-dataset';
import { DEFAULT_CREDENTIALS as HUBSPOT } from '@omnigraph/simulator-hubspot';
import { DEFAULT_CREDENTIALS as ODOO } from '@omnigraph/simulator-odoo';
import { DEFAULT_CREDENTIALS as WOO } from '@omnigraph/simulator-woocommerce';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BenchTarget {
  /** simulator name, also its env prefix */
  name: 'odoo' | 'woocommerce' | 'hubspot' | 'allegro';
  label: string;
  entry: string;
  /** rotated through, so the simulator never answers the same record twice in a row */
  requests: BenchRequest[];
  /** runs once against the started simulator, e.g. to obtain an OAuth token, and may rewrite the requests */
  prepare?(url: string, target: BenchTarget): Promise<void>;
}

const ROTATE = 50;

/** The requests a gateway adapter sends most: one record by id, and a customer's short list. */
export function benchTargets(): BenchTarget[] {
  const ds = getDataset();
  const odooHeaders = { authorization: `bearer ${ODOO.apiKey}`, 'content-type': 'application/json' };
  const wooHeaders = { authorization: `Basic ${Buffer.from(`${WOO.consumerKey}:${WOO.consumerSecret}`).toString('base64')}` };
  const hubspotHeaders = { authorization: `Bearer ${HUBSPOT.token}` };
  const products = ds.products.filter((p) => p.active).slice(0, ROTATE);
  const eshopProducts = ds.eshopProducts.filter((p) => p.type === 'simple').slice(0, ROTATE);
  const eshopCustomers = ds.eshopCustomers.slice(0, ROTATE);
  const contacts = ds.crmContacts.slice(0, ROTATE);
  const forms = ds.allegroCheckoutForms.slice(0, ROTATE);
  const logins = [...new Set(forms.map((f) => ds.allegroBuyers.find((b) => b.id === f.buyerId)!.login))];

  const allegroRefresh: BenchTarget['prepare'] = async (url, target) => {
    const basic = Buffer.from(`${DEFAULT_ALLEGRO_CREDENTIALS.clientId}:${DEFAULT_ALLEGRO_CREDENTIALS.clientSecret}`).toString('base64');
    const res = await fetch(`${url}/auth/oauth/token?grant_type=refresh_token&refresh_token=${DEFAULT_ALLEGRO_CREDENTIALS.refreshToken}`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
    });
    const { access_token: token } = (await res.json()) as { access_token: string };
    for (const r of target.requests) r.headers['authorization'] = `Bearer ${token}`;
  };
  const allegroHeaders = () => ({ accept: VND_MEDIA_TYPE, authorization: '' });

  return [
    {
      name: 'odoo',
      label: 'odoo · JSON-2 product.product/read by id',
      entry: 'simulators/odoo/src/index.ts',
      requests: products.map((p) => ({
        method: 'POST',
        path: '/json/2/product.product/read',
        headers: odooHeaders,
        body: JSON.stringify({ ids: [p.id], fields: ['default_code', 'name', 'barcode', 'list_price', 'taxes_id'] }),
      })),
    },
    {
      name: 'odoo',
      label: 'odoo · JSON-RPC stock.quant search_read by SKU',
      entry: 'simulators/odoo/src/index.ts',
      requests: products.map((p, i) => ({
        method: 'POST',
        path: '/jsonrpc',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          method: 'call',
          id: i,
          params: {
            service: 'object',
            method: 'execute_kw',
            args: [
              ODOO.database,
              ODOO.uid,
              ODOO.apiKey,
              'stock.quant',
              'search_read',
              [
                [
                  ['product_id.default_code', 'in', [p.sku]],
                  ['location_id.usage', '=', 'internal'],
                ],
              ],
              { fields: ['product_id', 'location_id', 'quantity', 'reserved_quantity', 'available_quantity', 'write_date'] },
            ],
          },
        }),
      })),
    },
    {
      name: 'woocommerce',
      label: 'woocommerce · GET /products/{id}',
      entry: 'simulators/woocommerce/src/index.ts',
      requests: eshopProducts.map((p) => ({ method: 'GET', path: `/wp-json/wc/v3/products/${p.id}`, headers: wooHeaders })),
    },
    {
      name: 'woocommerce',
      label: 'woocommerce · GET /orders?customer={id}',
      entry: 'simulators/woocommerce/src/index.ts',
      requests: eshopCustomers.map((c) => ({
        method: 'GET',
        path: `/wp-json/wc/v3/orders?customer=${c.id}&per_page=20`,
        headers: wooHeaders,
      })),
    },
    {
      name: 'hubspot',
      label: 'hubspot · GET /crm/v3/objects/contacts/{id}',
      entry: 'simulators/hubspot/src/index.ts',
      requests: contacts.map((c) => ({
        method: 'GET',
        path: `/crm/v3/objects/contacts/${c.id}?properties=email,firstname,lastname,phone,loyalty_points`,
        headers: hubspotHeaders,
      })),
    },
    {
      name: 'hubspot',
      label: 'hubspot · POST contacts/batch/read (10 ids)',
      entry: 'simulators/hubspot/src/index.ts',
      requests: contacts.map((_, i) => ({
        method: 'POST',
        path: '/crm/v3/objects/contacts/batch/read',
        headers: { ...hubspotHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({
          inputs: contacts.slice(i, i + 10).map((c) => ({ id: c.id })),
          properties: ['email', 'firstname', 'lastname', 'loyalty_points'],
        }),
      })),
    },
    {
      name: 'allegro',
      label: 'allegro · GET /order/checkout-forms/{id}',
      entry: 'simulators/allegro/src/index.ts',
      prepare: allegroRefresh,
      requests: forms.map((f) => ({ method: 'GET', path: `/order/checkout-forms/${f.id}`, headers: allegroHeaders() })),
    },
    {
      name: 'allegro',
      label: 'allegro · GET /order/checkout-forms?buyer.login=…',
      entry: 'simulators/allegro/src/index.ts',
      prepare: allegroRefresh,
      requests: logins.map((l) => ({
        method: 'GET',
        path: `/order/checkout-forms?buyer.login=${encodeURIComponent(l)}&limit=20`,
        headers: allegroHeaders(),
      })),
    },
  ];
}
