/**
 * zod schemas of the HubSpot CRM v3 wire JSON the adapter reads. Every property value is a string or null on the
 * wire ("1240", "true", ISO datetimes), never a number or boolean: the schemas say so, and the mappers convert.
 * Unknown keys pass through (HubSpot adds system properties such as createdate, hs_object_id, lastmodifieddate).
 */
import { z } from 'zod';

/**
 * A HubSpot property value: a string in the v3 APIs; null when unset; absent when not requested or when the portal
 * has no such property. A JSON number or boolean (older HubSpot APIs, a proxy re-encoding the answer) is taken as its
 * text rather than failing the whole batch: the mappers read the text either way.
 */
const PropertyValue = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => String(v))
  .nullable()
  .optional();

/** A v3 record id: a numeric string ("51234567801"); a JSON number is taken as its digits. */
const RecordId = z.union([z.string().min(1), z.number().int().nonnegative()]).transform((v) => String(v));

/** Our custom contact properties (root README): a portal that has not created one answers without it. */
export const HUBSPOT_CUSTOM_CONTACT_PROPERTIES = [
  'loyalty_points',
  'loyalty_tier',
  'consent_email_marketing',
  'consent_sms_marketing',
  'consent_phone_marketing',
  'consent_profiling',
  'consent_updated_at',
  'woocommerce_customer_id',
  'allegro_buyer_id',
  'allegro_buyer_login',
  'odoo_partner_id',
] as const;

/** The contact properties the adapter asks for, in request order. */
export const HUBSPOT_CONTACT_PROPERTIES = [
  'createdate',
  'email',
  'hs_additional_emails',
  // the ids merged into this contact (";"-separated): HubSpot answers a read by a merged id with the surviving record
  'hs_merged_object_ids',
  'firstname',
  'lastname',
  'company',
  'address',
  'city',
  'zip',
  'country',
  'phone',
  'mobilephone',
  'hs_searchable_calculated_phone_number',
  ...HUBSPOT_CUSTOM_CONTACT_PROPERTIES,
] as const;

export const HubSpotContactPropertiesDto = z.looseObject(
  Object.fromEntries(HUBSPOT_CONTACT_PROPERTIES.map((name) => [name, PropertyValue])) as Record<
    (typeof HUBSPOT_CONTACT_PROPERTIES)[number],
    typeof PropertyValue
  >,
);
export type HubSpotContactPropertiesDto = z.infer<typeof HubSpotContactPropertiesDto>;

export const HubSpotContactDto = z.looseObject({
  id: RecordId,
  // always sent by v3; a record without it is still a record (every property unset)
  properties: HubSpotContactPropertiesDto.default({}),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});
export type HubSpotContactDto = z.infer<typeof HubSpotContactDto>;

/** StandardError of a batch answer; a 207 lists the missing ids under `context.ids`. */
const HubSpotBatchErrorDto = z.looseObject({
  status: z.string().optional(),
  category: z.string().optional(),
  message: z.string().optional(),
  // string lists in the SDK's StandardError; nothing here reads it, so no shape of it can fail a whole answer
  context: z.record(z.string(), z.unknown()).optional(),
});

/** `POST /crm/v3/objects/contacts/batch/read`: 200 when all were found, 207 with `errors` when some were not. */
export const HubSpotBatchReadResponseDto = z.looseObject({
  status: z.string(),
  results: z.array(HubSpotContactDto),
  numErrors: z.number().optional(),
  errors: z.array(HubSpotBatchErrorDto).optional(),
});
export type HubSpotBatchReadResponseDto = z.infer<typeof HubSpotBatchReadResponseDto>;

/** `POST /crm/v3/objects/contacts/search`. */
export const HubSpotSearchResponseDto = z.looseObject({
  total: z.number().int().nonnegative(),
  results: z.array(HubSpotContactDto),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});
export type HubSpotSearchResponseDto = z.infer<typeof HubSpotSearchResponseDto>;

/**
 * The note properties the adapter asks for: the text (HTML), when it was taken, when HubSpot stored it, and our write
 * tag (a custom property the portal must have: see the subgraph README).
 */
export const HUBSPOT_NOTE_PROPERTIES = ['hs_note_body', 'hs_timestamp', 'hs_createdate', 'omnigraph_idempotency_key'] as const;

export const HubSpotNoteDto = z.looseObject({
  id: RecordId,
  properties: z
    .looseObject(
      Object.fromEntries(HUBSPOT_NOTE_PROPERTIES.map((name) => [name, PropertyValue])) as Record<
        (typeof HUBSPOT_NOTE_PROPERTIES)[number],
        typeof PropertyValue
      >,
    )
    .default({}),
  createdAt: z.string().optional(),
  archived: z.boolean().optional(),
});
export type HubSpotNoteDto = z.infer<typeof HubSpotNoteDto>;

/** `POST /crm/v3/objects/notes/batch/read`: 207 with `errors` for ids that no longer exist. */
export const HubSpotNoteBatchReadResponseDto = z.looseObject({
  status: z.string(),
  results: z.array(HubSpotNoteDto),
  errors: z.array(HubSpotBatchErrorDto).optional(),
});

/** `POST /crm/v3/objects/notes/search`. */
export const HubSpotNoteSearchResponseDto = z.looseObject({
  total: z.number().int().nonnegative(),
  results: z.array(HubSpotNoteDto),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});

/** v4 ids are int64 on the wire: JSON numbers (`toObjectId`), but a string is accepted too. */
const HubSpotV4Id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform((id) => String(id));

/**
 * `POST /crm/v4/associations/{from}/{to}/batch/read`: one result per object that has associations (a 207 lists the
 * others as `crm.associations.NO_ASSOCIATIONS_FOUND` errors), each page of at most 500 with its own `paging`.
 */
export const HubSpotAssociationBatchReadResponseDto = z.looseObject({
  status: z.string(),
  results: z.array(
    z.looseObject({
      from: z.looseObject({ id: HubSpotV4Id }),
      to: z.array(z.looseObject({ toObjectId: HubSpotV4Id })),
      paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
    }),
  ),
  errors: z.array(HubSpotBatchErrorDto).optional(),
});
