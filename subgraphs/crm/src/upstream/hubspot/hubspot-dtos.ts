/**
 * zod schemas of the HubSpot CRM v3 wire JSON the adapter reads. Every property value is a string or null on the
 * wire ("1240", "true", ISO datetimes), never a number or boolean: the schemas say so, and the mappers convert.
 * Unknown keys pass through (HubSpot adds system properties such as createdate, hs_object_id, lastmodifieddate).
 */
import { z } from 'zod';

/** A HubSpot property value: always a string; null when unset; absent when not requested or not existing. */
const PropertyValue = z.string().nullable().optional();

/** The contact properties the adapter asks for, in request order. */
export const HUBSPOT_CONTACT_PROPERTIES = [
  'createdate',
  'email',
  'hs_additional_emails',
  'firstname',
  'lastname',
  'company',
  'zip',
  'phone',
  'mobilephone',
  'hs_searchable_calculated_phone_number',
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

export const HubSpotContactPropertiesDto = z.looseObject(
  Object.fromEntries(HUBSPOT_CONTACT_PROPERTIES.map((name) => [name, PropertyValue])) as Record<
    (typeof HUBSPOT_CONTACT_PROPERTIES)[number],
    typeof PropertyValue
  >,
);
export type HubSpotContactPropertiesDto = z.infer<typeof HubSpotContactPropertiesDto>;

export const HubSpotContactDto = z.looseObject({
  id: z.string().min(1),
  properties: HubSpotContactPropertiesDto,
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
  context: z.record(z.string(), z.array(z.string())).optional(),
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
