/**
 * The GraphQL `ChannelIdentity` as the channel subgraphs build it and the crm subgraph receives it (`@requires`): one
 * shape for all four, each subgraph narrowing `source`, `kind` and the rules it can report.
 */
export type IdentitySourceName = 'CRM' | 'ESHOP' | 'MARKETPLACE' | 'ERP';
export type IdentityKindName = 'EMAIL' | 'PHONE' | 'ESHOP_CUSTOMER' | 'ESHOP_GUEST' | 'ALLEGRO_BUYER' | 'ERP_PARTNER';
export type IdentityRuleName = 'CRM_RECORD' | 'STORED_LINK' | 'EMAIL_MATCH' | 'PHONE_MATCH' | 'NIP_MATCH' | 'COMPANY_MATCH' | 'NAME_MATCH';

export interface ChannelIdentityModel {
  source: IdentitySourceName;
  kind: IdentityKindName;
  /** the channel's id of the person; null for e-shop guests */
  id: string | null;
  matchedOn: IdentityRuleName;
  /** a real address, never an Allegro relay */
  email: string | null;
  /** 9-digit Polish national number */
  phone: string | null;
  login: string | null;
  nip: string | null;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
  postalCode: string | null;
  since: string | null;
}
