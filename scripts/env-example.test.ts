import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_CONFIG_KEYS } from '@omnigraph/gateway';
import { COMMANDS_CONFIG_KEYS } from '@omnigraph/subgraph-commands';
import { CRM_CONFIG_KEYS } from '@omnigraph/subgraph-crm';
import { ERP_CONFIG_KEYS } from '@omnigraph/subgraph-erp';
import { ESHOP_CONFIG_KEYS } from '@omnigraph/subgraph-eshop';
import { MARKETPLACE_CONFIG_KEYS } from '@omnigraph/subgraph-marketplace';
import { PRICING_CONFIG_KEYS } from '@omnigraph/subgraph-pricing';

describe('.env.example', () => {
  it('lists every variable the gateway and the subgraphs read', () => {
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    // listed either set (KEY=…) or commented out (# KEY=…) for secrets that have no safe example value
    const listed = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const read = [
      ...GATEWAY_CONFIG_KEYS,
      ...ERP_CONFIG_KEYS,
      ...ESHOP_CONFIG_KEYS,
      ...CRM_CONFIG_KEYS,
      ...MARKETPLACE_CONFIG_KEYS,
      ...COMMANDS_CONFIG_KEYS,
      ...PRICING_CONFIG_KEYS,
    ];
    expect(read.filter((k) => !listed.has(k))).toEqual([]);
  });
});
