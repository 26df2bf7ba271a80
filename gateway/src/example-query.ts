import { registeredOperationText } from './edge/registered-operations.ts';

/** The ready-to-paste example printed at start and prefilled in the explorer: the call-center view of a customer. */
export const EXAMPLE_QUERY = registeredOperationText('CallCenterCustomer').trim();

export const EXAMPLE_VARIABLES = JSON.stringify({ phone: '+48 601 234 567' }, null, 2);
