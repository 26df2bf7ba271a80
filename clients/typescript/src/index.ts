export { createOmnigraphClient, type OmnigraphClientOptions, type OmnigraphError, type OmnigraphResult, type PersistedDocument } from './client.ts';
export * from './__generated__/graphql.ts';
