import { defaultFieldResolver, GraphQLError, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { CustomerBinding } from '../identity/customer-binding.ts';
import { currentRequestScope } from '../sources/request-scope.ts';

type Awaitable<T> = T | Promise<T>;
/** @apollo/subgraph's `__resolveReference`, as its `_entities` resolver calls it */
type ResolveReference = (reference: unknown, context: unknown, info: unknown) => unknown;

/**
 * A row check: true when the bound customer owns the value. Declared as a method so a check may name the shape it
 * reads (an order model, a representation) without a cast: the guard hands it what the subgraph resolved.
 */
export type BindingCheck = { check(value: never, binding: CustomerBinding): Awaitable<boolean> }['check'];

export interface EntityBindingRule {
  /**
   * Checked on the representation before anything is loaded: the key and `@requires` fields come from the caller's
   * plan, so a representation naming someone else (another customer's e-mail beside the bound id) is refused before
   * it costs an upstream call.
   */
  representation?: BindingCheck;
  /** checked on what the entity resolved to (an order's customer id, billing e-mail, buyer login) */
  resolved?: BindingCheck;
}

/**
 * What one subgraph lets a customer-bound caller (ADR 0009) do, row by row. Anything not named is refused: a root
 * field, an entity type, so a subgraph that grows a field stays closed to bound callers until someone opens it here.
 */
export interface CustomerBindingPolicy {
  /** root Query fields a bound caller may run (crm: `me`); `_service` and `__typename` are always allowed */
  queryFields?: readonly string[];
  /** entity types a bound caller may resolve through `_entities`, each with its row checks */
  entities?: Readonly<Record<string, EntityBindingRule>>;
  /** object types every field of which first checks its parent (crm: `Customer` must be the bound customer) */
  rows?: Readonly<Record<string, BindingCheck>>;
}

/** The binding of the request being served: undefined for every caller that is not customer-bound. */
export function currentCustomerBinding(): CustomerBinding | undefined {
  return currentRequestScope()?.identity.customer;
}

/** The one error of a row-level refusal: the registry's FORBIDDEN, with nothing about whose the row is. */
export function notBoundCustomers(): GraphQLError {
  return new GraphQLError("Not allowed: this credential reads the signed-in customer's own data only.", {
    extensions: { code: 'FORBIDDEN' },
  });
}

/**
 * Wraps a built subgraph schema so that, for a request whose signed identity carries a customer binding, every root
 * field, entity and row outside `policy` is refused with FORBIDDEN. The gateway already lets a bound credential read
 * nothing but `me`; this is the second line for whatever reaches a subgraph anyway (a gateway bug, a plan through an
 * unexpected path, or anyone holding the subgraph secret). Callers without a binding are untouched: one check of
 * the request scope per wrapped resolver.
 */
export function guardCustomerBinding(schema: GraphQLSchema, policy: CustomerBindingPolicy): GraphQLSchema {
  const allowedQueries = new Set(['_service', ...(policy.queryFields ?? [])]);
  const entities = policy.entities ?? {};
  const queryType = schema.getQueryType();
  for (const field of Object.values(queryType?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    if (field.name === '_entities') {
      field.resolve = (source, args, context, info) => {
        const binding = currentCustomerBinding();
        if (binding !== undefined) {
          const representations = (args as { representations?: unknown }).representations;
          for (const representation of Array.isArray(representations) ? representations : []) {
            const typename = (representation as { __typename?: unknown } | null)?.__typename;
            if (typeof typename !== 'string' || !Object.hasOwn(entities, typename)) throw notBoundCustomers();
          }
        }
        return resolve(source, args, context, info);
      };
    } else if (!allowedQueries.has(field.name)) {
      field.resolve = (source, args, context, info) => {
        if (currentCustomerBinding() !== undefined) throw notBoundCustomers();
        return resolve(source, args, context, info);
      };
    }
  }
  for (const [typeName, rule] of Object.entries(entities)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`customer binding policy names ${typeName}, which is no entity here`);
    const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } };
    const original = extensions.apollo?.subgraph?.resolveReference;
    const guarded: ResolveReference = async (reference, context, info) => {
      const binding = currentCustomerBinding();
      if (binding === undefined) return original === undefined ? reference : original(reference, context, info);
      if (rule.representation !== undefined && !(await rule.representation(reference as never, binding))) throw notBoundCustomers();
      const value = original === undefined ? reference : await original(reference, context, info);
      if (value === null || value === undefined) return value;
      if (rule.resolved !== undefined && !(await rule.resolved(value as never, binding))) throw notBoundCustomers();
      return value;
    };
    // @apollo/subgraph reads the resolver from here (its `_entities` resolver); same shape as it writes it
    (type as { extensions: unknown }).extensions = {
      ...type.extensions,
      apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: guarded } },
    };
  }
  for (const [typeName, owns] of Object.entries(policy.rows ?? {})) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`customer binding policy names ${typeName}, which is no object type here`);
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (parent, args, context, info) => {
        const binding = currentCustomerBinding();
        if (binding !== undefined && !(await owns(parent as never, binding))) throw notBoundCustomers();
        return resolve(parent, args, context, info);
      };
    }
  }
  return schema;
}
