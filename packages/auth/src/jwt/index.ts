// OIDC/JWT bearer tokens for internal users (call-center staff), next to the partners' API keys.
export * from './claims.ts';
export * from './jwt-config.ts';
export * from './jwt-verifier.ts';
