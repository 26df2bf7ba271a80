export type { CustomerBinding } from './customer-binding.ts';
export { canonicalBinding, customerBindingSchema, isBoundAllegroLogin, isBoundEmail, MAX_BINDING_EMAILS } from './customer-binding.ts';
export type { RequestIdentity } from './request-identity.ts';
export { requestIdentitySchema, SERVICE_IDENTITY } from './request-identity.ts';
export type { IdentityFailureReason, SignIdentityOptions, VerifyIdentityResult } from './identity-header.ts';
export { IDENTITY_CLOCK_SKEW_SECONDS, IDENTITY_HEADER, IDENTITY_LIFETIME_SECONDS, signIdentity, verifyIdentity } from './identity-header.ts';
export {
  DEVELOPMENT_SUBGRAPH_SECRET,
  MIN_SUBGRAPH_SECRET_LENGTH,
  SUBGRAPH_SECRET_VARIABLE,
  subgraphSecretCheck,
  subgraphSecretEnvShape,
  subgraphSecretProductionIssues,
  subgraphSecretSchema,
} from './subgraph-secret.ts';
