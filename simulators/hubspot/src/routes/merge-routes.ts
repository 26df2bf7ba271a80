import type { Route } from '@omnigraph/simulator-core';
import { typedHandler, writeSource, type HubSpotContext } from '../hubspot-context.ts';
import { readJsonBody } from '../hubspot-errors.ts';
import { serializeRecord } from '../hubspot-wire.ts';
import { checkIdProperty, findRecord } from '../object-operations.ts';

/**
 * Contact merge and GDPR delete, the two changes that remove a contact id for good:
 * - `POST {p}/contacts/merge` `{primaryObjectId, objectIdToMerge}` → 200 the primary after the merge
 *   (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/merge);
 * - `POST {p}/contacts/gdpr-delete` `{objectId, idProperty?}` → 204; the contact is erased, not archived
 *   (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/gdpr-delete).
 * Both are journaled (MERGE, GDPR_DELETE) and sent to `contact.merge` / `contact.privacyDeletion` webhooks.
 */
export function mergeRoutes(ctx: HubSpotContext, prefix: string): Route[] {
  const mergePath = `${prefix}/:objectType/merge`;
  const gdprPath = `${prefix}/:objectType/gdpr-delete`;
  return [
    {
      method: 'POST',
      path: mergePath,
      handler: typedHandler(ctx, mergePath, (req, info) => {
        if (info.name !== 'contacts') return ctx.errors.validation(`Merging ${info.name} is not supported by the simulator`);
        const parsed = readJsonBody(req, ctx.errors);
        if (!parsed.ok) return parsed.response;
        const body = (parsed.value ?? {}) as Record<string, unknown>;
        const primaryId = String(body['primaryObjectId'] ?? '');
        const mergedId = String(body['objectIdToMerge'] ?? '');
        if (primaryId === '' || mergedId === '') return ctx.errors.validation('primaryObjectId and objectIdToMerge are required');
        if (primaryId === mergedId) return ctx.errors.validation('Cannot merge an object with itself');
        const col = ctx.store.collections.contacts;
        const primary = findRecord(col, primaryId, null, false);
        const merged = findRecord(col, mergedId, null, false);
        if (!primary || !merged) return ctx.errors.error(404, `Object not found. objectId: ${primary ? mergedId : primaryId}`, 'OBJECT_NOT_FOUND');
        ctx.store.merge(primary, merged, writeSource(ctx));
        return { status: 200, body: serializeRecord(ctx.store, primary, { properties: null }) };
      }),
    },
    {
      method: 'POST',
      path: gdprPath,
      handler: typedHandler(ctx, gdprPath, (req, info) => {
        const parsed = readJsonBody(req, ctx.errors);
        if (!parsed.ok) return parsed.response;
        const body = (parsed.value ?? {}) as Record<string, unknown>;
        const idProperty = typeof body['idProperty'] === 'string' ? body['idProperty'] : null;
        const bad = checkIdProperty(ctx, info, idProperty);
        if (bad) return bad;
        const objectId = String(body['objectId'] ?? '');
        if (objectId === '') return ctx.errors.validation('objectId is required');
        const col = ctx.store.collections[info.name];
        const record = findRecord(col, objectId, idProperty, false) ?? findRecord(col, objectId, idProperty, true);
        if (!record) return ctx.errors.error(404, `Object not found. objectId: ${objectId}`, 'OBJECT_NOT_FOUND');
        ctx.store.gdprDelete(record);
        return { status: 204 };
      }),
    },
  ];
}
