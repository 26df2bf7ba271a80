/**
 * What the pricing subgraph reads, through the other subgraphs' entity resolvers (`_entities` with `{__typename:
 * "Product", sku}`), never their upstreams: per request, one DataLoader per subgraph gathers every SKU the request
 * asks for, and each batch is one call per {@link SKUS_PER_SUBGRAPH_CALL} SKUs to that subgraph. The subgraph's own
 * loaders then split at their upstream's limit (100 SKUs per WooCommerce or Allegro call, 200 per Odoo read) and
 * serve from their caches.
 */
import DataLoader from 'dataloader';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { MoneyModel } from '@omnigraph/shared/models';
import type { SubgraphClient } from '@omnigraph/shared/subgraph-client';
import type { EshopListingRead, MarketplaceOfferRead } from './price-rules.ts';

/** The subgraphs pricing reads. */
export type PricedSubgraph = 'erp' | 'eshop' | 'marketplace';
export type PricingSubgraphClient = SubgraphClient<PricedSubgraph>;

/** SKUs per `_entities` call: far above any upstream limit, far below the subgraphs' body limit (1 MB). */
export const SKUS_PER_SUBGRAPH_CALL = 500;

export interface ErpPriceRead {
  sku: string;
  active: boolean;
  gross: MoneyModel;
}

const ERP_QUERY = /* GraphQL */ `
  query PricingErpPrices($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product {
        sku
        active
        listPrice {
          gross {
            amount
            currency
          }
        }
      }
    }
  }
`;

const ESHOP_QUERY = /* GraphQL */ `
  query PricingEshopListings($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product {
        sku
        eshopListing {
          productId
          regularPrice {
            amount
            currency
          }
          salePrice {
            amount
            currency
          }
          onSale
          saleStartsAt
          saleEndsAt
          status
        }
      }
    }
  }
`;

const MARKETPLACE_QUERY = /* GraphQL */ `
  query PricingMarketplaceOffers($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product {
        sku
        marketplaceOffers {
          offerId
          price {
            amount
            currency
          }
          status
        }
      }
    }
  }
`;

export interface ChannelReads {
  /** null where the ERP has no such SKU */
  erpPrice: DataLoader<string, ErpPriceRead | null>;
  /** null where the e-shop does not list the SKU */
  eshopListing: DataLoader<string, EshopListingRead | null>;
  marketplaceOffers: DataLoader<string, MarketplaceOfferRead[]>;
}

type Entity<T> = ({ sku?: string } & T) | null;

/**
 * One `_entities` call for `skus`, answered in key order. A failed call (the subgraph down, or its upstream failing
 * for the batch) rejects every key of it: a channel is answered whole or reported unavailable, never half.
 */
async function entities<T>(
  client: PricingSubgraphClient,
  service: PricedSubgraph,
  query: string,
  skus: readonly string[],
  identity: RequestIdentity,
): Promise<Array<Entity<T>>> {
  const data = await client.request<{ _entities: Array<Entity<T>> }>(
    service,
    query,
    { representations: skus.map((sku) => ({ __typename: 'Product', sku })) },
    identity,
  );
  return data._entities;
}

/** A request's loaders, for the caller `identity` (every subgraph sees the client's own identity and deadline). */
export function createChannelReads(client: PricingSubgraphClient, identity: RequestIdentity): ChannelReads {
  const options = { maxBatchSize: SKUS_PER_SUBGRAPH_CALL };
  return {
    erpPrice: new DataLoader(async (skus) => {
      const found = await entities<{ active: boolean; listPrice: { gross: MoneyModel } | null }>(client, 'erp', ERP_QUERY, skus, identity);
      return skus.map((sku, i) => {
        const entity = found[i];
        if (entity === null || entity === undefined || entity.listPrice === undefined || entity.listPrice === null) return null;
        return { sku, active: entity.active, gross: entity.listPrice.gross };
      });
    }, options),
    eshopListing: new DataLoader(async (skus) => {
      const found = await entities<{ eshopListing: EshopListingRead | null }>(client, 'eshop', ESHOP_QUERY, skus, identity);
      return skus.map((_sku, i) => found[i]?.eshopListing ?? null);
    }, options),
    marketplaceOffers: new DataLoader(async (skus) => {
      const found = await entities<{ marketplaceOffers: MarketplaceOfferRead[] | null }>(client, 'marketplace', MARKETPLACE_QUERY, skus, identity);
      return skus.map((_sku, i) => found[i]?.marketplaceOffers ?? []);
    }, options),
  };
}

const CATALOGUE_QUERY = /* GraphQL */ `
  query PricingCatalogueSkus($after: String, $first: Int) {
    erpCatalogueSkus(after: $after, first: $first) {
      skus
      nextCursor
    }
  }
`;

/** Every active ERP SKU, a page of {@link SKUS_PER_SUBGRAPH_CALL} per call (one Odoo read each). */
export async function listActiveSkus(client: PricingSubgraphClient, identity: RequestIdentity): Promise<string[]> {
  const skus: string[] = [];
  let after: string | null = null;
  do {
    const data: { erpCatalogueSkus: { skus: string[]; nextCursor: string | null } } = await client.request(
      'erp',
      CATALOGUE_QUERY,
      { after, first: SKUS_PER_SUBGRAPH_CALL },
      identity,
    );
    skus.push(...data.erpCatalogueSkus.skus);
    after = data.erpCatalogueSkus.nextCursor;
  } while (after !== null);
  return skus;
}
