/**
 * Operations a call-center client sends, shared by the end-to-end tests and the operation-limits tests, so the limits
 * are always checked against what the graph is really asked. The texts are the registered operations in
 * `schema/operations/` (the safelist partners and internal clients can be pinned to).
 */
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';

export const ORDERS_QUERY = registeredOperationText('CustomerOrders');
