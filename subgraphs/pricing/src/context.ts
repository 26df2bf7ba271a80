/** The per-request context of the pricing subgraph: who calls, that request's channel loaders, the shared service. */
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { ChannelReads } from './channel-reads.ts';
import type { PricingService } from './pricing-service.ts';

export interface PricingContext {
  identity: RequestIdentity;
  reads: ChannelReads;
  pricing: PricingService;
}
