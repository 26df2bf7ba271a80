import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/** @apollo/subgraph's `__resolveReference`, as its `_entities` resolver calls it */
type ResolveReference = (reference: unknown, context: unknown, info: unknown) => unknown;

/**
 * Lets an entity resolve to a value read from the cache. The memory cache hands out deep-frozen values (see Cache),
 * and @apollo/subgraph's `_entities` resolver defines `__typename` on whatever `__resolveReference` returns, which
 * throws on a frozen object. Such a value is shallow-copied (its fields stay shared and frozen); anything else is
 * passed on untouched, so the cost is one `Object.isFrozen` per entity. Apply it to the built schema before anything
 * else wraps the reference resolvers (guardCustomerBinding).
 */
export function allowFrozenEntities(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } };
    const original = extensions.apollo?.subgraph?.resolveReference;
    if (original === undefined) continue;
    const copying: ResolveReference = (reference, context, info) => {
      const value = original(reference, context, info);
      return value instanceof Promise ? value.then(unfrozen) : unfrozen(value);
    };
    // @apollo/subgraph reads the resolver from here (its `_entities` resolver); same shape as it writes it
    (type as { extensions: unknown }).extensions = {
      ...type.extensions,
      apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: copying } },
    };
  }
  return schema;
}

function unfrozen(value: unknown): unknown {
  return value !== null && typeof value === 'object' && Object.isFrozen(value) ? { ...value } : value;
}
