/**
 * The property schemas the simulator knows, per object type, in the shape of `GET /crm/v3/properties/{objectType}`.
 * The store validates every write and every loaded record against them, so the properties API never lies about
 * what the objects hold.
 */

export type ObjectTypeName = 'contacts' | 'notes';

export type PropertyType = 'string' | 'number' | 'bool' | 'date' | 'datetime' | 'enumeration' | 'phone_number';

/**
 * How the portal defined our custom contact properties. `standard`: as the README tells (loyalty_points a number,
 * consents bool, consent_updated_at a datetime, loyalty_tier options standard/silver/gold/platinum). `text-pl`: as a
 * Polish shop's staff created them by hand — loyalty_points single-line text holding what people type ("1 240",
 * "1240", "1.240", "1 240,00"), consents Tak/Nie selects, loyalty_tier options named in Polish (zloty…),
 * consent_updated_at a date picker (a `date` property: "YYYY-MM-DD").
 */
export type PortalVariant = 'standard' | 'text-pl';
export const PORTAL_VARIANTS: readonly PortalVariant[] = ['standard', 'text-pl'];

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  hasUniqueValue: boolean;
  /** HubSpot computes or manages the value: writes are refused with READ_ONLY_VALUE */
  readOnlyValue: boolean;
  calculated: boolean;
  hubspotDefined: boolean;
  options: PropertyOption[];
}

export interface ObjectTypeInfo {
  name: ObjectTypeName;
  /** the fully qualified id, e.g. `0-1`; the API accepts it in place of the name */
  objectTypeId: string;
  /** HubSpot says `CONTACT` in batch error messages */
  singularUpper: string;
  /** returned when the caller asks for no `properties` */
  defaultProperties: readonly string[];
  /** always returned next to the requested properties */
  alwaysProperties: readonly string[];
  createdProperty: string;
  modifiedProperty: string;
  /** searched by the free-text `query` of the search endpoint */
  querySearchable: readonly string[];
  properties: ReadonlyMap<string, PropertyDefinition>;
}

function options(values: readonly (readonly [string, string])[]): PropertyOption[] {
  return values.map(([value, label], displayOrder) => ({ label, value, displayOrder, hidden: false }));
}

const BOOL_OPTIONS = options([
  ['true', 'Yes'],
  ['false', 'No'],
]);

interface Def {
  label: string;
  type: PropertyType;
  fieldType?: string;
  group?: string;
  unique?: boolean;
  readOnly?: boolean;
  calculated?: boolean;
  custom?: boolean;
  options?: PropertyOption[];
  description?: string;
}

function defaultFieldType(type: PropertyType): string {
  switch (type) {
    case 'number':
      return 'number';
    case 'bool':
      return 'booleancheckbox';
    case 'date':
    case 'datetime':
      return 'date';
    case 'enumeration':
      return 'select';
    case 'phone_number':
      return 'phonenumber';
    case 'string':
      return 'text';
  }
}

function build(defs: Record<string, Def>, defaultGroup: string): Map<string, PropertyDefinition> {
  const map = new Map<string, PropertyDefinition>();
  for (const [name, d] of Object.entries(defs)) {
    map.set(name, {
      name,
      label: d.label,
      // HubSpot reports phone properties as type string with fieldType phonenumber
      type: d.type === 'phone_number' ? 'string' : d.type,
      fieldType: d.fieldType ?? defaultFieldType(d.type),
      groupName: d.group ?? defaultGroup,
      description: d.description ?? '',
      hasUniqueValue: d.unique ?? false,
      readOnlyValue: d.readOnly ?? false,
      calculated: d.calculated ?? false,
      hubspotDefined: !d.custom,
      options: d.type === 'bool' ? BOOL_OPTIONS : (d.options ?? []),
    });
  }
  return map;
}

/** The read-only, digits-only copy HubSpot keeps of a phone property for search to match numbers against. */
function searchableNumber(of: string, label: string): Def {
  return {
    label: `${label} (Searchable)`,
    type: 'string',
    readOnly: true,
    calculated: true,
    description: `The national number of ${of}, digits only`,
  };
}

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

export const LOYALTY_TIERS = ['standard', 'silver', 'gold', 'platinum'] as const;
/** The `text-pl` portal's option values of loyalty_tier, in the order of {@link LOYALTY_TIERS}, and their labels. */
export const POLISH_LOYALTY_TIERS: Readonly<Record<(typeof LOYALTY_TIERS)[number], readonly [string, string]>> = {
  standard: ['standardowy', 'Standardowy'],
  silver: ['srebrny', 'Srebrny'],
  gold: ['zloty', 'Złoty'],
  platinum: ['platynowy', 'Platynowy'],
};

const contactProperties = build(
  {
    email: { label: 'Email', type: 'string', unique: true, description: "A contact's email address" },
    firstname: { label: 'First Name', type: 'string' },
    lastname: { label: 'Last Name', type: 'string' },
    // HubSpot's standard contact property (a text field; companies proper are a separate object)
    company: { label: 'Company Name', type: 'string', description: "Name of the contact's company" },
    phone: { label: 'Phone Number', type: 'phone_number' },
    mobilephone: { label: 'Mobile Phone Number', type: 'phone_number' },
    // Secondary addresses are managed by HubSpot (merges, the secondary-email endpoints), not by property writes.
    hs_additional_emails: {
      label: 'Additional email addresses',
      type: 'enumeration',
      fieldType: 'checkbox',
      readOnly: true,
      description: 'A set of additional email addresses for a contact, separated by semicolons',
    },
    // the ids merged into this contact, ";"-separated; HubSpot keeps them so that a read by an old id still finds it
    hs_merged_object_ids: {
      label: 'Merged Contact IDs',
      type: 'enumeration',
      fieldType: 'checkbox',
      readOnly: true,
      calculated: true,
      description: 'The list of contact record IDs that have been merged into this contact',
    },
    hs_searchable_calculated_phone_number: searchableNumber('phone', 'Phone Number'),
    hs_searchable_calculated_mobile_number: searchableNumber('mobilephone', 'Mobile Phone Number'),
    address: { label: 'Street Address', type: 'string' },
    city: { label: 'City', type: 'string' },
    zip: { label: 'Postal Code', type: 'string' },
    country: { label: 'Country/Region', type: 'string' },
    lifecyclestage: {
      label: 'Lifecycle Stage',
      type: 'enumeration',
      fieldType: 'radio',
      options: options(
        LIFECYCLE_STAGES.map((v) => [
          v,
          {
            subscriber: 'Subscriber',
            lead: 'Lead',
            marketingqualifiedlead: 'Marketing Qualified Lead',
            salesqualifiedlead: 'Sales Qualified Lead',
            opportunity: 'Opportunity',
            customer: 'Customer',
            evangelist: 'Evangelist',
            other: 'Other',
          }[v],
        ]),
      ),
    },
    createdate: { label: 'Create Date', type: 'datetime', readOnly: true },
    lastmodifieddate: { label: 'Last Modified Date', type: 'datetime', readOnly: true },
    hs_object_id: { label: 'Record ID', type: 'number', unique: true, readOnly: true, calculated: true },
    hs_email_optout: {
      label: 'Unsubscribed from all email',
      type: 'bool',
      readOnly: true,
      group: 'emailinformation',
    },
    loyalty_points: { label: 'Loyalty points', type: 'number', custom: true, group: 'loyalty' },
    loyalty_tier: {
      label: 'Loyalty tier',
      type: 'enumeration',
      custom: true,
      group: 'loyalty',
      options: options(LOYALTY_TIERS.map((v) => [v, v[0]!.toUpperCase() + v.slice(1)])),
    },
    consent_email_marketing: { label: 'Consent: email marketing', type: 'bool', custom: true, group: 'consents' },
    consent_sms_marketing: { label: 'Consent: SMS marketing', type: 'bool', custom: true, group: 'consents' },
    consent_phone_marketing: { label: 'Consent: phone marketing', type: 'bool', custom: true, group: 'consents' },
    consent_profiling: { label: 'Consent: profiling', type: 'bool', custom: true, group: 'consents' },
    consent_updated_at: { label: 'Consents updated at', type: 'datetime', custom: true, group: 'consents' },
    allegro_buyer_id: { label: 'Allegro buyer id', type: 'string', unique: true, custom: true, group: 'channels' },
    allegro_buyer_login: {
      label: 'Allegro buyer login',
      type: 'string',
      unique: true,
      custom: true,
      group: 'channels',
    },
    woocommerce_customer_id: {
      label: 'WooCommerce customer id',
      type: 'number',
      unique: true,
      custom: true,
      group: 'channels',
    },
    odoo_partner_id: { label: 'Odoo partner id', type: 'number', unique: true, custom: true, group: 'channels' },
  },
  'contactinformation',
);

/** The custom contact properties of the `text-pl` portal, replacing the standard ones of the same name. */
const textPlContactProperties = build(
  {
    loyalty_points: { label: 'Punkty lojalnościowe', type: 'string', custom: true, group: 'loyalty' },
    loyalty_tier: {
      label: 'Poziom w programie',
      type: 'enumeration',
      custom: true,
      group: 'loyalty',
      options: options(LOYALTY_TIERS.map((t) => POLISH_LOYALTY_TIERS[t])),
    },
    ...Object.fromEntries(
      ['consent_email_marketing', 'consent_sms_marketing', 'consent_phone_marketing', 'consent_profiling'].map((name) => [
        name,
        {
          label: `Zgoda: ${name.slice('consent_'.length)}`,
          type: 'enumeration' as const,
          fieldType: 'radio',
          custom: true,
          group: 'consents',
          options: options([
            ['tak', 'Tak'],
            ['nie', 'Nie'],
          ]),
        },
      ]),
    ),
    consent_updated_at: { label: 'Data zgód', type: 'date', custom: true, group: 'consents' },
  },
  'contactinformation',
);

const noteProperties = build(
  {
    hs_note_body: { label: 'Note body', type: 'string', fieldType: 'html' },
    hs_timestamp: { label: 'Activity date', type: 'datetime' },
    hubspot_owner_id: { label: 'Activity assigned to', type: 'enumeration', fieldType: 'select' },
    hs_attachment_ids: { label: 'Attached file IDs', type: 'enumeration', fieldType: 'checkbox' },
    // Omnigraph's write tag (ADR 0011): a real portal needs it created once (README, "Notes"); searchable like any
    // single-line text property.
    omnigraph_idempotency_key: { label: 'Omnigraph idempotency key', type: 'string', custom: true, group: 'omnigraph' },
    hs_createdate: { label: 'Create date', type: 'datetime', readOnly: true },
    hs_lastmodifieddate: { label: 'Last modified date', type: 'datetime', readOnly: true },
    hs_object_id: { label: 'Record ID', type: 'number', unique: true, readOnly: true, calculated: true },
  },
  'engagement',
);

export const OBJECT_TYPES: Readonly<Record<ObjectTypeName, ObjectTypeInfo>> = {
  contacts: {
    name: 'contacts',
    objectTypeId: '0-1',
    singularUpper: 'CONTACT',
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    alwaysProperties: ['createdate', 'hs_object_id', 'lastmodifieddate'],
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
    querySearchable: ['firstname', 'lastname', 'email', 'hs_additional_emails', 'phone', 'mobilephone', 'company'],
    properties: contactProperties,
  },
  notes: {
    name: 'notes',
    objectTypeId: '0-46',
    singularUpper: 'NOTE',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    alwaysProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    querySearchable: ['hs_note_body'],
    properties: noteProperties,
  },
};

/** The object types as the portal variant defines them (the same names; only property definitions differ). */
export function objectTypesFor(variant: PortalVariant): Readonly<Record<ObjectTypeName, ObjectTypeInfo>> {
  if (variant === 'standard') return OBJECT_TYPES;
  return {
    ...OBJECT_TYPES,
    contacts: { ...OBJECT_TYPES.contacts, properties: new Map([...contactProperties, ...textPlContactProperties]) },
  };
}

const TYPE_ALIASES = new Map<string, ObjectTypeName>([
  ['contacts', 'contacts'],
  ['contact', 'contacts'],
  ['0-1', 'contacts'],
  ['notes', 'notes'],
  ['note', 'notes'],
  ['0-46', 'notes'],
]);

/** Resolves `contacts`, `contact` or `0-1` (HubSpot accepts all three, case-insensitively) to the canonical name. */
export function resolveObjectType(raw: string): ObjectTypeInfo | null {
  const name = TYPE_ALIASES.get(raw.toLowerCase());
  return name ? OBJECT_TYPES[name] : null;
}

/** The unique properties usable as `idProperty`. */
export function uniqueProperties(info: ObjectTypeInfo): string[] {
  return [...info.properties.values()].filter((p) => p.hasUniqueValue).map((p) => p.name);
}

/** Property definitions in the wire shape of `GET /crm/v3/properties/{objectType}`. */
export function propertyToWire(p: PropertyDefinition, createdAt: string): Record<string, unknown> {
  return {
    updatedAt: createdAt,
    createdAt,
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    description: p.description,
    groupName: p.groupName,
    options: p.options,
    displayOrder: -1,
    calculated: p.calculated,
    externalOptions: false,
    hasUniqueValue: p.hasUniqueValue,
    hidden: false,
    hubspotDefined: p.hubspotDefined,
    modificationMetadata: {
      archivable: !p.hubspotDefined,
      readOnlyDefinition: p.hubspotDefined,
      readOnlyValue: p.readOnlyValue,
    },
    formField: !p.readOnlyValue && p.type !== 'datetime',
  };
}
