import { describe, expect, it, vi } from 'vitest';
import { createOmnigraphClient, type PersistedDocument } from './client.ts';
import { PartnerProductsBySkuDocument } from './__generated__/graphql.ts';

// the generated type does not declare the id the preset puts on the object
const products = PartnerProductsBySkuDocument as PersistedDocument<unknown, unknown>;

describe('createOmnigraphClient', () => {
  it('sends the document’s persisted id (never its text), its name, the variables and the key', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json({ data: { products: [{ sku: 'A-1' }] } }));
    const client = createOmnigraphClient({ url: 'http://gateway.invalid/graphql', apiKey: 'omg_test_x', fetch });
    const result = await client.execute(PartnerProductsBySkuDocument, { skus: ['A-1'] });
    expect(result).toEqual({ status: 200, data: { products: [{ sku: 'A-1' }] } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://gateway.invalid/graphql');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-api-key': 'omg_test_x' });
    expect(JSON.parse(String(init?.body))).toEqual({
      documentId: products.__meta__?.hash,
      operationName: 'PartnerProductsBySku',
      variables: { skus: ['A-1'] },
    });
    expect(products.__meta__?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a document generated without persisted ids before any request', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = createOmnigraphClient({ url: 'http://gateway.invalid/graphql', apiKey: 'omg_test_x', fetch });
    const { __meta__: _meta, ...withoutId } = products;
    await expect(client.execute(withoutId as typeof PartnerProductsBySkuDocument, { skus: [] })).rejects.toThrow(/no persisted id/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
