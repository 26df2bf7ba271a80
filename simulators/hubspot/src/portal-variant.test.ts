import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { polishTypedPoints } from './hubspot-mappers.ts';
import { startHubSpot, TEST_SCALE, type TestClient, type WireRecord } from './test-support.ts';

const C = '/crm/v3/objects/contacts';
const CUSTOM = 'loyalty_points,loyalty_tier,consent_email_marketing,consent_updated_at,woocommerce_customer_id';

describe('portal variant text-pl: our custom properties created by hand in a Polish portal', () => {
  let standard: TestClient;
  let textPl: TestClient;
  const dataset = getDataset({ scale: TEST_SCALE });

  beforeAll(async () => {
    standard = await startHubSpot();
    textPl = await startHubSpot({ portalVariant: 'text-pl' });
  });
  afterAll(async () => {
    await standard.sim.close();
    await textPl.sim.close();
  });

  it('defines loyalty_points as text, consents as Tak/Nie, tiers in Polish, consent_updated_at as a date', async () => {
    const props = await textPl.json<{ results: { name: string; type: string; fieldType: string; options: { value: string }[] }[] }>(
      'GET',
      '/crm/v3/properties/contacts',
    );
    const byName = new Map(props.body.results.map((p) => [p.name, p]));
    expect(byName.get('loyalty_points')).toMatchObject({ type: 'string', fieldType: 'text' });
    expect(byName.get('consent_profiling')).toMatchObject({ type: 'enumeration', fieldType: 'radio' });
    expect(byName.get('consent_profiling')!.options.map((o) => o.value)).toEqual(['tak', 'nie']);
    expect(byName.get('loyalty_tier')!.options.map((o) => o.value)).toEqual(['standardowy', 'srebrny', 'zloty', 'platynowy']);
    expect(byName.get('consent_updated_at')).toMatchObject({ type: 'date', fieldType: 'date' });
    const std = await standard.json<{ type: string }>('GET', '/crm/v3/properties/contacts/loyalty_points');
    expect(std.body.type).toBe('number');
  });

  it('serves the same contacts with the values typed as text; the standard portal is unchanged', async () => {
    const ids = dataset.crmContacts.slice(0, 40).map((c) => ({ id: c.id }));
    const read = (t: TestClient) => t.json<{ results: WireRecord[] }>('POST', `${C}/batch/read`, { inputs: ids, properties: CUSTOM.split(',') });
    const [a, b] = await Promise.all([read(standard), read(textPl)]);
    const text = new Map(b.body.results.map((r) => [r.id, r.properties]));
    for (const r of a.body.results) {
      const t = text.get(r.id)!;
      const s = r.properties;
      const source = dataset.crmContacts.find((c) => c.id === r.id)!;
      expect(s['loyalty_points']).toBe(String(source.loyaltyPoints));
      expect(t['loyalty_points']).toBe(polishTypedPoints(source.loyaltyPoints, r.id));
      expect(t['consent_email_marketing']).toBe(s['consent_email_marketing'] === 'true' ? 'tak' : 'nie');
      expect(t['consent_updated_at']).toBe(s['consent_updated_at']!.slice(0, 10));
      expect(t['woocommerce_customer_id']).toBe(s['woocommerce_customer_id']);
    }
    expect(new Set(b.body.results.map((r) => /^\d+$/.test(r.properties['loyalty_points'] ?? '')))).toEqual(new Set([true, false]));
  });

  it('validates writes by the portal definitions: text points, Tak/Nie, a date at midnight UTC', async () => {
    const id = dataset.crmContacts[0]!.id;
    const ok = await textPl.json<WireRecord>('PATCH', `${C}/${id}`, {
      properties: { loyalty_points: '1 300', consent_profiling: 'tak', consent_updated_at: '1768003200000' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.properties).toMatchObject({ loyalty_points: '1 300', consent_profiling: 'tak', consent_updated_at: '2026-01-10' });
    const bad = await textPl.json<{ message: string }>('PATCH', `${C}/${id}`, { properties: { consent_profiling: 'true' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('INVALID_OPTION');
    const notMidnight = await textPl.json<{ message: string }>('PATCH', `${C}/${id}`, { properties: { consent_updated_at: '1768032000000' } });
    expect(notMidnight.status).toBe(400);
    expect(notMidnight.body.message).toContain('not midnight');
  });

  it('writes Polish points in every form people use, by contact id', () => {
    expect(polishTypedPoints(1240, '10000000000')).toBe('1 240');
    expect(polishTypedPoints(1240, '10000000001')).toBe('1240');
    expect(polishTypedPoints(1240, '10000000002')).toBe('1.240');
    expect(polishTypedPoints(1240, '10000000003')).toBe('1\u00a0240,00');
    expect(polishTypedPoints(312, '10000000003')).toBe('312,00');
  });
});
