/**
 * What the operations read before writing, through the subgraphs' existing fields (no read of their own upstreams):
 * the CRM customer, ERP products with prices and store stock, ERP stores, and an order as its channel shows it.
 */
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { MoneyModel, OrderStatusModel } from '@omnigraph/shared/models';
import type { CommandsSubgraphClient as SubgraphClient } from './context.ts';

export type Money = MoneyModel;

export interface CrmCustomer {
  id: string;
  email: string | null;
  additionalEmails: string[];
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  companyName: string | null;
  address: { street: string; city: string; postalCode: string; countryCode: string } | null;
  eshopCustomerId: string | null;
  erpPartnerId: string | null;
  allegroBuyerId: string | null;
  allegroBuyerLogin: string | null;
}

export interface ErpPrice {
  gross: Money;
  vatRate: string;
}

export interface ErpProduct {
  sku: string;
  active: boolean;
  listPrice: ErpPrice;
  partnerPrice?: ErpPrice | null;
  stock?: Array<{ available: number }>;
}

export interface ErpStore {
  code: string;
  name: string;
  kind: string;
}

export interface ChannelOrderLine {
  id: string | null;
  sku: string | null;
  quantity: number;
  returnedQuantity: number;
  unitPrice: Money;
}

export interface ChannelOrder {
  id: string;
  number: string;
  status: OrderStatusModel;
  placedAt: string;
  completedAt: string | null;
  lines: ChannelOrderLine[];
  buyerIdentity: { id: string | null; email: string | null; login: string | null } | null;
}

export type OrderChannel = 'eshop' | 'marketplace';

const CUSTOMER_QUERY = /* GraphQL */ `
  query CommandsCustomer($id: ID!) {
    customer(id: $id) {
      id
      email
      additionalEmails
      firstName
      lastName
      phone
      companyName
      address {
        street
        city
        postalCode
        countryCode
      }
      eshopCustomerId
      erpPartnerId
      allegroBuyerId
      allegroBuyerLogin
    }
  }
`;

const PRICE = 'gross { amount currency } vatRate';

/** One query, its optional parts only when asked: a partner price needs a partner id, stock a store. */
function productsQuery(withPartner: boolean, withStore: boolean): string {
  const variables = ['$skus: [ID!]!', withPartner ? '$erpPartnerId: ID!' : '', withStore ? '$store: ID!' : ''].filter(Boolean).join(', ');
  return `query CommandsProducts(${variables}) {
    products(skus: $skus) {
      sku
      active
      listPrice { ${PRICE} }
      ${withPartner ? `partnerPrice(erpPartnerId: $erpPartnerId) { ${PRICE} }` : ''}
      ${withStore ? 'stock(locationCodes: [$store]) { available }' : ''}
    }
  }`;
}

const STORES_QUERY = /* GraphQL */ `
  query CommandsStores {
    locations(kind: STORE) {
      code
      name
      kind
    }
  }
`;

const ORDER_FIELDS = `id number status placedAt completedAt
  lines { id sku quantity returnedQuantity unitPrice { amount currency } }
  buyerIdentity { id email login }`;

const ORDER_QUERY: Record<OrderChannel, string> = {
  eshop: `query CommandsEshopOrder($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on EshopOrder { ${ORDER_FIELDS} } }
  }`,
  marketplace: `query CommandsMarketplaceOrder($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on MarketplaceOrder { ${ORDER_FIELDS} } }
  }`,
};

const ENTITY_TYPE: Record<OrderChannel, string> = { eshop: 'EshopOrder', marketplace: 'MarketplaceOrder' };

export interface GraphReads {
  customer(id: string, identity: RequestIdentity): Promise<CrmCustomer | null>;
  /** in the order asked; null where the ERP has no such SKU */
  products(
    skus: readonly string[],
    identity: RequestIdentity,
    options?: { erpPartnerId?: string; storeCode?: string },
  ): Promise<Array<ErpProduct | null>>;
  stores(identity: RequestIdentity): Promise<ErpStore[]>;
  order(channel: OrderChannel, id: string, identity: RequestIdentity): Promise<ChannelOrder | null>;
}

export function createGraphReads(client: SubgraphClient): GraphReads {
  return {
    async customer(id, identity) {
      const data = await client.request<{ customer: CrmCustomer | null }>('crm', CUSTOMER_QUERY, { id }, identity);
      return data.customer;
    },
    async products(skus, identity, options = {}) {
      const withPartner = options.erpPartnerId !== undefined;
      const withStore = options.storeCode !== undefined;
      const data = await client.request<{ products: Array<ErpProduct | null> | null }>(
        'erp',
        productsQuery(withPartner, withStore),
        {
          skus,
          ...(withPartner ? { erpPartnerId: options.erpPartnerId } : {}),
          ...(withStore ? { store: options.storeCode } : {}),
        },
        identity,
      );
      return data.products ?? [];
    },
    async stores(identity) {
      const data = await client.request<{ locations: ErpStore[] | null }>('erp', STORES_QUERY, {}, identity);
      return data.locations ?? [];
    },
    async order(channel, id, identity) {
      const data = await client.request<{ _entities: Array<ChannelOrder | null> }>(
        channel,
        ORDER_QUERY[channel],
        { representations: [{ __typename: ENTITY_TYPE[channel], id }] },
        identity,
      );
      const order = data._entities[0];
      // an unknown id resolves to null, or to an entity without fields when the channel answers with nothing
      return order === null || order === undefined || order.id === undefined ? null : order;
    },
  };
}
