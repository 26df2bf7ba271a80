import { afterEach, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 8, partial answers by design: a dead subgraph (its process gone, its port refusing connections) loses only
 * the fields it owns. The call-center query keeps everything else and `extensions.sources` names the dead system;
 * the product query keeps the ERP's name, price and stock without the marketplace.
 */
const SCALE = 0.1;
const dataset = getDataset({ scale: SCALE });
const anna = dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!;
const CALL_CENTER = registeredOperationText('CallCenterCustomer');
// SKUs the ERP, the e-shop and Allegro all know, so every product field has something to lose
const SKUS = dataset.allegroOffers
  .map((o) => o.sku)
  .filter((sku): sku is string => sku !== null && dataset.eshopProducts.some((p) => p.sku === sku))
  .slice(0, 3);
const PRODUCTS = /* GraphQL */ `
  query ($skus: [ID!]!) {
    products(skus: $skus) {
      sku
      name
      listPrice {
        gross {
          amount
        }
      }
      stock {
        available
        location {
          code
        }
      }
      eshopListing {
        price {
          amount
        }
      }
      marketplaceOffers {
        offerId
      }
    }
  }
`;

type Edge = { node: { channel: string; lines: { product: unknown }[] } | null };
type Source = { source: string; status: string; asOf?: string };

let stack: E2eStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function callCenter(s: E2eStack) {
  const { status, body } = await s.query(CALL_CENTER, { phone: anna.phone });
  return { status, body, customer: body.data?.findCustomers?.[0], sources: (body.extensions?.sources ?? []) as Source[] };
}

const failed = (sources: Source[]) => sources.filter((s) => s.status === 'FAILED').map((s) => s.source);

describe('a dead subgraph loses only its own fields', () => {
  it('marketplace: the e-shop orders, name, loyalty and consents stay; MARKETPLACE is named unavailable', async () => {
    stack = await startE2eStack({ scale: SCALE });
    const healthy = await callCenter(stack);
    expect(healthy.customer.orders.unavailableChannels).toEqual([]);
    expect(failed(healthy.sources)).toEqual([]);

    await stack.killSubgraph('marketplace');
    const { status, body, customer, sources } = await callCenter(stack);
    expect(status).toBe(200);
    expect(customer.name).toBe('Anna Kowalska');
    expect(customer.loyalty).toEqual(healthy.customer.loyalty);
    expect(customer.consents).toEqual(healthy.customer.consents);
    expect(customer.orders.unavailableChannels).toEqual(['MARKETPLACE']);
    expect(customer.orders.totalCount).toBe(anna.eshopOrderCount);
    expect(customer.orders.edges.map((e: Edge) => e.node?.channel)).toEqual(Array(Math.min(5, anna.eshopOrderCount)).fill('ESHOP'));
    expect(customer.orders.edges.flatMap((e: Edge) => e.node!.lines).every((l: { product: unknown }) => l.product !== null)).toBe(true);
    expect(failed(sources)).toEqual(['marketplace']);
    expect(body.errors).toContainEqual(expect.objectContaining({ extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace' } }));

    const products = await stack.query(PRODUCTS, { skus: SKUS });
    expect(products.status).toBe(200);
    for (const product of products.body.data.products) {
      expect(product.name).toEqual(expect.any(String));
      expect(product.listPrice.gross.amount).toEqual(expect.any(String));
      expect(product.stock.length).toBeGreaterThan(0);
      expect(product.eshopListing).not.toBeNull();
      expect(product.marketplaceOffers).toBeNull();
    }
    expect(failed(products.body.extensions.sources)).toEqual(['marketplace']);
  }, 60_000);

  it('eshop: the Allegro orders and the profile stay; ESHOP is named unavailable', async () => {
    stack = await startE2eStack({ scale: SCALE });
    await stack.killSubgraph('eshop');
    const { status, customer, sources } = await callCenter(stack);
    expect(status).toBe(200);
    expect(customer.name).toBe('Anna Kowalska');
    expect(customer.loyalty.tier).toEqual(expect.any(String));
    expect(customer.orders.unavailableChannels).toEqual(['ESHOP']);
    expect(customer.orders.totalCount).toBe(anna.allegroOrderCount);
    expect(customer.orders.edges.every((e: Edge) => e.node?.channel === 'MARKETPLACE')).toBe(true);
    expect(failed(sources)).toEqual(['eshop']);

    const products = await stack.query(PRODUCTS, { skus: SKUS });
    expect(products.body.data.products.map((p: { eshopListing: unknown }) => p.eshopListing)).toEqual(SKUS.map(() => null));
    expect(
      products.body.data.products.every((p: { name: unknown; marketplaceOffers: unknown }) => p.name !== null && Array.isArray(p.marketplaceOffers)),
    ).toBe(true);
  }, 60_000);

  it('erp: every order and line stays, only the lines’ product details are null', async () => {
    stack = await startE2eStack({ scale: SCALE });
    await stack.killSubgraph('erp');
    const { status, customer, sources } = await callCenter(stack);
    expect(status).toBe(200);
    expect(customer.orders.unavailableChannels).toEqual([]);
    expect(customer.orders.totalCount).toBe(anna.eshopOrderCount + anna.allegroOrderCount);
    const lines = customer.orders.edges.flatMap((e: Edge) => e.node!.lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l: { name: string; product: unknown }) => l.name !== '' && l.product === null)).toBe(true);
    expect(failed(sources)).toEqual(['erp']);

    const products = await stack.query(PRODUCTS, { skus: SKUS });
    expect(products.status).toBe(200);
    expect(products.body.data.products).toBeNull();
    expect(failed(products.body.extensions.sources)).toEqual(['erp']);
  }, 60_000);

  it('crm: the customer cannot be found, and the rest of the operation is still answered', async () => {
    stack = await startE2eStack({ scale: SCALE });
    await stack.killSubgraph('crm');
    const { status, body } = await stack.query(
      /* GraphQL */ `
        query ($phone: String!, $skus: [ID!]!) {
          findCustomers(phone: $phone) {
            name
          }
          products(skus: $skus) {
            sku
            name
          }
        }
      `,
      { phone: anna.phone, skus: SKUS },
    );
    expect(status).toBe(200);
    expect(body.data.findCustomers).toBeNull();
    expect(body.data.products.map((p: { sku: string }) => p.sku)).toEqual(SKUS);
    expect(failed(body.extensions.sources)).toEqual(['crm']);
  }, 60_000);
});

describe('a failing Allegro API', () => {
  it('keeps the ERP name, price and stock of every product; only the offers are null', async () => {
    stack = await startE2eStack({ scale: SCALE });
    stack.simulators.allegro.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    const { status, body } = await stack.query(PRODUCTS, { skus: SKUS });
    expect(status).toBe(200);
    expect(body.data.products).toHaveLength(SKUS.length);
    for (const product of body.data.products) {
      expect(product.name).toEqual(expect.any(String));
      expect(product.stock.length).toBeGreaterThan(0);
      expect(product.marketplaceOffers).toBeNull();
    }
    expect(failed(body.extensions.sources)).toEqual(['marketplace']);
  }, 60_000);
});

describe('one request deadline', () => {
  it('answers by the caller’s deadline when an upstream hangs, with what the other sources gave', async () => {
    stack = await startE2eStack({ scale: SCALE, gatewayEnv: { GATEWAY_INTERNAL_DEADLINE_MS: '4000' } });
    stack.simulators.woocommerce.control.addFaults([{ kind: 'hang', ratio: 1 }]);
    const started = Date.now();
    const { status, body, customer, sources } = await callCenter(stack);
    const elapsedMs = Date.now() - started;
    expect(status).toBe(200);
    expect(customer, JSON.stringify(body.errors)).toBeDefined();
    expect(customer.orders.unavailableChannels).toEqual(['ESHOP']);
    expect(customer.orders.totalCount).toBe(anna.allegroOrderCount);
    expect(failed(sources)).toEqual(['eshop']);
    // the e-shop's own upstream timeout is 5 s; the 4 s deadline (3 s for the step that hangs, the rest for the steps after it) bounds the answer
    expect(elapsedMs).toBeLessThan(4_500);
  }, 60_000);
});
