/**
 * The step mutations of the other subgraphs (@inaccessible: only this orchestrator calls them). Each is idempotent
 * by its `idempotencyKey` tag: sent again after a lost answer, it finds the document it wrote and answers it with
 * `created: false` instead of writing a second one.
 */
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { Money } from './graph-reads.ts';
import type { CommandsSubgraphClient as SubgraphClient } from './context.ts';

export interface EshopParty {
  firstName: string;
  lastName: string;
  company?: string | null;
  email: string;
  phone?: string | null;
  street: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

export interface EshopCreateOrderInput {
  customerId: string;
  eshopCustomerId: string | null;
  billing: EshopParty;
  shipping: EshopParty | null;
  lines: Array<{ sku: string; quantity: number; unitGross: string; vatRate: string }>;
  delivery: { method: string; parcelLockerId?: string; storeCode?: string; storeName?: string };
  customerNote?: string;
}

export interface EshopWriteResult {
  orderId: string;
  number: string;
  created: boolean;
}

export interface RefundResult {
  refundId: string;
  amount: Money;
  status: string;
  created: boolean;
}

export interface ErpWriteResult {
  id: string;
  name: string;
  state: string;
  created: boolean;
}

export interface NoteResult {
  id: string;
}

export interface StepCalls {
  eshopCreateOrder(key: string, input: EshopCreateOrderInput, identity: RequestIdentity): Promise<EshopWriteResult>;
  eshopLinkReservation(key: string, orderId: string, erpOrderName: string, identity: RequestIdentity): Promise<EshopWriteResult>;
  eshopCreateRefund(
    key: string,
    input: { orderId: string; lines: Array<{ lineId: string; quantity: number }>; reason?: string; storeCode: string },
    identity: RequestIdentity,
  ): Promise<RefundResult>;
  marketplaceCreateRefund(
    key: string,
    input: { orderId: string; lines: Array<{ lineId: string; quantity: number }>; reason?: string },
    identity: RequestIdentity,
  ): Promise<RefundResult>;
  erpReservePickup(
    key: string,
    input: {
      storeCode: string;
      erpPartnerId: string | null;
      channelOrderRef: string;
      lines: Array<{ sku: string; quantity: number; unitGross?: string }>;
    },
    identity: RequestIdentity,
  ): Promise<ErpWriteResult>;
  erpReceiveReturn(
    key: string,
    input: { storeCode: string; orderRef: string; lines: Array<{ sku: string; quantity: number }> },
    identity: RequestIdentity,
  ): Promise<ErpWriteResult>;
  crmCreateNote(key: string, customerId: string, body: string, identity: RequestIdentity): Promise<NoteResult>;
}

const ESHOP_WRITE = 'orderId number created';
const REFUND = 'refundId amount { amount currency } status created';
const ERP_WRITE = 'id name state created';

export function createStepCalls(client: SubgraphClient): StepCalls {
  return {
    async eshopCreateOrder(key, input, identity) {
      const query = `mutation ($key: String!, $input: EshopCreateOrderInput!) { eshopCreateOrder(idempotencyKey: $key, input: $input) { ${ESHOP_WRITE} } }`;
      return (await client.request<{ eshopCreateOrder: EshopWriteResult }>('eshop', query, { key, input }, identity)).eshopCreateOrder;
    },
    async eshopLinkReservation(key, orderId, erpOrderName, identity) {
      const query = `mutation ($key: String!, $orderId: ID!, $erpOrderName: String!) {
        eshopLinkReservation(idempotencyKey: $key, orderId: $orderId, erpOrderName: $erpOrderName) { ${ESHOP_WRITE} } }`;
      return (await client.request<{ eshopLinkReservation: EshopWriteResult }>('eshop', query, { key, orderId, erpOrderName }, identity))
        .eshopLinkReservation;
    },
    async eshopCreateRefund(key, input, identity) {
      const query = `mutation ($key: String!, $input: EshopCreateRefundInput!) { eshopCreateRefund(idempotencyKey: $key, input: $input) { ${REFUND} } }`;
      return (await client.request<{ eshopCreateRefund: RefundResult }>('eshop', query, { key, input }, identity)).eshopCreateRefund;
    },
    async marketplaceCreateRefund(key, input, identity) {
      const query = `mutation ($key: String!, $input: MarketplaceCreateRefundInput!) {
        marketplaceCreateRefund(idempotencyKey: $key, input: $input) { ${REFUND} } }`;
      return (await client.request<{ marketplaceCreateRefund: RefundResult }>('marketplace', query, { key, input }, identity))
        .marketplaceCreateRefund;
    },
    async erpReservePickup(key, input, identity) {
      const query = `mutation ($key: String!, $input: ErpReservePickupInput!) { erpReservePickup(idempotencyKey: $key, input: $input) { ${ERP_WRITE} } }`;
      return (await client.request<{ erpReservePickup: ErpWriteResult }>('erp', query, { key, input }, identity)).erpReservePickup;
    },
    async erpReceiveReturn(key, input, identity) {
      const query = `mutation ($key: String!, $input: ErpReceiveReturnInput!) { erpReceiveReturn(idempotencyKey: $key, input: $input) { ${ERP_WRITE} } }`;
      return (await client.request<{ erpReceiveReturn: ErpWriteResult }>('erp', query, { key, input }, identity)).erpReceiveReturn;
    },
    async crmCreateNote(key, customerId, body, identity) {
      const query = `mutation ($key: String!, $customerId: ID!, $body: String!) { crmCreateNote(idempotencyKey: $key, customerId: $customerId, body: $body) { id } }`;
      return (await client.request<{ crmCreateNote: NoteResult }>('crm', query, { key, customerId, body }, identity)).crmCreateNote;
    },
  };
}
