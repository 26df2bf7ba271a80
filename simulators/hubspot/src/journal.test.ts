import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHubSpot, type TestClient } from './test-support.ts';

const J = '/webhooks-journal/journal-local/2026-03';
const C = '/crm/v3/objects/contacts';

interface Entry {
  url: string;
  expiresAt: string;
  currentOffset: string;
}
interface JournalFile {
  offset: string;
  journalEvents: Array<Record<string, unknown>>;
}

let t: TestClient;
beforeAll(async () => {
  t = await startHubSpot();
});
afterAll(() => t.sim.close());
beforeEach(async () => {
  await t.admin('POST', '/__simulator/reset');
});

async function createContact(email: string, extra: Record<string, string> = {}): Promise<string> {
  const res = await t.json<{ id: string }>('POST', C, { properties: { email, firstname: 'Test', ...extra } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function fileOf(entry: Entry): Promise<JournalFile> {
  const res = await fetch(entry.url); // pre-signed: no Authorization header
  expect(res.status).toBe(200);
  return (await res.json()) as JournalFile;
}

/** Reads every entry after `offset` with `next` until 204. */
async function entriesAfter(offset: string): Promise<JournalFile[]> {
  const files: JournalFile[] = [];
  for (let cursor = offset; ;) {
    const res = await t.call('GET', `${J}/offset/${cursor}/next`);
    if (res.status === 204) return files;
    expect(res.status).toBe(200);
    const entry = (await res.json()) as Entry;
    files.push(await fileOf(entry));
    cursor = entry.currentOffset;
  }
}

describe('webhooks journal', () => {
  it('is empty after a reset (204), then journals every contact change in order', async () => {
    expect((await t.call('GET', `${J}/latest`)).status).toBe(204);
    const id = await createContact('journal.one@example.pl');
    const first = await t.json<Entry>('GET', `${J}/earliest`);
    expect(first.status).toBe(200);
    expect(first.body.currentOffset).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fileOf(first.body)).journalEvents[0]).toMatchObject({ action: 'CREATE', objectTypeId: '0-1', objectId: Number(id) });
    await t.call('PATCH', `${C}/${id}`, { properties: { loyalty_points: '10' } });
    await t.call('DELETE', `${C}/${id}`);
    const later = await entriesAfter(first.body.currentOffset);
    expect(later.map((f) => f.journalEvents[0]!['action'])).toEqual(['UPDATE', 'DELETE']);
    expect(later[0]!.journalEvents[0]).toMatchObject({ propertyChanges: { loyalty_points: '10' } });
    const latest = await t.json<Entry>('GET', `${J}/latest`);
    expect((await t.call('GET', `${J}/offset/${latest.body.currentOffset}/next`)).status).toBe(204);
  });

  it('refuses an unknown offset with 404 and a missing token with 401', async () => {
    expect((await t.call('GET', `${J}/offset/00000000-0000-4000-8000-0000000fffff/next`)).status).toBe(404);
    expect((await fetch(`${t.base}${J}/latest`)).status).toBe(401);
  });

  it('merges a contact into another: primary keeps its id and gains the other e-mail; MERGE is journaled', async () => {
    const primary = await createContact('merge.primary@example.pl');
    const merged = await createContact('merge.secondary@example.pl', { allegro_buyer_login: 'merge_login' });
    const before = (await t.json<Entry>('GET', `${J}/latest`)).body.currentOffset;
    const res = await t.json<{ id: string; properties: Record<string, string> }>('POST', `${C}/merge`, {
      primaryObjectId: primary,
      objectIdToMerge: merged,
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(primary);
    const read = await t.json<{ properties: Record<string, string> }>('GET', `${C}/${primary}?properties=hs_additional_emails,allegro_buyer_login`);
    expect(read.body.properties).toMatchObject({ hs_additional_emails: 'merge.secondary@example.pl', allegro_buyer_login: 'merge_login' });
    // the old id reads as the surviving contact (HubSpot's merge aliasing), which lists it in hs_merged_object_ids
    const byOldId = await t.json<{ id: string; properties: Record<string, string> }>('GET', `${C}/${merged}?properties=hs_merged_object_ids`);
    expect(byOldId.status).toBe(200);
    expect(byOldId.body).toMatchObject({ id: primary, properties: { hs_merged_object_ids: merged } });
    const batch = await t.json<{ results: { id: string }[]; errors?: unknown[] }>('POST', `${C}/batch/read`, {
      inputs: [{ id: merged }, { id: primary }],
      properties: ['email'],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r) => r.id)).toEqual([primary]);
    // only by record id: the merged contact's old e-mail is an additional address now, not a unique key of its own
    expect((await t.call('GET', `${C}/${merged}?archived=true`)).status).toBe(200);
    const [file] = await entriesAfter(before);
    expect(file!.journalEvents[0]).toMatchObject({ action: 'MERGE', primaryObjectId: Number(primary), mergedObjectIds: [Number(merged)] });
  });

  it('erases a contact on a GDPR delete (not even archived), journaled as GDPR_DELETE', async () => {
    const id = await createContact('gdpr.person@example.pl');
    const before = (await t.json<Entry>('GET', `${J}/latest`)).body.currentOffset;
    expect((await t.call('POST', `${C}/gdpr-delete`, { objectId: 'gdpr.person@example.pl', idProperty: 'email' })).status).toBe(204);
    expect((await t.call('GET', `${C}/${id}?archived=true`)).status).toBe(404);
    const [file] = await entriesAfter(before);
    expect(file!.journalEvents[0]).toMatchObject({ action: 'GDPR_DELETE', subscriptionType: 'GDPR_PRIVACY_DELETION', objectId: Number(id) });
  });
});
