export { readScopeMap, collectScopeDeclarations, SCOPE_SPEC_IDENTITY } from './scope-map.ts';
export type { ScopeMap, ScopeDeclarations } from './scope-map.ts';
export { fieldRequirement, missingScopes, UNDECLARED_SCOPE } from './field-requirement.ts';
export type { FieldRequirement } from './field-requirement.ts';
export { checkScopeCoverage } from './scope-coverage.ts';
export { checkScopeConsistency } from './scope-consistency.ts';
export type { SubgraphSdl } from './scope-consistency.ts';
export { authorizeOperation, AUTHORIZATION_BOUNDS, findOperation } from './authorize-operation.ts';
export type { AuthorizeOperationInput, AuthorizeOperationResult, RemovedField } from './authorize-operation.ts';
