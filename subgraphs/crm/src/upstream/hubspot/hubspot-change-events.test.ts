import { describe, expect, it } from 'vitest';
import { coalesceContactEvents, mapHubSpotJournalEvent, mapHubSpotWebhookEvent } from './hubspot-change-events.ts';

const now = new Date('2026-12-06T03:00:00.000Z');

describe('mapHubSpotWebhookEvent', () => {
  it('maps contact changes, deletions, GDPR deletions and merges', () => {
    expect(mapHubSpotWebhookEvent({ subscriptionType: 'contact.propertyChange', objectId: 51, occurredAt: 1_778_576_702_911 }, now)).toEqual({
      system: 'hubspot',
      kind: 'contact',
      ids: ['51'],
      at: '2026-05-12T09:05:02.911Z',
      cause: 'hubspot:webhook:contact.propertyChange',
    });
    expect(mapHubSpotWebhookEvent({ subscriptionType: 'contact.deletion', objectId: 51 }, now)).toMatchObject({
      kind: 'contact-deleted',
      ids: ['51'],
    });
    expect(mapHubSpotWebhookEvent({ subscriptionType: 'contact.privacyDeletion', objectId: 51 }, now)).toMatchObject({
      kind: 'contact-deleted',
      gdpr: true,
    });
    expect(
      mapHubSpotWebhookEvent({ subscriptionType: 'contact.merge', objectId: 7, primaryObjectId: 7, mergedObjectIds: [8, 9] }, now),
    ).toMatchObject({
      kind: 'contact-merged',
      ids: ['7', '8', '9'],
      merge: { survivingId: '7', mergedIds: ['8', '9'] },
    });
  });

  it('ignores other objects, but takes generic object events of contacts (0-1)', () => {
    expect(mapHubSpotWebhookEvent({ subscriptionType: 'object.propertyChange', objectTypeId: '0-46', objectId: 1 }, now)).toBeNull();
    expect(mapHubSpotWebhookEvent({ subscriptionType: 'deal.creation', objectId: 1 }, now)).toBeNull();
    expect(mapHubSpotWebhookEvent({ subscriptionType: 'object.deletion', objectTypeId: '0-1', objectId: 3 }, now)).toMatchObject({
      kind: 'contact-deleted',
    });
  });
});

describe('mapHubSpotJournalEvent', () => {
  it('maps journal actions; GDPR by action or subscription type', () => {
    expect(mapHubSpotJournalEvent({ action: 'UPDATE', objectTypeId: '0-1', objectId: 5, occurredAt: '2026-12-06T02:59:00Z' }, now)).toMatchObject({
      kind: 'contact',
      ids: ['5'],
      at: '2026-12-06T02:59:00.000Z',
    });
    expect(
      mapHubSpotJournalEvent({ subscriptionType: 'GDPR_PRIVACY_DELETION', action: 'DELETE', objectTypeId: '0-1', objectId: 5 }, now),
    ).toMatchObject({ gdpr: true });
    expect(mapHubSpotJournalEvent({ action: 'MERGE', objectTypeId: '0-1', objectId: 5, mergedObjectIds: [6] }, now)).toMatchObject({
      merge: { survivingId: '5', mergedIds: ['6'] },
    });
    expect(mapHubSpotJournalEvent({ action: 'UPDATE', objectTypeId: '0-2', objectId: 5 }, now)).toBeNull();
  });
});

describe('coalesceContactEvents', () => {
  it('joins plain changes per kind and keeps merges and GDPR deletions apart', () => {
    const events = coalesceContactEvents([
      mapHubSpotWebhookEvent({ subscriptionType: 'contact.creation', objectId: 1 }, now),
      mapHubSpotWebhookEvent({ subscriptionType: 'contact.propertyChange', objectId: 1 }, now),
      mapHubSpotWebhookEvent({ subscriptionType: 'contact.propertyChange', objectId: 2 }, now),
      mapHubSpotWebhookEvent({ subscriptionType: 'contact.privacyDeletion', objectId: 3 }, now),
      mapHubSpotWebhookEvent({ subscriptionType: 'contact.merge', objectId: 4, mergedObjectIds: [5] }, now),
    ]);
    expect(events.map((e) => [e.kind, e.ids])).toEqual([
      ['contact', ['1', '2']],
      ['contact-deleted', ['3']],
      ['contact-merged', ['4', '5']],
    ]);
  });
});
