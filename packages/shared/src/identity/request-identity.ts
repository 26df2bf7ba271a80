import { z } from 'zod';
import { customerBindingSchema, type CustomerBinding } from './customer-binding.ts';

/** Who the gateway is calling a subgraph for; subgraphs trust it only inside a valid signed header. */
export interface RequestIdentity {
  /** API key id, JWT `sub`, or `gateway` for the gateway's own calls */
  subject: string;
  /** `customer-token`: a customer-bound credential (ADR 0009), always with `customer` */
  kind: 'api-key' | 'jwt' | 'service' | 'customer-token';
  ownerId?: string;
  scopes: string[];
  profile: 'partner' | 'internal' | 'service';
  /**
   * Set for a customer-bound credential only: the one customer the caller may read. Subgraphs serving personal data
   * re-check every row against it (row level), whatever the gateway already refused.
   */
  customer?: CustomerBinding;
}

/** Signs the gateway's own calls (health probes, calls without a caller), which carry no caller rights. */
export const SERVICE_IDENTITY: Readonly<RequestIdentity> = Object.freeze({
  subject: 'gateway',
  kind: 'service',
  scopes: [],
  profile: 'service',
});

// Bounds keep a signed but absurd payload (a gateway bug) from reaching resolvers as an identity.
export const requestIdentitySchema = z.strictObject({
  subject: z.string().min(1).max(200),
  kind: z.enum(['api-key', 'jwt', 'service', 'customer-token']),
  ownerId: z.string().min(1).max(200).optional(),
  scopes: z.array(z.string().min(1).max(200)).max(100),
  profile: z.enum(['partner', 'internal', 'service']),
  customer: customerBindingSchema.optional(),
});
