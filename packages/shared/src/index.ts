// The public API of @omnigraph/shared. Prefer the subpath imports (`@omnigraph/shared/errors` …) in new code; this
// barrel exists for one-line imports in boot files. Test helpers live only under `@omnigraph/shared/testing`.
export * from './cache/index.ts';
export * from './config/index.ts';
export * from './errors/index.ts';
export * from './http/index.ts';
export * from './logging/index.ts';
export * from './models/index.ts';
