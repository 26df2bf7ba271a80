import { registeredOperationText, type OperationRegistry } from '../edge/registered-operations.ts';
import { EXAMPLE_VARIABLES } from '../example-query.ts';
import type { ExplorerTab } from './explorer-page.ts';

/** The example every new explorer user runs first (the one `npm start` prints), with its variables. */
const FIRST = 'CallCenterCustomer';

/**
 * The registered operations as GraphiQL tabs: the call-center example first with its variables, then the others by
 * name. Each tab shows the operation file as reviewed (formatting kept, the file's leading comment dropped).
 */
export function explorerTabs(registry: OperationRegistry): ExplorerTab[] {
  const names = registry
    .all()
    .map((operation) => operation.name)
    .sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  return names.map((name) => ({
    query: registeredOperationText(name).trim(),
    ...(name === FIRST ? { variables: EXAMPLE_VARIABLES } : {}),
  }));
}
