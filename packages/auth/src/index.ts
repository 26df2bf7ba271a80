// The public API of @omnigraph/auth: key format, hashing, records, stores and the service. The CLI is an entry point
// (`npm run keys`), not part of this API.
export * from './api-key-format.ts';
export * from './api-key-record.ts';
export * from './api-key-service.ts';
export * from './cached-key-store.ts';
export * from './config.ts';
export * from './file-key-store.ts';
export * from './hash-api-key.ts';
export * from './key-store.ts';
export * from './memory-key-store.ts';
export * from './redis-key-store.ts';
export * from './usage.ts';
export * from './usage-meter.ts';
export * from './jwt/index.ts';
