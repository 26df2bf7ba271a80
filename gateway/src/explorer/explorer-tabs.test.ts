import { describe, expect, it } from 'vitest';
import { loadOperationRegistry } from '../edge/registered-operations.ts';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from '../example-query.ts';
import { explorerTabs } from './explorer-tabs.ts';

describe('explorerTabs', () => {
  it('opens the call-center example first with its variables, then every other registered operation by name', () => {
    const registry = loadOperationRegistry();
    const tabs = explorerTabs(registry);
    expect(tabs[0]).toEqual({ query: EXAMPLE_QUERY, variables: EXAMPLE_VARIABLES });
    const names = tabs.map((tab) => /^(?:query|mutation) (\w+)/m.exec(tab.query)?.[1]);
    const others = registry
      .all()
      .map((operation) => operation.name)
      .filter((name) => name !== 'CallCenterCustomer')
      .sort();
    expect(names).toEqual(['CallCenterCustomer', ...others]);
    expect(tabs.slice(1).every((tab) => tab.variables === undefined && !tab.query.startsWith('#'))).toBe(true);
  });
});
